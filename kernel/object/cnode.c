// SPDX-License-Identifier: BSD-2-Clause
// CNode invocations (seL4 manual §3.1; seL4 cnode.c decodeCNodeInvocation): the checks in
// seL4's order with its errors and userError texts, then one CDT operation each. The tree
// operations themselves live in cspace/cdt.c.
#include "object/cnode.h"

#include "assert.h"
#include "util.h"
#include "msg/invocation.h"
#include "cspace/cdt.h"
#include "cspace/derive.h"
#include "cspace/lookup.h"
#include "object/endpoint.h"
#include "object/objecttype.h"
#include "object/tcb.h"
#include "sched/sched.h"

// ---- invoke: cannot fail except by preemption ------------------------------------------------

static exception_t invoke_cnode_insert(cap_t cap, struct cte *src, struct cte *dest)
{
    cdt_insert(cap, src, dest);
    return EXC_NONE;
}

static exception_t invoke_cnode_move(cap_t cap, struct cte *src, struct cte *dest)
{
    cte_move(cap, src, dest);
    return EXC_NONE;
}

static exception_t invoke_cnode_rotate(cap_t src_cap, cap_t pivot_cap, struct cte *src,
                                       struct cte *pivot, struct cte *dest)
{
    if (src == dest) {
        cte_swap(src_cap, src, pivot_cap, pivot);
    } else {
        cte_move(pivot_cap, pivot, dest);
        cte_move(src_cap, src, pivot);
    }
    return EXC_NONE;
}

// The last CNode label: MCS has no SaveCaller (reply objects replace the caller slot).
#ifdef CONFIG_KERNEL_MCS
#define CNODE_LAST_LABEL CNodeRotate
#else
#define CNODE_LAST_LABEL CNodeSaveCaller

// Move the thread's reply cap (from its last Call) into dest; nothing if there is none.
static exception_t invoke_cnode_save_caller(struct tcb *thread, struct cte *dest)
{
    struct cte *caller = tcb_slot(thread, TCB_CALLER);
    cap_t cap = caller->cap;

    switch (cap_type(cap)) {
    case CAP_NULL:
        USER_ERROR(thread, "CNode SaveCaller: Reply cap not present.");
        break;
    case CAP_REPLY:
        if (!cap_reply_is_master(cap)) {
            cte_move(cap, caller, dest);
        }
        break;
    default:
        panic("invoke_cnode_save_caller: caller slot holds cap type %u", (unsigned)cap_type(cap));
    }
    return EXC_NONE;
}
#endif

static exception_t invoke_cnode_cancel_badged_sends(cap_t cap)
{
    word_t badge = cap_ipc_badge(cap);
    if (badge != 0) {
        endpoint_cancel_badged_sends((struct endpoint *)cap_ptr(cap), badge);
    }
    return EXC_NONE;
}

// ---- decode ------------------------------------------------------------------------------------

/*
 * The cap a Copy or Mint writes: derive_cap of the masked/updated cap. An untyped with
 * children cannot be copied (RevokeFirst); any other refusal is IllegalOperation, which
 * the caller reports for a null result.
 */
static exception_t derive_for_copy(struct invocation *inv, const struct cte *src, cap_t cap,
                                   UNUSED const char *op, cap_t *out)
{
    exception_t status = derive_cap(&inv->error, src, cap, out);
    if (status != EXC_NONE) {
        USER_ERROR(inv->thread, "Error deriving cap for CNode %s operation.", op);
    }
    return status;
}

