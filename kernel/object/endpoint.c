// SPDX-License-Identifier: BSD-2-Clause
// Endpoint queues (seL4 endpoint.c): the send/receive rendezvous (sendIPC, receiveIPC)
// and cancellation (cancelIPC, cancelAllIPC, cancelBadgedSends). The message and cap
// transfer and the caller cap are api/ipc.c's; this file only decides who meets whom.
#include "object/endpoint.h"

#include "assert.h"
#include "util.h"
#include "ipc/transfer.h"
#include "object/notification.h"
#include "object/reply.h"
#include "object/tcb.h"
#include "sched/sched.h"
#ifdef CONFIG_KERNEL_MCS
#include "object/sched_context.h"
#include "sched/mcs.h"
#endif

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

// Put t at the end of ep's queue (MCS: in priority order); the endpoint takes state s (the
// queue's kind).
static void ep_append(struct endpoint *ep, struct tcb *t, enum ep_state s)
{
#ifdef CONFIG_KERNEL_MCS
    ep_queue_insert(ep, t, s);
#else
    struct tcb *head = ep->head, *tail = ep_tail(ep);
    t->ep_prev = tail;
    t->ep_next = NULL;
    if (tail) {
        tail->ep_next = t;
    } else {
        head = t;
    }
    ep_set_queue(ep, head, t, s);
#endif
}

// Take t out of ep's queue; the endpoint goes idle when nobody is left.
static void ep_dequeue(struct endpoint *ep, struct tcb *t)
{
    struct tcb *head = ep->head, *tail = ep_tail(ep);
    queue_remove(&head, &tail, t);
    ep_set_queue(ep, head, tail, head ? ep_state(ep) : EP_IDLE);
}

#ifdef CONFIG_KERNEL_MCS
void endpoint_reorder(struct endpoint *ep, struct tcb *t)
{
    enum ep_state s = ep_state(ep);
    struct tcb *head = ep->head, *tail = ep_tail(ep);
    queue_remove(&head, &tail, t);
    ep_set_queue(ep, head, tail, s);
    ep_queue_insert(ep, t, s);
}
#endif

// ---- the rendezvous ------------------------------------------------------------------------

#ifdef CONFIG_KERNEL_MCS
void endpoint_send(struct endpoint *ep, struct tcb *t, word_t badge, bool can_grant,
                   bool can_grant_reply, bool is_call, bool blocking, bool can_donate)
#else
void endpoint_send(struct endpoint *ep, struct tcb *t, word_t badge, bool can_grant,
                   bool can_grant_reply, bool is_call, bool blocking)
#endif
{
    switch (ep_state(ep)) {
    case EP_IDLE:
    case EP_SEND:
        if (!blocking) {
            return; // NBSend with nobody waiting: the message is dropped
        }
        thread_set_state(t, TS_BLOCKED_ON_SEND);
        t->blocked_on = (pptr_t)ep;
        t->blocking_badge = badge;
        t->blocking_can_grant = can_grant;
        t->blocking_can_grant_reply = can_grant_reply;
        t->blocking_is_call = is_call;
        ep_append(ep, t, EP_SEND);
        return;
    case EP_RECV: {
        struct tcb *dest = ep->head;
        kassert(dest != NULL);
        ep_dequeue(ep, dest);
        ipc_transfer(t, ep, badge, can_grant, dest);
#ifdef CONFIG_KERNEL_MCS
        // MCS: the receiver's Reply object (if any) is linked to a caller (a Call or a fault)
        // that may be replied to; any other sender goes on as it is, and a passive receiver
        // may run on its context (seL4 sendIPC).
        struct reply *r = dest->reply;
        if (r != NULL) {
            reply_unlink(r, dest);
        }
        if (is_call || t->fault.type != seL4_Fault_NullFault) {
            if (r != NULL && (can_grant || can_grant_reply)) {
                reply_push(t, dest, r, can_donate);
            } else {
                thread_set_state(t, TS_INACTIVE);
            }
        } else if (can_donate && dest->sc == NULL && t->sc != NULL) {
            sched_context_donate(t->sc, dest);
        }
        thread_set_state(dest, TS_RUNNING);
        mcs_unblock_check(dest->sc);
        sched_possible_switch_to(dest);
#else
        // The receiver's cap decides whether the reply may grant.
        bool reply_can_grant = dest->blocking_can_grant;
        thread_set_state(dest, TS_RUNNING);
        sched_possible_switch_to(dest);
        if (is_call) {
            if (can_grant || can_grant_reply) {
                ipc_setup_caller_cap(t, dest, reply_can_grant);
            } else {
                // No right to be replied to: the caller waits for ever (seL4 does this).
                thread_set_state(t, TS_INACTIVE);
            }
        }
#endif
        return;
    }
    }
}

