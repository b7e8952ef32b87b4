// SPDX-License-Identifier: BSD-2-Clause
// MCS only: Reply objects (seL4's reply.c; docs/design/abi.md §0.1, §2.2). A Reply object
// links a caller, blocked until it is answered, to whoever received its Call: the server
// names the object in Recv/ReplyRecv (x6), the Call links it, and a Send on the Reply cap
// answers. While the server waits in Recv, the object points at the server instead.
#pragma once

#include "types.h"
#include "cspace/cap.h"

#ifdef CONFIG_KERNEL_MCS

struct tcb;

struct reply {
    struct tcb *tcb; // the caller (TS_BLOCKED_ON_REPLY) or the receiver (TS_BLOCKED_ON_RECEIVE)
    pptr_t prev;     // the call stack of scheduling-context donation (TODO(#11): unused yet)
    pptr_t next;
};

_Static_assert(sizeof(struct reply) <= (1u << seL4_ReplyBits), "reply fits its object");

static inline struct reply *reply_from_cap(cap_t c)
{
    return (struct reply *)cap_ptr(c);
}

// seL4 reply_push: caller becomes BlockedOnReply on r (r must be free).
void reply_push(struct tcb *caller, struct reply *r);

// seL4 reply_unlink / reply_remove: r no longer links t; t becomes Inactive.
void reply_unlink(struct reply *r, struct tcb *t);

// seL4 reply_remove_tcb: t, BlockedOnReply, is being cancelled; its reply is freed.
void reply_remove_tcb(struct tcb *t);

// The end of an IPC that a receiver with Reply object r (or none) took from sender: a Call
// (or a fault) links r when the sender may be replied to, otherwise the sender waits for ever
// (Inactive); any other message lets the sender run on.
void reply_after_receive(struct tcb *sender, struct reply *r, bool is_call, bool may_reply);

// seL4 doReplyTransfer: sender answers the caller linked to r (nothing if there is none).
void reply_transfer(struct tcb *sender, struct reply *r, bool can_grant);

// The last cap to r is deleted: a linked caller is freed (Inactive), a waiting receiver's
// receive is cancelled.
void reply_finalise(struct reply *r);

#endif // CONFIG_KERNEL_MCS
