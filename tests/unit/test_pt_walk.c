// SPDX-License-Identifier: BSD-2-Clause
// Host tests of the generic walk (vm/pt_walk.c, seL4's lookupPTSlot): where it stops and
// the bits left at each depth, stopping at blocks, and the entry it returns.
#include "vm_fixture.h"

#include "vm/pt_walk.h"
#include "arch/api.h"
#include "unit_main.h"

#define VA 0x0000123456789000ull

static struct vm_fixture f;

VM_SETUP(f)

UNIT_TEST(bits_left_shrink_by_nine_per_level)
{
    static const unsigned expected[] = {39, 30, 21, 12};
    for (unsigned level = 0; level < 4; level++) {
        struct pt_slot s = pt_lookup_slot(f.vspace, VA);
        assert_int_equal(s.level, level);
        assert_int_equal(s.bits_left, expected[level]);
        if (level < 3) {
            vm_link_table(&f, vm_new_page_table(), VA);
        }
    }
}

UNIT_TEST(returned_entry_is_the_index_of_va)
{
    struct pt_slot s = pt_lookup_slot(f.vspace, VA);
    assert_ptr_equal(s.pte, &f.vspace[pt_index(VA, 0)]);
    vm_link_all_tables(&f, VA);
    s = pt_lookup_slot(f.vspace, VA);
    pte_t *leaf = s.pte - pt_index(VA, 3);
    assert_true(IS_ALIGNED((pptr_t)leaf, 12));
    assert_ptr_equal(s.pte, &leaf[pt_index(VA, 3)]);
    // A neighbour in the same 2 MiB uses the same leaf table.
    assert_ptr_equal(pt_lookup_slot(f.vspace, VA + 0x1000).pte, s.pte + 1);
}

UNIT_TEST(walk_stops_at_block_and_at_page)
{
    vm_link_table(&f, vm_new_page_table(), VA);
    struct pt_slot s = pt_lookup_slot(f.vspace, VA);
    *s.pte = pte_make_frame(0x40000000, 1, VM_READ_WRITE, true, false); // 1 GiB block
    s = pt_lookup_slot(f.vspace, VA);
    assert_int_equal(s.level, 1);
    assert_int_equal(s.bits_left, 30);

    // A level-3 page descriptor has the table type bits but is not followed.
    vm_setup(&f);
    vm_link_all_tables(&f, VA);
    s = pt_lookup_slot(f.vspace, VA);
    *s.pte = pte_make_frame(0x40001000, 3, VM_READ_WRITE, true, false);
    assert_int_equal(pt_lookup_slot(f.vspace, VA).bits_left, 12);
}

UNIT_TEST(next_table_goes_through_physical_window)
{
    pte_t *t = vm_alloc(12);
    assert_ptr_equal(pt_next_table(pte_make_table(pptr_to_paddr((pptr_t)t))), t);
}

UNIT_TEST_MAIN("tests", cmocka_unit_test_setup(bits_left_shrink_by_nine_per_level, setup),
               cmocka_unit_test_setup(returned_entry_is_the_index_of_va, setup),
               cmocka_unit_test_setup(walk_stops_at_block_and_at_page, setup),
               cmocka_unit_test_setup(next_table_goes_through_physical_window, setup))
