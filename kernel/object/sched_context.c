// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): SchedContext objects and the
// SchedControl cap, see sched_context.h. Decode checks everything in seL4's order with
// seL4's errors before anything changes. The refills themselves follow sched/refill.c, the
// release queue and the clock sched/mcs.c (docs/design/mcs-scheduling.md).
#include "object/sched_context.h"

#include "arch/api.h"
#include "assert.h"
#include "config.h"
#include "state.h"
#include "msg/invocation.h"
#include "object/notification.h"
#include "object/reply.h"
#include "object/tcb.h"
#include "sched/mcs.h"
#include "sched/sched.h"

// Refills a SchedContext of 2^size_bits bytes holds (seL4's refill_absolute_max).
static word_t refill_absolute_max(unsigned size_bits)
{
    return (BIT(size_bits) - sizeof(struct sched_context)) / sizeof(struct refill);
}

cap_t sched_context_create(pptr_t region, unsigned size_bits)
{
    // Zeroed: unbound, unconfigured (no refills until SchedControl_ConfigureFlags).
    arch_zero_range(region, BIT(size_bits));
    return cap_sched_context_new(region, size_bits);
}

void sched_context_boot(struct sched_context *sc, struct tcb *t, uint64_t budget)
{
    refill_new(sc, SC_MIN_REFILLS, budget, 0, ks_cur_time);
    sc->tcb = t;
    t->sc = sc;
}

bool sched_caps_same_region(cap_t a, cap_t b)
{
    if (cap_type(a) != cap_type(b)) {
        return false;
    }
    if (cap_type(a) == CAP_SCHED_CONTROL) {
        return cap_sched_control_core(a) == cap_sched_control_core(b);
    }
    return cap_ptr(a) == cap_ptr(b);
}

// ---- binding ------------------------------------------------------------------------------

void sched_context_donate(struct sched_context *sc, struct tcb *to)
{
    struct tcb *from = sc->tcb;
    if (from != NULL) {
        sched_dequeue(from);
        mcs_release_remove(from);
        from->sc = NULL;
        if (from == ks_cur_thread || from == ks_sched_action) {
            sched_reschedule_required();
        }
    }
    sc->tcb = to;
    to->sc = sc;
}

void sched_context_bind_tcb(struct sched_context *sc, struct tcb *t)
{
    sc->tcb = t;
    t->sc = sc;
    if (sc_active(sc)) {
        mcs_unblock_check(sc);
    }
    mcs_sc_resume(sc);
    if (sched_is_schedulable(t)) {
        sched_enqueue(t);
        sched_reschedule_required();
    }
}

void sched_context_unbind_tcb(struct sched_context *sc)
{
    struct tcb *t = sc->tcb;
    if (t != NULL) {
        if (t == ks_cur_thread) {
            sched_reschedule_required();
        }
        sched_dequeue(t);
        mcs_release_remove(t);
        t->sc = NULL;
        sc->tcb = NULL;
    }
}

void sched_context_unbind_ntfn(struct sched_context *sc)
{
    struct notification *n = (struct notification *)sc->ntfn;
    if (n != NULL) {
        n->sc = NULL;
        sc->ntfn = 0;
    }
}

void sched_context_finalise(cap_t cap)
{
    struct sched_context *sc = (struct sched_context *)cap_ptr(cap);
    sched_context_unbind_tcb(sc);
    sched_context_unbind_ntfn(sc);
    reply_unbind_sc(sc);
    if (sc->yield_from != NULL) {
        sched_context_complete_yield_to(sc->yield_from);
    }
    // No longer a context: nothing is charged to it any more (it may still be ks_cur_sc
    // until the next schedule()).
    sc->refill_max = 0;
    sc->sporadic = false;
}

// ---- Consumed and YieldTo --------------------------------------------------------------------

// seL4's consumed-time message: badge 0, MR0 the time in microseconds, length 1.
static void write_consumed(struct tcb *t, uint64_t us)
{
    t->ctx.x[REG_CAP] = 0;
    msg_set_mr(&t->ctx, lookup_ipc_buffer(t, true), 0, us);
    t->ctx.x[REG_MSGINFO] = msg_info_new(0, 0, 0, 1);
}

