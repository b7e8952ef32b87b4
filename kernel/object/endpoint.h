// SPDX-License-Identifier: BSD-2-Clause
// Endpoint objects: a queue of threads all sending or all receiving (seL4 manual §4 IPC),
// the send and receive rendezvous on it, and cancellation. What a message carries and how
// it is copied is api/ipc.c's business.
#pragma once

#include "types.h"

enum ep_state { EP_IDLE = 0, EP_SEND, EP_RECV };

struct endpoint {
    struct tcb *head;      // first queued thread
    word_t state_and_tail; // tail pointer | enum ep_state in the low 2 bits
};

_Static_assert(sizeof(struct endpoint) <= 16, "endpoint fits 1 << seL4_EndpointBits");

struct tcb;

// The queue's kind, its last thread, and setting both with the head (the fastpath uses these
// too).
static inline enum ep_state ep_state(const struct endpoint *ep)
{
    return (enum ep_state)(ep->state_and_tail & 0x3u);
}
static inline struct tcb *ep_tail(const struct endpoint *ep)
{
    return (struct tcb *)(ep->state_and_tail & ~(word_t)0x3u);
}
static inline void ep_set_queue(struct endpoint *ep, struct tcb *head, struct tcb *tail,
                                enum ep_state s)
{
    ep->head = head;
    ep->state_and_tail = (word_t)tail | (word_t)s;
}

#ifdef CONFIG_KERNEL_MCS
#include "object/tcb.h"

// MCS: t joins ep's queue in priority order (object/tcb.h); the endpoint takes state s.
static inline void ep_queue_insert(struct endpoint *ep, struct tcb *t, enum ep_state s)
{
    struct tcb *head = ep->head, *tail = ep_tail(ep);
    ipc_queue_link(&head, &tail, t, ipc_queue_after(head, tail, t));
    ep_set_queue(ep, head, tail, s);
}

// MCS: t, queued on ep, changed priority: it moves to its new place (seL4 reorderEP).
void endpoint_reorder(struct endpoint *ep, struct tcb *t);
#endif

/*
 * seL4 sendIPC: thread t sends to ep with the sender-side properties of the cap it used.
 * If a receiver is queued, the message is transferred now (api/ipc.c), the receiver runs,
 * and a Call either leaves t BlockedOnReply with a caller cap in the receiver's caller
 * slot (when can_grant or can_grant_reply) or Inactive. Otherwise t is queued
 * BlockedOnSend (blocking) or nothing happens (NBSend). A fault send is a blocking Call
 * with can_grant_reply set. Rights were checked by the caller.
 */
#ifdef CONFIG_KERNEL_MCS
// MCS: can_donate (a Call, the send phase of ReplyRecv/NBSendRecv/NBSendWait, a fault of a
// thread with a scheduling context): a receiver without a scheduling context runs on t's.
void endpoint_send(struct endpoint *ep, struct tcb *t, word_t badge, bool can_grant,
                   bool can_grant_reply, bool is_call, bool blocking, bool can_donate);

// MCS: whether t has a timeout endpoint (seL4 validTimeoutHandler), and the timeout fault
// (badge: its context's) sent there as a blocking send that lends no context (seL4
// handleTimeout).
bool endpoint_has_timeout_handler(struct tcb *t);
void endpoint_send_timeout_fault(struct tcb *t);
#else
void endpoint_send(struct endpoint *ep, struct tcb *t, word_t badge, bool can_grant,
                   bool can_grant_reply, bool is_call, bool blocking);
#endif

/*
 * seL4 receiveIPC: thread t receives on ep through a cap with receive right; can_grant is
 * that cap's Grant right (it decides whether a later reply may grant caps). A pending
 * signal on t's bound notification is taken first (x0 = its word). Otherwise the first
 * queued sender's message is transferred, or t is queued BlockedOnReceive (blocking), or
 * x0 is set to 0 (NBRecv with nothing to receive).
 */
void endpoint_receive(struct endpoint *ep, struct tcb *t, bool can_grant, bool blocking);

// Remove a blocked thread from ep's queue (cancelled IPC).
void endpoint_cancel_ipc(struct endpoint *ep, struct tcb *t);
// Make every queued thread runnable again (restart its syscall); the endpoint is dying.
void endpoint_cancel_all(struct endpoint *ep);
// CNode_CancelBadgedSends: restart every sender queued with this badge.
void endpoint_cancel_badged_sends(struct endpoint *ep, word_t badge);
