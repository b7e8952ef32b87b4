// SPDX-License-Identifier: BSD-2-Clause
// CPtr resolution through guarded CNodes, as seL4 resolves them (manual §3.1.4).
// Not responsible for what is done with the slot found: callers check its contents.
#include "cspace/lookup.h"

#include "assert.h"

#include "util.h"
#include "object/tcb.h"

static struct lookup_fault fault_invalid_root(void)
{
    return (struct lookup_fault){.type = seL4_InvalidRoot};
}

/*
 * One level of resolution, drawn for a CNode with guard size g and radix r while n bits
 * remain (most significant unresolved bit first):
 *
 *    n-1          n-g  n-g-1        n-g-r             0
 *   +-----------------+------------------+------------+
 *   |  guard (g bits) |  index (r bits)  | rest       |
 *   +-----------------+------------------+------------+
 */
exception_t resolve_address_bits(cap_t node, cptr_t cptr, word_t n_bits, struct lookup_fault *lf,
                                 struct cte **slot, word_t *bits_left)
{
    *slot = NULL;
    *bits_left = n_bits;

    if (cap_type(node) != CAP_CNODE) {
        *lf = fault_invalid_root();
        return EXC_LOOKUP_FAULT;
    }

    for (;;) {
        word_t radix = cap_cnode_radix(node);
        word_t guard_size = cap_cnode_guard_size(node);
        word_t level_bits = radix + guard_size;
        word_t guard = cap_cnode_guard(node);

        // Every CNode cap resolves at least one bit (Mint/Mutate and Retype ensure it).
        kassert(level_bits != 0);

        // The guard sits just below the bits already resolved. The shift is masked so
        // that n_bits == 64 with guard_size == 0 stays defined.
        word_t found =
            guard_size > n_bits ? 0 : (cptr >> ((n_bits - guard_size) & 63)) & MASK(guard_size);
        if (guard_size > n_bits || found != guard) {
            *lf = (struct lookup_fault){.type = seL4_GuardMismatch,
                                        .bits_left = n_bits,
                                        .guard_found = guard,
                                        .bits_found = guard_size};
            return EXC_LOOKUP_FAULT;
        }

        if (level_bits > n_bits) {
            *lf = (struct lookup_fault){
                .type = seL4_DepthMismatch, .bits_left = n_bits, .bits_found = level_bits};
            return EXC_LOOKUP_FAULT;
        }

        word_t index = (cptr >> (n_bits - level_bits)) & MASK(radix);
        struct cte *s = (struct cte *)cap_ptr(node) + index;

        if (n_bits == level_bits) {
            *slot = s;
            *bits_left = 0;
            return EXC_NONE;
        }

        n_bits -= level_bits;
        node = s->cap;
        if (cap_type(node) != CAP_CNODE) {
            // Stopped early at a non-CNode cap: the caller decides what that means.
            *slot = s;
            *bits_left = n_bits;
            return EXC_NONE;
        }
    }
}

static exception_t failed_lookup(struct syscall_error *err, bool is_source,
                                 const struct lookup_fault *lf)
{
    err->type = seL4_FailedLookup;
    err->failed_lookup_was_source = is_source;
    err->lookup = *lf;
    return EXC_SYSCALL_ERROR;
}

// lookup_slot's failures, out of line: resolve again, for the lookup fault.
static __attribute__((noinline)) exception_t
lookup_slot_failed(struct tcb *t, cptr_t cptr, struct lookup_fault *lf, struct cte **slot)
{
    word_t bits_left;
    return resolve_address_bits(tcb_slot(t, TCB_CTABLE)->cap, cptr, seL4_WordBits, lf, slot,
                                &bits_left);
}

exception_t lookup_slot(struct tcb *t, cptr_t cptr, struct lookup_fault *lf, struct cte **slot)
{
    word_t bits_left;
    *slot =
        resolve_address_bits_fast(tcb_slot(t, TCB_CTABLE)->cap, cptr, seL4_WordBits, &bits_left);
    if (likely(*slot != NULL)) {
        return EXC_NONE;
    }
    return lookup_slot_failed(t, cptr, lf, slot);
}

exception_t lookup_cap(struct tcb *t, cptr_t cptr, struct lookup_fault *lf, cap_t *cap)
{
    struct cte *slot;
    exception_t status = lookup_slot(t, cptr, lf, &slot);
    *cap = status == EXC_NONE ? slot->cap : cap_null();
    return status;
}

exception_t lookup_slot_for_cnode_op(struct syscall_error *err, cap_t root, cptr_t index,
                                     word_t depth, bool is_source, struct cte **slot)
{
    struct lookup_fault lf;
    word_t bits_left;

    *slot = NULL;

    // Root is not a CNode cap: FailedLookup with InvalidRoot.
    if (cap_type(root) != CAP_CNODE) {
        lf = fault_invalid_root();
        return failed_lookup(err, is_source, &lf);
    }

    // Depth outside [1, 64]: RangeError(1, 64).
    if (depth < 1 || depth > seL4_WordBits) {
        err->type = seL4_RangeError;
        err->range_min = 1;
        err->range_max = seL4_WordBits;
        return EXC_SYSCALL_ERROR;
    }

    // Guard or depth does not fit: FailedLookup with resolve_address_bits' fault.
    *slot = resolve_address_bits_fast(root, index, depth, &bits_left);
    if (*slot == NULL &&
        resolve_address_bits(root, index, depth, &lf, slot, &bits_left) != EXC_NONE) {
        return failed_lookup(err, is_source, &lf);
    }

    // Resolution stopped at a non-CNode cap with bits to spare: DepthMismatch(left, 0).
    if (bits_left != 0) {
        *slot = NULL;
        lf = (struct lookup_fault){
            .type = seL4_DepthMismatch, .bits_left = bits_left, .bits_found = 0};
        return failed_lookup(err, is_source, &lf);
    }
    return EXC_NONE;
}
