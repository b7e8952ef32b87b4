// SPDX-License-Identifier: BSD-2-Clause
// The TCB invocations that go through seL4's ThreadControl: Configure, SetSpace,
// SetIPCBuffer, SetPriority, SetMCPriority and SetSchedParams (seL4 src/object/tcb.c,
// non-MCS). Each decode checks in seL4's order and reads only, then sets the caller to
// Restart and makes one call to invoke_tcb_thread_control. Dispatch is in tcb.c.
#include "object/tcb.h"

#include "assert.h"
#include "util.h"
#include "state.h"
#include "msg/invocation.h"
#include "cspace/cdt.h"
#include "cspace/derive.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "object/sched_context.h"
#include "sched/sched.h"
#include "arch/api.h"

#ifdef CONFIG_KERNEL_MCS
// seL4 setPriority (MCS): a queued or current thread goes to the head of its new priority's
// queue (and the scheduler chooses again); a thread waiting on an endpoint or notification
// moves to its new place there; any other thread just takes the new priority.
static void set_priority(struct tcb *t, word_t prio)
{
    switch (t->state) {
    case TS_RUNNING:
    case TS_RESTART:
        if (t->in_ready_queue || t == ks_cur_thread) {
            sched_dequeue(t);
            t->priority = prio;
            sched_enqueue(t);
            sched_reschedule_required();
        } else {
            t->priority = prio;
        }
        break;
    case TS_BLOCKED_ON_RECEIVE:
    case TS_BLOCKED_ON_SEND:
        t->priority = prio;
        endpoint_reorder((struct endpoint *)t->blocked_on, t);
        break;
    case TS_BLOCKED_ON_NOTIFICATION:
        t->priority = prio;
        notification_reorder((struct notification *)t->blocked_on, t);
        break;
    default:
        t->priority = prio;
        break;
    }
}
#else
// seL4 setPriority (non-MCS): requeue at the new priority if runnable.
static void set_priority(struct tcb *t, word_t prio)
{
    sched_dequeue(t);
    t->priority = prio;
    if (thread_is_runnable(t)) {
        if (t == ks_cur_thread) {
            sched_reschedule_required();
        } else {
            sched_possible_switch_to(t);
        }
    }
}
#endif

// ---- Configure, SetSpace, SetIPCBuffer, priorities: seL4's ThreadControl ------------------------

#define TC_UPDATE_SPACE 0x1u
#define TC_UPDATE_IPC_BUFFER 0x2u
#define TC_UPDATE_MCP 0x4u
#define TC_UPDATE_PRIORITY 0x8u
#ifdef CONFIG_KERNEL_MCS
#define TC_UPDATE_FAULT 0x10u   // MCS: the fault endpoint cap
#define TC_UPDATE_TIMEOUT 0x20u // MCS: the timeout endpoint cap
#define TC_UPDATE_SC 0x40u      // MCS: bind or unbind a scheduling context
#endif

// What a ThreadControl-style invocation changes, computed by decode (seL4's arguments to
// invokeTCB_ThreadControl).
struct thread_control {
    unsigned update;
    cptr_t fault_ep;
    word_t mcp, priority;
    cap_t croot, vroot, buffer_cap;
    struct cte *croot_src, *vroot_src, *buffer_src; // buffer_src NULL: no buffer frame
    vptr_t buffer;
#ifdef CONFIG_KERNEL_MCS
    cap_t handler_cap;        // the fault or timeout endpoint (or a null cap)
    struct cte *handler_src;  // where it came from
    struct sched_context *sc; // TC_UPDATE_SC: the new context, NULL to unbind
#endif
};

#ifdef CONFIG_KERNEL_MCS
// seL4 validFaultHandler: an endpoint cap that may send and grant (or grant a reply), or a
// null cap (no handler).
static bool valid_fault_handler(cap_t c)
{
    if (cap_type(c) == CAP_NULL) {
        return true;
    }
    return cap_type(c) == CAP_ENDPOINT && (cap_ipc_rights(c) & CAP_RIGHT_WRITE) &&
           (cap_ipc_rights(c) & (CAP_RIGHT_GRANT | CAP_RIGHT_GRANT_REPLY));
}

