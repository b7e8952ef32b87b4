// SPDX-License-Identifier: BSD-2-Clause
// The scheduling context's budget as a sporadic server (seL4's sporadic.c rules;
// docs/design/mcs-scheduling.md). Plain functions of a SchedContext and the time: no global
// state, no hardware, so that the rules are unit-tested on the host (tests/unit/test_refill.c)
// in either configuration; the MCS kernel (make MCS=1) is their only user.
//
// A SchedContext holds a circular buffer of refills, each "`amount` ticks usable from `time`
// on". The head refill is the budget the bound thread runs on; time it uses goes back as a
// new refill one period after the time it was used, so in any window of one period the
// thread never gets more than its budget. A round-robin context (period 0: budget == period
// when configured) has exactly two refills: the head it consumes and a tail collecting what
// it has used, given back whole when its time slice ends.
#pragma once

#include "types.h"
#include "config.h"

struct tcb;
struct reply;

// One replenishment: `amount` ticks of budget usable from time `time` on.
struct refill {
    uint64_t time;
    uint64_t amount;
};

// The SchedContext object (MCS): its state, then as many refills as fit the object (two at
// seL4_MinSchedContextBits, one more per 16 bytes). The layout matches seL4's, so that
// refill_absolute_max gives seL4's numbers.
struct sched_context {
    uint64_t period;   // ticks; 0 for a round-robin context
    uint64_t consumed; // ticks used since the last Consumed/YieldTo/timeout report
    word_t core;
    struct tcb *tcb;        // the bound (or lent-to) thread, or NULL
    struct reply *reply;    // the top of the call stack of its donation (object/reply.h), or NULL
    pptr_t ntfn;            // the bound notification (0: none)
    word_t badge;           // the badge of its timeout faults
    struct tcb *yield_from; // a thread that did SchedContext_YieldTo to this context, or NULL
    word_t refill_max;      // refills in use by the configuration; 0: never configured
    word_t refill_head;     // index of the head refill
    word_t refill_tail;     // index of the tail refill (== head: one refill)
    word_t sporadic;        // seL4_SchedContext_Sporadic was given
    struct refill refills[];
};

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
// The largest tick count that converts to microseconds without overflow (seL4 getMaxTicksToUs).
#define SC_MAX_TICKS_TO_US (UINT64_MAX / SC_TIMER_KHZ)

// seL4's MIN_REFILLS, MIN_BUDGET_US / MIN_BUDGET (twice the kernel's worst-case execution
// time, scaled), MAX_PERIOD_US (an eighth of what converts to ticks without overflow) and
// MAX_RELEASE_TIME (refills are never pushed past it).
#define SC_MIN_REFILLS 2u
#define SC_MIN_BUDGET_US (2u * CONFIG_KERNEL_WCET_US * CONFIG_KERNEL_WCET_SCALE)
#define SC_MIN_BUDGET (2u * sc_us_to_ticks(CONFIG_KERNEL_WCET_US) * CONFIG_KERNEL_WCET_SCALE)
#define SC_MAX_PERIOD_US (UINT64_MAX / SC_TIMER_KHZ / 8u)
#define SC_MAX_RELEASE_TIME (UINT64_MAX - 5u * sc_us_to_ticks(SC_MAX_PERIOD_US))

// ---- the refill buffer ------------------------------------------------------------------

static inline struct refill *refill_head(struct sched_context *sc)
{
    return &sc->refills[sc->refill_head];
}
static inline struct refill *refill_tail(struct sched_context *sc)
{
    return &sc->refills[sc->refill_tail];
}
// Refills in the buffer (at least 1 once configured).
static inline word_t refill_size(const struct sched_context *sc)
{
    if (sc->refill_head <= sc->refill_tail) {
        return sc->refill_tail - sc->refill_head + 1u;
    }
    return sc->refill_tail + 1u + (sc->refill_max - sc->refill_head);
}
static inline bool refill_single(const struct sched_context *sc)
{
    return sc->refill_head == sc->refill_tail;
}

// seL4 isRoundRobin, sc_active, sc_sporadic.
static inline bool sc_round_robin(const struct sched_context *sc)
{
    return sc->period == 0;
}
static inline bool sc_active(const struct sched_context *sc)
{
    return sc->refill_max > 0;
}
static inline bool sc_sporadic(const struct sched_context *sc)
{
    return sc != NULL && sc->sporadic;
}

// What is left of the head refill after `usage` ticks (0 if usage exceeds it).
static inline uint64_t refill_capacity(struct sched_context *sc, uint64_t usage)
{
    uint64_t amount = refill_head(sc)->amount;
    return usage > amount ? 0 : amount - usage;
}
// Whether the head refill still holds the minimum budget after `usage` ticks.
static inline bool refill_sufficient(struct sched_context *sc, uint64_t usage)
{
    return refill_capacity(sc, usage) >= SC_MIN_BUDGET;
}
// Whether the head refill may be used at time `now`.
static inline bool refill_ready(struct sched_context *sc, uint64_t now)
{
    return refill_head(sc)->time <= now;
}

// ---- the rules --------------------------------------------------------------------------

// A fresh configuration: one refill of the whole budget usable from `now` (a round-robin
// context also gets its empty tail). seL4 refill_new.
void refill_new(struct sched_context *sc, word_t max_refills, uint64_t budget, uint64_t period,
                uint64_t now);

// Reconfigure a context in use without breaking the sliding window: the head refill is kept
// (made usable from now if it was ready) and cut to the new budget, or the rest of the new
// budget comes one new period after it. seL4 refill_update.
void refill_update(struct sched_context *sc, uint64_t new_period, uint64_t new_budget,
                   word_t new_max_refills, uint64_t now);

// Charge `usage` ticks to a sporadic (not round-robin) context: whole head refills the usage
// covers move one period on, a partly used head is split (the used part one period on), and
// a head left below the minimum budget is merged with the next refill. seL4
// refill_budget_check.
void refill_budget_check(struct sched_context *sc, uint64_t usage);

// Charge `usage` ticks to a round-robin context: head to tail (seL4 commitTime's round-robin
// case); and refill_reset_round_robin gives the whole budget back to the head when its time
// slice ends (seL4 chargeBudget's round-robin case).
void refill_charge_round_robin(struct sched_context *sc, uint64_t usage);
void refill_reset_round_robin(struct sched_context *sc);

// A sporadic context's thread wakes up at `now`: a ready head refill becomes usable from now
// and absorbs the refills that then overlap it. Returns whether the head moved (the next
// timer event may change). seL4 refill_unblock_check.
bool refill_unblock_check(struct sched_context *sc, uint64_t now);

// The consumed time to report in microseconds, and what is left of it (seL4
// schedContext_updateConsumed: at most what converts without overflow).
uint64_t sc_take_consumed_us(struct sched_context *sc);
