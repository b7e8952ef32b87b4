// SPDX-License-Identifier: BSD-2-Clause
// TCB invocations (seL4 manual §4.x, src/object/tcb.c) and thread stop/start helpers.
#include "object/tcb.h"

#include "api/invocation.h"
#include "assert.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "sched/sched.h"
#include "state.h"

void tcb_cancel_ipc(struct tcb *t)
{
    switch (t->state) {
    case TS_BLOCKED_ON_SEND:
    case TS_BLOCKED_ON_RECEIVE:
        endpoint_cancel_ipc((struct endpoint *)t->blocked_on, t);
        break;
    case TS_BLOCKED_ON_NOTIFICATION:
        notification_cancel_wait((struct notification *)t->blocked_on, t);
        break;
    case TS_BLOCKED_ON_REPLY:
        t->fault.type = seL4_Fault_NullFault;
        thread_set_state(t, TS_INACTIVE);
        break;
    default:
        break;
    }
}

void tcb_suspend(struct tcb *t)
{
    tcb_cancel_ipc(t);
    thread_set_state(t, TS_INACTIVE);
}

void tcb_resume(struct tcb *t)
{
    if (t->state != TS_INACTIVE) {
        return;
    }
    tcb_cancel_ipc(t);
    thread_set_state(t, TS_RESTART);
    sched_possible_switch_to(t);
}

exception_t decode_tcb_invocation(struct invocation *inv)
{
    struct tcb *target = tcb_from_pptr(cap_ptr(inv->cap));
    switch (inv->label) {
    case TCBSuspend:
        thread_set_state(inv->thread, TS_RESTART);
        tcb_suspend(target);
        return EXC_NONE;
    case TCBResume:
        thread_set_state(inv->thread, TS_RESTART);
        tcb_resume(target);
        return EXC_NONE;
    default:
        USER_ERROR(inv->thread, "TCB: Illegal operation attempted.");
        return error_illegal_operation(inv);
    }
}