// seL4 isBlocked: waiting in an IPC or for a reply.
static bool tcb_is_blocked(const struct tcb *t)
{
    return thread_is_stopped(t) && t->state != TS_INACTIVE;
}
#endif

// Replace the cap in target's TCB slot `which` by new_cap derived from src. The old cap is
// deleted first; the new one is inserted only if both it and the invoked TCB cap survived
// that deletion (deleting the last cap to a CNode can destroy either).
static exception_t install_tcb_cap(struct invocation *inv, struct tcb *target, enum tcb_slot which,
                                   cap_t new_cap, struct cte *src)
{
    struct cte *slot = tcb_slot(target, which);
    exception_t status = cte_delete(slot, true);
    if (status != EXC_NONE) {
        return status;
    }
    if (src && same_object_as(new_cap, src->cap) &&
        same_object_as(cap_thread_new((pptr_t)target), inv->slot->cap)) {
        cdt_insert(new_cap, src, slot);
    }
    return EXC_NONE;
}

static exception_t invoke_tcb_thread_control(struct invocation *inv, struct tcb *target,
                                             const struct thread_control *tc)
{
    exception_t status;
#ifdef CONFIG_KERNEL_MCS
    // MCS: the fault or timeout endpoint is a cap the TCB keeps (seL4 installTCBCap).
    if (tc->update & (TC_UPDATE_FAULT | TC_UPDATE_TIMEOUT)) {
        status = install_tcb_cap(
            inv, target, (tc->update & TC_UPDATE_FAULT) ? TCB_FAULT_HANDLER : TCB_TIMEOUT_HANDLER,
            tc->handler_cap, cap_is_null(tc->handler_cap) ? NULL : tc->handler_src);
        if (status != EXC_NONE) {
            return status;
        }
    }
#else
    if (tc->update & TC_UPDATE_SPACE) {
        target->fault_handler = tc->fault_ep;
    }
#endif
    if (tc->update & TC_UPDATE_MCP) {
        target->mcp = tc->mcp;
    }
    if (tc->update & TC_UPDATE_SPACE) {
        status = install_tcb_cap(inv, target, TCB_CTABLE, tc->croot, tc->croot_src);
        if (status != EXC_NONE) {
            return status;
        }
        status = install_tcb_cap(inv, target, TCB_VTABLE, tc->vroot, tc->vroot_src);
        if (status != EXC_NONE) {
            return status;
        }
    }
    if (tc->update & TC_UPDATE_IPC_BUFFER) {
        target->ipc_buffer = tc->buffer;
        status = install_tcb_cap(inv, target, TCB_BUFFER, tc->buffer_cap, tc->buffer_src);
        if (status != EXC_NONE) {
            return status;
        }
    }
#ifdef CONFIG_KERNEL_MCS
    if ((tc->update & TC_UPDATE_SC) && tc->sc != target->sc) {
        if (target->sc != NULL) {
            sched_context_unbind_tcb(target->sc);
        }
        if (tc->sc != NULL) {
            sched_context_bind_tcb(tc->sc, target);
        }
    }
#endif
    if (tc->update & TC_UPDATE_PRIORITY) {
        set_priority(target, tc->priority);
    }
    return EXC_NONE;
}

// seL4 deriveCap for the caps Configure/SetSpace/SetIPCBuffer install. An untyped with
// children cannot be derived (RevokeFirst); other failures give a null cap, which the
// following type check rejects.
static exception_t derive_for_tcb(struct invocation *inv, struct cte *slot, cap_t cap, cap_t *out)
{
    exception_t status = derive_cap(&inv->error, slot, cap, out);
    if (status != EXC_NONE) {
        USER_ERROR(inv->thread, "Cannot derive an untyped cap with children.");
    }
    return status;
}

