// SPDX-License-Identifier: BSD-2-Clause
// Host tests of page-table invocations (object/page_table.c): PageTable_Map checks in
// seL4's order with exact errors and no state change, installation at the first missing
// level with the vaddr rounded, Unmap (RevokeFirst while copies exist, detach + zero +
// TLB flush), and deleting the last page-table cap.
#include "vm_fixture.h"

#include "cspace/cdt.h"
#include "object/arch_object.h"
#include "object/frame.h"
#include "object/page_table.h"
#include "vm/pt_walk.h"
#include "arch/api.h"
#include "unit_main.h"

#define VA 0x40403000ull

static struct vm_fixture f;

VM_SETUP(f)

static exception_t pt_map(struct cte *slot, vptr_t va, struct cte *vspace)
{
    word_t mrs[2] = {va, seL4_ARM_Default_VMAttributes};
    struct invocation inv = vm_inv(&f, slot, ARMPageTableMap, 2, mrs, vspace, NULL);
    return decode_page_table_invocation(&inv);
}

static struct invocation pt_map_rejected(struct cte *slot, word_t length, vptr_t va,
                                         struct cte *vspace)
{
    word_t mrs[2] = {va, 0};
    return vm_rejected(vm_inv(&f, slot, ARMPageTableMap, length, mrs, vspace, NULL),
                       decode_page_table_invocation);
}

UNIT_TEST(map_installs_tables_level_by_level_with_rounded_vaddr)
{
    static const struct {
        unsigned level; // level of the entry written
        word_t rounded; // vaddr recorded in the cap
    } steps[] = {{0, 0}, {1, 0x40000000ull}, {2, 0x40400000ull}};
    for (unsigned i = 0; i < ARRAY_SIZE(steps); i++) {
        struct cte *s = &f.slots[1 + i];
        s->cap = vm_new_page_table();
        vm_hw_clear();
        assert_int_equal(pt_map(s, VA, f.vspace_slot), EXC_NONE);
        assert_true(cap_page_table_is_mapped(s->cap));
        assert_int_equal(cap_mapped_asid(s->cap), VM_ROOT_ASID);
        assert_int_equal(cap_mapped_vaddr(s->cap), steps[i].rounded);
        assert_int_equal(vm_hw_clean_pte_count(), 1);
        assert_int_equal(f.thread->state, TS_RESTART);
        struct pt_slot ps = pt_lookup_slot(f.vspace, VA);
        assert_int_equal(ps.level, steps[i].level + 1);
    }
    // All three levels exist now: a 4 KiB frame could be mapped at VA.
    assert_int_equal(pt_lookup_slot(f.vspace, VA).bits_left, 12);
}

UNIT_TEST(map_rejects_short_message_or_missing_vspace)
{
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map_rejected(&f.slots[1], 1, VA, f.vspace_slot).error.type,
                     seL4_TruncatedMessage);
    assert_int_equal(pt_map_rejected(&f.slots[1], 2, VA, NULL).error.type, seL4_TruncatedMessage);
}

UNIT_TEST(map_rejects_mapped_table_before_looking_at_vspace)
{
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map(&f.slots[1], VA, f.vspace_slot), EXC_NONE);
    f.slots[2].cap = vm_new_vspace(); // also wrong, but checked later
    struct invocation inv = pt_map_rejected(&f.slots[1], 2, VA, &f.slots[2]);
    assert_invalid_cap(inv, 0);
}

UNIT_TEST(map_rejects_non_vspace_or_vspace_without_asid)
{
    f.slots[1].cap = vm_new_page_table();
    f.slots[2].cap = vm_new_frame(FRAME_SMALL);
    struct invocation inv = pt_map_rejected(&f.slots[1], 2, VA, &f.slots[2]);
    assert_invalid_cap(inv, 1);
    f.slots[2].cap = vm_new_vspace();
    inv = pt_map_rejected(&f.slots[1], 2, VA, &f.slots[2]);
    assert_invalid_cap(inv, 1);
}

UNIT_TEST(map_rejects_vaddr_above_user_top_before_asid_lookup)
{
    f.slots[1].cap = vm_new_page_table();
    f.pool->vspace[VM_ROOT_ASID] = NULL; // would be FailedLookup, but vaddr is checked first
    struct invocation inv = pt_map_rejected(&f.slots[1], 2, seL4_UserTop + 1, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 0);

    inv = pt_map_rejected(&f.slots[1], 2, VA, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
}

UNIT_TEST(map_rejects_vspace_cap_whose_asid_names_another_vspace)
{
    f.slots[1].cap = vm_new_page_table();
    f.slots[2].cap = cap_vspace_new((pptr_t)vm_alloc(seL4_VSpaceBits), VM_ROOT_ASID);
    struct invocation inv = pt_map_rejected(&f.slots[1], 2, VA, &f.slots[2]);
    assert_invalid_cap(inv, 1);
}

UNIT_TEST(map_rejects_when_all_levels_exist_or_frame_is_there)
{
    vm_link_all_tables(&f, VA);
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map_rejected(&f.slots[1], 2, VA, f.vspace_slot).error.type,
                     seL4_DeleteFirst);

    // A 2 MiB frame where a level-3 table would go.
    vptr_t other = 0x40800000ull;
    f.slots[2].cap = vm_new_frame(FRAME_LARGE);
    word_t mrs[3] = {other, CAP_RIGHT_READ | CAP_RIGHT_WRITE, seL4_ARM_Default_VMAttributes};
    struct invocation map = vm_inv(&f, &f.slots[2], ARMPageMap, 3, mrs, f.vspace_slot, NULL);
    assert_int_equal(decode_frame_invocation(&map), EXC_NONE);
    assert_int_equal(pt_map_rejected(&f.slots[1], 2, other, f.vspace_slot).error.type,
                     seL4_DeleteFirst);
}

