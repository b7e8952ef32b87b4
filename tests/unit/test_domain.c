// SPDX-License-Identifier: BSD-2-Clause
// object/domain.c with one domain: DomainSet_Set, DomainSchedule_Configure and
// DomainSchedule_SetStart. One accepted call each, then every rejection in seL4's order
// with its exact error and details, and the kernel state unchanged.
#include "fixtures.h"

#include "state.h"
#include "object/domain.h"
#include "object/objecttype.h"
#include "unit_main.h"

#define DOMAIN 11
#define TCB 20
#define EP 21

static void setup(void)
{
    fx_setup();
    fx_slot(DOMAIN)->cap = cap_domain_new();
    fx_object(TCB, seL4_TCBObject, 0);
    fx_object(EP, seL4_EndpointObject, 0);
}

static int setup_cmocka(void **state)
{
    (void)state;
    setup();
    return 0;
}

// An invocation of the domain cap, with the state snapshot taken just before it.
static exception_t domain(struct invocation *inv, word_t label, unsigned length, const word_t *mrs,
                          struct cte *extra)
{
    return fx_decode(inv, fx_slot(DOMAIN), label, length, mrs, extra, NULL);
}

UNIT_TEST(set_puts_a_thread_in_domain_zero)
{
    struct tcb *t = tcb_from_pptr(cap_ptr(fx_slot(TCB)->cap));
    t->domain = 7; // as if it had been elsewhere: Set writes the field
    struct invocation inv;
    const word_t d0[1] = {0};
    assert_int_equal(domain(&inv, DomainSetSet, 1, d0, fx_slot(TCB)), EXC_NONE);
    assert_int_equal(t->domain, 0);
    assert_int_equal(fx.thread->state, TS_RESTART);
}

UNIT_TEST(set_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t d0[1] = {0}, d1[1] = {1};
    // No domain word: TruncatedMessage (before the domain or the cap are looked at).
    assert_rejected(domain(&inv, DomainSetSet, 0, d1, NULL), inv, seL4_TruncatedMessage);
    // Domain 1 does not exist: InvalidArgument(0), even without a thread cap.
    assert_rejected(domain(&inv, DomainSetSet, 1, d1, NULL), inv, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 0);
    // No thread cap: TruncatedMessage.
    assert_rejected(domain(&inv, DomainSetSet, 1, d0, NULL), inv, seL4_TruncatedMessage);
    // The cap is not a thread: InvalidArgument(1).
    assert_rejected(domain(&inv, DomainSetSet, 1, d0, fx_slot(EP)), inv, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 1);
    assert_true(hw_console_has("Domain Configure: thread cap required."));
}

UNIT_TEST(schedule_configure_writes_an_entry)
{
    struct invocation inv;
    const word_t entry[3] = {0, 0, 500};
    assert_int_equal(domain(&inv, DomainScheduleConfigure, 3, entry, NULL), EXC_NONE);
    assert_int_equal(ks_dom_schedule[0], 500); // domain 0 in bits 63:56, duration 500
    assert_int_equal(ks_dom_schedule[1], 0);   // the end marker stays
    const word_t longest[3] = {0, 0, DSCHED_MAX_DURATION};
    assert_int_equal(domain(&inv, DomainScheduleConfigure, 3, longest, NULL), EXC_NONE);
    assert_int_equal(ks_dom_schedule[0], DSCHED_MAX_DURATION);
}

UNIT_TEST(schedule_configure_rejections_in_seL4_order)
{
    struct invocation inv;
    // Fewer than three words: TruncatedMessage.
    const word_t two[3] = {0, 0, 5};
    assert_rejected(domain(&inv, DomainScheduleConfigure, 2, two, NULL), inv,
                    seL4_TruncatedMessage);
    // Index 1 is the end marker: RangeError(0, 0), before the domain is checked.
    const word_t end[3] = {1, 1, 5};
    assert_rejected_range(domain(&inv, DomainScheduleConfigure, 3, end, NULL), inv, 0, 0);
    // Domain 1: RangeError(0, 0), before the duration is checked.
    const word_t dom1[3] = {0, 1, BIT(56)};
    assert_rejected(domain(&inv, DomainScheduleConfigure, 3, dom1, NULL), inv, seL4_RangeError);
    assert_int_equal(inv.error.range_max, 0);
    // A duration above 56 bits: InvalidArgument(2).
    const word_t wide[3] = {0, 0, BIT(56)};
    assert_rejected(domain(&inv, DomainScheduleConfigure, 3, wide, NULL), inv,
                    seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 2);
    // Ending the schedule at its start: InvalidArgument(2).
    const word_t zero[3] = {0, 0, 0};
    assert_rejected(domain(&inv, DomainScheduleConfigure, 3, zero, NULL), inv,
                    seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 2);
    assert_true(hw_console_has("Starting schedule's duration must not be zero."));
}

UNIT_TEST(schedule_set_start_accepts_a_real_entry)
{
    struct invocation inv;
    const word_t s0[1] = {0};
    assert_int_equal(domain(&inv, DomainScheduleSetStart, 1, s0, NULL), EXC_NONE);
    assert_int_equal(ks_dom_schedule_start, 0);
    assert_int_equal(fx.thread->state, TS_RESTART);
}

UNIT_TEST(schedule_set_start_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t s1[1] = {1}, s2[1] = {2};
    // No index: TruncatedMessage.
    assert_rejected(domain(&inv, DomainScheduleSetStart, 0, s1, NULL), inv, seL4_TruncatedMessage);
    // Past the schedule: RangeError(0, 1).
    assert_rejected_range(domain(&inv, DomainScheduleSetStart, 1, s2, NULL), inv, 0, 1);
    // Entry 1 is the end marker: InvalidArgument(0).
    assert_rejected(domain(&inv, DomainScheduleSetStart, 1, s1, NULL), inv, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 0);
}

UNIT_TEST(other_labels_are_illegal)
{
    struct invocation inv;
    assert_rejected(domain(&inv, CNodeCopy, 0, NULL, NULL), inv, seL4_IllegalOperation);
}

UNIT_TEST_MAIN("domain", cmocka_unit_test_setup(set_puts_a_thread_in_domain_zero, setup_cmocka),
               cmocka_unit_test_setup(set_rejections_in_seL4_order, setup_cmocka),
               cmocka_unit_test_setup(schedule_configure_writes_an_entry, setup_cmocka),
               cmocka_unit_test_setup(schedule_configure_rejections_in_seL4_order, setup_cmocka),
               cmocka_unit_test_setup(schedule_set_start_accepts_a_real_entry, setup_cmocka),
               cmocka_unit_test_setup(schedule_set_start_rejections_in_seL4_order, setup_cmocka),
               cmocka_unit_test_setup(other_labels_are_illegal, setup_cmocka))
