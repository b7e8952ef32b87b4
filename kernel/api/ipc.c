// SPDX-License-Identifier: BSD-2-Clause
// The message-passing system calls (seL4 manual §4, seL4 syscall.c, non-MCS): Recv and
// Reply, endpoint sends from invocations and faults, reply-cap invocations. The message
// transfer is ipc/transfer.c's; who meets whom on an endpoint is object/endpoint.c's.
#include "api/ipc.h"

#include "assert.h"
#include "util.h"
#include "api/faults.h"
#include "cspace/cdt.h"
#include "cspace/lookup.h"
#include "ipc/transfer.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/reply.h"
#include "sched/sched.h"

#ifndef CONFIG_KERNEL_MCS
// seL4 deleteCallerCap: a thread that receives again forgets whom it could reply to.
static void delete_caller_cap(struct tcb *t)
{
    cte_delete_one(tcb_slot(t, TCB_CALLER));
}
#endif

// ---- the system calls ----------------------------------------------------------------------

// A receive-phase cap fault on cptr, delivered to t's fault handler.
static void receive_cap_fault(struct tcb *t, cptr_t cptr, const struct lookup_fault *lf)
{
    t->fault.type = seL4_Fault_CapFault;
    t->fault.w[0] = cptr;
    t->fault.w[1] = 1;
    t->fault.lookup = *lf;
    handle_fault(t);
}

#ifdef CONFIG_KERNEL_MCS
// seL4 lookupReply: the Reply object named by x6, or false after a receive-phase CapFault.
// A Reply object that still links an unanswered caller (or another receiver) lets it go.
static bool lookup_receive_reply(struct tcb *t, struct reply **out)
{
    cptr_t cptr = t->ctx.x[REG_REPLY];
    struct lookup_fault lf;
    cap_t c;
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE) {
        USER_ERROR(t, "Reply cap lookup failed");
        receive_cap_fault(t, cptr, &lf);
        return false;
    }
    if (cap_type(c) != CAP_REPLY) {
        USER_ERROR(t, "Cap in reply slot is not a reply");
        lf = (struct lookup_fault){.type = seL4_MissingCapability, .bits_left = 0};
        receive_cap_fault(t, cptr, &lf);
        return false;
    }
    struct reply *r = reply_from_cap(c);
    if (r->tcb != NULL && r->tcb != t) {
        USER_ERROR(t, "Reply object already has unexecuted reply!");
        tcb_cancel_ipc(r->tcb);
    }
    *out = r;
    return true;
}

void handle_recv(struct tcb *t, bool is_blocking, bool can_reply)
#else
void handle_recv(struct tcb *t, bool is_blocking)
#endif
{
    cptr_t cptr = t->ctx.x[REG_CAP];
    struct lookup_fault lf;
    cap_t c;

    // The CPtr does not resolve: CapFault with the lookup failure.
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE) {
        receive_cap_fault(t, cptr, &lf);
        return;
    }

    // Anything else that cannot be received on: CapFault, MissingCapability(0).
    lf = (struct lookup_fault){.type = seL4_MissingCapability, .bits_left = 0};
    switch (cap_type(c)) {
    case CAP_ENDPOINT:
        // An endpoint without the Read right.
        if (!(cap_ipc_rights(c) & CAP_RIGHT_READ)) {
            break;
        }
#ifdef CONFIG_KERNEL_MCS
        t->reply = NULL;
        if (can_reply && !lookup_receive_reply(t, &t->reply)) {
            return;
        }
#else
        delete_caller_cap(t);
#endif
        endpoint_receive((struct endpoint *)cap_ptr(c), t,
                         (cap_ipc_rights(c) & CAP_RIGHT_GRANT) != 0, is_blocking);
        return;
    case CAP_NOTIFICATION: {
        // A notification without Read, or bound to another thread.
        struct notification *n = (struct notification *)cap_ptr(c);
        if (!(cap_ipc_rights(c) & CAP_RIGHT_READ) || (n->bound_tcb && n->bound_tcb != t)) {
            break;
        }
        notification_receive(t, n, is_blocking);
        return;
    }
    default:
        break;
    }
    receive_cap_fault(t, cptr, &lf);
}

#ifndef CONFIG_KERNEL_MCS
void handle_reply(struct tcb *t)
{
    struct cte *slot = tcb_slot(t, TCB_CALLER);
    cap_t c = slot->cap;
    switch (cap_type(c)) {
    case CAP_NULL:
        return; // nobody to reply to
    case CAP_REPLY:
        if (!cap_reply_is_master(c)) {
            struct tcb *caller = tcb_from_pptr(cap_ptr(c));
            kassert(caller != t);
            ipc_reply_transfer(t, caller, slot, cap_reply_can_grant(c));
            return;
        }
        break;
    default:
        break;
    }
    panic("handle_reply: caller slot holds cap type %u", (unsigned)cap_type(c));
}
#endif

exception_t endpoint_send_from_invocation(struct invocation *inv, bool is_blocking)
{
    cap_t c = inv->cap;
    unsigned rights = cap_ipc_rights(c);
#ifdef CONFIG_KERNEL_MCS
    endpoint_send((struct endpoint *)cap_ptr(c), inv->thread, cap_ipc_badge(c),
                  (rights & CAP_RIGHT_GRANT) != 0, (rights & CAP_RIGHT_GRANT_REPLY) != 0,
                  inv->is_call, is_blocking, inv->can_donate);
#else
    endpoint_send((struct endpoint *)cap_ptr(c), inv->thread, cap_ipc_badge(c),
                  (rights & CAP_RIGHT_GRANT) != 0, (rights & CAP_RIGHT_GRANT_REPLY) != 0,
                  inv->is_call, is_blocking);
#endif
    return EXC_NONE;
}

exception_t reply_from_invocation(struct invocation *inv)
{
    cap_t c = inv->cap;
#ifdef CONFIG_KERNEL_MCS
    reply_transfer(inv->thread, reply_from_cap(c), cap_reply_can_grant(c));
#else
    kassert(cap_type(c) == CAP_REPLY && !cap_reply_is_master(c));
    ipc_reply_transfer(inv->thread, tcb_from_pptr(cap_ptr(c)), inv->slot, cap_reply_can_grant(c));
#endif
    return EXC_NONE;
}
