// SPDX-License-Identifier: BSD-2-Clause
// Thread states and the scheduler: fixed-priority round robin over 256 ready queues,
// single core. Who runs next is decided once per kernel exit (schedule()).
#pragma once

#include "object/tcb.h"
#include "arch/api.h"
#include "state.h"

// Set a thread's state; a thread that stops being runnable leaves the ready queues, and
// if it is current, forces a reschedule at kernel exit (thread_stopped). Inline: every
// invocation sets its caller to Restart and back to Running.
void thread_stopped(struct tcb *t);
static inline void thread_set_state(struct tcb *t, enum thread_state s)
{
    t->state = s;
    if (!thread_is_runnable(t)) {
        thread_stopped(t);
    }
}

// Ready-queue operations (a thread is in its priority's queue iff runnable and not current
// ... or current and queued by yield).
void sched_enqueue(struct tcb *t);
void sched_append(struct tcb *t);
void sched_dequeue(struct tcb *t);

// Ask the scheduler to pick again at kernel exit.
void sched_reschedule_required(void);
// Every thread of a wait queue taken off its endpoint or notification (head first, linked
// through ep_next) is unlinked and given to `restart` (the object's rule for restarting its
// system call); then the scheduler picks again. For cancelling all IPC on a deleted object.
void sched_restart_queue(struct tcb *head, void (*restart)(struct tcb *t));
// A thread became runnable (e.g. woken by a signal): run it now if it has a higher
// priority than the current thread, else queue it.
void sched_possible_switch_to(struct tcb *t);

// Pick the thread to run at kernel exit and make it current (switching VSpace and FPU
// state as needed). May leave ks_cur_thread NULL when nothing is runnable (idle).
void schedule(void);
// Make `t` current: address space, TLS and FPU access.
void sched_switch_to(struct tcb *t);

/*
 * The FPU is switched lazily: its registers hold ks_fpu_owner's state, and a thread may use
 * them only while it is that owner (and its seL4_TCBFlag_fpuDisabled is clear). Any other
 * thread traps on its first FP/SIMD instruction; sched_fpu_trap then saves the owner's
 * registers, loads the thread's and lets it continue, so a thread never sees another's
 * values and threads that do not use the FPU never pay for the switch.
 *
 * sched_fpu_select: allow EL0 FP/SIMD for t, the thread about to run, iff it is the owner
 * and its FPU is not disabled. sched_fpu_trap: t trapped on an FP/SIMD instruction; make
 * it the owner and return true (it re-executes the instruction), or false when its FPU is
 * disabled (the trap is a user exception, as before).
 */
static FORCE_INLINE void sched_fpu_select(const struct tcb *t)
{
    arch_fpu_enable(ks_fpu_owner == t && !(t->flags & seL4_TCBFlag_fpuDisabled));
}
bool sched_fpu_trap(struct tcb *t);

// Whether a thread of priority prio would be the scheduler's choice: no ready thread has a
// higher priority (a ready one of the same priority comes after a thread put at the head).
static FORCE_INLINE bool sched_is_highest_priority(word_t prio)
{
    unsigned w = (unsigned)(prio / 64);
    if (likely(w == ARRAY_SIZE(ks_ready_bitmap) - 1)) {
        return ((ks_ready_bitmap[w] >> (prio % 64)) >> 1) == 0;
    }
    for (unsigned i = ARRAY_SIZE(ks_ready_bitmap) - 1; i > w; i--) {
        if (ks_ready_bitmap[i]) {
            return false;
        }
    }
    return ((ks_ready_bitmap[w] >> (prio % 64)) >> 1) == 0;
}

// seL4_Yield: move the current thread to the end of its priority's queue (MCS: api/budget.h).
void sched_yield_current(void);

// One kernel timer tick (seL4 timerTick): a running current thread loses one tick of its
// time slice; when the slice is used up it gets a fresh one, goes to the back of its
// priority's ready queue and a reschedule is requested (round robin within a priority).
// Idle, or a thread in Restart, is left alone.
void sched_timer_tick(void);

#ifdef CONFIG_KERNEL_MCS
// MCS: whether t may be scheduled: runnable, with a configured scheduling context, not
// waiting for a refill (seL4 isSchedulable).
bool sched_is_schedulable(const struct tcb *t);
#endif