void endpoint_receive(struct endpoint *ep, struct tcb *t, bool can_grant, bool blocking)
{
    // A pending signal on the bound notification wins over any message.
    struct notification *bound = (struct notification *)t->bound_notification;
#ifdef CONFIG_KERNEL_MCS
    // MCS: api/ipc.c put the receive's Reply object (or NULL) in t->reply; it stays there
    // only while t waits here.
    struct reply *r = t->reply;
    t->reply = NULL;
#endif
    if (bound != NULL && ntfn_is_active(bound)) {
        notification_receive(t, bound, false);
        return;
    }
#ifdef CONFIG_KERNEL_MCS
    // Running on the context of its bound notification, a thread gives it back when it
    // blocks here: it waits passively for a client's context or the next signal.
    if (bound != NULL && blocking) {
        notification_return_sc(bound, t);
    }
#endif

    switch (ep_state(ep)) {
    case EP_IDLE:
    case EP_RECV:
        if (!blocking) {
            t->ctx.x[REG_CAP] = 0; // NBRecv found nothing: badge 0
            return;
        }
        thread_set_state(t, TS_BLOCKED_ON_RECEIVE);
        t->blocked_on = (pptr_t)ep;
        t->blocking_can_grant = can_grant;
#ifdef CONFIG_KERNEL_MCS
        t->reply = r;
        if (r != NULL) {
            r->tcb = t;
        }
#endif
        ep_append(ep, t, EP_RECV);
        return;
    case EP_SEND: {
        struct tcb *sender = ep->head;
        kassert(sender != NULL);
        ep_dequeue(ep, sender);
        ipc_transfer(sender, ep, sender->blocking_badge, sender->blocking_can_grant, t);
#ifdef CONFIG_KERNEL_MCS
        mcs_unblock_check(sender->sc);
        if (sender->blocking_is_call || sender->fault.type != seL4_Fault_NullFault) {
            if ((sender->blocking_can_grant || sender->blocking_can_grant_reply) && r != NULL) {
                // A timeout fault lends no context (the context has no budget left).
                bool can_donate = sender->sc != NULL && sender->fault.type != seL4_Fault_Timeout;
                reply_push(sender, t, r, can_donate);
            } else {
                thread_set_state(sender, TS_INACTIVE);
            }
        } else {
            thread_set_state(sender, TS_RUNNING);
            sched_possible_switch_to(sender);
        }
#else
        if (sender->blocking_is_call) {
            if (sender->blocking_can_grant || sender->blocking_can_grant_reply) {
                ipc_setup_caller_cap(sender, t, can_grant);
            } else {
                thread_set_state(sender, TS_INACTIVE);
            }
        } else {
            thread_set_state(sender, TS_RUNNING);
            sched_possible_switch_to(sender);
        }
#endif
        return;
    }
    }
}

#ifdef CONFIG_KERNEL_MCS
bool endpoint_has_timeout_handler(struct tcb *t)
{
    return cap_type(tcb_slot(t, TCB_TIMEOUT_HANDLER)->cap) == CAP_ENDPOINT;
}

void endpoint_send_timeout_fault(struct tcb *t)
{
    cap_t handler = tcb_slot(t, TCB_TIMEOUT_HANDLER)->cap;
    kassert(cap_type(handler) == CAP_ENDPOINT && t->sc != NULL);
    t->fault.type = seL4_Fault_Timeout;
    t->fault.w[0] = t->sc->badge;
    unsigned rights = cap_ipc_rights(handler);
    endpoint_send((struct endpoint *)cap_ptr(handler), t, cap_ipc_badge(handler),
                  (rights & CAP_RIGHT_GRANT) != 0, (rights & CAP_RIGHT_GRANT_REPLY) != 0, false,
                  true, false);
}
#endif

// ---- cancellation ------------------------------------------------------------------------------

// A queued thread restarts its system call when it next runs (MCS: a receiver lets go of its
// Reply object, a thread with a pending fault stops, and one runs only with budget).
static void restart_queued(struct tcb *t)
{
#ifdef CONFIG_KERNEL_MCS
    if (t->state == TS_BLOCKED_ON_RECEIVE && t->reply != NULL) {
        reply_unlink(t->reply, t);
    }
    if (t->fault.type != seL4_Fault_NullFault) {
        thread_set_state(t, TS_INACTIVE);
        return;
    }
    thread_set_state(t, TS_RESTART);
    mcs_unblock_check(t->sc);
    sched_possible_switch_to(t);
#else
    thread_set_state(t, TS_RESTART);
    sched_enqueue(t);
#endif
}

void endpoint_cancel_ipc(struct endpoint *ep, struct tcb *t)
{
    kassert(ep_state(ep) != EP_IDLE);
    ep_dequeue(ep, t);
    thread_set_state(t, TS_INACTIVE);
}

void endpoint_cancel_all(struct endpoint *ep)
{
    if (ep_state(ep) == EP_IDLE) {
        return;
    }
    struct tcb *queue = ep->head;
    ep_set_queue(ep, NULL, NULL, EP_IDLE);
    sched_restart_queue(queue, restart_queued);
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
