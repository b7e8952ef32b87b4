// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): the clock, the release queue and the
// one-shot timer, see mcs.h. The refill rules themselves are sched/refill.c's.
#include "sched/mcs.h"

#include "arch/api.h"
#include "assert.h"
#include "util.h"
#include "object/sched_context.h"
#include "object/tcb.h"
#include "sched/sched.h"
#include "state.h"

void mcs_update_timestamp(void)
{
    uint64_t now = arch_time_now();
    ks_consumed += now - ks_cur_time;
    ks_cur_time = now;
}

// ---- the release queue --------------------------------------------------------------------

static uint64_t ready_time(struct tcb *t)
{
    return refill_head(t->sc)->time;
}

void mcs_release_enqueue(struct tcb *t)
{
    kassert(!t->in_release_queue && !t->in_ready_queue && t->sc != NULL);
    uint64_t when = ready_time(t);
    // After every thread released no later than `when` (first come, first released).
    struct tcb *prev = NULL, *next = ks_release_head;
    while (next != NULL && ready_time(next) <= when) {
        prev = next;
        next = next->sched_next;
    }
    t->sched_prev = prev;
    t->sched_next = next;
    if (next != NULL) {
        next->sched_prev = t;
    }
    if (prev != NULL) {
        prev->sched_next = t;
    } else {
        ks_release_head = t;
        ks_reprogram = true; // a new first release
    }
    t->in_release_queue = true;
}

void mcs_release_remove(struct tcb *t)
{
    if (!t->in_release_queue) {
        return;
    }
    if (t->sched_prev != NULL) {
        t->sched_prev->sched_next = t->sched_next;
    } else {
        ks_release_head = t->sched_next;
        ks_reprogram = true;
    }
    if (t->sched_next != NULL) {
        t->sched_next->sched_prev = t->sched_prev;
    }
    t->sched_prev = t->sched_next = NULL;
    t->in_release_queue = false;
}

void mcs_postpone(struct sched_context *sc)
{
    struct tcb *t = sc->tcb;
    kassert(t != NULL);
    sched_dequeue(t);
    mcs_release_enqueue(t);
    ks_reprogram = true;
}

void mcs_awaken(void)
{
    while (ks_release_head != NULL && refill_ready(ks_release_head->sc, ks_cur_time)) {
        struct tcb *t = ks_release_head;
        mcs_release_remove(t);
        sched_possible_switch_to(t);
    }
}

// ---- budgets ------------------------------------------------------------------------------

void mcs_sc_resume(struct sched_context *sc)
{
    if (sc == NULL || sc->tcb == NULL) {
        return;
    }
    struct tcb *t = sc->tcb;
    if (thread_is_runnable(t) && sc_active(sc) && !t->in_release_queue &&
        !(refill_ready(sc, ks_cur_time) && refill_sufficient(sc, 0))) {
        mcs_postpone(sc);
    }
}

void mcs_unblock_check(struct sched_context *sc)
{
    if (sc_sporadic(sc) && sc != ks_cur_sc && refill_unblock_check(sc, ks_cur_time)) {
        ks_reprogram = true;
    }
}

void mcs_commit_time(void)
{
    struct sched_context *sc = ks_cur_sc;
    if (sc != NULL && sc_active(sc)) {
        if (ks_consumed > 0) {
            if (sc_round_robin(sc)) {
                // The entry's budget check left the head at least this much (kernel time
                // after it is charged at the next entry).
                refill_charge_round_robin(sc, MIN(ks_consumed, refill_head(sc)->amount));
            } else {
                refill_budget_check(sc, ks_consumed);
            }
        }
        sc->consumed += ks_consumed;
    }
    ks_consumed = 0;
}

// ---- kernel exit --------------------------------------------------------------------------

// The next timer event: the end of the running thread's head refill (none when idle) or the
// first release, whichever is earlier (seL4 setNextInterrupt; the timer's precision is 0).
static void set_next_interrupt(void)
{
    uint64_t next = UINT64_MAX;
    if (ks_cur_sc != NULL) {
        next = ks_cur_time + refill_capacity(ks_cur_sc, ks_consumed);
    }
    if (ks_release_head != NULL) {
        next = MIN(next, ready_time(ks_release_head));
    }
    arch_timer_set_deadline(next);
}

void mcs_switch_sched_context(void)
{
    struct sched_context *next = ks_cur_thread != NULL ? ks_cur_thread->sc : NULL;
    if (next != ks_cur_sc) {
        ks_reprogram = true;
        if (next != NULL && !next->sporadic) {
            // A constant-bandwidth context catches up with the time it was not running.
            refill_unblock_check(next, ks_cur_time);
        }
    }
    if (ks_reprogram) {
        mcs_commit_time();
    }
    ks_cur_sc = next;
    if (ks_reprogram) {
        set_next_interrupt();
        ks_reprogram = false;
    }
}

void mcs_forget_check_time(void)
{
    ks_cur_time = arch_time_now();
    set_next_interrupt();
}