// seL4 slotCapLongRunningDelete: deleting this cap would take a long, preemptible delete.
static bool slot_cap_long_running_delete(const struct cte *slot)
{
    if (cap_is_null(slot->cap) || !cap_is_final(slot)) {
        return false;
    }
    switch (cap_type(slot->cap)) {
    case CAP_THREAD:
    case CAP_ZOMBIE:
    case CAP_CNODE:
        return true;
    default:
        return false;
    }
}

// seL4 checkValidIPCBuffer (AArch64: its wording, not AArch32's or RISC-V's).
static exception_t check_valid_ipc_buffer(struct invocation *inv, vptr_t vaddr, cap_t cap)
{
    // Not a frame cap: IllegalOperation.
    if (cap_type(cap) != CAP_FRAME) {
        USER_ERROR(inv->thread, "IPC Buffer is an invalid cap.");
        return error_illegal_operation(inv);
    }
    // A device frame: IllegalOperation.
    if (cap_frame_is_device(cap)) {
        USER_ERROR(inv->thread, "Specifying a device frame as an IPC buffer is not permitted.");
        return error_illegal_operation(inv);
    }
    // Address not 1024-aligned: AlignmentError.
    if (!IS_ALIGNED(vaddr, seL4_IPCBufferSizeBits)) {
        USER_ERROR(inv->thread, "IPC Buffer vaddr 0x%x is not aligned.", (int)vaddr);
        return error_alignment(inv);
    }
    return EXC_NONE;
}

// The buffer half of Configure/SetIPCBuffer: vaddr 0 means "no IPC buffer".
static exception_t decode_buffer(struct invocation *inv, vptr_t vaddr,
                                 const struct extra_cap *frame, struct thread_control *tc)
{
    tc->buffer = vaddr;
    tc->buffer_cap = frame->cap;
    tc->buffer_src = NULL;
    if (tc->buffer == 0) {
        return EXC_NONE;
    }
    exception_t status = derive_for_tcb(inv, frame->slot, frame->cap, &tc->buffer_cap);
    if (status != EXC_NONE) {
        return status;
    }
    status = check_valid_ipc_buffer(inv, tc->buffer, tc->buffer_cap);
    if (status != EXC_NONE) {
        return status;
    }
    tc->buffer_src = frame->slot;
    return EXC_NONE;
}

// The space half of Configure/SetSpace: CSpace root (with optional new guard) and VSpace
// root. `who` names the invocation in the debug messages.
static exception_t decode_space(struct invocation *inv, struct tcb *target, const char *who,
                                word_t croot_data, word_t vroot_data, const struct extra_cap *croot,
                                const struct extra_cap *vroot, struct thread_control *tc)
{
    exception_t status;
    (void)who;

    // The thread's current CSpace or VSpace is being destroyed: IllegalOperation.
    if (slot_cap_long_running_delete(tcb_slot(target, TCB_CTABLE)) ||
        slot_cap_long_running_delete(tcb_slot(target, TCB_VTABLE))) {
        USER_ERROR(inv->thread, "TCB %s: CSpace or VSpace currently being deleted.", who);
        return error_illegal_operation(inv);
    }

    // New CSpace root, with the guard word applied when non-zero.
    cap_t c = croot->cap;
    if (croot_data != 0) {
        c = update_cap_data(false, croot_data, c);
    }
    status = derive_for_tcb(inv, croot->slot, c, &tc->croot);
    if (status != EXC_NONE) {
        return status;
    }
    // Not a CNode cap (or a guard that does not fit): IllegalOperation.
    if (cap_type(tc->croot) != CAP_CNODE) {
        USER_ERROR(inv->thread, "TCB %s: %s", who,
                   inv->label == TCBConfigure ? "CSpace cap is invalid." : "Invalid CNode cap.");
        return error_illegal_operation(inv);
    }

    // New VSpace root (the data word changes nothing on Arm).
    cap_t v = vroot->cap;
    if (vroot_data != 0) {
        v = update_cap_data(false, vroot_data, v);
    }
    status = derive_for_tcb(inv, vroot->slot, v, &tc->vroot);
    if (status != EXC_NONE) {
        return status;
    }
    // Not a VSpace cap with an ASID: IllegalOperation.
    if (cap_type(tc->vroot) != CAP_VSPACE || !cap_vspace_has_asid(tc->vroot)) {
        USER_ERROR(inv->thread, "TCB %s: %s", who,
                   inv->label == TCBConfigure ? "VSpace cap is invalid." : "Invalid VSpace cap.");
        return error_illegal_operation(inv);
    }
    tc->croot_src = croot->slot;
    tc->vroot_src = vroot->slot;
    return EXC_NONE;
}

