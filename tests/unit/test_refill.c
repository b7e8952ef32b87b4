// SPDX-License-Identifier: BSD-2-Clause
// Host tests of the MCS refill rules (kernel/sched/refill.c, seL4's sporadic server): a new
// configuration, charging part of a refill, a whole one and more, a head left below the
// minimum budget, a full refill buffer, waking up, reconfiguring a context in use, the
// round-robin case, the consumed-time report, and the sliding-window invariants (the
// refills always add up to the budget, ordered and apart, the head at least the minimum
// budget) over a long pseudo-random run.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "sched/refill.h"

#define BUDGET 10000u  // ticks (160 us): well above SC_MIN_BUDGET (1250)
#define PERIOD 100000u // ticks (1.6 ms)
#define T0 1000u       // the time of the configuration

// A SchedContext object with room for `refills` refills (at most 8 here).
static union {
    struct sched_context sc;
    char bytes[sizeof(struct sched_context) + 8 * sizeof(struct refill)];
} object;

static struct sched_context *fresh(word_t max_refills, uint64_t budget, uint64_t period)
{
    memset(&object, 0, sizeof(object));
    refill_new(&object.sc, max_refills, budget, period, T0);
    return &object.sc;
}

// The i-th refill counted from the head.
static struct refill at(struct sched_context *sc, word_t i)
{
    return sc->refills[(sc->refill_head + i) % sc->refill_max];
}

static void assert_refill(struct sched_context *sc, word_t i, uint64_t time, uint64_t amount)
{
    assert_true(i < refill_size(sc));
    assert_int_equal(at(sc, i).time, time);
    assert_int_equal(at(sc, i).amount, amount);
}

static void new_sporadic_context_has_its_whole_budget_now(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    assert_int_equal(refill_size(sc), 1);
    assert_refill(sc, 0, T0, BUDGET);
    assert_false(sc_round_robin(sc));
    assert_true(sc_active(sc));
    assert_true(refill_ready(sc, T0));
    assert_false(refill_ready(sc, T0 - 1));
    assert_true(refill_sufficient(sc, BUDGET - SC_MIN_BUDGET));
    assert_false(refill_sufficient(sc, BUDGET - SC_MIN_BUDGET + 1));
    assert_int_equal(refill_capacity(sc, BUDGET + 5), 0);
}

static void round_robin_context_has_an_empty_tail(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(SC_MIN_REFILLS, BUDGET, 0);
    assert_true(sc_round_robin(sc));
    assert_int_equal(refill_size(sc), 2);
    assert_refill(sc, 0, T0, BUDGET);
    assert_refill(sc, 1, T0, 0);
    // Time used moves from head to tail; the end of the time slice gives it all back.
    refill_charge_round_robin(sc, 3000);
    assert_refill(sc, 0, T0, BUDGET - 3000);
    assert_refill(sc, 1, T0, 3000);
    refill_reset_round_robin(sc);
    assert_refill(sc, 0, T0, BUDGET);
    assert_refill(sc, 1, T0, 0);
    // Waking up changes nothing for round robin.
    assert_false(refill_unblock_check(sc, T0 + 5 * PERIOD));
    assert_refill(sc, 0, T0, BUDGET);
}

static void partly_used_refill_comes_back_one_period_after_its_use(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    refill_budget_check(sc, 3000);
    assert_int_equal(refill_size(sc), 2);
    assert_refill(sc, 0, T0 + 3000, BUDGET - 3000); // the rest, from where the use ended
    assert_refill(sc, 1, T0 + PERIOD, 3000);        // the used part, one period on
}

static void whole_refill_and_more_moves_a_period_on(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    // 12000 ticks used of a 10000-tick refill (an overrun): the whole refill moves one
    // period on, and the 2000 beyond it are charged to that refill too.
    refill_budget_check(sc, 12000);
    assert_int_equal(refill_size(sc), 2);
    assert_refill(sc, 0, T0 + PERIOD + 2000, BUDGET - 2000);
    assert_refill(sc, 1, T0 + 2 * PERIOD, 2000);
    assert_false(refill_ready(sc, T0 + 12000));
    assert_true(refill_ready(sc, T0 + PERIOD + 2000));
}

static void head_below_minimum_budget_merges_into_the_next(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    // 9000 used leaves 1000 < SC_MIN_BUDGET: the remainder joins the next refill, which
    // starts earlier by as much and ends where it would have ended.
    refill_budget_check(sc, 9000);
    assert_int_equal(refill_size(sc), 1);
    assert_refill(sc, 0, T0 + PERIOD - 1000, BUDGET);
}

static void full_buffer_delays_the_tail_to_merge(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(2, BUDGET, PERIOD);
    refill_budget_check(sc, 2000); // head {3000, 8000}, tail {101000, 2000}
    assert_int_equal(refill_size(sc), 2);
    // The thread blocks and wakes up 50000 ticks later, then uses 3000 more: there is no
    // room for a third refill, so the tail is delayed and takes the 3000 too.
    assert_true(refill_unblock_check(sc, T0 + 50000));
    assert_refill(sc, 0, T0 + 50000, 8000);
    refill_budget_check(sc, 3000);
    assert_int_equal(refill_size(sc), 2);
    assert_refill(sc, 0, T0 + 53000, 5000);
    // The used 3000 would come back at 151000; merged, the tail ends there.
    assert_refill(sc, 1, T0 + 50000 + PERIOD + 3000 - 5000, 5000);
}

