// SPDX-License-Identifier: BSD-2-Clause
// MCS only (make MCS=1): time and the release queue of the scheduler
// (docs/design/mcs-scheduling.md). The clock is read once per kernel entry
// (mcs_update_timestamp); the time since the last entry is charged to the current
// scheduling context (ks_cur_sc) when the kernel commits to it (mcs_commit_time) or finds
// the budget used up (api/budget.h). A thread whose context has no usable refill waits in
// the release queue, ordered by the time its head refill becomes usable, and goes back to
// the ready queues when the clock gets there (mcs_awaken). At kernel exit the one-shot
// timer is set for the next event: the end of the current thread's head refill or the
// first release, whichever comes first.
#pragma once

#include "types.h"

#ifdef CONFIG_KERNEL_MCS

struct tcb;
struct sched_context;

// seL4 updateTimestamp: read the clock; the time since the last entry becomes ks_consumed.
void mcs_update_timestamp(void);

// Put t (runnable, not in a ready queue) into the release queue, or take it out (no-op if it
// is not there). seL4 tcbReleaseEnqueue / tcbReleaseRemove.
void mcs_release_enqueue(struct tcb *t);
void mcs_release_remove(struct tcb *t);

// sc's thread waits for its next refill: out of the ready queues, into the release queue.
// seL4 postpone.
void mcs_postpone(struct sched_context *sc);

// seL4 schedContext_resume: a schedulable thread of sc without a usable head refill now is
// postponed (so that from here on a schedulable thread has budget).
void mcs_sc_resume(struct sched_context *sc);

// A sporadic context that is not the current one wakes up: seL4's refill_unblock_check.
void mcs_unblock_check(struct sched_context *sc);

// Charge ks_consumed to the current context (seL4 commitTime).
void mcs_commit_time(void);

// The start and the end of schedule(): release the threads whose refill time has come (seL4
// awaken); then make the chosen thread's context the current one and program the timer if
// anything changed (seL4 switchSchedContext, setNextInterrupt).
void mcs_awaken(void);
void mcs_switch_sched_context(void);

// CHECK_INVARIANTS=1 kernels: the check's own time is not charged to anybody; the timer is
// set again from now.
void mcs_forget_check_time(void);

#endif // CONFIG_KERNEL_MCS