// Configure's message: the fault endpoint CPtr, then the CSpace and VSpace data and the
// buffer address. MCS has no fault endpoint word (docs/design/abi.md §9).
#ifdef CONFIG_KERNEL_MCS
#define CONFIGURE_ARGS 3
#define CONFIGURE_DATA_MR 0
#else
#define CONFIGURE_ARGS 4
#define CONFIGURE_DATA_MR 1
#endif

exception_t decode_tcb_configure(struct invocation *inv, struct tcb *target)
{
    struct thread_control tc = {.update = TC_UPDATE_SPACE | TC_UPDATE_IPC_BUFFER};

    // Fewer than 4 MRs (MCS: 3) or 3 caps: TruncatedMessage.
    if (inv->length < CONFIGURE_ARGS || inv->extra_count < 3) {
        USER_ERROR(inv->thread, "TCB Configure: Truncated message.");
        return error_truncated_message(inv);
    }
#ifndef CONFIG_KERNEL_MCS
    tc.fault_ep = inv_mr(inv, 0);
#endif
    word_t croot_data = inv_mr(inv, CONFIGURE_DATA_MR);
    word_t vroot_data = inv_mr(inv, CONFIGURE_DATA_MR + 1);

    // The IPC buffer (the last MR, cap 2) is checked first, as in seL4.
    exception_t status =
        decode_buffer(inv, inv_mr(inv, CONFIGURE_DATA_MR + 2), &inv->extra[2], &tc);
    if (status != EXC_NONE) {
        return status;
    }

    status = decode_space(inv, target, "Configure", croot_data, vroot_data, &inv->extra[0],
                          &inv->extra[1], &tc);
    if (status != EXC_NONE) {
        return status;
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_thread_control(inv, target, &tc);
}

#ifdef CONFIG_KERNEL_MCS
// MCS SetSpace: MR0 CSpace data, MR1 VSpace data; cap[0] the fault endpoint, cap[1] the
// CNode, cap[2] the VSpace. The space is checked first, then the fault endpoint
// (InvalidCapability(1)).
exception_t decode_tcb_set_space(struct invocation *inv, struct tcb *target)
{
    struct thread_control tc = {.update = TC_UPDATE_SPACE | TC_UPDATE_FAULT};

    // Fewer than 2 MRs or 3 caps: TruncatedMessage.
    if (inv->length < 2 || inv->extra_count < 3) {
        USER_ERROR(inv->thread, "TCB SetSpace: Truncated message.");
        return error_truncated_message(inv);
    }
    exception_t status = decode_space(inv, target, "SetSpace", inv_mr(inv, 0), inv_mr(inv, 1),
                                      &inv->extra[1], &inv->extra[2], &tc);
    if (status != EXC_NONE) {
        return status;
    }
    if (!valid_fault_handler(inv->extra[0].cap)) {
        USER_ERROR(inv->thread, "TCB SetSpace: fault endpoint cap invalid.");
        return error_invalid_capability(inv, 1);
    }
    tc.handler_cap = inv->extra[0].cap;
    tc.handler_src = inv->extra[0].slot;

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_thread_control(inv, target, &tc);
}

// MCS SetTimeoutEndpoint: cap[0] the endpoint timeout faults go to, or a null cap.
exception_t decode_tcb_set_timeout_endpoint(struct invocation *inv, struct tcb *target)
{
    struct thread_control tc = {.update = TC_UPDATE_TIMEOUT};

    if (inv->extra_count < 1) {
        USER_ERROR(inv->thread, "TCB SetTimeoutEndpoint: Truncated message.");
        return error_truncated_message(inv);
    }
    if (!valid_fault_handler(inv->extra[0].cap)) {
        USER_ERROR(inv->thread, "TCB SetTimeoutEndpoint: timeout endpoint cap invalid.");
        return error_invalid_capability(inv, 1);
    }
    tc.handler_cap = inv->extra[0].cap;
    tc.handler_src = inv->extra[0].slot;

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_thread_control(inv, target, &tc);
}
#else
exception_t decode_tcb_set_space(struct invocation *inv, struct tcb *target)
{
    struct thread_control tc = {.update = TC_UPDATE_SPACE};

    // Fewer than 3 MRs or 2 caps: TruncatedMessage.
    if (inv->length < 3 || inv->extra_count < 2) {
        USER_ERROR(inv->thread, "TCB SetSpace: Truncated message.");
        return error_truncated_message(inv);
    }
    tc.fault_ep = inv_mr(inv, 0);
    exception_t status = decode_space(inv, target, "SetSpace", inv_mr(inv, 1), inv_mr(inv, 2),
                                      &inv->extra[0], &inv->extra[1], &tc);
    if (status != EXC_NONE) {
        return status;
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_thread_control(inv, target, &tc);
}
#endif

exception_t decode_tcb_set_ipc_buffer(struct invocation *inv, struct tcb *target)
{
    struct thread_control tc = {.update = TC_UPDATE_IPC_BUFFER};

    // No address or no frame cap: TruncatedMessage.
    if (inv->length < 1 || inv->extra_count < 1) {
        USER_ERROR(inv->thread, "TCB SetIPCBuffer: Truncated message.");
        return error_truncated_message(inv);
    }
    exception_t status = decode_buffer(inv, inv_mr(inv, 0), &inv->extra[0], &tc);
    if (status != EXC_NONE) {
        return status;
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_thread_control(inv, target, &tc);
}

#ifdef CONFIG_KERNEL_MCS
// MCS SetSchedParams also carries cap[1] a SchedContext (or a null cap) and cap[2] a fault
// endpoint (or a null cap).
#define SET_SCHED_CAPS(update) ((update) == (TC_UPDATE_MCP | TC_UPDATE_PRIORITY) ? 3u : 1u)

// The MCS half of SetSchedParams, after the priorities: the scheduling context (already the
// thread's; or free, and with budget if the thread is blocked: IllegalOperation; a null cap
// unbinds, except the caller's own: IllegalOperation; another cap: InvalidCapability(2)),
// then the fault endpoint (InvalidCapability(3)).
static exception_t decode_sched_params_mcs(struct invocation *inv, struct tcb *target,
                                           struct thread_control *tc)
{
    cap_t sc_cap = inv->extra[1].cap;
    tc->sc = NULL;
    switch (cap_type(sc_cap)) {
    case CAP_SCHED_CONTEXT:
        tc->sc = (struct sched_context *)cap_ptr(sc_cap);
        if (target->sc != tc->sc) {
            if (target->sc != NULL) {
                USER_ERROR(inv->thread, "TCB Configure: tcb already has a scheduling context.");
                return error_illegal_operation(inv);
            }
            if (tc->sc->tcb != NULL) {
                USER_ERROR(inv->thread, "TCB Configure: sched context already bound.");
                return error_illegal_operation(inv);
            }
        }
        if (tcb_is_blocked(target) && tc->sc->refill_max == 0) {
            USER_ERROR(inv->thread,
                       "TCB Configure: tcb blocked and scheduling context not schedulable.");
            return error_illegal_operation(inv);
        }
        break;
    case CAP_NULL:
        if (target == inv->thread) {
            USER_ERROR(inv->thread,
                       "TCB SetSchedParams: Cannot change sched_context of current thread");
            return error_illegal_operation(inv);
        }
        break;
    default:
        USER_ERROR(inv->thread, "TCB Configure: sched context cap invalid.");
        return error_invalid_capability(inv, 2);
    }
    if (target->sc != tc->sc) {
        tc->update |= TC_UPDATE_SC;
    }
    if (!valid_fault_handler(inv->extra[2].cap)) {
        USER_ERROR(inv->thread, "TCB Configure: fault endpoint cap invalid.");
        return error_invalid_capability(inv, 3);
    }
    tc->update |= TC_UPDATE_FAULT;
    tc->handler_cap = inv->extra[2].cap;
    tc->handler_src = inv->extra[2].slot;
    return EXC_NONE;
}
#else
#define SET_SCHED_CAPS(update) 1u
#endif

/*
 * SetPriority, SetMCPriority and SetSchedParams: `update` says which values the message
 * carries, the MCP first. Checks, in seL4's order: the values and the authority cap are
 * there (TruncatedMessage); the authority is a TCB cap (InvalidCapability(1)); the MCP, then
 * the priority, does not exceed the authority's MCP (seL4 checkPrio: RangeError(0, its
 * MCP)). `op` names the invocation in the userError lines, `cap_op` in the one for a
 * non-TCB authority (seL4 spells SetPriority's differently).
 */
static exception_t decode_tcb_set_sched(struct invocation *inv, struct tcb *target, unsigned update,
                                        const char *op, const char *cap_op)
{
    struct thread_control tc = {.update = update};
    unsigned words = ((update & TC_UPDATE_MCP) != 0) + ((update & TC_UPDATE_PRIORITY) != 0);
    if (inv->length < words || inv->extra_count < SET_SCHED_CAPS(update)) {
        USER_ERROR(inv->thread, "%s: Truncated message.", op);
        return error_truncated_message(inv);
    }
    unsigned next = 0;
    if (update & TC_UPDATE_MCP) {
        tc.mcp = inv_mr(inv, next++);
    }
    if (update & TC_UPDATE_PRIORITY) {
        tc.priority = inv_mr(inv, next);
    }

    cap_t auth = inv->extra[0].cap;
    if (cap_type(auth) != CAP_THREAD) {
        USER_ERROR(inv->thread, "%s: authority cap not a TCB.", cap_op);
        return error_invalid_capability(inv, 1);
    }
    const struct tcb *auth_tcb = tcb_from_pptr(cap_ptr(auth));
    kassert(auth_tcb->mcp <= seL4_MaxPrio);
    if ((update & TC_UPDATE_MCP) && tc.mcp > auth_tcb->mcp) {
        USER_ERROR(inv->thread, "%s: Requested maximum controlled priority %lu too high (max %lu).",
                   op, tc.mcp, auth_tcb->mcp);
        return error_range(inv, seL4_MinPrio, auth_tcb->mcp);
    }
    if ((update & TC_UPDATE_PRIORITY) && tc.priority > auth_tcb->mcp) {
        USER_ERROR(inv->thread, "%s: Requested priority %lu too high (max %lu).", op, tc.priority,
                   auth_tcb->mcp);
        return error_range(inv, seL4_MinPrio, auth_tcb->mcp);
    }
#ifdef CONFIG_KERNEL_MCS
    if (words == 2) {
        exception_t status = decode_sched_params_mcs(inv, target, &tc);
        if (status != EXC_NONE) {
            return status;
        }
    }
#endif

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_thread_control(inv, target, &tc);
}

exception_t decode_tcb_set_priority(struct invocation *inv, struct tcb *target)
{
    return decode_tcb_set_sched(inv, target, TC_UPDATE_PRIORITY, "TCB SetPriority", "Set priority");
}

exception_t decode_tcb_set_mc_priority(struct invocation *inv, struct tcb *target)
{
    return decode_tcb_set_sched(inv, target, TC_UPDATE_MCP, "TCB SetMCPriority",
                                "TCB SetMCPriority");
}

exception_t decode_tcb_set_sched_params(struct invocation *inv, struct tcb *target)
{
    return decode_tcb_set_sched(inv, target, TC_UPDATE_MCP | TC_UPDATE_PRIORITY,
                                "TCB SetSchedParams", "TCB SetSchedParams");
}
