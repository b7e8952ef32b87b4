// SPDX-License-Identifier: BSD-2-Clause
// The ASID table (ks_asid_table, one entry per pool) and ASID pools: ASIDControl_MakePool
// turns a 4 KiB untyped into a pool, ASIDPool_Assign gives a VSpace the lowest free ASID,
// and deleting the last VSpace or pool cap releases them (seL4's decodeARMMMUInvocation
// ASID cases, performASIDControlInvocation, deleteASID, deleteASIDPool).
#include "object/asid.h"

#include "util.h"
#include "state.h"
#include "msg/invocation.h"
#include "cspace/cdt.h"
#include "cspace/lookup.h"
#include "lib/string.h"
#include "sched/sched.h"
#include "object/vspace.h"
#include "arch/api.h"

#include <sel4/arch/invocation.h>

// What a successful MakePool does: which pool index, from which untyped, into which slot.
struct asid_make_pool_op {
    word_t pool_index;
    struct cte *untyped_slot;
    struct cte *dest;
};

// What a successful Assign does: which ASID goes to the VSpace cap in which slot.
struct asid_assign_op {
    struct asid_pool *pool;
    word_t asid;
    struct cte *vspace_slot;
};

static exception_t decode_asid_make_pool(struct invocation *inv, struct asid_make_pool_op *op)
{
    // Fewer than 2 MRs or fewer than 2 extra caps: TruncatedMessage.
    if (inv->length < 2 || inv->extra_count < 2) {
        return error_truncated_message(inv);
    }
    cptr_t index = inv_mr(inv, 0);
    word_t depth = inv_mr(inv, 1);
    struct cte *untyped_slot = inv->extra[0].slot;
    cap_t untyped = inv->extra[0].cap;
    cap_t root = inv->extra[1].cap;

    // Every pool index is taken: DeleteFirst.
    word_t i = 0;
    while (i < ASID_POOL_COUNT && ks_asid_table[i] != NULL) {
        i++;
    }
    if (i == ASID_POOL_COUNT) {
        USER_ERROR(inv->thread, "ASIDControlMakePool: No unallocated pools found.");
        return error_delete_first(inv);
    }

    // Extra cap 0 is not a non-device untyped of exactly one pool's size:
    // InvalidCapability(1).
    if (cap_type(untyped) != CAP_UNTYPED || cap_untyped_size_bits(untyped) != seL4_ASIDPoolBits ||
        cap_untyped_is_device(untyped)) {
        return error_invalid_capability(inv, 1);
    }

    // The untyped already has objects made from it: RevokeFirst.
    if (cdt_has_children(untyped_slot)) {
        return error_revoke_first(inv);
    }

    // The destination (root, index, depth) does not resolve: that lookup's error.
    struct cte *dest;
    exception_t status = lookup_slot_for_cnode_op(&inv->error, root, index, depth, false, &dest);
    if (status != EXC_NONE) {
        return status;
    }

    // The destination slot is occupied: DeleteFirst.
    if (!cap_is_null(dest->cap)) {
        return error_delete_first(inv);
    }

    op->pool_index = i;
    op->untyped_slot = untyped_slot;
    op->dest = dest;
    return EXC_NONE;
}

// Use up the untyped, make a zeroed pool in it, insert its cap below the untyped, and
// publish it in the ASID table.
static exception_t invoke_asid_make_pool(const struct asid_make_pool_op *op)
{
    cap_t untyped = op->untyped_slot->cap;
    struct asid_pool *pool = (struct asid_pool *)cap_ptr(untyped);

    op->untyped_slot->cap = cap_untyped_set_free_index(untyped, BIT(seL4_ASIDPoolBits));
    memset(pool, 0, sizeof(*pool));
    cdt_insert(cap_asid_pool_new((pptr_t)pool, op->pool_index << ASID_LOW_BITS), op->untyped_slot,
               op->dest);
    ks_asid_table[op->pool_index] = pool;
    return EXC_NONE;
}

