// SPDX-License-Identifier: BSD-2-Clause
// handle_invocation: look up the invoked cap and the extra caps, read the message, run
// decode (which runs invoke), and compose the reply. This is the only place replies to
// kernel invocations are written (docs/design/abi.md §5.2).
#include "api/invocation.h"

#include "api/budget.h"
#include "api/faults.h"
#include "api/ipc.h"
#include "arch/api.h"
#include "cspace/lookup.h"
#include "msg/invocation.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "sched/sched.h"

// ---- replies ----------------------------------------------------------------------------

static void reply_error(struct tcb *t, const struct syscall_error *e)
{
    word_t mrs[SYSCALL_ERROR_MAX_MRS];
    unsigned n = syscall_error_mrs(e, mrs);
    word_t *buffer = lookup_ipc_buffer(t, true);
    for (unsigned i = 0; i < n; i++) {
        msg_set_mr(&t->ctx, buffer, i, mrs[i]);
    }
    if (!buffer && n > FAST_MSG_REGS) {
        n = FAST_MSG_REGS;
    }
    t->ctx.x[REG_CAP] = 0;
    t->ctx.x[REG_MSGINFO] = msg_info_new(e->type, 0, 0, n);
}

static void reply_success(struct tcb *t, word_t length)
{
    t->ctx.x[REG_CAP] = 0;
    t->ctx.x[REG_MSGINFO] = length;
}

// ---- the invocation path -------------------------------------------------------------------

// A cap fault on the invoked or an extra cap: the thread faults if it would have blocked.
static void invocation_cap_fault(struct tcb *t, cptr_t cptr, const struct lookup_fault *lf,
                                 bool is_blocking)
{
    if (!is_blocking) {
        return; // NBSend: no fault, and nothing left behind in the TCB
    }
    t->fault.type = seL4_Fault_CapFault;
    t->fault.w[0] = cptr;
    t->fault.w[1] = 0; // send phase
    t->fault.lookup = *lf;
    handle_fault(t);
}

// Null, endpoint, notification and reply caps are handled here (they are IPC, not object
// invocations); everything else goes to the switchboard.
static exception_t dispatch_invocation(struct invocation *inv, bool is_blocking)
{
    cap_t c = inv->cap;
    switch (cap_type(c)) {
    case CAP_NULL:
        USER_ERROR(inv->thread, "Attempted to invoke a null cap #%lu.", inv->cptr);
        return error_invalid_capability(inv, 0);
    case CAP_NOTIFICATION:
    case CAP_ENDPOINT:
        // Sending needs the Write right.
        if (!(cap_ipc_rights(c) & CAP_RIGHT_WRITE)) {
            USER_ERROR(inv->thread, "Attempted to invoke a read-only %s cap #%lu.",
                       cap_type(c) == CAP_ENDPOINT ? "endpoint" : "notification", inv->cptr);
            return error_invalid_capability(inv, 0);
        }
        thread_set_state(inv->thread, TS_RESTART);
        if (cap_type(c) == CAP_ENDPOINT) {
            return endpoint_send_from_invocation(inv, is_blocking);
        }
        notification_signal((struct notification *)cap_ptr(c), cap_ipc_badge(c));
        return EXC_NONE;
    case CAP_REPLY:
        if (cap_reply_is_master(c)) {
            USER_ERROR(inv->thread, "Attempted to invoke an invalid reply cap #%lu.", inv->cptr);
            return error_invalid_capability(inv, 0);
        }
        thread_set_state(inv->thread, TS_RESTART);
        return reply_from_invocation(inv);
    default:
        return decode_invocation(inv);
    }
}

// MCS also invokes caps named by x6 or x8 (handle_invocation_on); the non-MCS kernel is
// compiled exactly as before.
#ifdef CONFIG_KERNEL_MCS
static void invoke_cptr(struct tcb *t, cptr_t invoked, struct cte *slot, bool is_call,
                        bool is_blocking, bool can_donate)
#else
void handle_invocation(struct tcb *t, struct cte *slot, bool is_call, bool is_blocking)
#endif
{
    word_t info = t->ctx.x[REG_MSGINFO];
    // Filled field by field: zero-initialising the whole record (error details and all)
    // costs a memset on every invocation. The error record is written only by the error
    // helpers, for the fields its error type reports; unused extra caps read as null.
    struct invocation inv;
    inv.thread = t;
    inv.regs = &t->ctx;
#ifdef CONFIG_KERNEL_MCS
    inv.cptr = invoked;
#else
    inv.cptr = t->ctx.x[REG_CAP];
#endif
    inv.label = msg_info_label(info);
    inv.length = msg_info_length(info);
    inv.is_call = is_call;
#ifdef CONFIG_KERNEL_MCS
    inv.can_donate = can_donate;
#endif
    inv.extra_count = 0;
    inv.reply_length = 0;
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++) {
        inv.extra[i] = (struct extra_cap){.cap = cap_null(), .slot = NULL};
    }
    struct lookup_fault lf;

    // The fastpath may have resolved x0 already.
    if (slot == NULL && lookup_slot(t, inv.cptr, &lf, &slot) != EXC_NONE) {
        USER_ERROR(t, "Invocation of invalid cap #%lu.", inv.cptr);
        invocation_cap_fault(t, inv.cptr, &lf, is_blocking);
        return;
    }
    inv.slot = slot;
    inv.cap = slot->cap;

    inv.ipc_buffer = lookup_ipc_buffer(t, false);
    if (inv.ipc_buffer) {
        unsigned extra = msg_info_extra_caps(info);
        for (unsigned i = 0; i < extra; i++) {
            cptr_t cptr = inv.ipc_buffer[IPC_BUFFER_CAPS + i];
            struct cte *extra_slot;
            if (lookup_slot(t, cptr, &lf, &extra_slot) != EXC_NONE) {
                USER_ERROR(t, "Invocation of invalid extra cap #%lu.", cptr);
                invocation_cap_fault(t, cptr, &lf, is_blocking);
                return;
            }
            inv.extra[i] = (struct extra_cap){.cap = extra_slot->cap, .slot = extra_slot};
            inv.extra_count++;
        }
    } else if (inv.length > FAST_MSG_REGS) {
        // Without an IPC buffer only MR0..3 (the registers) can be read.
        USER_ERROR(t, "Invocation with no IPC buffer: message truncated to %u words.",
                   FAST_MSG_REGS);
        inv.length = FAST_MSG_REGS;
    }

    exception_t status = dispatch_invocation(&inv, is_blocking);
    if (status == EXC_PREEMPTED) {
#ifdef CONFIG_KERNEL_MCS
        budget_preemption_point();
#endif
        return; // the thread is in Restart and re-executes the syscall
    }
    if (status == EXC_SYSCALL_ERROR) {
        if (is_call) {
            reply_error(t, &inv.error);
        }
        return;
    }
    if (t->state == TS_RESTART) {
        if (is_call) {
            reply_success(t, inv.reply_length);
        }
        thread_set_state(t, TS_RUNNING);
    }
}

#ifdef CONFIG_KERNEL_MCS
void handle_invocation(struct tcb *t, struct cte *slot, bool is_call, bool is_blocking)
{
    // Only a Call lends the caller's context (seL4's canDonate).
    invoke_cptr(t, t->ctx.x[REG_CAP], slot, is_call, is_blocking, is_call);
}

void handle_invocation_on(struct tcb *t, cptr_t cptr)
{
    // The send phase of ReplyRecv, NBSendRecv and NBSendWait may lend it.
    invoke_cptr(t, cptr, NULL, false, false, true);
}
#endif