static void wake_up_makes_a_ready_head_start_now_and_merges_overlaps(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    sc->sporadic = true;
    refill_budget_check(sc, 4000); // head {5000, 6000}, tail {101000, 4000}
    // Charging nothing changes nothing.
    refill_budget_check(sc, 0);
    assert_refill(sc, 0, T0 + 4000, 6000);
    // Woken after the tail's time: the head starts now and the tail, overlapping it, joins.
    assert_true(refill_unblock_check(sc, T0 + PERIOD + 1));
    assert_int_equal(refill_size(sc), 1);
    assert_refill(sc, 0, T0 + PERIOD + 1, BUDGET);
    // A head that is not ready yet is left alone.
    refill_budget_check(sc, BUDGET);
    assert_false(refill_unblock_check(sc, T0 + PERIOD + 2));
}

static void update_trims_or_defers_the_new_budget(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    // A smaller budget: the head (ready, so made usable from now) is cut to it.
    refill_update(sc, 50000, 4000, 3, T0 + 500);
    assert_int_equal(sc->refill_max, 3);
    assert_int_equal(sc->period, 50000);
    assert_int_equal(refill_size(sc), 1);
    assert_refill(sc, 0, T0 + 500, 4000);
    // A larger budget: the head keeps what it has, the rest comes one new period after it.
    refill_update(sc, 60000, 9000, 4, T0 + 700);
    assert_int_equal(refill_size(sc), 2);
    assert_refill(sc, 0, T0 + 700, 4000);
    assert_refill(sc, 1, T0 + 700 + 60000, 5000);
    // Becoming round robin keeps the head and adds the empty tail.
    refill_update(sc, 0, 3000, SC_MIN_REFILLS, T0 + 800);
    assert_true(sc_round_robin(sc));
    assert_refill(sc, 0, T0 + 800, 3000);
    assert_refill(sc, 1, T0 + 800, 0);
}

static void consumed_is_reported_in_microseconds_and_restarts(void **state)
{
    (void)state;
    struct sched_context *sc = fresh(4, BUDGET, PERIOD);
    sc->consumed = 62500 * 3 + 100; // 3 ms and 1.6 us
    assert_int_equal(sc_take_consumed_us(sc), 3001);
    assert_int_equal(sc->consumed, 0);
    assert_int_equal(sc_take_consumed_us(sc), 0);
    // More than converts without overflow: the largest convertible amount, the rest kept.
    sc->consumed = SC_MAX_TICKS_TO_US + 7;
    assert_int_equal(sc_take_consumed_us(sc), sc_ticks_to_us(SC_MAX_TICKS_TO_US));
    assert_int_equal(sc->consumed, 7);
    assert_int_equal(sc_us_to_ticks(1000), 62500);
    assert_int_equal(SC_MIN_BUDGET, 1250);
}

// The sliding-window invariants: the refills add up to the budget, the head holds at least
// the minimum budget, each refill ends before the next starts.
static void assert_window(struct sched_context *sc, uint64_t budget)
{
    uint64_t sum = 0;
    for (word_t i = 0; i < refill_size(sc); i++) {
        struct refill r = at(sc, i);
        sum += r.amount;
        if (i + 1 < refill_size(sc)) {
            assert_true(r.time + r.amount <= at(sc, i + 1).time);
        }
    }
    assert_int_equal(sum, budget);
    assert_true(refill_head(sc)->amount >= SC_MIN_BUDGET);
}

static void long_run_keeps_the_window(void **state)
{
    (void)state;
    for (word_t max = 2; max <= 8; max += 3) {
        struct sched_context *sc = fresh(max, BUDGET, PERIOD);
        sc->sporadic = true;
        uint64_t now = T0, seed = 12345 + max;
        for (int step = 0; step < 5000; step++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            uint64_t r = seed >> 33;
            if (!refill_ready(sc, now)) {
                now = refill_head(sc)->time; // wait for the refill (the release queue)
            }
            if (r % 4 == 0) {
                // Blocked for a while, then woken.
                now += r % (2 * PERIOD);
                refill_unblock_check(sc, now);
            }
            // Run for part of the head refill, or past its end (an interrupt taken late).
            uint64_t use = r % 3 == 0 ? refill_head(sc)->amount + r % 500 : r % BUDGET;
            now += use;
            refill_budget_check(sc, use);
            assert_window(sc, BUDGET);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_sporadic_context_has_its_whole_budget_now),
        cmocka_unit_test(round_robin_context_has_an_empty_tail),
        cmocka_unit_test(partly_used_refill_comes_back_one_period_after_its_use),
        cmocka_unit_test(whole_refill_and_more_moves_a_period_on),
        cmocka_unit_test(head_below_minimum_budget_merges_into_the_next),
        cmocka_unit_test(full_buffer_delays_the_tail_to_merge),
        cmocka_unit_test(wake_up_makes_a_ready_head_start_now_and_merges_overlaps),
        cmocka_unit_test(update_trims_or_defers_the_new_budget),
        cmocka_unit_test(consumed_is_reported_in_microseconds_and_restarts),
        cmocka_unit_test(long_run_keeps_the_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