exception_t decode_asid_control_invocation(struct invocation *inv)
{
    // Not MakePool: IllegalOperation.
    if (inv->label != ARMASIDControlMakePool) {
        return error_illegal_operation(inv);
    }
    struct asid_make_pool_op op = {0};
    exception_t status = decode_asid_make_pool(inv, &op);
    if (status != EXC_NONE) {
        return status;
    }
    thread_set_state(inv->thread, TS_RESTART);
    return invoke_asid_make_pool(&op);
}

static exception_t decode_asid_assign(struct invocation *inv, struct asid_assign_op *op)
{
    // No VSpace cap given: TruncatedMessage (Assign takes no MRs).
    if (inv->extra_count < 1) {
        return error_truncated_message(inv);
    }
    cap_t vspace = inv->extra[0].cap;

    // Extra cap 0 is not a VSpace, or the VSpace already has an ASID: InvalidCapability(1).
    if (cap_type(vspace) != CAP_VSPACE || cap_vspace_has_asid(vspace)) {
        return error_invalid_capability(inv, 1);
    }

    // The pool this cap names was deleted: FailedLookup (InvalidRoot).
    word_t base = cap_asid_pool_base(inv->cap);
    struct asid_pool *pool = ks_asid_table[asid_high(base)];
    if (pool == NULL) {
        struct lookup_fault lf = {.type = seL4_InvalidRoot};
        return error_failed_lookup(inv, false, &lf);
    }

    // The table entry is now a different pool: InvalidCapability(0).
    if ((pptr_t)pool != cap_ptr(inv->cap)) {
        return error_invalid_capability(inv, 0);
    }

    // No free ASID in the pool (ASID 0 never counts as free): DeleteFirst.
    word_t i = 0;
    while (i < ASID_POOL_ENTRIES && (base + i == 0 || pool->vspace[i] != NULL)) {
        i++;
    }
    if (i == ASID_POOL_ENTRIES) {
        return error_delete_first(inv);
    }

    op->pool = pool;
    op->asid = base + i;
    op->vspace_slot = inv->extra[0].slot;
    return EXC_NONE;
}

static exception_t invoke_asid_assign(const struct asid_assign_op *op)
{
    cap_t cap = op->vspace_slot->cap;
    op->pool->vspace[asid_low(op->asid)] = (pte_t *)cap_ptr(cap);
    op->vspace_slot->cap = cap_vspace_new(cap_ptr(cap), op->asid);
    return EXC_NONE;
}

exception_t decode_asid_pool_invocation(struct invocation *inv)
{
    // Not Assign: IllegalOperation.
    if (inv->label != ARMASIDPoolAssign) {
        return error_illegal_operation(inv);
    }
    struct asid_assign_op op = {0};
    exception_t status = decode_asid_assign(inv, &op);
    if (status != EXC_NONE) {
        return status;
    }
    thread_set_state(inv->thread, TS_RESTART);
    return invoke_asid_assign(&op);
}

void asid_delete(word_t asid, const pte_t *vspace)
{
    struct asid_pool *pool = ks_asid_table[asid_high(asid)];
    if (pool == NULL || pool->vspace[asid_low(asid)] != vspace) {
        return;
    }
    arch_tlb_invalidate_asid(asid);
    pool->vspace[asid_low(asid)] = NULL;
    vspace_activate(ks_cur_thread);
}

void asid_pool_delete(word_t base, const struct asid_pool *pool)
{
    if (ks_asid_table[asid_high(base)] != pool) {
        return;
    }
    for (word_t i = 0; i < ASID_POOL_ENTRIES; i++) {
        if (pool->vspace[i] != NULL) {
            arch_tlb_invalidate_asid(base + i);
        }
    }
    ks_asid_table[asid_high(base)] = NULL;
    vspace_activate(ks_cur_thread);
}
