// SPDX-License-Identifier: BSD-2-Clause
// The interrupt entry: from "the controller has something" to the kernel timer tick or a
// signal on the notification bound to the line (seL4 handleInterruptEntry/handleInterrupt).
#pragma once

#include "types.h"

/*
 * Take the highest-priority pending interrupt, if any, and handle it:
 *   the kernel timer   the current thread's time slice loses a tick (sched_timer_tick),
 *                      the next timer period starts;
 *   a line in state Signal (IRQControl_Get)   the line is masked and the notification
 *                      bound by IRQHandler_SetNotification (if any) is signalled with its
 *                      badge; the line stays masked until IRQHandler_Ack;
 *   anything else      the line is masked and a debug line reports it.
 * Every taken interrupt is then ended at the controller. Does not schedule: the caller
 * leaves through kernel_exit (or loops in the idle wait), which does.
 */
void handle_interrupt(void);
