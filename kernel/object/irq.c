// SPDX-License-Identifier: BSD-2-Clause
// IRQ control and IRQ handler caps (seL4 interrupt.c and arm/object/interrupt.c): handing
// out one handler cap per line, binding a notification to a line (a copy of the cap kept
// in a kernel slot per line, a CDT child of the caller's cap), Ack and Clear. As in seL4,
// a line is unmasked when it is handed out and masked when it becomes inactive again;
// delivery (api/interrupt.c) masks it and IRQHandler_Ack unmasks it.
#include "object/irq.h"

#include "assert.h"
#include "arch/api.h"
#include "util.h"
#include "msg/invocation.h"
#include "cspace/cdt.h"
#include "cspace/lookup.h"
#include "sched/sched.h"
#include "state.h"
#include <sel4/arch/invocation.h>

enum irq_state irq_get_state(word_t irq)
{
    kassert(irq <= IRQ_MAX);
    return ks_irq_state[irq];
}

struct cte *irq_notification_slot(word_t irq)
{
    kassert(irq <= IRQ_MAX);
    return &ks_irq_node[irq];
}

void irq_handler_deleted(word_t irq)
{
    kassert(irq <= IRQ_MAX);
    cte_delete_one(&ks_irq_node[irq]);
    ks_irq_state[irq] = IRQ_INACTIVE;
    arch_irq_mask(irq);
}

// ---- IRQ control ---------------------------------------------------------------------------

static exception_t invoke_irq_control(struct cte *control, word_t irq, struct cte *dest)
{
    ks_irq_state[irq] = IRQ_SIGNAL;
    arch_irq_unmask(irq); // seL4 setIRQState: any state but Inactive unmasks the line
    cdt_insert(cap_irq_handler_new(irq), control, dest);
    return EXC_NONE;
}

/*
 * The checks shared by IRQControl_Get and GetTrigger, after the message length check:
 * irq range, line free, destination slot. On success *dest is the empty slot.
 */
static exception_t decode_irq_claim(struct invocation *inv, word_t irq, word_t index, word_t depth,
                                    struct cte **dest)
{
    exception_t status;

    // IRQ number above the platform's highest: RangeError(0, IRQ_MAX).
    if (irq > IRQ_MAX) {
        USER_ERROR(inv->thread, "Rejecting request for IRQ %u. IRQ is out of range [0..%u].",
                   (unsigned)irq, (unsigned)IRQ_MAX);
        return error_range(inv, 0, IRQ_MAX);
    }

    // Line already handed out or used by the kernel: RevokeFirst.
    if (ks_irq_state[irq] != IRQ_INACTIVE) {
        USER_ERROR(inv->thread, "Rejecting request for IRQ %u. Already active.", (unsigned)irq);
        return error_revoke_first(inv);
    }

    // Destination slot lookup: FailedLookup (not source) or RangeError.
    status = lookup_slot_for_cnode_op(&inv->error, inv->extra[0].cap, index, depth, false, dest);
    if (status != EXC_NONE) {
        USER_ERROR(inv->thread, "Target slot for new IRQ Handler cap invalid: cap %lu, IRQ %u.",
                   inv_extra_cptr(inv, 0), (unsigned)irq);
        return status;
    }

    // Destination slot occupied: DeleteFirst.
    if (!cap_is_null((*dest)->cap)) {
        USER_ERROR(inv->thread, "Target slot for new IRQ Handler cap not empty: cap %lu, IRQ %u.",
                   inv_extra_cptr(inv, 0), (unsigned)irq);
        return error_delete_first(inv);
    }
    return EXC_NONE;
}

exception_t decode_irq_control_invocation(struct invocation *inv)
{
    struct cte *dest;
    exception_t status;

    switch (inv->label) {
    case IRQIssueIRQHandler:
    case ARMIRQIssueIRQHandlerTrigger: {
        // Get(irq, index, depth) or GetTrigger(irq, edge, index, depth): fewer MRs, or no
        // destination root: TruncatedMessage.
        bool trigger = inv->label == ARMIRQIssueIRQHandlerTrigger;
        unsigned where = trigger ? 2 : 1; // MR of the destination index; its depth follows
        if (inv->length < where + 2 || inv->extra_count < 1) {
            return error_truncated_message(inv);
        }
        status = decode_irq_claim(inv, inv_mr(inv, 0), inv_mr(inv, where), inv_mr(inv, where + 1),
                                  &dest);
        if (status != EXC_NONE) {
            return status;
        }
        thread_set_state(inv->thread, TS_RESTART);
        // As seL4's Arch_invokeIRQControl: program the trigger, then claim the line. (A
        // plain Get leaves the line as it was last programmed.)
        if (trigger) {
            arch_irq_set_trigger(inv_mr(inv, 0), inv_mr(inv, 1) != 0);
        }
        return invoke_irq_control(inv->slot, inv_mr(inv, 0), dest);
    }

    case ARMIRQIssueSGISignal:
        // Fewer than 4 MRs or no destination root: TruncatedMessage.
        if (inv->length < 4 || inv->extra_count < 1) {
            USER_ERROR(inv->thread, "IRQControl: IssueSGISignal: Truncated message.");
            return error_truncated_message(inv);
        }
        // TODO(#3): SGI signal caps; until then answered as on a GIC without SGIs.
        USER_ERROR(inv->thread, "IRQControl: IssueSGISignal not available on this platform.");
        return error_illegal_operation(inv);

    default:
        // Any other label: IllegalOperation.
        return error_illegal_operation(inv);
    }
}

// ---- IRQ handler ---------------------------------------------------------------------------

exception_t decode_irq_handler_invocation(struct invocation *inv)
{
    word_t irq = cap_irq_handler_irq(inv->cap);
    struct cte *node = &ks_irq_node[irq];

    switch (inv->label) {
    case IRQAckIRQ:
        // Delivery masked the line; let the next interrupt in (seL4 GICv2: unmask).
        thread_set_state(inv->thread, TS_RESTART);
        arch_irq_unmask(irq);
        return EXC_NONE;

    case IRQSetIRQHandler: {
        // No notification cap: TruncatedMessage.
        if (inv->extra_count < 1) {
            return error_truncated_message(inv);
        }
        cap_t ntfn = inv->extra[0].cap;
        // Not a notification cap, or one without send right: InvalidCapability(0)
        // (seL4 reports cap number 0 here, not 1).
        if (cap_type(ntfn) != CAP_NOTIFICATION || !(cap_ipc_rights(ntfn) & CAP_RIGHT_WRITE)) {
            if (cap_type(ntfn) != CAP_NOTIFICATION) {
                USER_ERROR(inv->thread,
                           "IRQSetHandler: provided cap is not an notification capability.");
            } else {
                USER_ERROR(inv->thread,
                           "IRQSetHandler: caller does not have send rights on the endpoint.");
            }
            return error_invalid_capability(inv, 0);
        }
        thread_set_state(inv->thread, TS_RESTART);
        cte_delete_one(node);
        cdt_insert(ntfn, inv->extra[0].slot, node);
        return EXC_NONE;
    }

    case IRQClearIRQHandler:
        // As in seL4 the line's mask is left alone: an interrupt that arrives while no
        // notification is bound is masked on delivery ("Undelivered IRQ").
        thread_set_state(inv->thread, TS_RESTART);
        cte_delete_one(node);
        return EXC_NONE;

    default:
        // Any other label: IllegalOperation.
        USER_ERROR(inv->thread, "IRQHandler: Illegal operation.");
        return error_illegal_operation(inv);
    }
}