// Copy, Mint, Move, Mutate: dest is the already looked-up destination slot.
static exception_t decode_cnode_copy_family(struct invocation *inv, struct cte *dest)
{
    struct cte *src;
    cap_t new_cap;
    bool is_move;
    exception_t status;

    // Fewer than 4 MRs or no source root cap: TruncatedMessage.
    if (inv->length < 4 || inv->extra_count < 1) {
        USER_ERROR(inv->thread, "CNode Copy/Mint/Move/Mutate: Truncated message.");
        return error_truncated_message(inv);
    }
    word_t src_index = inv_mr(inv, 2);
    word_t src_depth = inv_mr(inv, 3);
    cap_t src_root = inv->extra[0].cap;

    // Destination slot occupied: DeleteFirst.
    if (!cap_is_null(dest->cap)) {
        USER_ERROR(inv->thread, "CNode Copy/Mint/Move/Mutate: Destination not empty.");
        return error_delete_first(inv);
    }

    // Source slot lookup: FailedLookup (source) or RangeError.
    status = lookup_slot_for_cnode_op(&inv->error, src_root, src_index, src_depth, true, &src);
    if (status != EXC_NONE) {
        USER_ERROR(inv->thread, "CNode Copy/Mint/Move/Mutate: Invalid source slot.");
        return status;
    }

    // Source slot empty: FailedLookup(source, MissingCapability(src_depth)).
    if (cap_is_null(src->cap)) {
        struct lookup_fault lf = {.type = seL4_MissingCapability, .bits_left = src_depth};
        USER_ERROR(inv->thread, "CNode Copy/Mint/Move/Mutate: Source slot invalid or empty.");
        return error_failed_lookup(inv, true, &lf);
    }

    switch (inv->label) {
    case CNodeCopy:
        // No rights word: TruncatedMessage.
        if (inv->length < 5) {
            USER_ERROR(inv->thread, "Truncated message for CNode Copy operation.");
            return error_truncated_message(inv);
        }
        new_cap = mask_cap_rights(inv_mr(inv, 4), src->cap);
        is_move = false;
        break;

    case CNodeMint:
        // No rights or badge word: TruncatedMessage.
        if (inv->length < 6) {
            USER_ERROR(inv->thread, "CNode Mint: Truncated message.");
            return error_truncated_message(inv);
        }
        new_cap = update_cap_data(false, inv_mr(inv, 5), mask_cap_rights(inv_mr(inv, 4), src->cap));
        is_move = false;
        break;

    case CNodeMove:
        new_cap = src->cap;
        is_move = true;
        break;

    case CNodeMutate:
        // No data word: TruncatedMessage.
        if (inv->length < 5) {
            USER_ERROR(inv->thread, "CNode Mutate: Truncated message.");
            return error_truncated_message(inv);
        }
        new_cap = update_cap_data(true, inv_mr(inv, 4), src->cap);
        is_move = true;
        break;

    default:
        panic("decode_cnode_copy_family: label %lu", inv->label);
    }

    // A copy (Copy, Mint) is derived: an untyped with children gives RevokeFirst.
    if (!is_move) {
        status =
            derive_for_copy(inv, src, new_cap, inv->label == CNodeCopy ? "Copy" : "Mint", &new_cap);
        if (status != EXC_NONE) {
            return status;
        }
    }

    // The new cap would be invalid (badge on a badged cap, bad guard, reply or IRQ control
    // cap, unmapped table, ...): IllegalOperation.
    if (cap_is_null(new_cap)) {
        USER_ERROR(inv->thread, "CNode Copy/Mint/Move/Mutate: Mutated cap would be invalid.");
        return error_illegal_operation(inv);
    }

    thread_set_state(inv->thread, TS_RESTART);
    if (is_move) {
        return invoke_cnode_move(new_cap, src, dest);
    }
    return invoke_cnode_insert(new_cap, src, dest);
}

