// SPDX-License-Identifier: BSD-2-Clause
// cspace/cdt.c: insertion order and the parent rule, move/swap keeping tree positions,
// revoke (including grandchildren and badged subtrees), delete with finalisation of the
// last cap (endpoint waiters restarted, CNode and TCB zombies), and preempted revoke.
#include "fixtures.h"

#include "cspace/cdt.h"
#include "cspace/derive.h"
#include "object/endpoint.h"
#include "object/objecttype.h"
#include "state.h"
#include "unit_main.h"

// A fresh object of `type` carved by hand out of the untyped in `ut` into root slot `slot`.
static struct cte *child_object(struct cte *ut, word_t slot, word_t type, unsigned bits,
                                word_t offset)
{
    pptr_t p = cap_ptr(ut->cap) + offset;
    cdt_insert_new(ut, fx_slot(slot), create_object(type, p, bits, false));
    return fx_slot(slot);
}

UNIT_TEST(insert_links_child_after_parent)
{
    struct cte *ut = fx_untyped(10, 12, false);
    struct cte *ep = child_object(ut, 11, seL4_EndpointObject, 0, 0);
    assert_ptr_equal(mdb_next(ut), ep);
    assert_ptr_equal(mdb_prev(ep), ut);
    assert_true(is_mdb_parent_of(ut, ep));
    assert_true(cdt_has_children(ut));
    assert_false(cdt_has_children(ep));

    // An unbadged copy is not revocable itself, but it is a child of the original (which
    // Retype made revocable), so revoking the original removes copies.
    cdt_insert(ep->cap, ep, fx_slot(12));
    assert_ptr_equal(mdb_next(ep), fx_slot(12));
    assert_false(mdb_revocable(fx_slot(12)));
    assert_true(cdt_has_children(ep));
    assert_false(cdt_has_children(fx_slot(12)));
    assert_false(cap_is_final(ep));
    assert_false(cap_is_final(fx_slot(12)));
    // Both copies are still children of the untyped.
    assert_true(is_mdb_parent_of(ut, fx_slot(12)));
}

UNIT_TEST(badged_copy_is_child_of_unbadged_original)
{
    struct cte *ut = fx_untyped(10, 12, false);
    struct cte *ep = child_object(ut, 11, seL4_EndpointObject, 0, 0);
    cdt_insert(cap_ipc_set_badge(ep->cap, 5), ep, fx_slot(12));
    assert_true(mdb_revocable(fx_slot(12)));
    assert_true(mdb_first_badged(fx_slot(12)));
    assert_true(cdt_has_children(ep));
    // A copy of the badged cap belongs to the badged subtree...
    cdt_insert(fx_slot(12)->cap, fx_slot(12), fx_slot(13));
    assert_true(is_mdb_parent_of(fx_slot(12), fx_slot(13)));
    // ...but a different badge minted from the original starts its own subtree.
    cdt_insert(cap_ipc_set_badge(ep->cap, 6), ep, fx_slot(14));
    assert_false(is_mdb_parent_of(fx_slot(14), fx_slot(12)));

    assert_int_equal(cte_revoke(fx_slot(12)), EXC_NONE);
    assert_true(cap_is_null(fx_slot(13)->cap));
    assert_false(cap_is_null(fx_slot(12)->cap));
    assert_false(cap_is_null(fx_slot(14)->cap));
}

UNIT_TEST(revoke_removes_grandchildren)
{
    struct cte *ut = fx_untyped(10, 14, false);
    // Child untyped (same region, smaller) with its own children.
    struct cte *sub = fx_slot(11);
    cdt_insert_new(ut, sub, cap_untyped_new(cap_ptr(ut->cap), 12, false, 0));
    struct cte *a = child_object(sub, 12, seL4_EndpointObject, 0, 0);
    struct cte *b = child_object(sub, 13, seL4_NotificationObject, 0, 32);
    cdt_insert(a->cap, a, fx_slot(14)); // grand-grandchild: copy of a
    struct cte *c = child_object(ut, 15, seL4_EndpointObject, 0, 1u << 13);

    assert_int_equal(cte_revoke(ut), EXC_NONE);
    for (word_t i = 11; i <= 15; i++) {
        assert_true(cap_is_null(fx_slot(i)->cap));
        assert_null(mdb_next(fx_slot(i)));
        assert_null(mdb_prev(fx_slot(i)));
    }
    (void)b;
    (void)c;
    assert_null(mdb_next(ut));
    assert_false(cdt_has_children(ut));
}

