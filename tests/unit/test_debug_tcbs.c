// SPDX-License-Identifier: BSD-2-Clause
// seL4_DebugDumpScheduler (api/debug.c) and the debug list of every TCB (object/tcb.c):
// seL4's header, rule and row layout, the list's order (newest first, after boot's root
// thread and idle record), names given at Retype, and removal when the last cap goes.
#include "fixtures.h"

#include <string.h>

#include "api/debug.h"
#include "cspace/cdt.h"
#include "state.h"
#include "unit_main.h"

#define HEADER                                                                                     \
    "Dumping all tcbs!\n"                                                                          \
    "Name                                    \tState          \tIP                  \t Prio \t "   \
    "Core\n"                                                                                       \
    "--------------------------------------------------------------------------------------\n"

// The fixture's thread plays the root task: named, in a system call at 0x400174.
static void boot_list(void)
{
    ks_debug_tcbs = NULL;
    strcpy(fx.thread->name, "rootserver");
    fx.thread->priority = 255;
    fx.thread->ctx.fault_ip = 0x400174;
    tcb_debug_append(fx.thread); // as boot lists the root thread when it makes it
    debug_idle_record_boot();
}

UNIT_TEST(boot_lists_idle_then_root)
{
    fx_setup();
    boot_list();
    hw_reset();
    debug_dump_scheduler();
    assert_string_equal(hw_console(),
                        HEADER "                             idle_thread\t           idle\t"
                               "0000000000000000\t                   0\t0\n"
                               "                              rootserver\t        running\t"
                               "0x0000000000400174\t                 255\t0\n");
}

UNIT_TEST(retyped_tcbs_come_first_named_after_creator)
{
    fx_setup();
    boot_list();
    struct cte *a = fx_object(10, seL4_TCBObject, 0);
    struct tcb *ta = tcb_from_pptr(cap_ptr(a->cap));
    ta->state = TS_BLOCKED_ON_RECEIVE;
    ta->priority = 7;
    ta->ctx.fault_ip = 0x1234;
    fx_object(11, seL4_TCBObject, 0);
    hw_reset();
    debug_dump_scheduler();
    const char *out = hw_console();
    const char *rows = out + strlen(HEADER);
    assert_memory_equal(out, HEADER, strlen(HEADER));
    assert_string_equal(rows, "                  child of: 'rootserver'\t       inactive\t"
                              "0000000000000000\t                   0\t0\n"
                              "                  child of: 'rootserver'\tblocked on recv\t"
                              "0x0000000000001234\t                   7\t0\n"
                              "                             idle_thread\t           idle\t"
                              "0000000000000000\t                   0\t0\n"
                              "                              rootserver\t        running\t"
                              "0x0000000000400174\t                 255\t0\n");
}

UNIT_TEST(deleting_the_last_cap_unlists)
{
    fx_setup();
    boot_list();
    struct cte *a = fx_object(10, seL4_TCBObject, 0);
    struct cte *b = fx_object(11, seL4_TCBObject, 0);
    struct tcb *ta = tcb_from_pptr(cap_ptr(a->cap));
    struct tcb *tb = tcb_from_pptr(cap_ptr(b->cap));
    assert_ptr_equal(ks_debug_tcbs, tb);
    assert_ptr_equal(tb->debug_next, ta);
    assert_int_equal(cte_delete(a, true), EXC_NONE); // the middle one
    assert_ptr_equal(ks_debug_tcbs, tb);
    assert_string_equal(tb->debug_next->name, "idle_thread");
    assert_ptr_equal(tb->debug_next->debug_prev, tb);
    assert_int_equal(cte_delete(b, true), EXC_NONE); // the head
    assert_string_equal(ks_debug_tcbs->name, "idle_thread");
    assert_null(ks_debug_tcbs->debug_prev);
}

UNIT_TEST_MAIN("debug_tcbs", cmocka_unit_test(boot_lists_idle_then_root),
               cmocka_unit_test(retyped_tcbs_come_first_named_after_creator),
               cmocka_unit_test(deleting_the_last_cap_unlists))
