// SPDX-License-Identifier: BSD-2-Clause
// All global mutable kernel state (ks_*). Single core, no locks: the kernel runs with
// interrupts masked and one thread of control.
#pragma once

#include "types.h"
#include "config.h"
#include "cspace/cte.h"
#include "object/domain.h"
#include "object/irq.h"
#include "object/tcb.h"

struct asid_pool;

extern struct tcb *ks_cur_thread;   // thread whose context is live (NULL: idle)
extern struct tcb *ks_sched_action; // thread chosen to run next, or NULL to keep current
extern struct tcb *ks_fpu_owner;    // thread whose FP/SIMD state is in the registers
extern struct tcb *ks_debug_tcbs;   // every TCB not yet destroyed (seL4's ksDebugTCBs)
extern struct tcb *ks_ready_head[CONFIG_NUM_PRIORITIES];
extern struct tcb *ks_ready_tail[CONFIG_NUM_PRIORITIES];
extern word_t ks_ready_bitmap[CONFIG_NUM_PRIORITIES / 64];
// The top-level ASID table: 2^seL4_NumASIDPoolsBits pools of 2^seL4_ASIDPoolIndexBits ASIDs.
extern struct asid_pool *ks_asid_table[1u << seL4_NumASIDPoolsBits];
// Number of times a preemption point has been consulted (host tests may force preemption).
extern word_t ks_work_units;
// Each IRQ line's state and the notification cap it signals (object/irq.c).
#define IRQ_COUNT (IRQ_MAX + 1)
extern enum irq_state ks_irq_state[IRQ_COUNT];
extern struct cte ks_irq_node[IRQ_COUNT];
// The domain schedule (object/domain.c): entries in the domain.h format, and where it starts.
extern word_t ks_dom_schedule[DOMAIN_SCHEDULE_LENGTH];
extern word_t ks_dom_schedule_start;

#ifdef CONFIG_KERNEL_MCS
// MCS time (sched/mcs.h): the clock at the last kernel entry, the ticks the current
// scheduling context used and not yet charged, the context they are charged to (NULL: idle),
// whether the timer must be programmed again at kernel exit, and the release queue: threads
// waiting for their next refill, earliest first (linked through sched_prev/sched_next).
extern uint64_t ks_cur_time;
extern uint64_t ks_consumed;
extern struct sched_context *ks_cur_sc;
extern bool ks_reprogram;
extern struct tcb *ks_release_head;
#endif

// Reset all state to its boot value (used by host unit tests between cases).
void state_reset(void);
