// SPDX-License-Identifier: BSD-2-Clause
// lib/printf.c: the formats kprintf shares with seL4's kernel printf, quirks included.
#include "fixtures.h"

#include "lib/printf.h"
#include "unit_main.h"

UNIT_TEST(signed_values_print_as_sel4_prints_them)
{
    hw_reset();
    // seL4's kernel printf never prints a minus sign: %d of a negative int is its 64-bit
    // two's complement, unsigned (upstream's INTMAX_MAX is UINT64_MAX).
    kprintf("[%d] [%d] [%ld] [%i]", -1, 42, (long)-2, (int)0x80000000u);
    assert_string_equal(
        hw_console(), "[18446744073709551615] [42] [18446744073709551614] [18446744071562067968]");
    hw_reset();
    kprintf("[%5u] [%-4x|] [%05d] [%p] [%p]", 7u, 0xabu, 12, (void *)0, (void *)0x1f);
    assert_string_equal(hw_console(), "[    7] [ab  |] [00012] [0] [0x1f]");
}

UNIT_TEST_MAIN("tests", cmocka_unit_test(signed_values_print_as_sel4_prints_them))
