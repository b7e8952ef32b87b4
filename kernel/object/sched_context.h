// SPDX-License-Identifier: BSD-2-Clause
// MCS only: scheduling contexts and the SchedControl cap (docs/design/abi.md §6, §7).
// A SchedContext object of 2^n bytes (n >= seL4_MinSchedContextBits) holds its state and
// as many refills as fit: two at the minimum size, one more per seL4_RefillSizeBytes.
// Time is kept in ticks of the generic timer (CONFIG_TIMER_FREQUENCY_HZ).
#pragma once

#include "types.h"
#include "config.h"
#include "cspace/cap.h"
#include "msg/failures.h"

#ifdef CONFIG_KERNEL_MCS

struct tcb;
struct invocation;
struct reply;

// One replenishment: `amount` ticks of budget usable from time `time` on.
struct refill {
    uint64_t time;
    uint64_t amount;
};

struct sched_context {
    uint64_t period;   // ticks
    uint64_t consumed; // ticks used since the last Consumed/YieldTo report
    word_t core;
    struct tcb *tcb;     // the bound thread, or NULL
    struct reply *reply; // the top of the call stack of its donation (object/reply.h), or NULL
    pptr_t ntfn;         // the bound notification (0: none)
    word_t badge;        // the badge of its timeout faults
    struct tcb *yield_from;
    word_t refill_max; // refills that fit the object
    word_t refill_head;
    word_t refill_count;
    word_t sporadic;
    struct refill refills[];
};

_Static_assert(sizeof(struct sched_context) + 2 * sizeof(struct refill) <=
                   seL4_CoreSchedContextBytes + sizeof(word_t),
               "a minimal SchedContext holds its state and two refills");

// Time conversions as seL4's for a timer whose frequency is not a whole number of MHz
// (62.5 MHz): through kHz.
#define SC_TIMER_KHZ (CONFIG_TIMER_FREQUENCY_HZ / 1000u)
static inline uint64_t sc_us_to_ticks(uint64_t us)
{
    return us * SC_TIMER_KHZ / 1000u;
}
static inline uint64_t sc_ticks_to_us(uint64_t ticks)
{
    return ticks * 1000u / SC_TIMER_KHZ;
}

// seL4's MIN_REFILLS, MIN_BUDGET_US / MIN_BUDGET (twice the kernel's worst-case execution
// time, scaled) and MAX_PERIOD_US (an eighth of what converts to ticks without overflow).
#define SC_MIN_REFILLS 2u
#define SC_MIN_BUDGET_US (2u * CONFIG_KERNEL_WCET_US * CONFIG_KERNEL_WCET_SCALE)
#define SC_MIN_BUDGET (2u * sc_us_to_ticks(CONFIG_KERNEL_WCET_US) * CONFIG_KERNEL_WCET_SCALE)
#define SC_MAX_PERIOD_US (UINT64_MAX / SC_TIMER_KHZ / 8u)

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

// Whether a cap's object is this scheduling context, for the derivation tree.
bool sched_caps_same_region(cap_t a, cap_t b);

// The last cap to a SchedContext is gone: unbind its thread and notification. (A TCB or a
// notification that goes away unbinds itself: object/objecttype.c.)
void sched_context_finalise(cap_t cap);

// SchedContext and SchedControl invocations.
exception_t decode_sched_context_invocation(struct invocation *inv);
exception_t decode_sched_control_invocation(struct invocation *inv);

#endif // CONFIG_KERNEL_MCS
