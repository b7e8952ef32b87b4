// SPDX-License-Identifier: BSD-2-Clause
// Thread states and the scheduler: fixed-priority round robin over 256 ready queues,
// single core. Who runs next is decided once per kernel exit (schedule()).
#pragma once

#include "object/tcb.h"

// Set a thread's state; a thread that stops being runnable while current forces a
// reschedule at kernel exit.
void thread_set_state(struct tcb *t, enum thread_state s);

// Ready-queue operations (a thread is in its priority's queue iff runnable and not current
// ... or current and queued by yield).
void sched_enqueue(struct tcb *t);
void sched_append(struct tcb *t);
void sched_dequeue(struct tcb *t);

// Ask the scheduler to pick again at kernel exit.
void sched_reschedule_required(void);
// A thread became runnable (e.g. woken by a signal): run it now if it has a higher
// priority than the current thread, else queue it.
void sched_possible_switch_to(struct tcb *t);

// Pick the thread to run at kernel exit and make it current (switching VSpace and FPU
// state as needed). May leave ks_cur_thread NULL when nothing is runnable (idle).
void schedule(void);
// Make `t` current: address space, TLS and FPU switch.
void sched_switch_to(struct tcb *t);

// seL4_Yield: move the current thread to the end of its priority's queue.
void sched_yield_current(void);

// One kernel timer tick (seL4 timerTick): a running current thread loses one tick of its
// time slice; when the slice is used up it gets a fresh one, goes to the back of its
// priority's ready queue and a reschedule is requested (round robin within a priority).
// Idle, or a thread in Restart, is left alone.
void sched_timer_tick(void);
