// SPDX-License-Identifier: BSD-2-Clause
// object/notification.c: Signal/Wait/Poll semantics (badges ORed while active, FIFO
// waiters woken with x0 = badge, Poll returning 0), bound threads, cancellation, and the
// last notification cap's deletion releasing its waiters.
#include "fixtures.h"

#include "cspace/cdt.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "state.h"
#include "unit_main.h"

static struct notification *new_ntfn(word_t slot)
{
    return (struct notification *)cap_ptr(fx_object(slot, seL4_NotificationObject, 0)->cap);
}

static struct tcb *waiter(word_t prio)
{
    struct tcb *t = fx_tcb();
    t->priority = prio;
    t->state = TS_RUNNING;
    t->ctx.x[REG_CAP] = 0xdead;
    return t;
}

UNIT_TEST(signals_accumulate_until_wait)
{
    struct notification *n = new_ntfn(20);
    notification_signal(n, 0x1);
    notification_signal(n, 0x1330);
    assert_int_equal(n->tail_and_state & 3, NTFN_ACTIVE);
    assert_int_equal(n->word, 0x1331);
    struct tcb *t = waiter(10);
    notification_receive(t, n, true);
    assert_int_equal(t->ctx.x[REG_CAP], 0x1331);
    assert_int_equal(t->state, TS_RUNNING);
    assert_int_equal(n->tail_and_state & 3, NTFN_IDLE);
}

UNIT_TEST(poll_with_nothing_pending_returns_zero)
{
    struct notification *n = new_ntfn(20);
    struct tcb *t = waiter(10);
    notification_receive(t, n, false);
    assert_int_equal(t->ctx.x[REG_CAP], 0);
    assert_int_equal(t->state, TS_RUNNING);
    assert_int_equal(n->tail_and_state & 3, NTFN_IDLE);
    notification_signal(n, 4);
    notification_receive(t, n, false);
    assert_int_equal(t->ctx.x[REG_CAP], 4);
}

UNIT_TEST(waiters_block_and_wake_in_order_with_the_badge)
{
    struct notification *n = new_ntfn(20);
    struct tcb *a = waiter(10), *b = waiter(10);
    notification_receive(a, n, true);
    notification_receive(b, n, true);
    assert_int_equal(a->state, TS_BLOCKED_ON_NOTIFICATION);
    assert_int_equal(a->blocked_on, (pptr_t)n);
    assert_int_equal(n->tail_and_state & 3, NTFN_WAITING);
    assert_ptr_equal(n->head, a);

    notification_signal(n, 0x1337);
    assert_int_equal(a->state, TS_RUNNING);
    assert_int_equal(a->ctx.x[REG_CAP], 0x1337);
    // Offered to the scheduler (seL4 possibleSwitchTo); schedule() queues it as it has a
    // lower priority than the current thread.
    assert_ptr_equal(ks_sched_action, a);
    assert_int_equal(b->state, TS_BLOCKED_ON_NOTIFICATION);
    assert_ptr_equal(n->head, b);

    notification_signal(n, 2);
    assert_int_equal(b->ctx.x[REG_CAP], 2);
    assert_int_equal(n->tail_and_state & 3, NTFN_IDLE);
    assert_null(n->head);
}

UNIT_TEST(higher_priority_waiter_is_switched_to)
{
    struct notification *n = new_ntfn(20);
    struct tcb *hi = waiter(200);
    notification_receive(hi, n, true);
    notification_signal(n, 1);
    assert_int_equal(hi->state, TS_RUNNING);
    assert_ptr_equal(ks_sched_action, hi);
}

UNIT_TEST(bound_thread_in_endpoint_receive_takes_the_signal)
{
    struct notification *n = new_ntfn(20);
    struct endpoint *ep = (struct endpoint *)cap_ptr(fx_object(21, seL4_EndpointObject, 0)->cap);
    struct tcb *t = waiter(10);
    n->bound_tcb = t;
    t->bound_notification = (pptr_t)n;
    t->state = TS_BLOCKED_ON_RECEIVE;
    t->blocked_on = (pptr_t)ep;
    ep->head = t;
    ep->state_and_tail = (word_t)t | EP_RECV;

    notification_signal(n, 0x40);
    assert_int_equal(t->state, TS_RUNNING);
    assert_int_equal(t->ctx.x[REG_CAP], 0x40);
    assert_null(ep->head);
    assert_int_equal(ep->state_and_tail, EP_IDLE);
    assert_int_equal(n->tail_and_state & 3, NTFN_IDLE);
}