UNIT_TEST(move_keeps_tree_position)
{
    struct cte *ut = fx_untyped(10, 12, false);
    struct cte *ep = child_object(ut, 11, seL4_EndpointObject, 0, 0);
    cdt_insert(ep->cap, ep, fx_slot(12));
    cte_move(ep->cap, ep, fx_slot(20));
    assert_true(cap_is_null(ep->cap));
    assert_ptr_equal(mdb_next(ut), fx_slot(20));
    assert_ptr_equal(mdb_prev(fx_slot(20)), ut);
    assert_ptr_equal(mdb_next(fx_slot(20)), fx_slot(12));
    assert_ptr_equal(mdb_prev(fx_slot(12)), fx_slot(20));
    assert_true(mdb_revocable(fx_slot(20)));
}

UNIT_TEST(swap_of_neighbours_and_strangers)
{
    struct cte *ut = fx_untyped(10, 12, false);
    struct cte *a = child_object(ut, 11, seL4_EndpointObject, 0, 0);
    struct cte *b = child_object(ut, 12, seL4_EndpointObject, 0, 16);
    // List: ut, b, a. Swap neighbours b and a.
    cap_t ca = a->cap, cb = b->cap;
    cte_swap(ca, a, cb, b);
    assert_int_equal(cap_ptr(a->cap), cap_ptr(cb));
    assert_int_equal(cap_ptr(b->cap), cap_ptr(ca));
    assert_ptr_equal(mdb_next(ut), a);
    assert_ptr_equal(mdb_next(a), b);
    assert_ptr_equal(mdb_prev(b), a);
    assert_ptr_equal(mdb_prev(a), ut);
    assert_null(mdb_next(b));
    // Swap with a slot elsewhere in the list (ut and b): still a consistent list.
    cte_swap(ut->cap, ut, b->cap, b);
    assert_ptr_equal(mdb_next(b), a);
    assert_ptr_equal(mdb_next(a), ut);
    assert_ptr_equal(mdb_prev(ut), a);
    assert_null(mdb_prev(b));
}

UNIT_TEST(delete_last_endpoint_cap_restarts_waiters)
{
    struct cte *ut = fx_untyped(10, 14, false);
    struct cte *ep = child_object(ut, 11, seL4_EndpointObject, 0, 0);
    struct endpoint *e = (struct endpoint *)cap_ptr(ep->cap);
    struct tcb *t = fx_tcb();
    t->priority = 10;
    t->state = TS_BLOCKED_ON_SEND;
    t->blocked_on = (pptr_t)e;
    e->head = t;
    e->state_and_tail = (word_t)t | EP_SEND;
    cdt_insert(ep->cap, ep, fx_slot(12));

    // Not the last cap: nothing happens to the waiter.
    assert_int_equal(cte_delete(fx_slot(12), true), EXC_NONE);
    assert_int_equal(t->state, TS_BLOCKED_ON_SEND);
    // The last one: the endpoint is idle and the sender restarts.
    assert_true(cap_is_final(ep));
    assert_int_equal(cte_delete(ep, true), EXC_NONE);
    assert_int_equal(t->state, TS_RESTART);
    assert_null(e->head);
    assert_int_equal(e->state_and_tail, EP_IDLE);
    assert_true(t->in_ready_queue);
}

UNIT_TEST(delete_last_cnode_cap_empties_its_slots)
{
    struct cte *ut = fx_untyped(10, 16, false);
    struct cte *cn = child_object(ut, 11, seL4_CapTableObject, 3, 0);
    struct cte *inner = (struct cte *)cap_ptr(cn->cap);
    // Inside the CNode: an endpoint made from the untyped and a copy of the root's slot-20
    // endpoint, and a nested CNode holding one more cap.
    struct cte *ep = child_object(ut, 12, seL4_EndpointObject, 0, 1u << 10);
    cte_move(ep->cap, ep, &inner[1]);
    fx_object(20, seL4_EndpointObject, 0);
    cdt_insert(fx_slot(20)->cap, fx_slot(20), &inner[5]);
    struct cte *nested = child_object(ut, 13, seL4_CapTableObject, 1, 1u << 11);
    cte_move(nested->cap, nested, &inner[7]);
    struct cte *nested_slots = (struct cte *)cap_ptr(inner[7].cap);
    cdt_insert(fx_slot(20)->cap, fx_slot(20), &nested_slots[1]);

    assert_int_equal(cte_delete(cn, true), EXC_NONE);
    assert_true(cap_is_null(cn->cap));
    for (int i = 0; i < 8; i++) {
        assert_true(cap_is_null(inner[i].cap));
    }
    // As in seL4, the nested CNode becomes a zombie in its own first slot (unreachable,
    // still a child of the untyped); its contents go when the untyped is revoked.
    assert_int_equal(cap_type(nested_slots[0].cap), CAP_ZOMBIE);
    assert_false(cap_is_null(nested_slots[1].cap));
    assert_false(cap_is_final(fx_slot(20)));
    assert_int_equal(cte_revoke(ut), EXC_NONE);
    assert_true(cap_is_null(nested_slots[0].cap));
    assert_true(cap_is_null(nested_slots[1].cap));
    // The root's endpoint cap survives, alone in the tree again.
    assert_false(cap_is_null(fx_slot(20)->cap));
    assert_true(cap_is_final(fx_slot(20)));
    assert_null(mdb_next(ut));
}

