// SPDX-License-Identifier: BSD-2-Clause
// Receives and replies. Notification receives are complete; endpoint message passing is
// being written (see TODO(#2)).
#include "api/ipc.h"

#include "api/faults.h"
#include "api/invocation.h"
#include "cspace/lookup.h"
#include "object/notification.h"
#include "sched/sched.h"

void handle_recv(struct tcb *t, bool is_blocking)
{
    cptr_t cptr = t->ctx.x[REG_CAP];
    struct lookup_fault lf;
    cap_t c;
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE) {
        t->fault.type = seL4_Fault_CapFault;
        t->fault.w[0] = cptr;
        t->fault.w[1] = 1;
        t->fault.lookup = lf;
        handle_fault(t);
        return;
    }
    switch (cap_type(c)) {
    case CAP_NOTIFICATION:
        if (cap_ipc_rights(c) & CAP_RIGHT_READ) {
            notification_receive(t, (struct notification *)cap_ptr(c), is_blocking);
            return;
        }
        break;
    default:
        break;
    }
    // Not something this thread may receive on: a cap fault in the receive phase.
    t->fault.type = seL4_Fault_CapFault;
    t->fault.w[0] = cptr;
    t->fault.w[1] = 1;
    t->fault.lookup = (struct lookup_fault){.type = seL4_MissingCapability, .bits_left = 0};
    handle_fault(t);
}

void handle_reply(struct tcb *t)
{
    (void)t; // TODO(#2): reply caps arrive with endpoint IPC
}

exception_t endpoint_send_from_invocation(struct invocation *inv, bool is_blocking)
{
    (void)is_blocking; // TODO(#2): endpoint IPC
    return error_illegal_operation(inv);
}

void endpoint_send_fault(struct tcb *t, cap_t ep)
{
    (void)ep; // TODO(#2): fault IPC
    thread_set_state(t, TS_INACTIVE);
}
