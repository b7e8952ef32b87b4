// SPDX-License-Identifier: BSD-2-Clause
// Fixed-priority round-robin scheduler over 256 ready queues with a bitmap for the
// highest non-empty priority. The current thread is not kept in a ready queue; it is
// queued again when it stops being current while still runnable.
#include "sched/sched.h"

#include "arch/api.h"
#include "object/vspace.h"
#include "state.h"
#ifdef CONFIG_KERNEL_MCS
#include "object/sched_context.h"
#include "sched/mcs.h"
#endif

static void bitmap_set(word_t prio)
{
    ks_ready_bitmap[prio / 64] |= BIT(prio % 64);
}

#ifndef CONFIG_KERNEL_MCS // (sched_yield_current only)
static bool bitmap_is_set(word_t prio)
{
    return ks_ready_bitmap[prio / 64] & BIT(prio % 64);
}
#endif

static void bitmap_clear(word_t prio)
{
    ks_ready_bitmap[prio / 64] &= ~BIT(prio % 64);
}

// Highest priority with a queued thread, or -1.
static int highest_ready_priority(void)
{
    for (int i = (int)ARRAY_SIZE(ks_ready_bitmap) - 1; i >= 0; i--) {
        if (ks_ready_bitmap[i]) {
            return i * 64 + 63 - (int)clz64(ks_ready_bitmap[i]);
        }
    }
    return -1;
}

#ifdef CONFIG_KERNEL_MCS
// MCS: only a runnable thread with a configured scheduling context is ever scheduled, and
// not while it waits for a refill in the release queue (seL4 isSchedulable).
bool sched_is_schedulable(const struct tcb *t)
{
    return thread_is_runnable(t) && t->sc != NULL && t->sc->refill_max > 0 && !t->in_release_queue;
}
#define is_schedulable(t) sched_is_schedulable(t)
#define SCHEDULABLE(t) is_schedulable(t)
#else
#define SCHEDULABLE(t) thread_is_runnable(t)
#endif

// Put t into its priority's queue, at the front or at the back. No-op if queued already
// (MCS: or if it may not be scheduled).
static void queue_insert(struct tcb *t, bool at_front)
{
    if (t->in_ready_queue) {
        return;
    }
#ifdef CONFIG_KERNEL_MCS
    if (!is_schedulable(t)) {
        return;
    }
#endif
    word_t p = t->priority;
    struct tcb **near = at_front ? &ks_ready_head[p] : &ks_ready_tail[p];
    struct tcb **far = at_front ? &ks_ready_tail[p] : &ks_ready_head[p];
    t->sched_prev = at_front ? NULL : *near;
    t->sched_next = at_front ? *near : NULL;
    if (*near) {
        *(at_front ? &(*near)->sched_prev : &(*near)->sched_next) = t;
    } else {
        *far = t;
    }
    *near = t;
    t->in_ready_queue = true;
    bitmap_set(p);
}

void sched_enqueue(struct tcb *t)
{
    queue_insert(t, true);
}

void sched_append(struct tcb *t)
{
    queue_insert(t, false);
}

void sched_dequeue(struct tcb *t)
{
    if (!t->in_ready_queue) {
        return;
    }
    word_t p = t->priority;
    if (t->sched_prev) {
        t->sched_prev->sched_next = t->sched_next;
    } else {
        ks_ready_head[p] = t->sched_next;
    }
    if (t->sched_next) {
        t->sched_next->sched_prev = t->sched_prev;
    } else {
        ks_ready_tail[p] = t->sched_prev;
    }
    if (!ks_ready_head[p]) {
        bitmap_clear(p);
    }
    t->sched_next = t->sched_prev = NULL;
    t->in_ready_queue = false;
}

// Reschedule marker: a non-NULL ks_sched_action that is not a real thread.
#define SCHED_CHOOSE_NEW ((struct tcb *)1)

void sched_reschedule_required(void)
{
    if (ks_sched_action && ks_sched_action != SCHED_CHOOSE_NEW) {
        sched_enqueue(ks_sched_action);
    }
    ks_sched_action = SCHED_CHOOSE_NEW;
}

void sched_restart_queue(struct tcb *t, void (*restart)(struct tcb *t))
{
    while (t != NULL) {
        struct tcb *next = t->ep_next;
        t->ep_prev = t->ep_next = NULL;
        restart(t);
        t = next;
    }
    sched_reschedule_required();
}

