// SPDX-License-Identifier: BSD-2-Clause
// object/cnode.c: each CNode invocation's effect, and each rejection with seL4's error,
// details and userError text, leaving kernel memory unchanged.
#include "fixtures.h"

#include "cspace/cdt.h"
#include "object/cnode.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "unit_main.h"

#define ROOT seL4_CapInitThreadCNode

// seL4_CapRights words (libsel4's seL4_CanRead etc. are structs).
#define RIGHT_W 0x1u
#define RIGHT_R 0x2u
#define RIGHT_G 0x4u
#define RIGHTS_ALL 0xfu
#define RIGHTS_NO_WRITE 0xeu

// Invoke the root CNode with `label`, MRs and extra caps.
static exception_t cnode(struct invocation *inv, word_t label, unsigned length, const word_t *mrs,
                         struct cte *e0, struct cte *e1)
{
    *inv = fx_inv(fx_slot(ROOT), label, length, mrs, e0, e1);
    return decode_cnode_invocation(inv);
}

// Same, for an invocation that must fail: snapshot first.
static exception_t cnode_rejected(struct invocation *inv, word_t label, unsigned length,
                                  const word_t *mrs, struct cte *e0, struct cte *e1)
{
    *inv = fx_inv(fx_slot(ROOT), label, length, mrs, e0, e1);
    fx_snapshot();
    return decode_cnode_invocation(inv);
}

// ---- effects ---------------------------------------------------------------------------

UNIT_TEST(copy_masks_rights_and_links_a_child)
{
    fx_object(20, seL4_EndpointObject, 0);
    struct invocation inv;
    const word_t mrs[5] = {30, 64, 20, 64, RIGHT_R | RIGHT_G};
    assert_int_equal(cnode(&inv, CNodeCopy, 5, mrs, fx_slot(ROOT), NULL), EXC_NONE);
    cap_t c = fx_slot(30)->cap;
    assert_int_equal(cap_type(c), CAP_ENDPOINT);
    assert_int_equal(cap_ptr(c), cap_ptr(fx_slot(20)->cap));
    assert_int_equal(cap_ipc_rights(c), CAP_RIGHT_READ | CAP_RIGHT_GRANT);
    assert_true(is_mdb_parent_of(fx_slot(20), fx_slot(30)));
    assert_false(mdb_revocable(fx_slot(30)));
    assert_int_equal(fx.thread->state, TS_RESTART);
}