UNIT_TEST(bound_thread_waiting_for_a_reply_is_not_woken)
{
    struct notification *n = new_ntfn(20);
    struct tcb *t = waiter(10);
    n->bound_tcb = t;
    t->bound_notification = (pptr_t)n;
    t->state = TS_BLOCKED_ON_REPLY;
    notification_signal(n, 0x40);
    assert_int_equal(t->state, TS_BLOCKED_ON_REPLY);
    assert_int_equal(n->tail_and_state & 3, NTFN_ACTIVE);
    assert_int_equal(n->word, 0x40);
}

UNIT_TEST(cancel_wait_makes_thread_inactive)
{
    struct notification *n = new_ntfn(20);
    struct tcb *a = waiter(10), *b = waiter(10), *c = waiter(10);
    notification_receive(a, n, true);
    notification_receive(b, n, true);
    notification_receive(c, n, true);
    notification_cancel_wait(n, b);
    assert_int_equal(b->state, TS_INACTIVE);
    assert_ptr_equal(a->ep_next, c);
    assert_ptr_equal(c->ep_prev, a);
    notification_cancel_wait(n, a);
    notification_cancel_wait(n, c);
    assert_int_equal(n->tail_and_state & 3, NTFN_IDLE);
    assert_null(n->head);
}

UNIT_TEST(deleting_last_cap_restarts_waiters_and_unbinds)
{
    struct notification *n = new_ntfn(20);
    struct tcb *a = waiter(10), *b = waiter(10), *bound = waiter(10);
    n->bound_tcb = bound;
    bound->bound_notification = (pptr_t)n;
    notification_receive(a, n, true);
    notification_receive(b, n, true);
    cdt_insert(fx_slot(20)->cap, fx_slot(20), fx_slot(21));

    assert_int_equal(cte_delete(fx_slot(21), true), EXC_NONE); // a copy: nothing happens
    assert_int_equal(a->state, TS_BLOCKED_ON_NOTIFICATION);
    assert_int_equal(cte_delete(fx_slot(20), true), EXC_NONE);
    assert_int_equal(a->state, TS_RESTART);
    assert_int_equal(b->state, TS_RESTART);
    assert_true(a->in_ready_queue && b->in_ready_queue);
    assert_null(n->bound_tcb);
    assert_int_equal(bound->bound_notification, 0);
    assert_int_equal(n->tail_and_state & 3, NTFN_IDLE);
}

UNIT_TEST(signal_through_cap_ors_the_cap_badge)
{
    struct notification *n = new_ntfn(20);
    fx_slot(22)->cap = cap_ipc_set_badge(fx_slot(20)->cap, 0x1337);
    assert_int_equal(fx_handle_call(22, 0, 0), 0); // seL4_Call through the invocation path
    assert_int_equal(n->word, 0x1337);
    struct tcb *t = waiter(10);
    notification_receive(t, n, true);
    assert_int_equal(t->ctx.x[REG_CAP], 0x1337);
}

UNIT_TEST_MAIN(
    "notification", cmocka_unit_test_setup(signals_accumulate_until_wait, fx_setup_cmocka),
    cmocka_unit_test_setup(poll_with_nothing_pending_returns_zero, fx_setup_cmocka),
    cmocka_unit_test_setup(waiters_block_and_wake_in_order_with_the_badge, fx_setup_cmocka),
    cmocka_unit_test_setup(higher_priority_waiter_is_switched_to, fx_setup_cmocka),
    cmocka_unit_test_setup(bound_thread_in_endpoint_receive_takes_the_signal, fx_setup_cmocka),
    cmocka_unit_test_setup(bound_thread_waiting_for_a_reply_is_not_woken, fx_setup_cmocka),
    cmocka_unit_test_setup(cancel_wait_makes_thread_inactive, fx_setup_cmocka),
    cmocka_unit_test_setup(deleting_last_cap_restarts_waiters_and_unbinds, fx_setup_cmocka),
    cmocka_unit_test_setup(signal_through_cap_ors_the_cap_badge, fx_setup_cmocka))