UNIT_TEST(unknown_label_is_illegal_operation)
{
    f.slots[1].cap = vm_new_page_table();
    struct invocation inv = vm_rejected(vm_inv(&f, &f.slots[1], ARMPageMap, 0, NULL, NULL, NULL),
                                        decode_page_table_invocation);
    assert_int_equal(inv.error.type, seL4_IllegalOperation);
}

static exception_t pt_unmap(struct cte *slot, struct invocation *out)
{
    *out = vm_inv(&f, slot, ARMPageTableUnmap, 0, NULL, NULL, NULL);
    return decode_page_table_invocation(out);
}

UNIT_TEST(unmap_detaches_zeroes_and_flushes_asid)
{
    vm_link_table(&f, vm_new_page_table(), VA);
    vm_link_table(&f, vm_new_page_table(), VA);
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map(&f.slots[1], VA, f.vspace_slot), EXC_NONE);
    pte_t *table = (pte_t *)cap_ptr(f.slots[1].cap);
    table[5] = 0x1234f03; // some entry the table held
    vm_hw_clear();

    struct invocation inv;
    assert_int_equal(pt_unmap(&f.slots[1], &inv), EXC_NONE);
    assert_int_equal(pt_lookup_slot(f.vspace, VA).bits_left, 21);
    assert_int_equal(vm_pte_at(&f, VA, 2), 0);
    assert_false(cap_page_table_is_mapped(f.slots[1].cap));
    assert_int_equal(table[5], 0);
    assert_int_equal(vm_hw_tlb_asid_count(), 1);
    assert_true(vm_hw_tlb_asid_seen(VM_ROOT_ASID));

    // An unmapped table unmaps again as a no-op and can be mapped again.
    vm_hw_clear();
    assert_int_equal(pt_unmap(&f.slots[1], &inv), EXC_NONE);
    assert_int_equal(vm_hw_tlb_asid_count(), 0);
    assert_int_equal(pt_map(&f.slots[1], VA, f.vspace_slot), EXC_NONE);
}

UNIT_TEST(unmap_with_copies_is_revoke_first)
{
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map(&f.slots[1], VA, f.vspace_slot), EXC_NONE);
    cap_t copy = derived_copy(f.slots[1].cap);
    assert_false(cap_is_null(copy));
    cdt_insert(copy, &f.slots[1], &f.slots[2]);

    struct invocation inv =
        vm_rejected(vm_inv(&f, &f.slots[1], ARMPageTableUnmap, 0, NULL, NULL, NULL),
                    decode_page_table_invocation);
    assert_int_equal(inv.error.type, seL4_RevokeFirst);
}

UNIT_TEST(unmapped_table_cap_cannot_be_copied)
{
    f.slots[1].cap = vm_new_page_table();
    assert_true(cap_is_null(derived_copy(f.slots[1].cap)));
}

UNIT_TEST(deleting_last_cap_detaches_table)
{
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map(&f.slots[1], VA, f.vspace_slot), EXC_NONE);

    vm_hw_clear();
    arch_finalise_cap(f.slots[1].cap, false); // not the last cap: stays linked
    assert_int_equal(pt_lookup_slot(f.vspace, VA).level, 1);
    assert_int_equal(vm_hw_call_total(), 0);

    arch_finalise_cap(f.slots[1].cap, true);
    assert_int_equal(pt_lookup_slot(f.vspace, VA).level, 0);
    assert_true(vm_hw_tlb_asid_seen(VM_ROOT_ASID));
}

UNIT_TEST(detach_ignores_table_no_longer_linked_there)
{
    f.slots[1].cap = vm_new_page_table();
    assert_int_equal(pt_map(&f.slots[1], VA, f.vspace_slot), EXC_NONE);
    cap_t stale = f.slots[1].cap;
    struct invocation inv;
    assert_int_equal(pt_unmap(&f.slots[1], &inv), EXC_NONE);
    f.slots[2].cap = vm_new_page_table();
    assert_int_equal(pt_map(&f.slots[2], VA, f.vspace_slot), EXC_NONE);

    vm_hw_clear();
    page_table_unmap(cap_mapped_asid(stale), cap_mapped_vaddr(stale),
                     (const pte_t *)cap_ptr(stale));
    assert_int_equal(pt_lookup_slot(f.vspace, VA).level, 1); // the new table stays
    assert_int_equal(vm_hw_call_total(), 0);
}

UNIT_TEST_MAIN("tests",
               cmocka_unit_test_setup(map_installs_tables_level_by_level_with_rounded_vaddr, setup),
               cmocka_unit_test_setup(map_rejects_short_message_or_missing_vspace, setup),
               cmocka_unit_test_setup(map_rejects_mapped_table_before_looking_at_vspace, setup),
               cmocka_unit_test_setup(map_rejects_non_vspace_or_vspace_without_asid, setup),
               cmocka_unit_test_setup(map_rejects_vaddr_above_user_top_before_asid_lookup, setup),
               cmocka_unit_test_setup(map_rejects_vspace_cap_whose_asid_names_another_vspace,
                                      setup),
               cmocka_unit_test_setup(map_rejects_when_all_levels_exist_or_frame_is_there, setup),
               cmocka_unit_test_setup(unknown_label_is_illegal_operation, setup),
               cmocka_unit_test_setup(unmap_detaches_zeroes_and_flushes_asid, setup),
               cmocka_unit_test_setup(unmap_with_copies_is_revoke_first, setup),
               cmocka_unit_test_setup(unmapped_table_cap_cannot_be_copied, setup),
               cmocka_unit_test_setup(deleting_last_cap_detaches_table, setup),
               cmocka_unit_test_setup(detach_ignores_table_no_longer_linked_there, setup))
