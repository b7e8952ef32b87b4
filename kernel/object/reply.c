// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): Reply objects and the call stack of
// scheduling-context donation, see reply.h. A caller with a scheduling context that Calls a
// receiver without one (a passive server) lends it its context: the Reply object goes on
// the context's call stack, and answering through it (or cancelling the call) gives the
// context back (seL4 reply_push, reply_pop, reply_remove, reply_remove_tcb).
#include "object/reply.h"

#include "assert.h"
#include "ipc/transfer.h"
#include "object/endpoint.h"
#include "object/sched_context.h"
#include "object/tcb.h"
#include "sched/mcs.h"
#include "sched/sched.h"
#include "state.h"

void reply_push(struct tcb *caller, struct tcb *callee, struct reply *r, bool can_donate)
{
    kassert(r->tcb == NULL && r->prev == NULL && r->next == 0);
    r->tcb = caller;
    caller->reply = r;
    thread_set_state(caller, TS_BLOCKED_ON_REPLY);

    struct sched_context *sc = caller->sc;
    if (sc != NULL && callee->sc == NULL && can_donate) {
        // Donate: r becomes the head of sc's call stack.
        reply_stack_push(sc, r);
        sched_context_donate(sc, callee);
    }
}

void reply_unlink(struct reply *r, struct tcb *t)
{
    kassert(r->tcb == t && t->reply == r);
    r->tcb = NULL;
    t->reply = NULL;
    thread_set_state(t, TS_INACTIVE);
}

// Take r, the head of its context's call stack, off it and give the context back to t.
static void reply_pop(struct reply *r, struct tcb *t)
{
    struct sched_context *sc = reply_stack_pop(r);
    if (t->sc == NULL) {
        sched_context_donate(sc, t);
    }
    reply_unlink(r, t);
}

// Break r out of the call stack without giving any context back (it is not the head).
static void reply_detach(struct reply *r)
{
    if (r->next != 0 && !r->next_is_sc) {
        ((struct reply *)r->next)->prev = NULL;
    }
    if (r->prev != NULL) {
        r->prev->next = 0;
        r->prev->next_is_sc = false;
    }
    r->prev = NULL;
    r->next = 0;
    r->next_is_sc = false;
}

static void reply_remove(struct reply *r, struct tcb *t)
{
    kassert(r->tcb == t && t->state == TS_BLOCKED_ON_REPLY);
    if (reply_heads_stack(r)) {
        reply_pop(r, t);
        return;
    }
    reply_detach(r);
    reply_unlink(r, t);
}

void reply_remove_tcb(struct tcb *t)
{
    kassert(t->state == TS_BLOCKED_ON_REPLY);
    struct reply *r = t->reply;
    if (reply_heads_stack(r)) {
        reply_stack_sc(r)->reply = NULL;
        r->next = 0;
        r->next_is_sc = false;
    }
    reply_detach(r);
    reply_unlink(r, t);
}

void reply_transfer(struct tcb *sender, struct reply *r, bool can_grant)
{
    struct tcb *receiver = r->tcb;
    if (receiver == NULL || receiver->state != TS_BLOCKED_ON_REPLY) {
        return; // nobody to answer
    }
    reply_remove(r, receiver);
    mcs_unblock_check(receiver->sc);
    word_t fault = receiver->fault.type;
    ipc_reply_to(sender, receiver, can_grant);

    // The answered thread runs on if its context has budget now; otherwise it times out
    // (once: not after answering a timeout fault) or waits for its next refill.
    struct sched_context *sc = receiver->sc;
    if (sc == NULL || !thread_is_runnable(receiver)) {
        return;
    }
    if (refill_ready(sc, ks_cur_time) && refill_sufficient(sc, 0)) {
        sched_possible_switch_to(receiver);
    } else if (endpoint_has_timeout_handler(receiver) && fault != seL4_Fault_Timeout) {
        endpoint_send_timeout_fault(receiver);
    } else {
        mcs_postpone(sc);
    }
}

void reply_finalise(struct reply *r)
{
    struct tcb *t = r->tcb;
    if (t == NULL) {
        return;
    }
    if (t->state == TS_BLOCKED_ON_REPLY) {
        reply_remove(r, t);
    } else if (t->state == TS_BLOCKED_ON_RECEIVE) {
        tcb_cancel_ipc(t);
    }
}

void reply_unbind_sc(struct sched_context *sc)
{
    struct reply *r = sc->reply;
    if (r != NULL) {
        r->next = 0;
        r->next_is_sc = false;
        sc->reply = NULL;
    }
}
