// SPDX-License-Identifier: BSD-2-Clause
// Host tests of the descriptor encoding (arch/aarch64/pte.h) against the bits seL4 writes
// (docs/design/abi.md §11.2), plus seeded round trips of address, rights and attributes.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "arch/aarch64/pte.h"
#include "cspace/cap.h"
#include "unit_main.h"

UNIT_TEST(frame_descriptors_match_sel4_low_bits)
{
    paddr_t pa = 0x40123000;
    assert_int_equal(pte_make_frame(pa, 3, VM_READ_WRITE, true, false), pa | 0xc53 | PTE_SW_PAGE);
    assert_int_equal(pte_make_frame(pa, 3, VM_READ_ONLY, true, false), pa | 0xcd3 | PTE_SW_PAGE);
    assert_int_equal(pte_make_frame(pa, 3, VM_READ_WRITE, false, false), pa | 0xc43 | PTE_SW_PAGE);
    assert_int_equal(pte_make_frame(pa, 3, VM_KERNEL_ONLY, true, false), pa | 0xc13 | PTE_SW_PAGE);
    assert_int_equal(pte_make_frame(pa, 3, VM_READ_WRITE, true, true),
                     pa | 0xc53 | PTE_SW_PAGE | PTE_UXN);
    assert_int_equal(pte_make_frame(0x40200000, 2, VM_READ_WRITE, true, false), 0x40200c51);
    assert_int_equal(pte_make_frame(0x40000000, 1, VM_READ_WRITE, true, false), 0x40000c51);
    assert_int_equal(pte_make_table(0x40124000), 0x40124003);
}

UNIT_TEST(entry_kind_depends_on_level)
{
    pte_t table = pte_make_table(0x1000);
    pte_t page = pte_make_frame(0x2000, 3, VM_READ_WRITE, true, false);
    pte_t block = pte_make_frame(0x200000, 2, VM_READ_WRITE, true, false);
    assert_true(pte_is_table(table, 0));
    assert_true(pte_is_table(table, 2));
    assert_false(pte_is_table(table, 3)); // type 0b11 at level 3 is a page
    assert_true(pte_is_frame(page, 3));
    assert_true(pte_is_frame(block, 2));
    assert_false(pte_is_table(block, 2));
    assert_false(pte_is_valid(0));
}

UNIT_TEST(geometry_matches_va_split)
{
    assert_int_equal(pt_level_shift(0), 39);
    assert_int_equal(pt_level_shift(3), 12);
    vptr_t va = (5ull << 39) | (6ull << 30) | (7ull << 21) | (8ull << 12) | 0x123;
    assert_int_equal(pt_index(va, 0), 5);
    assert_int_equal(pt_index(va, 1), 6);
    assert_int_equal(pt_index(va, 2), 7);
    assert_int_equal(pt_index(va, 3), 8);
}

UNIT_TEST(seeded_round_trips)
{
    word_t seed = 0x5eed;
    for (unsigned n = 0; n < 10000; n++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        unsigned level = 1 + (unsigned)(seed >> 60) % 3;
        paddr_t pa = (seed >> 8) & PTE_ADDR_MASK & ~MASK(pt_level_shift(level));
        unsigned rights = (unsigned)(seed >> 3) % 3; // 0 kernel-only, 1 -> RO, 2 -> RW
        unsigned vm = rights == 0 ? VM_KERNEL_ONLY : rights == 1 ? VM_READ_ONLY : VM_READ_WRITE;
        bool cacheable = seed & 1, xn = seed & 2;
        pte_t p = pte_make_frame(pa, level, vm, cacheable, xn);
        assert_true(pte_is_valid(p));
        assert_true(pte_is_frame(p, level));
        assert_int_equal(pte_paddr(p), pa);
        assert_int_equal(pte_vm_rights(p), vm);
        assert_int_equal(pte_is_cacheable(p), cacheable);
        assert_int_equal(pte_is_execute_never(p), xn);
    }
}

UNIT_TEST_MAIN("tests", cmocka_unit_test(frame_descriptors_match_sel4_low_bits),
               cmocka_unit_test(entry_kind_depends_on_level),
               cmocka_unit_test(geometry_matches_va_split), cmocka_unit_test(seeded_round_trips))
