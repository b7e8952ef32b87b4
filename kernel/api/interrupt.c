// SPDX-License-Identifier: BSD-2-Clause
// The interrupt entry (see interrupt.h): ask the controller which line fired and act on
// the line's state, which object/irq.c keeps.
#include "api/interrupt.h"

#include "arch/api.h"
#include "cspace/cap.h"
#include "lib/printf.h"
#include "object/irq.h"
#include "object/notification.h"
#include "sched/sched.h"
#ifdef CONFIG_KERNEL_MCS
#include "api/budget.h"
#include "sched/mcs.h"
#include "state.h"
#endif

// A line in state Signal: mask it (IRQHandler_Ack unmasks it) and signal its notification.
static void irq_signal(word_t irq)
{
    cap_t cap = irq_notification_slot(irq)->cap;
    if (cap_type(cap) == CAP_NOTIFICATION && (cap_ipc_rights(cap) & CAP_RIGHT_WRITE)) {
        notification_signal((struct notification *)cap_ptr(cap), cap_ipc_badge(cap));
    } else {
        kprintf("Undelivered IRQ: %u\n", (unsigned)irq);
    }
    arch_irq_mask(irq);
}

void handle_interrupt(void)
{
#ifdef CONFIG_KERNEL_MCS
    // MCS: the time up to this interrupt is billed first; a used-up budget ends the time
    // slice here (api/budget.h).
    mcs_update_timestamp();
    budget_check();
#endif
    word_t irq = arch_irq_get_active();
    if (irq == ARCH_IRQ_NONE) {
        return; // spurious: the line dropped before we asked
    }
    if (irq > IRQ_MAX) {
        kprintf("Received IRQ %u, which is above the platforms maxIRQ of %u\n", (unsigned)irq,
                (unsigned)IRQ_MAX);
        arch_irq_mask(irq);
        arch_irq_ack(irq);
        return;
    }
    switch (irq_get_state(irq)) {
    case IRQ_SIGNAL:
        irq_signal(irq);
        break;
    case IRQ_TIMER:
#ifdef CONFIG_KERNEL_MCS
        // MCS: a one-shot deadline; the next one is set at kernel exit (sched/mcs.c).
        arch_timer_ack_deadline();
        ks_reprogram = true;
#else
        sched_timer_tick();
        arch_timer_reset();
#endif
        break;
    case IRQ_RESERVED:
    case IRQ_INACTIVE:
        arch_irq_mask(irq);
        kprintf("Received disabled IRQ: %u\n", (unsigned)irq);
        break;
    }
    arch_irq_ack(irq);
}
