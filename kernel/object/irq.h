// SPDX-License-Identifier: BSD-2-Clause
// IRQ control and IRQ handler caps: which interrupt lines user space owns and which
// notification each one signals (seL4 interrupt.c). Real delivery (GIC) is wired by the
// interrupt path, which asks irq_notification_slot() whom to signal.
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "cspace/cte.h"
#include "plat/qemu-virt/platform.h" // IRQ_MAX, IRQ_KERNEL_TIMER

struct invocation;

enum irq_state { IRQ_INACTIVE = 0, IRQ_SIGNAL, IRQ_TIMER, IRQ_RESERVED };

// IRQControl_Get / IRQControl_GetTrigger (seL4 decodeIRQControlInvocation).
exception_t decode_irq_control_invocation(struct invocation *inv);

// IRQHandler_Ack / SetNotification / Clear (seL4 decodeIRQHandlerInvocation).
exception_t decode_irq_handler_invocation(struct invocation *inv);

// The last IRQ handler cap to `irq` is being deleted: drop its notification and make the
// line inactive again, so IRQControl_Get can hand it out anew.
void irq_handler_deleted(word_t irq);

// State of an IRQ line and the slot holding its notification cap (may be empty).
enum irq_state irq_get_state(word_t irq);
struct cte *irq_notification_slot(word_t irq);
