// SPDX-License-Identifier: BSD-2-Clause
// MCS only (make MCS=1): the current thread's budget at kernel entry (seL4 checkBudget,
// chargeBudget, endTimeslice, handleYield; docs/design/mcs-scheduling.md). Every entry that
// can bill a thread (system calls, faults, interrupts) reads the clock first; when the
// current context's head refill cannot cover the time used plus the minimum budget, the
// time is charged, the thread's time slice ends, and a system call is not performed (the
// thread re-executes it when it runs again).
#pragma once

#include "types.h"

#ifdef CONFIG_KERNEL_MCS

// Read the clock, then budget_check_restart: whether the entry may go on with its work.
bool budget_entry(void);

// seL4 checkBudget: whether the head refill covers ks_consumed; if not, charge it
// (budget_charge(ks_consumed, true)) and return false. Idle always has budget.
bool budget_check(void);

// seL4 chargeBudget: charge `consumed` ticks to the current context (a round-robin context
// gets its whole budget back) and, if the current thread may still run, end its time
// slice: a timeout fault to its timeout endpoint (only when can_timeout_fault, for a
// context that is not round robin), else the back of its ready queue if the context has
// budget now, else the release queue until its next refill.
void budget_charge(uint64_t consumed, bool can_timeout_fault);

// seL4_Yield (seL4 handleYield): give up the rest of the head refill; the context's consumed
// time counts only what was really used.
void budget_yield(void);

// A long operation stopped at a preemption point (seL4 mcsPreemptionPoint): bill the time
// it took, to the current context if it still exists.
void budget_preemption_point(void);

#endif // CONFIG_KERNEL_MCS