void thread_stopped(struct tcb *t)
{
    sched_dequeue(t);
    if (t == ks_cur_thread) {
        sched_reschedule_required();
    }
}

void sched_possible_switch_to(struct tcb *t)
{
#ifdef CONFIG_KERNEL_MCS
    if (!is_schedulable(t)) {
        return; // it runs once it has a scheduling context (sched_context_bound)
    }
#endif
    if (ks_sched_action != NULL) {
        // Someone already wants special treatment: fall back to the ready queues.
        sched_reschedule_required();
        sched_enqueue(t);
    } else {
        ks_sched_action = t; // schedule() decides whether it really runs next
    }
}

#ifndef CONFIG_KERNEL_MCS // MCS: seL4_Yield gives up the budget (api/budget.c)
void sched_yield_current(void)
{
    struct tcb *t = ks_cur_thread;
    // Nothing else ready at t's priority or above: the queue dance below would pick t again
    // and leave every queue as it was.
    if (sched_is_highest_priority(t->priority) && !bitmap_is_set(t->priority)) {
        return;
    }
    sched_dequeue(t);
    sched_append(t);
    sched_reschedule_required();
}

#endif

#ifndef CONFIG_KERNEL_MCS // MCS: no tick; budgets end time slices (api/budget.c)
void sched_timer_tick(void)
{
    struct tcb *t = ks_cur_thread;
    if (t == NULL || t->state != TS_RUNNING) {
        return;
    }
    if (t->time_slice > 1) {
        t->time_slice--;
        return;
    }
    t->time_slice = CONFIG_TIME_SLICE;
    sched_append(t);
    sched_reschedule_required();
}
#endif

void sched_switch_to(struct tcb *t)
{
    struct tcb *old = ks_cur_thread;
    if (t) {
        sched_dequeue(t); // the current thread is never in a ready queue
    }
    if (old == t) {
        return;
    }
    if (old) {
        arch_tls_save(&old->ctx);
    }
    if (t) {
        vspace_activate(t); // checks that the cap's ASID still maps to its VSpace
        arch_tls_load(&t->ctx);
        sched_fpu_select(t);
    }
    ks_cur_thread = t;
}

bool sched_fpu_trap(struct tcb *t)
{
    if (t->flags & seL4_TCBFlag_fpuDisabled) {
        return false;
    }
    if (ks_fpu_owner != t) {
        arch_fpu_switch(ks_fpu_owner ? &ks_fpu_owner->fpu : NULL, &t->fpu);
        ks_fpu_owner = t;
    }
    arch_fpu_enable(true);
    return true;
}

// The highest-priority ready thread, or NULL (idle).
static struct tcb *choose_thread(void)
{
    int p = highest_ready_priority();
    return p < 0 ? NULL : ks_ready_head[p];
}

/*
 * seL4's schedule(): keep the current thread unless a reschedule was asked for; a thread
 * woken by possible_switch_to runs at once if it beats (or, when the current thread
 * stopped, equals) the current priority and nothing higher is ready; otherwise everybody
 * goes through the queues.
 */
#ifdef CONFIG_KERNEL_MCS
static void schedule_choose(void)
#else
void schedule(void)
#endif
{
    struct tcb *action = ks_sched_action;
    struct tcb *cur = ks_cur_thread;
    bool was_runnable = cur && SCHEDULABLE(cur);
    if (action == NULL) {
        if (was_runnable) {
            return;
        }
        action = SCHED_CHOOSE_NEW;
    }
    ks_sched_action = NULL;
    if (was_runnable) {
        sched_enqueue(cur);
    }
    if (action == SCHED_CHOOSE_NEW) {
        sched_switch_to(choose_thread());
        return;
    }
    int highest = highest_ready_priority();
    bool fast_fail = cur == NULL || action->priority < cur->priority;
    if (fast_fail && highest > (int)action->priority) {
        sched_enqueue(action);
        sched_switch_to(choose_thread());
    } else if (was_runnable && action->priority == cur->priority) {
        sched_append(action);
        sched_switch_to(choose_thread());
    } else {
        sched_switch_to(action);
    }
}

#ifdef CONFIG_KERNEL_MCS
// MCS: threads whose refill time has come are released first; the chosen thread's context
// then becomes the current one (sched/mcs.c).
void schedule(void)
{
    mcs_awaken();
    schedule_choose();
    mcs_switch_sched_context();
}
#endif
