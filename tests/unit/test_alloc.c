// SPDX-License-Identifier: BSD-2-Clause
// Host tests of the runtime's slot allocator and cairn_retype (runtime/alloc.c): an empty
// slot region gives the runtime's own CAIRN_ERROR_NO_SLOTS without a kernel call, a kernel
// error comes back unchanged and gives the slot back. libsel4 is replaced by
// tests/unit/caps_fake/sel4/sel4.h; the Retype stub below records its calls.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/* alloc.c is compiled into this test so that its allocator state can be reset between
 * tests; <cairn/runtime.h> declares a root task's main, renamed while it is read. */
#define main cairn_root_task_main
#include "runtime/alloc.c"
#include "unit_main.h"
#undef main

static seL4_BootInfo bi;
static int retype_calls;
static seL4_Error retype_result;
static seL4_CPtr retype_dest;

const seL4_BootInfo *cairn_bootinfo(void)
{
    return &bi;
}

int cairn_printf(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

seL4_CPtr cairn_largest_untyped(const seL4_BootInfo *info)
{
    return info->untyped.start;
}

seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
    (void)cap;
    return 0;
}

seL4_Error seL4_Untyped_Retype(seL4_Untyped service, seL4_Word type, seL4_Word size_bits,
                               seL4_CNode root, seL4_Word node_index, seL4_Word node_depth,
                               seL4_Word node_offset, seL4_Word num_objects)
{
    (void)service, (void)type, (void)size_bits, (void)root, (void)node_index;
    (void)node_depth, (void)num_objects;
    retype_calls++;
    retype_dest = node_offset;
    return retype_result;
}

/* A BootInfo with empty slots [first, end) and one 16 KiB ordinary untyped in slot 5. */
static void boot(seL4_CPtr first, seL4_CPtr end)
{
    memset(&bi, 0, sizeof(bi));
    bi.empty = (seL4_SlotRegion){first, end};
    bi.untyped = (seL4_SlotRegion){5, 6};
    bi.untypedList[0] = (seL4_UntypedDesc){.paddr = 0x40000000, .sizeBits = 14};
    slots.ready = false;
    memset(used, 0, sizeof(used));
    retype_calls = 0;
    retype_result = seL4_NoError;
}

UNIT_TEST(no_empty_slot_is_the_runtimes_own_error)
{
    boot(100, 100);
    assert_int_equal(cairn_retype(seL4_EndpointObject, 0), seL4_CapNull);
    assert_int_equal(cairn_retype_error(), CAIRN_ERROR_NO_SLOTS);
    assert_int_equal(retype_calls, 0); /* the kernel is not asked */
}

UNIT_TEST(last_slot_then_no_slots)
{
    boot(100, 101);
    assert_int_equal(cairn_retype(seL4_EndpointObject, 0), 100);
    assert_int_equal(cairn_retype_error(), seL4_NoError);
    assert_int_equal(retype_dest, 100);
    assert_int_equal(cairn_retype(seL4_EndpointObject, 0), seL4_CapNull);
    assert_int_equal(cairn_retype_error(), CAIRN_ERROR_NO_SLOTS);
    assert_int_equal(retype_calls, 1);
}

UNIT_TEST(kernel_error_passes_through_and_frees_the_slot)
{
    boot(100, 101);
    retype_result = seL4_RangeError;
    assert_int_equal(cairn_retype(seL4_EndpointObject, 0), seL4_CapNull);
    assert_int_equal(cairn_retype_error(), seL4_RangeError);
    assert_int_equal(cairn_slots_left(), 1); /* the slot came back */
}

UNIT_TEST_MAIN("alloc", cmocka_unit_test(no_empty_slot_is_the_runtimes_own_error),
               cmocka_unit_test(last_slot_then_no_slots),
               cmocka_unit_test(kernel_error_passes_through_and_frees_the_slot))
