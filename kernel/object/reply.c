// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): Reply objects, see reply.h.
#include "object/reply.h"

#include "assert.h"
#include "ipc/transfer.h"
#include "object/tcb.h"
#include "sched/sched.h"

void reply_push(struct tcb *caller, struct reply *r)
{
    kassert(r->tcb == NULL);
    r->tcb = caller;
    caller->reply = r;
    thread_set_state(caller, TS_BLOCKED_ON_REPLY);
}

void reply_unlink(struct reply *r, struct tcb *t)
{
    kassert(r->tcb == t && t->reply == r);
    r->tcb = NULL;
    t->reply = NULL;
    thread_set_state(t, TS_INACTIVE);
}

void reply_remove_tcb(struct tcb *t)
{
    kassert(t->state == TS_BLOCKED_ON_REPLY);
    reply_unlink(t->reply, t);
}

void reply_after_receive(struct tcb *sender, struct reply *r, bool is_call, bool may_reply)
{
    if (is_call || sender->fault.type != seL4_Fault_NullFault) {
        if (r != NULL && may_reply) {
            reply_push(sender, r);
        } else {
            thread_set_state(sender, TS_INACTIVE);
        }
        return;
    }
    thread_set_state(sender, TS_RUNNING);
    sched_possible_switch_to(sender);
}

void reply_transfer(struct tcb *sender, struct reply *r, bool can_grant)
{
    struct tcb *receiver = r->tcb;
    if (receiver == NULL || receiver->state != TS_BLOCKED_ON_REPLY) {
        return; // nobody to answer
    }
    reply_unlink(r, receiver);
    ipc_reply_to(sender, receiver, can_grant);
}

void reply_finalise(struct reply *r)
{
    struct tcb *t = r->tcb;
    if (t == NULL) {
        return;
    }
    if (t->state == TS_BLOCKED_ON_REPLY) {
        reply_unlink(r, t);
    } else if (t->state == TS_BLOCKED_ON_RECEIVE) {
        tcb_cancel_ipc(t);
    }
}
