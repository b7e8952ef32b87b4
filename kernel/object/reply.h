// SPDX-License-Identifier: BSD-2-Clause
// MCS only: Reply objects (seL4's reply.c; docs/design/abi.md §0.1, §2.2). A Reply object
// links a caller, blocked until it is answered, to whoever received its Call: the server
// names the object in Recv/ReplyRecv (x6), the Call links it, and a Send on the Reply cap
// answers. While the server waits in Recv, the object points at the server instead.
#pragma once

#include "types.h"
#include "cspace/cap.h"

#ifdef CONFIG_KERNEL_MCS

#include "object/sched_context.h"

struct tcb;

// A Reply object on a donated context's call stack: `prev` is the reply below it; `next`
// the reply above it or, for the top one (next_is_sc), the context itself.
struct reply {
    struct tcb *tcb; // the caller (TS_BLOCKED_ON_REPLY) or the receiver (TS_BLOCKED_ON_RECEIVE)
    struct reply *prev;
    pptr_t next;
    word_t next_is_sc;
};

_Static_assert(sizeof(struct reply) <= (1u << seL4_ReplyBits), "reply fits its object");

static inline struct reply *reply_from_cap(cap_t c)
{
    return (struct reply *)cap_ptr(c);
}

// Whether r is the top of a context's call stack (its donation can be undone by answering it),
// and that context.
static inline bool reply_heads_stack(const struct reply *r)
{
    return r->next != 0 && r->next_is_sc;
}
static inline struct sched_context *reply_stack_sc(const struct reply *r)
{
    return (struct sched_context *)r->next;
}

// Put r, on no call stack, on top of sc's (the first half of seL4 reply_push's donation; the
// context itself moves with sched_context_donate, or in the fastpath).
static inline void reply_stack_push(struct sched_context *sc, struct reply *r)
{
    struct reply *old = sc->reply;
    if (old != NULL) {
        old->next = (pptr_t)r;
        old->next_is_sc = false;
    }
    r->prev = old;
    sc->reply = r;
    r->next = (pptr_t)sc;
    r->next_is_sc = true;
}

// Take r, the top of its context's call stack, off it (the first half of seL4 reply_pop);
// returns the context, which the reply below r (if any) now heads.
static inline struct sched_context *reply_stack_pop(struct reply *r)
{
    struct sched_context *sc = reply_stack_sc(r);
    struct reply *prev = r->prev;
    sc->reply = prev;
    if (prev != NULL) {
        prev->next = r->next;
        prev->next_is_sc = true;
    }
    r->next = 0;
    r->next_is_sc = false;
    r->prev = NULL;
    return sc;
}

// seL4 reply_unlink: r no longer links t; t becomes Inactive.
void reply_unlink(struct reply *r, struct tcb *t);

// seL4 reply_remove_tcb: t, BlockedOnReply, is being cancelled; its reply is freed and taken
// off any call stack (a context lent on that call stays where it is).
void reply_remove_tcb(struct tcb *t);

// seL4 reply_push: link r to caller, which now waits for the answer (BlockedOnReply); a
// callee without a scheduling context runs on the caller's when can_donate (r goes on that
// context's call stack).
void reply_push(struct tcb *caller, struct tcb *callee, struct reply *r, bool can_donate);

// seL4 doReplyTransfer: sender answers the caller linked to r (nothing if there is none); a
// context lent on that call goes back to the caller, which runs if its context has budget,
// else gets a timeout fault (if it has a timeout endpoint and was not answering one) or
// waits for its next refill.
void reply_transfer(struct tcb *sender, struct reply *r, bool can_grant);

// The last cap to r is deleted: a linked caller is freed (Inactive, its lent context given
// back), a waiting receiver's receive is cancelled.
void reply_finalise(struct reply *r);

// The context sc goes away: the call stack it heads forgets it (seL4 unbindReply).
void reply_unbind_sc(struct sched_context *sc);

#endif // CONFIG_KERNEL_MCS