UNIT_TEST(delete_last_tcb_cap_suspends_and_clears_slots)
{
    struct cte *ut = fx_untyped(10, 14, false);
    struct cte *tc = child_object(ut, 11, seL4_TCBObject, 0, 0);
    struct tcb *t = tcb_from_pptr(cap_ptr(tc->cap));
    t->state = TS_RUNNING;
    t->priority = 5;
    cdt_insert(fx.root_cap, fx_slot(2), tcb_slot(t, TCB_CTABLE));
    assert_int_equal(cte_delete(tc, true), EXC_NONE);
    assert_true(cap_is_null(tc->cap));
    assert_int_equal(t->state, TS_INACTIVE);
    assert_true(cap_is_null(tcb_slot(t, TCB_CTABLE)->cap));
    assert_null(mdb_next(fx_slot(2)));
}

UNIT_TEST(deleting_empty_slot_is_a_no_op)
{
    assert_int_equal(cte_delete(fx_slot(50), true), EXC_NONE);
    assert_true(cap_is_null(fx_slot(50)->cap));
    cte_delete_one(fx_slot(50));
}

UNIT_TEST(preempted_revoke_resumes)
{
    struct cte *ut = fx_untyped(10, 12, false);
    for (word_t i = 0; i < 6; i++) {
        child_object(ut, 20 + i, seL4_EndpointObject, 0, i * 16);
    }
    preemption_force_after(3);
    assert_int_equal(cte_revoke(ut), EXC_PREEMPTED);
    unsigned left = 0;
    for (word_t i = 0; i < 6; i++) {
        left += !cap_is_null(fx_slot(20 + i)->cap);
    }
    assert_int_equal(left, 3);
    assert_true(cdt_has_children(ut));
    assert_int_equal(cte_revoke(ut), EXC_NONE);
    assert_false(cdt_has_children(ut));
    assert_true(ks_work_units >= 6);
}

UNIT_TEST(untyped_child_of_whole_parent_marks_parent_full)
{
    struct cte *ut = fx_untyped(10, 12, false);
    cdt_insert(ut->cap, ut, fx_slot(11));
    assert_int_equal(cap_untyped_free_index(ut->cap), BIT(12));
    assert_true(cdt_has_children(ut));
    // An untyped with children cannot be derived again: RevokeFirst.
    struct syscall_error err = {0};
    cap_t derived;
    assert_int_equal(derive_cap(&err, ut, ut->cap, &derived), EXC_SYSCALL_ERROR);
    assert_int_equal(err.type, seL4_RevokeFirst);
    assert_true(cap_is_null(derived));
}

UNIT_TEST_MAIN("cdt", cmocka_unit_test_setup(insert_links_child_after_parent, fx_setup_cmocka),
               cmocka_unit_test_setup(badged_copy_is_child_of_unbadged_original, fx_setup_cmocka),
               cmocka_unit_test_setup(revoke_removes_grandchildren, fx_setup_cmocka),
               cmocka_unit_test_setup(move_keeps_tree_position, fx_setup_cmocka),
               cmocka_unit_test_setup(swap_of_neighbours_and_strangers, fx_setup_cmocka),
               cmocka_unit_test_setup(delete_last_endpoint_cap_restarts_waiters, fx_setup_cmocka),
               cmocka_unit_test_setup(delete_last_cnode_cap_empties_its_slots, fx_setup_cmocka),
               cmocka_unit_test_setup(delete_last_tcb_cap_suspends_and_clears_slots,
                                      fx_setup_cmocka),
               cmocka_unit_test_setup(deleting_empty_slot_is_a_no_op, fx_setup_cmocka),
               cmocka_unit_test_setup(preempted_revoke_resumes, fx_setup_cmocka),
               cmocka_unit_test_setup(untyped_child_of_whole_parent_marks_parent_full,
                                      fx_setup_cmocka))