UNIT_TEST(mint_badges_once)
{
    fx_object(20, seL4_NotificationObject, 0);
    struct invocation inv;
    const word_t mrs[6] = {30, 64, 20, 64, RIGHTS_ALL, 0x1337};
    assert_int_equal(cnode(&inv, CNodeMint, 6, mrs, fx_slot(ROOT), NULL), EXC_NONE);
    assert_int_equal(cap_ipc_badge(fx_slot(30)->cap), 0x1337);
    assert_true(mdb_revocable(fx_slot(30)));
    assert_true(mdb_first_badged(fx_slot(30)));
    // Minting again from the badged cap: the badge cannot change.
    const word_t again[6] = {31, 64, 30, 64, RIGHTS_ALL, 0x1};
    assert_rejected(cnode_rejected(&inv, CNodeMint, 6, again, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("CNode Copy/Mint/Move/Mutate: Mutated cap would be invalid."));
    // Minting with badge 0 from a badged cap is also a new badge: refused as well.
    const word_t zero[6] = {31, 64, 30, 64, RIGHTS_ALL, 0};
    assert_rejected(cnode_rejected(&inv, CNodeMint, 6, zero, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
}

UNIT_TEST(mint_without_write_gives_a_cap_that_cannot_signal)
{
    fx_object(20, seL4_NotificationObject, 0);
    struct invocation inv;
    const word_t mrs[6] = {40, 64, 20, 64, 0, 0x1337};
    assert_int_equal(cnode(&inv, CNodeMint, 6, mrs, fx_slot(ROOT), NULL), EXC_NONE);
    assert_int_equal(cap_ipc_rights(fx_slot(40)->cap), 0);
    // Signalling through it (seL4_Call, the live invocation path) is refused with the
    // tutorial's message: InvalidCapability, MR0 = 0.
    fx_snapshot();
    word_t reply = fx_handle_call(40, 0, 0);
    assert_int_equal(msg_info_label(reply), seL4_InvalidCapability);
    assert_int_equal(msg_info_length(reply), 1);
    assert_int_equal(ctx_get_mr(&fx.thread->ctx, 0), 0);
    assert_true(hw_console_has("Attempted to invoke a read-only notification cap #40."));
    // Write-only is enough.
    const word_t wo[6] = {41, 64, 20, 64, RIGHT_W, 0x1};
    assert_int_equal(cnode(&inv, CNodeMint, 6, wo, fx_slot(ROOT), NULL), EXC_NONE);
    assert_int_equal(fx_handle_call(41, 0, 0), 0);
    struct notification *n = (struct notification *)cap_ptr(fx_slot(20)->cap);
    assert_int_equal(n->word, 0x1);
}

UNIT_TEST(move_and_mutate_keep_the_object)
{
    fx_object(20, seL4_EndpointObject, 0);
    pptr_t ep = cap_ptr(fx_slot(20)->cap);
    struct invocation inv;
    const word_t mv[4] = {31, 64, 20, 64};
    assert_int_equal(cnode(&inv, CNodeMove, 4, mv, fx_slot(ROOT), NULL), EXC_NONE);
    assert_true(cap_is_null(fx_slot(20)->cap));
    assert_int_equal(cap_ptr(fx_slot(31)->cap), ep);
    assert_true(mdb_revocable(fx_slot(31)));

    // Mutate of an endpoint cap is always invalid (no badge change by Mutate).
    const word_t mu[5] = {32, 64, 31, 64, 0};
    assert_rejected(cnode_rejected(&inv, CNodeMutate, 5, mu, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);

    // Mutate of a CNode cap sets its guard: guard 5 of 4 bits.
    fx_object(21, seL4_CapTableObject, 4);
    const word_t g[5] = {33, 64, 21, 64, (5u << 6) | 4u};
    assert_int_equal(cnode(&inv, CNodeMutate, 5, g, fx_slot(ROOT), NULL), EXC_NONE);
    assert_int_equal(cap_cnode_guard_size(fx_slot(33)->cap), 4);
    assert_int_equal(cap_cnode_guard(fx_slot(33)->cap), 5);
    // Guard size + radix above 64: invalid.
    const word_t g61[5] = {34, 64, 33, 64, 61};
    assert_rejected(cnode_rejected(&inv, CNodeMutate, 5, g61, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
}

UNIT_TEST(rotate_moves_two_caps_or_swaps)
{
    // Thread and untyped caps keep their data under Rotate (endpoint and notification caps
    // would not: Rotate cannot badge).
    fx_object(20, seL4_TCBObject, 0);
    fx_untyped(21, 12, false);
    pptr_t a = cap_ptr(fx_slot(20)->cap), b = cap_ptr(fx_slot(21)->cap);
    struct invocation inv;
    // dest 22 <- pivot 21 <- src 20.
    const word_t mrs[8] = {22, 64, 0, 21, 64, 0, 20, 64};
    assert_int_equal(cnode(&inv, CNodeRotate, 8, mrs, fx_slot(ROOT), fx_slot(ROOT)), EXC_NONE);
    assert_true(cap_is_null(fx_slot(20)->cap));
    assert_int_equal(cap_ptr(fx_slot(21)->cap), a);
    assert_int_equal(cap_ptr(fx_slot(22)->cap), b);
    // src == dest: a swap of 22 and 21.
    const word_t sw[8] = {22, 64, 0, 21, 64, 0, 22, 64};
    assert_int_equal(cnode(&inv, CNodeRotate, 8, sw, fx_slot(ROOT), fx_slot(ROOT)), EXC_NONE);
    assert_int_equal(cap_ptr(fx_slot(21)->cap), b);
    assert_int_equal(cap_ptr(fx_slot(22)->cap), a);
}

UNIT_TEST(delete_and_revoke)
{
    fx_object(20, seL4_EndpointObject, 0);
    struct invocation inv;
    const word_t cp[5] = {30, 64, 20, 64, RIGHTS_ALL};
    assert_int_equal(cnode(&inv, CNodeCopy, 5, cp, fx_slot(ROOT), NULL), EXC_NONE);
    const word_t cp2[5] = {31, 64, 30, 64, RIGHTS_ALL};
    assert_int_equal(cnode(&inv, CNodeCopy, 5, cp2, fx_slot(ROOT), NULL), EXC_NONE);
    const word_t rv[2] = {20, 64};
    assert_int_equal(cnode(&inv, CNodeRevoke, 2, rv, NULL, NULL), EXC_NONE);
    assert_true(cap_is_null(fx_slot(30)->cap));
    assert_true(cap_is_null(fx_slot(31)->cap));
    assert_false(cap_is_null(fx_slot(20)->cap));
    // A later invocation of a revoked copy finds an empty slot.
    assert_int_equal(msg_info_label(fx_handle_call(30, 0, 0)), seL4_InvalidCapability);
    assert_true(hw_console_has("Attempted to invoke a null cap #30."));
    assert_int_equal(cnode(&inv, CNodeDelete, 2, rv, NULL, NULL), EXC_NONE);
    assert_true(cap_is_null(fx_slot(20)->cap));
    // Deleting an empty slot succeeds too.
    assert_int_equal(cnode(&inv, CNodeDelete, 2, rv, NULL, NULL), EXC_NONE);
}

UNIT_TEST(save_caller_moves_the_reply_cap)
{
    struct invocation inv;
    const word_t mrs[2] = {30, 64};
    // No reply cap: success, and seL4's debug line.
    assert_int_equal(cnode(&inv, CNodeSaveCaller, 2, mrs, NULL, NULL), EXC_NONE);
    assert_true(cap_is_null(fx_slot(30)->cap));
    assert_true(hw_console_has("CNode SaveCaller: Reply cap not present."));
    struct tcb *caller = fx_tcb();
    tcb_slot(fx.thread, TCB_CALLER)->cap = cap_reply_new((pptr_t)caller, false, true);
    assert_int_equal(cnode(&inv, CNodeSaveCaller, 2, mrs, NULL, NULL), EXC_NONE);
    assert_int_equal(cap_type(fx_slot(30)->cap), CAP_REPLY);
    assert_true(cap_is_null(tcb_slot(fx.thread, TCB_CALLER)->cap));
    // Destination occupied now: DeleteFirst.
    tcb_slot(fx.thread, TCB_CALLER)->cap = cap_reply_new((pptr_t)caller, false, true);
    assert_rejected(cnode_rejected(&inv, CNodeSaveCaller, 2, mrs, NULL, NULL), inv,
                    seL4_DeleteFirst);
    assert_true(hw_console_has("CNode SaveCaller: Destination slot not empty."));
}

UNIT_TEST(cancel_badged_sends_restarts_only_that_badge)
{
    fx_object(20, seL4_EndpointObject, 0);
    struct endpoint *ep = (struct endpoint *)cap_ptr(fx_slot(20)->cap);
    struct tcb *s5 = fx_tcb(), *s6 = fx_tcb();
    s5->state = s6->state = TS_BLOCKED_ON_SEND;
    s5->blocking_badge = 5;
    s6->blocking_badge = 6;
    s5->blocked_on = s6->blocked_on = (pptr_t)ep;
    ep->head = s5;
    s5->ep_next = s6;
    s6->ep_prev = s5;
    ep->state_and_tail = (word_t)s6 | EP_SEND;
    struct invocation inv;
    const word_t mint[6] = {30, 64, 20, 64, RIGHTS_ALL, 5};
    assert_int_equal(cnode(&inv, CNodeMint, 6, mint, fx_slot(ROOT), NULL), EXC_NONE);
    const word_t cancel[2] = {30, 64};
    assert_int_equal(cnode(&inv, CNodeCancelBadgedSends, 2, cancel, NULL, NULL), EXC_NONE);
    assert_int_equal(s5->state, TS_RESTART);
    assert_int_equal(s6->state, TS_BLOCKED_ON_SEND);
    assert_ptr_equal(ep->head, s6);
    assert_int_equal(ep->state_and_tail, (word_t)s6 | EP_SEND);
    // Without all rights: IllegalOperation.
    const word_t ro[6] = {31, 64, 30, 64, RIGHTS_NO_WRITE, 0};
    assert_int_equal(cnode(&inv, CNodeCopy, 5, ro, fx_slot(ROOT), NULL), EXC_NONE);
    const word_t c31[2] = {31, 64};
    assert_rejected(cnode_rejected(&inv, CNodeCancelBadgedSends, 2, c31, NULL, NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("CNode CancelBadgedSends: Target cap invalid."));
    // Not an endpoint at all (an empty slot).
    const word_t c99[2] = {99, 64};
    assert_rejected(cnode_rejected(&inv, CNodeCancelBadgedSends, 2, c99, NULL, NULL), inv,
                    seL4_IllegalOperation);
}

// ---- rejections ----------------------------------------------------------------------------

UNIT_TEST(rejects_label_length_and_target)
{
    struct invocation inv;
    const word_t mrs[6] = {30, 64, 20, 64, 0, 0};
    assert_rejected(cnode_rejected(&inv, UntypedRetype, 6, mrs, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("CNodeCap: Illegal Operation attempted."));
    assert_rejected(cnode_rejected(&inv, DomainSetSet, 6, mrs, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
    assert_rejected(cnode_rejected(&inv, CNodeDelete, 1, mrs, NULL, NULL), inv,
                    seL4_TruncatedMessage);
    const word_t d0[2] = {30, 0};
    assert_rejected_range(cnode_rejected(&inv, CNodeDelete, 2, d0, NULL, NULL), inv, 1, 64);
    const word_t d32[2] = {30, 32};
    assert_rejected(cnode_rejected(&inv, CNodeRevoke, 2, d32, NULL, NULL), inv, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_GuardMismatch);
    assert_int_equal(inv.error.lookup.bits_left, 32);
    assert_int_equal(inv.error.lookup.bits_found, 64 - FX_ROOT_BITS);
    assert_true(hw_console_has("CNode operation: Target slot invalid."));
}

UNIT_TEST(rejects_copy_family_in_seL4_order)
{
    fx_object(20, seL4_EndpointObject, 0);
    fx_object(21, seL4_EndpointObject, 0);
    struct invocation inv;
    // Too short, or no source root.
    const word_t mrs[6] = {30, 64, 20, 64, RIGHTS_ALL, 0};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 3, mrs, fx_slot(ROOT), NULL), inv,
                    seL4_TruncatedMessage);
    assert_true(hw_console_has("CNode Copy/Mint/Move/Mutate: Truncated message."));
    assert_rejected(cnode_rejected(&inv, CNodeMove, 4, mrs, NULL, NULL), inv,
                    seL4_TruncatedMessage);
    // Destination occupied beats a bad source depth.
    const word_t occ[5] = {21, 64, 20, 99, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, occ, fx_slot(ROOT), NULL), inv,
                    seL4_DeleteFirst);
    assert_true(hw_console_has("CNode Copy/Mint/Move/Mutate: Destination not empty."));
    // Source depth out of range, source root not a CNode.
    const word_t sd[5] = {30, 64, 20, 99, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, sd, fx_slot(ROOT), NULL), inv,
                    seL4_RangeError);
    const word_t sr[5] = {30, 64, 20, 64, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, sr, fx_slot(20), NULL), inv,
                    seL4_FailedLookup);
    assert_true(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
    // Empty source: FailedLookup(source, MissingCapability(src_depth)).
    const word_t es[5] = {30, 64, 40, 64, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, es, fx_slot(ROOT), NULL), inv,
                    seL4_FailedLookup);
    assert_true(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_MissingCapability);
    assert_int_equal(inv.error.lookup.bits_left, 64);
    assert_true(hw_console_has("CNode Copy/Mint/Move/Mutate: Source slot invalid or empty."));
    // Per-operation lengths: Copy 5, Mint 6, Mutate 5.
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 4, mrs, fx_slot(ROOT), NULL), inv,
                    seL4_TruncatedMessage);
    assert_true(hw_console_has("Truncated message for CNode Copy operation."));
    assert_rejected(cnode_rejected(&inv, CNodeMint, 5, mrs, fx_slot(ROOT), NULL), inv,
                    seL4_TruncatedMessage);
    assert_rejected(cnode_rejected(&inv, CNodeMutate, 4, mrs, fx_slot(ROOT), NULL), inv,
                    seL4_TruncatedMessage);
}

UNIT_TEST(rejects_copies_of_uncopyable_caps)
{
    struct invocation inv;
    // An untyped with children: RevokeFirst.
    struct cte *ut = fx_untyped(20, 12, false);
    struct tcb *t = fx_tcb();
    cdt_insert_new(ut, fx_slot(21), cap_endpoint_new(cap_ptr(ut->cap), CAP_RIGHTS_ALL, 0));
    (void)t;
    const word_t cp[5] = {30, 64, 20, 64, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, cp, fx_slot(ROOT), NULL), inv,
                    seL4_RevokeFirst);
    const word_t mn[6] = {30, 64, 20, 64, RIGHTS_ALL, 0};
    assert_rejected(cnode_rejected(&inv, CNodeMint, 6, mn, fx_slot(ROOT), NULL), inv,
                    seL4_RevokeFirst);
    // Moving it is fine (no derivation).
    // IRQ control and reply caps cannot be copied: IllegalOperation.
    fx_slot(22)->cap = cap_irq_control_new();
    const word_t irq[5] = {30, 64, 22, 64, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, irq, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
    fx_slot(23)->cap = cap_reply_new((pptr_t)fx.thread, false, true);
    const word_t rp[5] = {30, 64, 23, 64, RIGHTS_ALL};
    assert_rejected(cnode_rejected(&inv, CNodeCopy, 5, rp, fx_slot(ROOT), NULL), inv,
                    seL4_IllegalOperation);
}

// A Rotate with these 8 words and the root CNode as both extra caps must fail with err.
static void rotate_rejected(struct invocation *inv, const word_t mrs[8], seL4_Error err)
{
    assert_rejected(cnode_rejected(inv, CNodeRotate, 8, mrs, fx_slot(ROOT), fx_slot(ROOT)), *inv,
                    err);
}

UNIT_TEST(rejects_rotate_in_seL4_order)
{
    fx_object(20, seL4_EndpointObject, 0);
    fx_object(21, seL4_NotificationObject, 0);
    fx_object(22, seL4_CapTableObject, 2);
    struct invocation inv;
    const word_t ok[8] = {25, 64, 0, 21, 64, 0, 20, 64};
    assert_rejected(cnode_rejected(&inv, CNodeRotate, 7, ok, fx_slot(ROOT), fx_slot(ROOT)), inv,
                    seL4_TruncatedMessage);
    assert_rejected(cnode_rejected(&inv, CNodeRotate, 8, ok, fx_slot(ROOT), NULL), inv,
                    seL4_TruncatedMessage);
    // Source lookup before pivot lookup; both report "source".
    const word_t bad_src[8] = {25, 64, 0, 21, 0, 0, 20, 0};
    assert_rejected(cnode_rejected(&inv, CNodeRotate, 8, bad_src, fx_slot(ROOT), fx_slot(20)), inv,
                    seL4_FailedLookup);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
    const word_t bad_piv[8] = {25, 64, 0, 21, 64, 0, 20, 64};
    assert_rejected(cnode_rejected(&inv, CNodeRotate, 8, bad_piv, fx_slot(20), fx_slot(ROOT)), inv,
                    seL4_FailedLookup);
    assert_true(inv.error.failed_lookup_was_source);
    // Pivot equal to source or destination.
    rotate_rejected(&inv, (word_t[8]){25, 64, 0, 20, 64, 0, 20, 64}, seL4_IllegalOperation);
    rotate_rejected(&inv, (word_t[8]){21, 64, 0, 21, 64, 0, 20, 64}, seL4_IllegalOperation);
    // Destination occupied.
    rotate_rejected(&inv, (word_t[8]){22, 64, 0, 21, 64, 0, 20, 64}, seL4_DeleteFirst);
    // Empty source (source) then empty pivot (not source).
    rotate_rejected(&inv, (word_t[8]){25, 64, 0, 21, 64, 0, 40, 64}, seL4_FailedLookup);
    assert_true(inv.error.failed_lookup_was_source);
    rotate_rejected(&inv, (word_t[8]){25, 64, 0, 41, 64, 0, 20, 64}, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_MissingCapability);
    assert_int_equal(inv.error.lookup.bits_left, 64);
    // Caps that cannot keep their data under Rotate (endpoints): IllegalOperation.
    rotate_rejected(&inv, ok, seL4_IllegalOperation);
    assert_true(hw_console_has("CNode Rotate: Source cap invalid."));
    // A CNode source with a valid guard word and a notification pivot: pivot invalid.
    rotate_rejected(&inv, (word_t[8]){25, 64, 0, 21, 64, 0, 22, 64}, seL4_IllegalOperation);
    assert_true(hw_console_has("CNode Rotate: Pivot cap invalid."));
}

UNIT_TEST_MAIN(
    "cnode", cmocka_unit_test_setup(copy_masks_rights_and_links_a_child, fx_setup_cmocka),
    cmocka_unit_test_setup(mint_badges_once, fx_setup_cmocka),
    cmocka_unit_test_setup(mint_without_write_gives_a_cap_that_cannot_signal, fx_setup_cmocka),
    cmocka_unit_test_setup(move_and_mutate_keep_the_object, fx_setup_cmocka),
    cmocka_unit_test_setup(rotate_moves_two_caps_or_swaps, fx_setup_cmocka),
    cmocka_unit_test_setup(delete_and_revoke, fx_setup_cmocka),
    cmocka_unit_test_setup(save_caller_moves_the_reply_cap, fx_setup_cmocka),
    cmocka_unit_test_setup(cancel_badged_sends_restarts_only_that_badge, fx_setup_cmocka),
    cmocka_unit_test_setup(rejects_label_length_and_target, fx_setup_cmocka),
    cmocka_unit_test_setup(rejects_copy_family_in_seL4_order, fx_setup_cmocka),
    cmocka_unit_test_setup(rejects_copies_of_uncopyable_caps, fx_setup_cmocka),
    cmocka_unit_test_setup(rejects_rotate_in_seL4_order, fx_setup_cmocka))
