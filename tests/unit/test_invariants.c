// SPDX-License-Identifier: BSD-2-Clause
// check/invariants.c: a consistent state passes; each kind of corruption panics with the
// name of the invariant it breaks.
#include "fixtures.h"

#include <stdio.h>

#include "arch/api.h"
#include "check/invariants.h"
#include "object/asid.h"
#include "object/endpoint.h"
#include "object/untyped.h"
#include "state.h"
#include "unit_main.h"

#define UT_SLOT 10

// Retype `count` objects of `type` from the untyped in UT_SLOT into root slots from `offset`.
static void retype(word_t type, word_t size_bits, word_t offset, word_t count)
{
    const word_t mrs[6] = {type, size_bits, 0, 0, offset, count};
    struct invocation inv =
        fx_inv(fx_slot(UT_SLOT), UntypedRetype, 6, mrs, fx_slot(seL4_CapInitThreadCNode), NULL);
    assert_int_equal(decode_untyped_invocation(&inv), EXC_NONE);
    fx.thread->state = TS_RUNNING;
}

static int setup(void **state)
{
    fx_setup_cmocka(state);
    fx_untyped(UT_SLOT, 16, false);
    retype(seL4_EndpointObject, 0, 20, 2);
    retype(seL4_NotificationObject, 0, 22, 1);
    retype(seL4_TCBObject, 0, 23, 1);
    retype(seL4_ARM_SmallPageObject, 0, 24, 1);
    return 0;
}

// invariants_check must panic, naming `name`.
static void expect_broken(const char *name)
{
    if (setjmp(*hw_expect_halt()) == 0) {
        invariants_check();
        fail_msg("invariant %s: no panic", name);
    }
    char text[64];
    snprintf(text, sizeof text, "invariant %s broken", name);
    assert_true(hw_console_has(text));
}

UNIT_TEST(consistent_state_passes)
{
    invariants_check();
    invariants_check(); // twice: the scratch state starts afresh each time
}

UNIT_TEST(broken_cdt_link)
{
    mdb_set_prev(fx_slot(21), fx_slot(23));
    expect_broken("cdt-links");
}

UNIT_TEST(child_above_watermark)
{
    fx_slot(UT_SLOT)->cap = cap_untyped_set_free_index(fx_slot(UT_SLOT)->cap, 16);
    expect_broken("untyped-watermark");
}

UNIT_TEST(overlapping_objects)
{
    // A notification cap to the endpoint's memory, from nowhere.
    fx_slot(40)->cap = cap_notification_new(cap_ptr(fx_slot(20)->cap), CAP_RIGHTS_ALL, 0);
    expect_broken("object-overlap");
}

UNIT_TEST(runnable_thread_not_queued)
{
    tcb_from_pptr(cap_ptr(fx_slot(23)->cap))->state = TS_RUNNING;
    expect_broken("sched-runnable");
}

UNIT_TEST(blocked_thread_in_no_queue)
{
    struct tcb *t = tcb_from_pptr(cap_ptr(fx_slot(23)->cap));
    t->state = TS_BLOCKED_ON_SEND;
    t->blocked_on = cap_ptr(fx_slot(20)->cap);
    expect_broken("ipc-queues");
}

UNIT_TEST(asid_table_entry_without_pool_cap)
{
    ks_asid_table[1] = (struct asid_pool *)cap_ptr(fx_slot(24)->cap);
    expect_broken("asid-table");
}

UNIT_TEST(table_linked_without_cap)
{
    // A VSpace with ASID 1 in a pool passes; a table linked into it behind its cap's back
    // (the cap records no mapping) does not.
    fx_untyped(11, 14, false);
    pptr_t pool = cap_ptr(fx_slot(11)->cap);
    fx_slot(41)->cap = cap_asid_pool_new(pool, 0);
    retype(seL4_ARM_VSpaceObject, 0, 42, 1);
    pte_t *root = (pte_t *)cap_ptr(fx_slot(42)->cap);
    fx_slot(42)->cap = cap_vspace_new((pptr_t)root, 1);
    ks_asid_table[0] = (struct asid_pool *)pool;
    ((struct asid_pool *)pool)->vspace[1] = root;
    invariants_check();
    retype(seL4_ARM_PageTableObject, 0, 43, 1);
    root[0] = pte_make_table(pptr_to_paddr(cap_ptr(fx_slot(43)->cap)));
    expect_broken("pt-mapping");
}

UNIT_TEST_MAIN("tests", cmocka_unit_test_setup(consistent_state_passes, setup),
               cmocka_unit_test_setup(broken_cdt_link, setup),
               cmocka_unit_test_setup(child_above_watermark, setup),
               cmocka_unit_test_setup(overlapping_objects, setup),
               cmocka_unit_test_setup(runnable_thread_not_queued, setup),
               cmocka_unit_test_setup(blocked_thread_in_no_queue, setup),
               cmocka_unit_test_setup(asid_table_entry_without_pool_cap, setup),
               cmocka_unit_test_setup(table_linked_without_cap, setup))
