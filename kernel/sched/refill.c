// SPDX-License-Identifier: BSD-2-Clause
// Sporadic-server refills (see refill.h): the buffer operations and seL4's rules for
// charging used time, reconfiguring and waking up. Pure functions of the SchedContext.
#include "sched/refill.h"

#include "assert.h"

// The index after `i` in the circular buffer.
static word_t refill_next(const struct sched_context *sc, word_t i)
{
    return i == sc->refill_max - 1u ? 0 : i + 1u;
}

static bool refill_full(const struct sched_context *sc)
{
    return refill_size(sc) == sc->refill_max;
}

static struct refill refill_pop_head(struct sched_context *sc)
{
    kassert(!refill_single(sc));
    struct refill r = *refill_head(sc);
    sc->refill_head = refill_next(sc, sc->refill_head);
    return r;
}

static void refill_add_tail(struct sched_context *sc, struct refill r)
{
    kassert(refill_size(sc) < sc->refill_max);
    sc->refill_tail = refill_next(sc, sc->refill_tail);
    *refill_tail(sc) = r;
}

// A round-robin context keeps an empty tail where its used time collects.
static void add_empty_tail_if_round_robin(struct sched_context *sc)
{
    if (sc_round_robin(sc)) {
        refill_add_tail(sc, (struct refill){.time = refill_head(sc)->time, .amount = 0});
    }
}

void refill_new(struct sched_context *sc, word_t max_refills, uint64_t budget, uint64_t period,
                uint64_t now)
{
    sc->period = period;
    sc->refill_head = 0;
    sc->refill_tail = 0;
    sc->refill_max = max_refills;
    sc->refills[0] = (struct refill){.time = now, .amount = budget};
    add_empty_tail_if_round_robin(sc);
}

void refill_update(struct sched_context *sc, uint64_t new_period, uint64_t new_budget,
                   word_t new_max_refills, uint64_t now)
{
    kassert(sc_active(sc));
    // Keep only the head, moved to index 0 so that it stays valid under the new maximum.
    sc->refills[0] = *refill_head(sc);
    sc->refill_head = 0;
    sc->refill_tail = 0;
    sc->refill_max = new_max_refills;
    sc->period = new_period;

    struct refill *head = refill_head(sc);
    if (head->time <= now) {
        head->time = now;
    }
    if (head->amount >= new_budget) {
        head->amount = new_budget;
        add_empty_tail_if_round_robin(sc);
    } else {
        // The rest of the new budget becomes usable one period after the head.
        refill_add_tail(sc, (struct refill){.time = head->time + new_period,
                                            .amount = new_budget - head->amount});
    }
}

// Add `used` (time given back one period after it was used) at the tail: merged into the
// tail when they touch or overlap, appended when there is room, else the tail is delayed so
// that the two become one refill ending where `used` would have ended.
static void schedule_used(struct sched_context *sc, struct refill used)
{
    struct refill *tail = refill_tail(sc);
    if (tail->time + tail->amount >= used.time) {
        tail->amount += used.amount;
    } else if (!refill_full(sc)) {
        refill_add_tail(sc, used);
    } else {
        tail->time = used.time - tail->amount;
        tail->amount += used.amount;
    }
}

void refill_budget_check(struct sched_context *sc, uint64_t usage)
{
    kassert(!sc_round_robin(sc));
    // Whole head refills the usage covers move one period on.
    while (refill_head(sc)->amount <= usage && refill_head(sc)->time < SC_MAX_RELEASE_TIME) {
        struct refill *head = refill_head(sc);
        usage -= head->amount;
        if (refill_single(sc)) {
            head->time += sc->period;
        } else {
            struct refill used = refill_pop_head(sc);
            used.time += sc->period;
            schedule_used(sc, used);
        }
    }

    // A partly used head: the used part comes back one period after its start, the rest
    // stays usable from where the used part ended.
    struct refill *head = refill_head(sc);
    if (usage > 0 && head->time < SC_MAX_RELEASE_TIME) {
        kassert(head->amount > usage);
        struct refill used = {.time = head->time + sc->period, .amount = usage};
        head->amount -= usage;
        head->time += usage;
        schedule_used(sc, used);
    }

    // The head must hold at least the minimum budget: merge it into the next refill, which
    // starts earlier by as much, so that it ends no later than before.
    while (refill_head(sc)->amount < SC_MIN_BUDGET) {
        struct refill small = refill_pop_head(sc);
        refill_head(sc)->amount += small.amount;
        refill_head(sc)->time -= small.amount;
    }
}

void refill_charge_round_robin(struct sched_context *sc, uint64_t usage)
{
    kassert(sc_round_robin(sc) && refill_size(sc) == SC_MIN_REFILLS);
    refill_head(sc)->amount -= usage;
    refill_tail(sc)->amount += usage;
}

void refill_reset_round_robin(struct sched_context *sc)
{
    kassert(sc_round_robin(sc) && refill_size(sc) == SC_MIN_REFILLS);
    refill_head(sc)->amount += refill_tail(sc)->amount;
    refill_tail(sc)->amount = 0;
}

bool refill_unblock_check(struct sched_context *sc, uint64_t now)
{
    if (sc_round_robin(sc) || !refill_ready(sc, now)) {
        return false;
    }
    refill_head(sc)->time = now;
    // Refills that start before the head ends are usable now too: fold them in.
    while (!refill_single(sc)) {
        struct refill *head = refill_head(sc);
        struct refill *next = &sc->refills[refill_next(sc, sc->refill_head)];
        if (next->time > head->time + head->amount) {
            break;
        }
        struct refill old = refill_pop_head(sc);
        refill_head(sc)->time = old.time;
        refill_head(sc)->amount += old.amount;
    }
    return true;
}

uint64_t sc_take_consumed_us(struct sched_context *sc)
{
    uint64_t ticks = sc->consumed;
    if (ticks >= SC_MAX_TICKS_TO_US) {
        sc->consumed -= SC_MAX_TICKS_TO_US;
        return sc_ticks_to_us(SC_MAX_TICKS_TO_US);
    }
    sc->consumed = 0;
    return sc_ticks_to_us(ticks);
}