void sched_context_cancel_yield_to(struct tcb *t)
{
    if (t->yield_to != NULL) {
        t->yield_to->yield_from = NULL;
        t->yield_to = NULL;
    }
}

void sched_context_complete_yield_to(struct tcb *t)
{
    if (t->yield_to != NULL) {
        write_consumed(t, sc_take_consumed_us(t->yield_to));
        sched_context_cancel_yield_to(t);
    }
}

// The caller gets its answer now (Consumed, or a YieldTo that does not switch): the time sc
// used, reset; written only for a Call, as seL4 does.
static void reply_consumed_now(struct invocation *inv, struct sched_context *sc)
{
    uint64_t us = sc_take_consumed_us(sc);
    if (inv->is_call) {
        inv_set_reply_mr(inv, lookup_ipc_buffer(inv->thread, true), 0, us);
    }
}

// seL4 invokeSchedContext_YieldTo: sc's thread runs before the caller when its priority is
// at least the caller's (the caller's answer, sc's consumed time, is written when the caller
// runs again); a lower-priority thread only goes to the head of its queue.
static void invoke_yield_to(struct invocation *inv, struct sched_context *sc)
{
    struct tcb *cur = inv->thread;
    if (sc->yield_from != NULL) {
        sched_context_complete_yield_to(sc->yield_from);
    }
    mcs_sc_resume(sc);
    struct tcb *t = sc->tcb;
    if (sched_is_schedulable(t) && t->priority >= cur->priority) {
        cur->yield_to = sc;
        sc->yield_from = cur;
        sched_dequeue(t);
        sched_enqueue(cur);
        sched_enqueue(t);
        sched_reschedule_required();
        return;
    }
    if (sched_is_schedulable(t)) {
        sched_dequeue(t);
        sched_enqueue(t);
    }
    reply_consumed_now(inv, sc);
}

static exception_t decode_yield_to(struct invocation *inv, struct sched_context *sc)
{
    // No thread, the caller itself, or a priority above the caller's MCP: IllegalOperation.
    struct tcb *t = sc->tcb;
    if (t == NULL) {
        USER_ERROR(inv->thread, "SchedContext_YieldTo: cannot yield to an inactive sched context");
        return error_illegal_operation(inv);
    }
    if (t == inv->thread) {
        USER_ERROR(inv->thread, "SchedContext_YieldTo: cannot seL4_SchedContext_YieldTo on self");
        return error_illegal_operation(inv);
    }
    if (t->priority > inv->thread->mcp) {
        USER_ERROR(inv->thread,
                   "SchedContext_YieldTo: insufficient mcp (%lu) to yield to a thread with prio "
                   "(%lu)",
                   inv->thread->mcp, t->priority);
        return error_illegal_operation(inv);
    }
    if (inv->thread->yield_to != NULL) {
        USER_ERROR(inv->thread, "SchedContext_YieldTo: cannot seL4_SchedContext_YieldTo to more "
                                "than on SC at a time");
        return error_illegal_operation(inv);
    }
    thread_set_state(inv->thread, TS_RESTART);
    invoke_yield_to(inv, sc);
    return EXC_NONE;
}

// ---- SchedContext invocations --------------------------------------------------------------

// seL4 isBlocked: waiting in an IPC or for a reply.
static bool thread_is_blocked(const struct tcb *t)
{
    return thread_is_stopped(t) && t->state != TS_INACTIVE;
}

