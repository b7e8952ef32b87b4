// SPDX-License-Identifier: BSD-2-Clause
// Endpoint queue cancellation (seL4 endpoint.c cancelIPC/cancelAllIPC/cancelBadgedSends):
// removing one blocked thread, restarting every queued thread of a dying endpoint, and
// CNode_CancelBadgedSends. The send/receive rendezvous itself is not here yet.
#include "object/endpoint.h"

#include "assert.h"
#include "util.h"
#include "object/tcb.h"
#include "sched/sched.h"

static enum ep_state ep_state(const struct endpoint *ep)
{
    return (enum ep_state)(ep->state_and_tail & 0x3u);
}

static struct tcb *ep_tail(const struct endpoint *ep)
{
    return (struct tcb *)(ep->state_and_tail & ~(word_t)0x3u);
}

static void ep_set_queue(struct endpoint *ep, struct tcb *head, struct tcb *tail, enum ep_state s)
{
    ep->head = head;
    ep->state_and_tail = (word_t)tail | (word_t)s;
}

// Unlink t from the queue [*head, *tail].
static void queue_remove(struct tcb **head, struct tcb **tail, struct tcb *t)
{
    if (t->ep_prev) {
        t->ep_prev->ep_next = t->ep_next;
    } else {
        *head = t->ep_next;
    }
    if (t->ep_next) {
        t->ep_next->ep_prev = t->ep_prev;
    } else {
        *tail = t->ep_prev;
    }
    t->ep_prev = t->ep_next = NULL;
}

// A queued thread restarts its system call when it next runs.
static void restart_queued(struct tcb *t)
{
    thread_set_state(t, TS_RESTART);
    sched_enqueue(t);
}

void endpoint_cancel_ipc(struct endpoint *ep, struct tcb *t)
{
    kassert(ep_state(ep) != EP_IDLE);
    struct tcb *head = ep->head, *tail = ep_tail(ep);
    queue_remove(&head, &tail, t);
    ep_set_queue(ep, head, tail, head ? ep_state(ep) : EP_IDLE);
    thread_set_state(t, TS_INACTIVE);
}

void endpoint_cancel_all(struct endpoint *ep)
{
    if (ep_state(ep) == EP_IDLE) {
        return;
    }
    struct tcb *t = ep->head;
    ep_set_queue(ep, NULL, NULL, EP_IDLE);
    while (t != NULL) {
        struct tcb *next = t->ep_next;
        t->ep_prev = t->ep_next = NULL;
        restart_queued(t);
        t = next;
    }
    sched_reschedule_required();
}

void endpoint_cancel_badged_sends(struct endpoint *ep, word_t badge)
{
    if (ep_state(ep) != EP_SEND) {
        return;
    }
    struct tcb *head = ep->head, *tail = ep_tail(ep);
    for (struct tcb *t = head, *next; t != NULL; t = next) {
        next = t->ep_next;
        if (t->blocking_badge == badge) {
            queue_remove(&head, &tail, t);
            restart_queued(t);
        }
    }
    ep_set_queue(ep, head, tail, head ? EP_SEND : EP_IDLE);
    sched_reschedule_required();
}