static exception_t decode_cnode_rotate(struct invocation *inv, struct cte *dest)
{
    struct cte *src, *pivot;
    exception_t status;

    // Fewer than 8 MRs or fewer than 2 extra caps: TruncatedMessage.
    if (inv->length < 8 || inv->extra_count < 2) {
        return error_truncated_message(inv);
    }
    word_t pivot_data = inv_mr(inv, 2);
    word_t pivot_index = inv_mr(inv, 3);
    word_t pivot_depth = inv_mr(inv, 4);
    word_t src_data = inv_mr(inv, 5);
    word_t src_index = inv_mr(inv, 6);
    word_t src_depth = inv_mr(inv, 7);
    cap_t pivot_root = inv->extra[0].cap;
    cap_t src_root = inv->extra[1].cap;

    // Source slot lookup: FailedLookup (source) or RangeError.
    status = lookup_slot_for_cnode_op(&inv->error, src_root, src_index, src_depth, true, &src);
    if (status != EXC_NONE) {
        return status;
    }

    // Pivot slot lookup: FailedLookup (reported as source, as seL4 does) or RangeError.
    status =
        lookup_slot_for_cnode_op(&inv->error, pivot_root, pivot_index, pivot_depth, true, &pivot);
    if (status != EXC_NONE) {
        return status;
    }

    // Pivot equal to source or destination: IllegalOperation.
    if (pivot == src || pivot == dest) {
        USER_ERROR(inv->thread, "CNode Rotate: Pivot slot the same as source or dest slot.");
        return error_illegal_operation(inv);
    }

    // Destination (unless it is the source) occupied: DeleteFirst.
    if (src != dest && !cap_is_null(dest->cap)) {
        return error_delete_first(inv);
    }

    // Source empty: FailedLookup(source, MissingCapability(src_depth)).
    if (cap_is_null(src->cap)) {
        struct lookup_fault lf = {.type = seL4_MissingCapability, .bits_left = src_depth};
        return error_failed_lookup(inv, true, &lf);
    }

    // Pivot empty: FailedLookup(not source, MissingCapability(pivot_depth)).
    if (cap_is_null(pivot->cap)) {
        struct lookup_fault lf = {.type = seL4_MissingCapability, .bits_left = pivot_depth};
        return error_failed_lookup(inv, false, &lf);
    }

    cap_t new_src = update_cap_data(true, src_data, src->cap);
    cap_t new_pivot = update_cap_data(true, pivot_data, pivot->cap);

    // Source cap cannot take the data word: IllegalOperation.
    if (cap_is_null(new_src)) {
        USER_ERROR(inv->thread, "CNode Rotate: Source cap invalid.");
        return error_illegal_operation(inv);
    }

    // Pivot cap cannot take the data word: IllegalOperation.
    if (cap_is_null(new_pivot)) {
        USER_ERROR(inv->thread, "CNode Rotate: Pivot cap invalid.");
        return error_illegal_operation(inv);
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_cnode_rotate(new_src, new_pivot, src, pivot, dest);
}

// Whether cap may cancel badged sends: an endpoint cap with all four rights.
static bool cap_has_cancel_send_rights(cap_t cap)
{
    return cap_type(cap) == CAP_ENDPOINT && cap_ipc_rights(cap) == CAP_RIGHTS_ALL;
}

exception_t decode_cnode_invocation(struct invocation *inv)
{
    struct cte *dest;
    exception_t status;

    kassert(cap_type(inv->cap) == CAP_CNODE);

    // Not a CNode label: IllegalOperation.
    if (inv->label < CNodeRevoke || inv->label > CNODE_LAST_LABEL) {
        USER_ERROR(inv->thread, "CNodeCap: Illegal Operation attempted.");
        return error_illegal_operation(inv);
    }

    // No index and depth: TruncatedMessage.
    if (inv->length < 2) {
        USER_ERROR(inv->thread, "CNode operation: Truncated message.");
        return error_truncated_message(inv);
    }

    // Target (destination) slot lookup: FailedLookup (not source) or RangeError.
    status = lookup_slot_for_cnode_op(&inv->error, inv->cap, inv_mr(inv, 0), inv_mr(inv, 1), false,
                                      &dest);
    if (status != EXC_NONE) {
        USER_ERROR(inv->thread, "CNode operation: Target slot invalid.");
        return status;
    }

    switch (inv->label) {
    case CNodeCopy:
    case CNodeMint:
    case CNodeMove:
    case CNodeMutate:
        return decode_cnode_copy_family(inv, dest);

    case CNodeRevoke:
        thread_set_state(inv->thread, TS_RESTART);
        return cte_revoke(dest);

    case CNodeDelete:
        thread_set_state(inv->thread, TS_RESTART);
        return cte_delete(dest, true);

#ifndef CONFIG_KERNEL_MCS
    case CNodeSaveCaller:
        // Destination occupied: DeleteFirst.
        if (!cap_is_null(dest->cap)) {
            USER_ERROR(inv->thread, "CNode SaveCaller: Destination slot not empty.");
            return error_delete_first(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_cnode_save_caller(inv->thread, dest);
#endif

    case CNodeCancelBadgedSends:
        // Target is not an endpoint cap with all rights: IllegalOperation.
        if (!cap_has_cancel_send_rights(dest->cap)) {
            USER_ERROR(inv->thread, "CNode CancelBadgedSends: Target cap invalid.");
            return error_illegal_operation(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_cnode_cancel_badged_sends(dest->cap);

    case CNodeRotate:
        return decode_cnode_rotate(inv, dest);

    default:
        panic("decode_cnode_invocation: label %lu", inv->label);
    }
}