static exception_t decode_bind(struct invocation *inv, struct sched_context *sc)
{
    // No object cap: TruncatedMessage.
    if (inv->extra_count < 1) {
        USER_ERROR(inv->thread, "SchedContext_Bind: Truncated Message.");
        return error_truncated_message(inv);
    }
    cap_t c = inv->extra[0].cap;
    switch (cap_type(c)) {
    case CAP_THREAD: {
        struct tcb *t = tcb_from_pptr(cap_ptr(c));
        // Either side already bound: IllegalOperation.
        if (sc->tcb != NULL) {
            USER_ERROR(inv->thread, "SchedContext_Bind: sched context already bound.");
            return error_illegal_operation(inv);
        }
        if (t->sc != NULL) {
            USER_ERROR(inv->thread, "SchedContext_Bind: tcb already bound.");
            return error_illegal_operation(inv);
        }
        // A blocked thread needs a context with budget to leave the kernel with.
        if (thread_is_blocked(t) && !(sc_active(sc) && refill_ready(sc, ks_cur_time))) {
            USER_ERROR(inv->thread, "SchedContext_Bind: tcb blocked and scheduling context "
                                    "not schedulable.");
            return error_illegal_operation(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        sched_context_bind_tcb(sc, t);
        return EXC_NONE;
    }
    case CAP_NOTIFICATION: {
        struct notification *n = (struct notification *)cap_ptr(c);
        if (sc->ntfn != 0) {
            USER_ERROR(inv->thread, "SchedContext_Bind: sched context already bound.");
            return error_illegal_operation(inv);
        }
        if (n->sc != NULL) {
            USER_ERROR(inv->thread, "SchedContext_Bind: notification already bound");
            return error_illegal_operation(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        sc->ntfn = (pptr_t)n;
        n->sc = sc;
        return EXC_NONE;
    }
    default:
        // Neither a TCB nor a notification: InvalidCapability(1).
        USER_ERROR(inv->thread, "SchedContext_Bind: invalid cap.");
        return error_invalid_capability(inv, 1);
    }
}

static exception_t decode_unbind_object(struct invocation *inv, struct sched_context *sc)
{
    if (inv->extra_count < 1) {
        USER_ERROR(inv->thread, "SchedContext_Unbind: Truncated message.");
        return error_truncated_message(inv);
    }
    cap_t c = inv->extra[0].cap;
    switch (cap_type(c)) {
    case CAP_THREAD:
        // Not the bound thread, or the caller itself: IllegalOperation.
        if (sc->tcb != tcb_from_pptr(cap_ptr(c))) {
            USER_ERROR(inv->thread, "SchedContext UnbindObject: object not bound");
            return error_illegal_operation(inv);
        }
        if (sc->tcb == inv->thread) {
            USER_ERROR(inv->thread, "SchedContext UnbindObject: cannot unbind sc of current "
                                    "thread");
            return error_illegal_operation(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        sched_context_unbind_tcb(sc);
        return EXC_NONE;
    case CAP_NOTIFICATION:
        if (sc->ntfn != cap_ptr(c)) {
            USER_ERROR(inv->thread, "SchedContext UnbindObject: object not bound");
            return error_illegal_operation(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        sched_context_unbind_ntfn(sc);
        return EXC_NONE;
    default:
        USER_ERROR(inv->thread, "SchedContext_Unbind: invalid cap");
        return error_invalid_capability(inv, 1);
    }
}

exception_t decode_sched_context_invocation(struct invocation *inv)
{
    struct sched_context *sc = (struct sched_context *)cap_ptr(inv->cap);
    switch (inv->label) {
    case SchedContextConsumed:
        // The time used since the last report, in microseconds, in MR0.
        thread_set_state(inv->thread, TS_RESTART);
        reply_consumed_now(inv, sc);
        return EXC_NONE;
    case SchedContextBind:
        return decode_bind(inv, sc);
    case SchedContextUnbindObject:
        return decode_unbind_object(inv, sc);
    case SchedContextUnbind:
        // The caller's own context: IllegalOperation.
        if (sc->tcb == inv->thread) {
            USER_ERROR(inv->thread, "SchedContext UnbindObject: cannot unbind sc of current "
                                    "thread");
            return error_illegal_operation(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        sched_context_unbind_tcb(sc);
        sched_context_unbind_ntfn(sc);
        reply_unbind_sc(sc);
        return EXC_NONE;
    case SchedContextYieldTo:
        return decode_yield_to(inv, sc);
    default:
        USER_ERROR(inv->thread, "SchedContext invocation: Illegal operation attempted.");
        return error_illegal_operation(inv);
    }
}

// ---- SchedControl -------------------------------------------------------------------------

static exception_t budget_range(struct invocation *inv, const char *what, word_t max)
{
    USER_ERROR(inv->thread, "SchedControl_ConfigureFlags: %s", what);
    return error_range(inv, SC_MIN_BUDGET_US, max);
}

// seL4 invokeSchedControl_ConfigureFlags: the thread leaves the queues while its refills
// change (time it used on this context so far is charged first); budget == period makes a
// round-robin context; a context in use by a runnable thread keeps its sliding window
// (refill_update), any other starts afresh (refill_new).
static void invoke_configure(struct sched_context *sc, uint64_t budget, uint64_t period,
                             word_t max_refills, word_t badge, word_t flags)
{
    struct tcb *t = sc->tcb;
    if (t != NULL) {
        mcs_release_remove(t);
        sched_dequeue(t);
        if (sc == ks_cur_sc) {
            mcs_commit_time();
        }
    }
    if (budget == period) {
        refill_new(sc, SC_MIN_REFILLS, budget, 0, ks_cur_time);
    } else if (sc_active(sc) && t != NULL && thread_is_runnable(t)) {
        refill_update(sc, period, budget, max_refills, ks_cur_time);
    } else {
        refill_new(sc, max_refills, budget, period, ks_cur_time);
    }
    if (t != NULL) {
        mcs_sc_resume(sc);
        if (thread_is_runnable(t) && t != ks_cur_thread) {
            sched_possible_switch_to(t);
        }
        if (t == ks_cur_thread) {
            sched_reschedule_required();
        }
    }
    sc->badge = badge;
    sc->sporadic = (flags & seL4_SchedContext_Sporadic) != 0;
}

static exception_t decode_configure_flags(struct invocation *inv)
{
    // No SchedContext cap, or fewer than 5 MRs: TruncatedMessage.
    if (inv->extra_count < 1) {
        USER_ERROR(inv->thread, "SchedControl_ConfigureFlags: Truncated message.");
        return error_truncated_message(inv);
    }
    if (inv->length < 5) {
        USER_ERROR(inv->thread, "SchedControl_configureFlags: truncated message.");
        return error_truncated_message(inv);
    }
    // Budget and period within [SC_MIN_BUDGET_US, SC_MAX_PERIOD_US], budget <= period:
    // RangeError.
    word_t budget_us = inv_mr(inv, 0);
    if (budget_us > SC_MAX_PERIOD_US) {
        return budget_range(inv, "budget out of range.", SC_MAX_PERIOD_US);
    }
    uint64_t budget = sc_us_to_ticks(budget_us);
    word_t period_us = inv_mr(inv, 1);
    if (period_us > SC_MAX_PERIOD_US) {
        return budget_range(inv, "period out of range.", SC_MAX_PERIOD_US);
    }
    uint64_t period = sc_us_to_ticks(period_us);
    if (budget < SC_MIN_BUDGET) {
        return budget_range(inv, "budget out of range.", SC_MAX_PERIOD_US);
    }
    if (period < SC_MIN_BUDGET) {
        return budget_range(inv, "period out of range.", SC_MAX_PERIOD_US);
    }
    if (budget > period) {
        return budget_range(inv, "budget must be <= period", period_us);
    }
    // Not a SchedContext cap: InvalidCapability(1).
    cap_t target = inv->extra[0].cap;
    if (cap_type(target) != CAP_SCHED_CONTEXT) {
        USER_ERROR(inv->thread,
                   "SchedControl_ConfigureFlags: target cap not a scheduling context cap");
        return error_invalid_capability(inv, 1);
    }
    // More extra refills than the object holds: RangeError(0, room).
    word_t extra_refills = inv_mr(inv, 2);
    word_t room = refill_absolute_max(cap_sched_context_size_bits(target)) - SC_MIN_REFILLS;
    if (extra_refills > room) {
        USER_ERROR(inv->thread, "Max refills invalid, got %lu, max %lu", extra_refills, room);
        return error_range(inv, 0, room);
    }
    word_t badge = inv_mr(inv, 3);
    word_t flags = inv_mr(inv, 4);

    thread_set_state(inv->thread, TS_RESTART);
    invoke_configure((struct sched_context *)cap_ptr(target), budget, period,
                     extra_refills + SC_MIN_REFILLS, badge, flags);
    return EXC_NONE;
}

exception_t decode_sched_control_invocation(struct invocation *inv)
{
    if (inv->label == SchedControlConfigureFlags) {
        return decode_configure_flags(inv);
    }
    USER_ERROR(inv->thread, "SchedControl invocation: Illegal operation attempted.");
    return error_illegal_operation(inv);
}
