// SPDX-License-Identifier: BSD-2-Clause
// Notification objects (seL4 manual §5; seL4 notification.c): Signal ORs a badge into the
// word or wakes one waiter (or the bound thread blocked in a receive), Wait blocks until a
// signal arrives, Poll never blocks. A woken thread gets the word in x0 and runs.
// Deliberately not here: TCB_BindNotification (tcb.c) and endpoint receives (IPC).
#include "object/notification.h"

#include "assert.h"
#include "util.h"
#include "object/tcb.h"
#include "sched/sched.h"
#ifdef CONFIG_KERNEL_MCS
#include "object/sched_context.h"
#include "sched/mcs.h"
#include "state.h"
#endif

// ---- the object: state and wait queue ---------------------------------------------------------

static enum ntfn_state ntfn_state(const struct notification *n)
{
    return (enum ntfn_state)(n->tail_and_state & 0x3u);
}

static struct tcb *ntfn_tail(const struct notification *n)
{
    return (struct tcb *)(n->tail_and_state & ~(word_t)0x3u);
}

static void ntfn_set_queue(struct notification *n, struct tcb *head, struct tcb *tail,
                           enum ntfn_state s)
{
    n->head = head;
    n->tail_and_state = (word_t)tail | (word_t)s;
}

static void ntfn_append(struct notification *n, struct tcb *t)
{
#ifdef CONFIG_KERNEL_MCS
    // MCS: in priority order (object/tcb.h).
    struct tcb *head = n->head, *last = ntfn_tail(n);
    ipc_queue_link(&head, &last, t, ipc_queue_after(head, last, t));
    ntfn_set_queue(n, head, last, NTFN_WAITING);
#else
    struct tcb *tail = ntfn_tail(n);
    t->ep_prev = tail;
    t->ep_next = NULL;
    if (tail) {
        tail->ep_next = t;
    } else {
        n->head = t;
    }
    ntfn_set_queue(n, n->head, t, NTFN_WAITING);
#endif
}

// Remove t from the queue; the notification goes idle when nobody is left.
static void ntfn_dequeue(struct notification *n, struct tcb *t)
{
    struct tcb *head = n->head, *tail = ntfn_tail(n);
    if (t->ep_prev) {
        t->ep_prev->ep_next = t->ep_next;
    } else {
        head = t->ep_next;
    }
    if (t->ep_next) {
        t->ep_next->ep_prev = t->ep_prev;
    } else {
        tail = t->ep_prev;
    }
    t->ep_prev = t->ep_next = NULL;
    ntfn_set_queue(n, head, tail, head ? NTFN_WAITING : NTFN_IDLE);
}

static void ntfn_set_active(struct notification *n, word_t word)
{
    n->word = word;
    ntfn_set_queue(n, NULL, NULL, NTFN_ACTIVE);
}

#ifdef CONFIG_KERNEL_MCS
void notification_reorder(struct notification *n, struct tcb *t)
{
    ntfn_dequeue(n, t);
    ntfn_append(n, t);
}

// MCS: a thread without a scheduling context that takes a signal runs on the notification's
// bound context, if no thread has it (seL4 maybeDonateSchedContext).
static void maybe_donate_sc(struct tcb *t, struct notification *n)
{
    struct sched_context *sc = n->sc;
    if (t->sc == NULL && sc != NULL && sc->tcb == NULL) {
        sched_context_donate(sc, t);
        mcs_sc_resume(sc);
    }
}

void notification_return_sc(struct notification *n, struct tcb *t)
{
    struct sched_context *sc = n->sc;
    if (sc != NULL && sc == t->sc) {
        t->sc = NULL;
        sc->tcb = NULL;
        if (t == ks_cur_thread) {
            sched_reschedule_required();
        }
    }
}
#endif

// Deliver `badge` to a thread that was waiting: x0 = badge, Running, maybe run it now (MCS:
// on the notification's context if it has none, and only with budget).
static void wake_with_badge(struct tcb *t, word_t badge, struct notification *n)
{
    thread_set_state(t, TS_RUNNING);
    t->ctx.x[REG_CAP] = badge;
#ifdef CONFIG_KERNEL_MCS
    maybe_donate_sc(t, n);
    sched_possible_switch_to(t); // only if it is schedulable (sched.c)
    mcs_unblock_check(t->sc);
#else
    (void)n;
    sched_possible_switch_to(t);
#endif
}

// ---- operations --------------------------------------------------------------------------

void notification_signal(struct notification *n, word_t badge)
{
    switch (ntfn_state(n)) {
    case NTFN_IDLE: {
        struct tcb *bound = n->bound_tcb;
        // A bound thread blocked in an endpoint receive takes the signal instead of the
        // message. A bound thread blocked in anything else (e.g. waiting for a reply)
        // is left alone; the signal stays pending.
        if (bound != NULL && bound->state == TS_BLOCKED_ON_RECEIVE) {
            tcb_cancel_ipc(bound);
            wake_with_badge(bound, badge, n);
        } else {
            ntfn_set_active(n, badge);
        }
        break;
    }
    case NTFN_WAITING: {
        struct tcb *t = n->head;
        kassert(t != NULL);
        ntfn_dequeue(n, t);
        wake_with_badge(t, badge, n);
        break;
    }
    case NTFN_ACTIVE:
        n->word |= badge;
        break;
    }
}

void notification_receive(struct tcb *t, struct notification *n, bool blocking)
{
    switch (ntfn_state(n)) {
    case NTFN_IDLE:
    case NTFN_WAITING:
        if (blocking) {
            thread_set_state(t, TS_BLOCKED_ON_NOTIFICATION);
            t->blocked_on = (pptr_t)n;
            ntfn_append(n, t);
#ifdef CONFIG_KERNEL_MCS
            notification_return_sc(n, t);
#endif
        } else {
            // Poll with nothing pending: badge 0.
            t->ctx.x[REG_CAP] = 0;
        }
        break;
    case NTFN_ACTIVE:
        t->ctx.x[REG_CAP] = n->word;
        n->word = 0;
        ntfn_set_queue(n, NULL, NULL, NTFN_IDLE);
#ifdef CONFIG_KERNEL_MCS
        maybe_donate_sc(t, n);
        mcs_unblock_check(t->sc);
#endif
        break;
    }
}

void notification_cancel_wait(struct notification *n, struct tcb *t)
{
    kassert(ntfn_state(n) == NTFN_WAITING);
    ntfn_dequeue(n, t);
    thread_set_state(t, TS_INACTIVE);
}

// A waiter of a deleted notification restarts its Wait (MCS: runs only with budget).
static void restart_waiter(struct tcb *t)
{
    thread_set_state(t, TS_RESTART);
#ifdef CONFIG_KERNEL_MCS
    mcs_unblock_check(t->sc);
    sched_possible_switch_to(t); // MCS: only with budget
#else
    sched_enqueue(t);
#endif
}

void notification_cancel_all(struct notification *n)
{
    struct tcb *bound = n->bound_tcb;
    if (bound != NULL) {
        bound->bound_notification = 0;
        n->bound_tcb = NULL;
    }

    if (ntfn_state(n) != NTFN_WAITING) {
        return;
    }
    // Every waiter restarts its Wait (which will then fail on the deleted cap).
    struct tcb *queue = n->head;
    ntfn_set_queue(n, NULL, NULL, NTFN_IDLE);
    sched_restart_queue(queue, restart_waiter);
}
