// SPDX-License-Identifier: BSD-2-Clause
// MCS only: scheduling contexts and the SchedControl cap (docs/design/abi.md §6, §7).
// A SchedContext object of 2^n bytes (n >= seL4_MinSchedContextBits) holds its state and
// as many refills as fit: two at the minimum size, one more per seL4_RefillSizeBytes
// (struct sched_context and the refill rules: sched/refill.h). Time is kept in ticks of the
// generic timer (CONFIG_TIMER_FREQUENCY_HZ).
#pragma once

#include "types.h"
#include "config.h"
#include "cspace/cap.h"
#include "msg/failures.h"
#include "sched/refill.h"

#ifdef CONFIG_KERNEL_MCS

struct tcb;
struct invocation;
struct reply;

_Static_assert(sizeof(struct sched_context) + 2 * sizeof(struct refill) <=
                   seL4_CoreSchedContextBytes + sizeof(word_t),
               "a minimal SchedContext holds its state and two refills");

// A zeroed SchedContext of 2^size_bits bytes at `region`: unbound, not configured.
cap_t sched_context_create(pptr_t region, unsigned size_bits);

// Move sc to thread `to` (seL4 schedContext_donate): its thread, if any, loses it.
void sched_context_donate(struct sched_context *sc, struct tcb *to);

// Bind t (which has no context) to sc; a runnable t is scheduled if sc is configured.
void sched_context_bind_tcb(struct sched_context *sc, struct tcb *t);

// Unbind sc's thread or notification (seL4 schedContext_unbindTCB / unbindNtfn).
void sched_context_unbind_tcb(struct sched_context *sc);
void sched_context_unbind_ntfn(struct sched_context *sc);

// Boot: bind sc to t with one refill of `budget` ticks every `budget` ticks (seL4's
// configure_sched_context for the initial thread).
void sched_context_boot(struct sched_context *sc, struct tcb *t, uint64_t budget);

// YieldTo bookkeeping (seL4 schedContext_cancelYieldTo / completeYieldTo): t forgets the
// context it yielded to; or, about to run again, t gets its answer (that context's consumed
// time) and forgets it.
void sched_context_cancel_yield_to(struct tcb *t);
void sched_context_complete_yield_to(struct tcb *t);

// Whether a cap's object is this scheduling context, for the derivation tree.
bool sched_caps_same_region(cap_t a, cap_t b);

// The last cap to a SchedContext is gone: unbind its thread and notification. (A TCB or a
// notification that goes away unbinds itself: object/objecttype.c.)
void sched_context_finalise(cap_t cap);

// SchedContext and SchedControl invocations.
exception_t decode_sched_context_invocation(struct invocation *inv);
exception_t decode_sched_control_invocation(struct invocation *inv);

#endif // CONFIG_KERNEL_MCS
