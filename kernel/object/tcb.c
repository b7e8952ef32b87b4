// SPDX-License-Identifier: BSD-2-Clause
// TCB invocations (seL4 manual §4.2-4.3 and the TCB methods of object-api.xml; seL4
// src/object/tcb.c, non-MCS): every decode_tcb_* checks in seL4's order and reads only,
// then sets the caller to Restart and makes one call to its invoke_tcb_*. Also the thread
// stop/start helpers (suspend, restart, cancelIPC) the rest of the kernel uses.
// Register numbering and SPSR sanitising are in tcb_registers.c, the ThreadControl family
// (Configure, SetSpace, SetIPCBuffer, priorities) in tcb_control.c.
#include "object/tcb.h"

#include "assert.h"
#include "util.h"
#include "state.h"
#include "msg/invocation.h"
#include "cspace/cdt.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "object/reply.h"
#include "sched/sched.h"
#include "arch/api.h"
#ifdef CONFIG_KERNEL_MCS
#include "object/sched_context.h"
#include "sched/mcs.h"
#endif

// ---- stopping and starting threads ------------------------------------------------------------

void tcb_setup_reply_master(struct tcb *t)
{
#ifdef CONFIG_KERNEL_MCS
    // MCS has no reply master: replies go through Reply objects (object/reply.h).
    (void)t;
#else
    struct cte *slot = tcb_slot(t, TCB_REPLY);
    if (cap_is_null(slot->cap)) {
        // A root of its own in the derivation tree: caller caps become its children.
        slot->cap = cap_reply_new((pptr_t)t, true, true);
        slot->mdb.prev = 0;
        slot->mdb.next_and_flags = 0;
        mdb_set_flags(slot, true, true);
    }
#endif
}

void tcb_cancel_ipc(struct tcb *t)
{
#ifdef CONFIG_KERNEL_MCS
    // MCS: a receiver lets go of its Reply object; a caller's Reply object is freed.
    if (t->state == TS_BLOCKED_ON_RECEIVE && t->reply != NULL) {
        struct endpoint *ep = (struct endpoint *)t->blocked_on;
        reply_unlink(t->reply, t);
        endpoint_cancel_ipc(ep, t);
        return;
    }
    if (t->state == TS_BLOCKED_ON_REPLY) {
        t->fault.type = seL4_Fault_NullFault;
        reply_remove_tcb(t);
        return;
    }
#endif
    switch (t->state) {
    case TS_BLOCKED_ON_SEND:
    case TS_BLOCKED_ON_RECEIVE:
        endpoint_cancel_ipc((struct endpoint *)t->blocked_on, t);
        break;
    case TS_BLOCKED_ON_NOTIFICATION:
        notification_cancel_wait((struct notification *)t->blocked_on, t);
        break;
#ifndef CONFIG_KERNEL_MCS
    case TS_BLOCKED_ON_REPLY: {
        // The reply cap naming t (a child of its master reply cap) goes away.
        t->fault.type = seL4_Fault_NullFault;
        struct cte *caller = mdb_next(tcb_slot(t, TCB_REPLY));
        if (caller && cap_type(caller->cap) == CAP_REPLY && !cap_reply_is_master(caller->cap) &&
            cap_ptr(caller->cap) == (pptr_t)t) {
            cte_delete_one(caller);
        }
        break;
    }
#endif
    default:
        break;
    }
}

void tcb_debug_append(struct tcb *t)
{
    t->debug_prev = NULL;
    t->debug_next = ks_debug_tcbs;
    if (ks_debug_tcbs != NULL) {
        ks_debug_tcbs->debug_prev = t;
    }
    ks_debug_tcbs = t;
}

void tcb_debug_remove(struct tcb *t)
{
    if (t->debug_prev == NULL && ks_debug_tcbs != t) {
        return; // not on the list (already taken out)
    }
    if (t->debug_prev != NULL) {
        t->debug_prev->debug_next = t->debug_next;
    } else {
        ks_debug_tcbs = t->debug_next;
    }
    if (t->debug_next != NULL) {
        t->debug_next->debug_prev = t->debug_prev;
    }
    t->debug_prev = t->debug_next = NULL;
}

void tcb_name_append(struct tcb *t, const char *s)
{
    word_t len = 0;
    while (len < TCB_NAME_LENGTH - 1 && t->name[len]) {
        len++;
    }
    for (; len < TCB_NAME_LENGTH - 1 && *s; len++, s++) {
        t->name[len] = *s;
    }
    t->name[len] = '\0';
}

void tcb_suspend(struct tcb *t)
{
    tcb_cancel_ipc(t);
    if (t->state == TS_RUNNING) {
        // It would resume at NextIP; make that the restart PC (seL4 updateRestartPC).
        t->ctx.fault_ip = t->ctx.elr;
    }
#ifdef CONFIG_KERNEL_MCS
    sched_dequeue(t);
    mcs_release_remove(t);
    sched_context_cancel_yield_to(t);
#endif
    thread_set_state(t, TS_INACTIVE);
}

void tcb_resume(struct tcb *t)
{
    if (!thread_is_stopped(t)) {
        return;
    }
    tcb_cancel_ipc(t);
    tcb_setup_reply_master(t);
    thread_set_state(t, TS_RESTART);
#ifdef CONFIG_KERNEL_MCS
    // MCS: it runs only with budget; a context without a usable refill waits for it.
    mcs_unblock_check(t->sc);
    mcs_sc_resume(t->sc);
#endif
    sched_possible_switch_to(t);
}

// ---- notifications, TLS, flags ------------------------------------------------------------------

