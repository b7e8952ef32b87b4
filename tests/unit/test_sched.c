// SPDX-License-Identifier: BSD-2-Clause
// sched/sched.c: the ready queues and their bitmap, seL4's schedule() decisions (keep the
// current thread, a woken thread that beats it, round robin at equal priority, idle),
// Yield, and the timer tick's time slice.
#include "fixtures.h"

#include "sched/sched.h"
#include "state.h"
#include "unit_main.h"

static struct tcb *thread(word_t prio)
{
    struct tcb *t = fx_tcb();
    t->priority = prio;
    t->state = TS_RUNNING;
    t->time_slice = CONFIG_TIME_SLICE;
    return t;
}

UNIT_TEST(enqueue_puts_in_front_and_append_behind)
{
    struct tcb *a = thread(50), *b = thread(50), *c = thread(50);
    sched_append(a);
    sched_append(b);
    sched_enqueue(c);
    assert_ptr_equal(ks_ready_head[50], c);
    assert_ptr_equal(c->sched_next, a);
    assert_ptr_equal(a->sched_next, b);
    assert_ptr_equal(ks_ready_tail[50], b);
    assert_true(ks_ready_bitmap[0] & BIT(50));
    // Queuing twice changes nothing.
    sched_append(c);
    assert_ptr_equal(ks_ready_head[50], c);
    sched_dequeue(a);
    assert_ptr_equal(c->sched_next, b);
    assert_ptr_equal(b->sched_prev, c);
    assert_false(a->in_ready_queue);
    sched_dequeue(c);
    sched_dequeue(b);
    assert_null(ks_ready_head[50]);
    assert_null(ks_ready_tail[50]);
    assert_false(ks_ready_bitmap[0] & BIT(50));
}

UNIT_TEST(the_current_thread_stays_without_a_request)
{
    struct tcb *other = thread(200);
    sched_append(other); // higher, but nobody asked for a reschedule
    schedule();
    assert_ptr_equal(ks_cur_thread, fx.thread);
    sched_reschedule_required();
    schedule();
    assert_ptr_equal(ks_cur_thread, other);
    assert_true(fx.thread->in_ready_queue); // still runnable: back in its queue
    assert_false(other->in_ready_queue);    // the current thread is never queued
}

UNIT_TEST(a_woken_thread_runs_only_if_it_beats_the_current_one)
{
    struct tcb *low = thread(50), *high = thread(150);
    sched_possible_switch_to(low);
    schedule();
    assert_ptr_equal(ks_cur_thread, fx.thread); // 100 beats 50: low waits in its queue
    assert_true(low->in_ready_queue);
    sched_possible_switch_to(high);
    schedule();
    assert_ptr_equal(ks_cur_thread, high);
    assert_true(fx.thread->in_ready_queue);
}

UNIT_TEST(equal_priority_goes_behind_the_current_one)
{
    struct tcb *peer = thread(100);
    sched_possible_switch_to(peer);
    schedule();
    // Appended behind, then the queue's head runs: the current thread, queued first.
    assert_ptr_equal(ks_cur_thread, fx.thread);
    assert_ptr_equal(ks_ready_head[100], peer);
}

UNIT_TEST(yield_and_the_time_slice_rotate_equal_priorities)
{
    struct tcb *peer = thread(100);
    sched_append(peer);
    sched_yield_current();
    schedule();
    assert_ptr_equal(ks_cur_thread, peer);
    assert_ptr_equal(ks_ready_head[100], fx.thread);
    // The timer: CONFIG_TIME_SLICE ticks, then the next one in line.
    for (unsigned i = 1; i < CONFIG_TIME_SLICE; i++) {
        sched_timer_tick();
        assert_null(ks_sched_action);
        assert_int_equal(peer->time_slice, CONFIG_TIME_SLICE - i);
    }
    sched_timer_tick();
    assert_int_equal(peer->time_slice, CONFIG_TIME_SLICE);
    schedule();
    assert_ptr_equal(ks_cur_thread, fx.thread);
}

UNIT_TEST(nothing_runnable_is_idle)
{
    thread_set_state(fx.thread, TS_INACTIVE);
    assert_ptr_equal(ks_sched_action, (struct tcb *)1); // a reschedule was requested
    schedule();
    assert_null(ks_cur_thread);
    sched_timer_tick(); // idle: nothing to account
    assert_null(ks_sched_action);
}

UNIT_TEST_MAIN(
    "sched", cmocka_unit_test_setup(enqueue_puts_in_front_and_append_behind, fx_setup_cmocka),
    cmocka_unit_test_setup(the_current_thread_stays_without_a_request, fx_setup_cmocka),
    cmocka_unit_test_setup(a_woken_thread_runs_only_if_it_beats_the_current_one, fx_setup_cmocka),
    cmocka_unit_test_setup(equal_priority_goes_behind_the_current_one, fx_setup_cmocka),
    cmocka_unit_test_setup(yield_and_the_time_slice_rotate_equal_priorities, fx_setup_cmocka),
    cmocka_unit_test_setup(nothing_runnable_is_idle, fx_setup_cmocka))