static exception_t invoke_tcb_notification_control(struct tcb *t, struct notification *n)
{
    if (n) {
        n->bound_tcb = t;
        t->bound_notification = (pptr_t)n;
    } else {
        n = (struct notification *)t->bound_notification;
        n->bound_tcb = NULL;
        t->bound_notification = 0;
    }
    return EXC_NONE;
}

static exception_t decode_tcb_bind_notification(struct invocation *inv, struct tcb *target)
{
    // No notification cap: TruncatedMessage.
    if (inv->extra_count < 1) {
        USER_ERROR(inv->thread, "TCB BindNotification: Truncated message.");
        return error_truncated_message(inv);
    }

    // The thread already has one: IllegalOperation.
    if (target->bound_notification) {
        USER_ERROR(inv->thread, "TCB BindNotification: TCB already has a bound notification.");
        return error_illegal_operation(inv);
    }

    // Not a notification cap: IllegalOperation.
    cap_t c = inv->extra[0].cap;
    if (cap_type(c) != CAP_NOTIFICATION) {
        USER_ERROR(inv->thread, "TCB BindNotification: Notification is invalid.");
        return error_illegal_operation(inv);
    }
    struct notification *n = (struct notification *)cap_ptr(c);

    // No receive (Read) right: IllegalOperation.
    if (!(cap_ipc_rights(c) & CAP_RIGHT_READ)) {
        USER_ERROR(inv->thread, "TCB BindNotification: Insufficient access rights");
        return error_illegal_operation(inv);
    }

    // Threads wait on it, or it is bound already: IllegalOperation.
    if (n->head != NULL || n->bound_tcb != NULL) {
        USER_ERROR(inv->thread, "TCB BindNotification: Notification cannot be bound.");
        return error_illegal_operation(inv);
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_notification_control(target, n);
}

static exception_t decode_tcb_unbind_notification(struct invocation *inv, struct tcb *target)
{
    // Nothing bound: IllegalOperation.
    if (!target->bound_notification) {
        USER_ERROR(inv->thread, "TCB UnbindNotification: TCB already has no bound Notification.");
        return error_illegal_operation(inv);
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_notification_control(target, NULL);
}

static exception_t invoke_tcb_set_tls_base(struct tcb *t, word_t base)
{
    t->ctx.tpidr_el0 = base;
    if (t == ks_cur_thread) {
        arch_tls_load(&t->ctx); // the live register, not only the saved copy
    }
    return EXC_NONE;
}

static exception_t decode_tcb_set_tls_base(struct invocation *inv, struct tcb *target)
{
    // No base: TruncatedMessage.
    if (inv->length < 1) {
        USER_ERROR(inv->thread, "TCB SetTLSBase: Truncated message.");
        return error_truncated_message(inv);
    }
    word_t base = inv_mr(inv, 0);

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_set_tls_base(target, base);
}

static exception_t invoke_tcb_set_flags(struct invocation *inv, struct tcb *t, word_t clear,
                                        word_t set)
{
    t->flags = (t->flags & ~clear) | (set & seL4_TCBFlag_MASK);
    if (t == ks_cur_thread) {
        sched_fpu_select(t);
    }
    if (inv->is_call) {
        inv_set_reply_mr(inv, NULL, 0, t->flags); // the reply carries the resulting flags
    }
    return EXC_NONE;
}

static exception_t decode_tcb_set_flags(struct invocation *inv, struct tcb *target)
{
    // Fewer than 2 MRs: TruncatedMessage.
    if (inv->length < 2) {
        USER_ERROR(inv->thread, "TCB SetFlags: Truncated message.");
        return error_truncated_message(inv);
    }
    word_t clear = inv_mr(inv, 0);
    word_t set = inv_mr(inv, 1);

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_set_flags(inv, target, clear, set);
}

// ---- dispatch ---------------------------------------------------------------------------------

exception_t decode_tcb_invocation(struct invocation *inv)
{
    struct tcb *target = tcb_from_pptr(cap_ptr(inv->cap));
    switch (inv->label) {
    case TCBReadRegisters:
        return decode_tcb_read_registers(inv, target);
    case TCBWriteRegisters:
        return decode_tcb_write_registers(inv, target);
    case TCBCopyRegisters:
        return decode_tcb_copy_registers(inv, target);
    case TCBSuspend:
        thread_set_state(inv->thread, TS_RESTART);
        tcb_suspend(target);
        return EXC_NONE;
    case TCBResume:
        thread_set_state(inv->thread, TS_RESTART);
        tcb_resume(target);
        return EXC_NONE;
    case TCBConfigure:
        return decode_tcb_configure(inv, target);
    case TCBSetPriority:
        return decode_tcb_set_priority(inv, target);
    case TCBSetMCPriority:
        return decode_tcb_set_mc_priority(inv, target);
    case TCBSetSchedParams:
        return decode_tcb_set_sched_params(inv, target);
    case TCBSetSpace:
        return decode_tcb_set_space(inv, target);
#ifdef CONFIG_KERNEL_MCS
    case TCBSetTimeoutEndpoint:
        return decode_tcb_set_timeout_endpoint(inv, target);
#endif
    case TCBSetIPCBuffer:
        return decode_tcb_set_ipc_buffer(inv, target);
    case TCBBindNotification:
        return decode_tcb_bind_notification(inv, target);
    case TCBUnbindNotification:
        return decode_tcb_unbind_notification(inv, target);
    case TCBSetTLSBase:
        return decode_tcb_set_tls_base(inv, target);
    case TCBSetFlags:
        return decode_tcb_set_flags(inv, target);
    default:
        // Not a TCB label: IllegalOperation.
        USER_ERROR(inv->thread, "TCB: Illegal operation.");
        return error_illegal_operation(inv);
    }
}
