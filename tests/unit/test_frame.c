// SPDX-License-Identifier: BSD-2-Clause
// Host tests of frame invocations (object/frame.c): ARM_Page_Map checks in seL4's order
// with exact errors and no state change, map/remap/overwrite/unmap semantics, TLB and cache
// maintenance as recorded by the fake hardware, GetAddress, the cache calls, and what
// deleting and copying a frame cap does (arch_object.c).
#include "vm_fixture.h"

#include "object/arch_object.h"
#include "object/frame.h"
#include "vm/pt_walk.h"
#include "arch/api.h"
#include "unit_main.h"

#define VA 0x400000ull // 4 MiB: level-0/1 index 0, level-2 index 2

static struct vm_fixture f;

VM_SETUP(f)

// A 4 KiB frame cap in slots[1], tables present for VA.
static struct cte *frame_slot(void)
{
    f.slots[1].cap = vm_new_frame(FRAME_SMALL);
    return &f.slots[1];
}

static exception_t page_map(struct cte *slot, vptr_t va, word_t rights, word_t attr)
{
    word_t mrs[3] = {va, rights, attr};
    struct invocation inv = vm_inv(&f, slot, ARMPageMap, 3, mrs, f.vspace_slot, NULL);
    return decode_frame_invocation(&inv);
}

static exception_t page_unmap(struct cte *slot)
{
    struct invocation inv = vm_inv(&f, slot, ARMPageUnmap, 0, NULL, NULL, NULL);
    return decode_frame_invocation(&inv);
}

// Run a Page_Map that must be rejected; return the invocation for its error record and
// check that nothing changed.
static struct invocation map_rejected(struct cte *slot, word_t length, vptr_t va, word_t rights,
                                      struct cte *vspace)
{
    word_t mrs[3] = {va, rights, ATTR_DEFAULT};
    return vm_rejected(vm_inv(&f, slot, ARMPageMap, length, mrs, vspace, NULL),
                       decode_frame_invocation);
}

UNIT_TEST(map_writes_pte_and_records_mapping)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    vm_hw_clear();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);

    pte_t pte = vm_pte_at(&f, VA, 3);
    assert_int_equal(pte_paddr(pte), pptr_to_paddr(cap_ptr(s->cap)));
    assert_int_equal(pte & 0xfff, 0xc53);
    assert_true(pte & PTE_SW_PAGE);
    assert_false(pte & PTE_UXN);
    assert_int_equal(cap_mapped_asid(s->cap), VM_ROOT_ASID);
    assert_int_equal(cap_mapped_vaddr(s->cap), VA);
    assert_int_equal(f.thread->state, TS_RESTART);
    assert_int_equal(vm_hw_clean_pte_count(), 1);
    assert_int_equal(vm_hw_tlb_va_count(), 0); // the slot was empty: nothing to flush
}

UNIT_TEST(map_rejects_short_message_or_missing_vspace)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(map_rejected(s, 2, VA, RW, f.vspace_slot).error.type, seL4_TruncatedMessage);
    assert_int_equal(map_rejected(s, 3, VA, RW, NULL).error.type, seL4_TruncatedMessage);
}

UNIT_TEST(map_rejects_non_vspace_or_vspace_without_asid)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    f.slots[2].cap = vm_new_page_table();
    struct invocation inv = map_rejected(s, 3, VA, RW, &f.slots[2]);
    assert_invalid_cap(inv, 1);

    f.slots[2].cap = vm_new_vspace();
    inv = map_rejected(s, 3, VA, RW, &f.slots[2]);
    assert_invalid_cap(inv, 1);
}

UNIT_TEST(map_rejects_asid_without_vspace_as_invalid_root)
{
    struct cte *s = frame_slot();
    f.pool->vspace[VM_ROOT_ASID] = NULL;
    struct invocation inv = map_rejected(s, 3, VA, RW, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
}

UNIT_TEST(map_rejects_vspace_cap_whose_asid_names_another_vspace)
{
    struct cte *s = frame_slot();
    f.slots[2].cap = cap_vspace_new((pptr_t)vm_alloc(seL4_VSpaceBits), VM_ROOT_ASID);
    struct invocation inv = map_rejected(s, 3, VA, RW, &f.slots[2]);
    assert_invalid_cap(inv, 1);
}

UNIT_TEST(map_rejects_misaligned_vaddr)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(map_rejected(s, 3, VA + 0x800, RW, f.vspace_slot).error.type,
                     seL4_AlignmentError);
    f.slots[1].cap = vm_new_frame(FRAME_LARGE);
    assert_int_equal(map_rejected(s, 3, VA + 0x1000, RW, f.vspace_slot).error.type,
                     seL4_AlignmentError);
}

UNIT_TEST(map_rejects_frame_mapped_elsewhere)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);

    // Same ASID, other vaddr: InvalidArgument(0) ("map frame into multiple addresses").
    struct invocation inv = map_rejected(s, 3, VA + 0x1000, RW, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 0);

    // Another address space: InvalidCapability(1).
    pte_t *other = vm_alloc(seL4_VSpaceBits);
    f.pool->vspace[2] = other;
    f.slots[2].cap = cap_vspace_new((pptr_t)other, 2);
    inv = map_rejected(s, 3, VA, RW, &f.slots[2]);
    assert_invalid_cap(inv, 1);
}

UNIT_TEST(map_rejects_frame_reaching_past_user_top)
{
    struct cte *s = frame_slot();
    struct invocation inv = map_rejected(s, 3, seL4_UserTop + 1, RW, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 0);
    // The last page below the top passes this check and fails on the missing tables.
    inv = map_rejected(s, 3, seL4_UserTop + 1 - 0x1000, RW, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
}

UNIT_TEST(map_reports_missing_level_as_bits_left)
{
    struct cte *s = frame_slot();
    static const word_t expected[] = {39, 30, 21};
    for (unsigned i = 0; i < 3; i++) {
        struct invocation inv = map_rejected(s, 3, VA, RW, f.vspace_slot);
        assert_int_equal(inv.error.type, seL4_FailedLookup);
        assert_false(inv.error.failed_lookup_was_source);
        assert_int_equal(inv.error.lookup.type, seL4_MissingCapability);
        assert_int_equal(inv.error.lookup.bits_left, expected[i]);
        vm_link_table(&f, vm_new_page_table(), VA);
    }
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);
}

UNIT_TEST(map_large_frame_over_page_table_fails_with_bits_left_12)
{
    vm_link_all_tables(&f, VA);
    f.slots[1].cap = vm_new_frame(FRAME_LARGE);
    struct invocation inv = map_rejected(&f.slots[1], 3, VA, RW, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_int_equal(inv.error.lookup.bits_left, 12);
}

UNIT_TEST(map_small_frame_under_large_block_fails_with_bits_left_21)
{
    vm_link_table(&f, vm_new_page_table(), VA);
    vm_link_table(&f, vm_new_page_table(), VA);
    f.slots[2].cap = vm_new_frame(FRAME_LARGE);
    assert_int_equal(page_map(&f.slots[2], VA, RW, ATTR_DEFAULT), EXC_NONE);
    pte_t block = vm_pte_at(&f, VA, 2);
    assert_int_equal(block & 0xfff, 0xc51);
    assert_false(block & PTE_SW_PAGE);

    struct invocation inv = map_rejected(frame_slot(), 3, VA + 0x1000, RW, f.vspace_slot);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_int_equal(inv.error.lookup.bits_left, 21);
}

UNIT_TEST(map_masks_rights_instead_of_refusing)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, CAP_RIGHT_READ, ATTR_DEFAULT), EXC_NONE);
    assert_int_equal(pte_vm_rights(vm_pte_at(&f, VA, 3)), VM_READ_ONLY);
    assert_int_equal(vm_pte_at(&f, VA, 3) & 0xfff, 0xcd3);

    // A read-only cap asked for read-write maps read-only.
    f.slots[2].cap = cap_frame_set_vm_rights(vm_new_frame(FRAME_SMALL), VM_READ_ONLY);
    assert_int_equal(page_map(&f.slots[2], VA + 0x1000, RW, ATTR_DEFAULT), EXC_NONE);
    assert_int_equal(pte_vm_rights(vm_pte_at(&f, VA + 0x1000, 3)), VM_READ_ONLY);

    // Write without read: a kernel-only mapping, not an error.
    f.slots[3].cap = vm_new_frame(FRAME_SMALL);
    assert_int_equal(page_map(&f.slots[3], VA + 0x2000, CAP_RIGHT_WRITE, ATTR_DEFAULT), EXC_NONE);
    assert_int_equal(pte_vm_rights(vm_pte_at(&f, VA + 0x2000, 3)), VM_KERNEL_ONLY);
}

UNIT_TEST(vm_rights_mask_matches_sel4_table)
{
    static const struct {
        unsigned cap;
        word_t arg;
        unsigned result;
    } rows[] = {
        {VM_READ_WRITE, RW, VM_READ_WRITE},
        {VM_READ_WRITE, CAP_RIGHT_READ, VM_READ_ONLY},
        {VM_READ_WRITE, CAP_RIGHT_WRITE, VM_KERNEL_ONLY},
        {VM_READ_WRITE, 0, VM_KERNEL_ONLY},
        {VM_READ_ONLY, RW, VM_READ_ONLY},
        {VM_READ_ONLY, CAP_RIGHT_READ, VM_READ_ONLY},
        {VM_READ_ONLY, CAP_RIGHT_WRITE, VM_KERNEL_ONLY},
        {VM_KERNEL_ONLY, 0xf, VM_KERNEL_ONLY},
        {VM_READ_WRITE, 0xf, VM_READ_WRITE},
        {VM_READ_WRITE, CAP_RIGHT_GRANT, VM_KERNEL_ONLY},
    };
    for (unsigned i = 0; i < ARRAY_SIZE(rows); i++) {
        assert_int_equal(vm_rights_mask(rows[i].cap, rows[i].arg), rows[i].result);
    }
}

UNIT_TEST(map_follows_attributes)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, seL4_ARM_ExecuteNever), EXC_NONE);
    pte_t pte = vm_pte_at(&f, VA, 3);
    assert_false(pte_is_cacheable(pte));
    assert_int_equal(pte & 0xfff, 0xc43);
    assert_true(pte_is_execute_never(pte));

    // A device frame mapped with the default attributes is mapped cacheable (as in seL4).
    f.slots[2].cap = cap_frame_new((pptr_t)vm_alloc(12), FRAME_SMALL, VM_READ_WRITE, true);
    assert_int_equal(page_map(&f.slots[2], VA + 0x1000, RW, ATTR_DEFAULT), EXC_NONE);
    assert_true(pte_is_cacheable(vm_pte_at(&f, VA + 0x1000, 3)));
}

UNIT_TEST(remap_at_same_vaddr_changes_rights_and_flushes_tlb)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);
    vm_hw_clear();
    assert_int_equal(page_map(s, VA, CAP_RIGHT_READ, ATTR_DEFAULT), EXC_NONE);
    assert_int_equal(pte_vm_rights(vm_pte_at(&f, VA, 3)), VM_READ_ONLY);
    assert_int_equal(vm_hw_tlb_va_count(), 1);
    assert_true(vm_hw_tlb_va_seen(VM_ROOT_ASID, VA));
}

UNIT_TEST(map_over_other_frame_replaces_it_silently)
{
    vm_link_all_tables(&f, VA);
    struct cte *a = frame_slot();
    f.slots[2].cap = vm_new_frame(FRAME_SMALL);
    struct cte *b = &f.slots[2];
    assert_int_equal(page_map(a, VA, RW, ATTR_DEFAULT), EXC_NONE);
    vm_hw_clear();
    assert_int_equal(page_map(b, VA, RW, ATTR_DEFAULT), EXC_NONE);
    assert_true(vm_hw_tlb_va_seen(VM_ROOT_ASID, VA));
    assert_int_equal(pte_paddr(vm_pte_at(&f, VA, 3)), pptr_to_paddr(cap_ptr(b->cap)));
    assert_int_equal(cap_mapped_asid(a->cap), VM_ROOT_ASID); // a still believes it is mapped

    // Unmapping a now leaves b's mapping alone (the PTE no longer holds a's address).
    assert_int_equal(page_unmap(a), EXC_NONE);
    assert_int_equal(pte_paddr(vm_pte_at(&f, VA, 3)), pptr_to_paddr(cap_ptr(b->cap)));
    assert_int_equal(cap_mapped_asid(a->cap), 0);
}

UNIT_TEST(unmap_clears_pte_and_flushes_exactly_that_page)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);
    vm_hw_clear();
    assert_int_equal(page_unmap(s), EXC_NONE);
    assert_int_equal(vm_pte_at(&f, VA, 3), 0);
    assert_int_equal(cap_mapped_asid(s->cap), 0);
    assert_int_equal(cap_mapped_vaddr(s->cap), 0);
    assert_int_equal(vm_hw_tlb_va_count(), 1);
    assert_true(vm_hw_tlb_va_seen(VM_ROOT_ASID, VA));
    assert_int_equal(vm_hw_clean_pte_count(), 1);

    // Unmapping again is a successful no-op; so is mapping again afterwards.
    vm_hw_clear();
    assert_int_equal(page_unmap(s), EXC_NONE);
    assert_int_equal(vm_hw_tlb_va_count(), 0);
    assert_int_equal(page_map(s, VA + 0x1000, RW, ATTR_DEFAULT), EXC_NONE);
}

UNIT_TEST(unmap_of_boot_style_cap_works)
{
    // What boot hands the root task: a PTE written directly and a cap recording it.
    vm_link_all_tables(&f, VA);
    cap_t frame = vm_new_frame(FRAME_SMALL);
    struct pt_slot ps = pt_lookup_slot(f.vspace, VA);
    *ps.pte = pte_make_frame(pptr_to_paddr(cap_ptr(frame)), 3, VM_READ_WRITE, true, false);
    f.slots[1].cap = cap_set_mapping(frame, VM_ROOT_ASID, VA);
    vm_hw_clear();
    assert_int_equal(page_unmap(&f.slots[1]), EXC_NONE);
    assert_int_equal(*ps.pte, 0);
    assert_true(vm_hw_tlb_va_seen(VM_ROOT_ASID, VA));
}

UNIT_TEST(unmap_after_vspace_lost_its_asid_only_clears_cap)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);
    f.pool->vspace[VM_ROOT_ASID] = NULL;
    vm_hw_clear();
    assert_int_equal(page_unmap(s), EXC_NONE);
    assert_int_equal(cap_mapped_asid(s->cap), 0);
    assert_int_equal(vm_hw_tlb_va_count(), 0);
}

UNIT_TEST(get_address_replies_physical_address)
{
    struct cte *s = frame_slot();
    struct invocation inv = vm_inv(&f, s, ARMPageGetAddress, 0, NULL, NULL, NULL);
    assert_int_equal(decode_frame_invocation(&inv), EXC_NONE);
    assert_int_equal(inv.reply_length, 1);
    assert_int_equal(ctx_get_mr(&f.thread->ctx, 0), pptr_to_paddr(cap_ptr(s->cap)));
}

UNIT_TEST(unknown_label_is_illegal_operation)
{
    struct cte *s = frame_slot();
    struct invocation inv =
        vm_rejected(vm_inv(&f, s, ARMPageTableMap, 0, NULL, NULL, NULL), decode_frame_invocation);
    assert_int_equal(inv.error.type, seL4_IllegalOperation);
}

static struct invocation flush_rejected(struct cte *s, word_t label, word_t length, word_t start,
                                        word_t end)
{
    word_t mrs[2] = {start, end};
    return vm_rejected(vm_inv(&f, s, label, length, mrs, NULL, NULL), decode_frame_invocation);
}

UNIT_TEST(flush_checks_in_sel4_order)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(flush_rejected(s, ARMPageClean_Data, 1, 0, 64).error.type,
                     seL4_TruncatedMessage);
    assert_int_equal(flush_rejected(s, ARMPageClean_Data, 2, 0, 64).error.type,
                     seL4_IllegalOperation); // not mapped

    assert_int_equal(page_map(s, VA, CAP_RIGHT_READ, ATTR_DEFAULT), EXC_NONE);
    struct invocation inv = flush_rejected(s, ARMPageClean_Data, 2, 64, 64);
    assert_int_equal(inv.error.type, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 1);
    inv = flush_rejected(s, ARMPageClean_Data, 2, 0, 0x1001);
    assert_int_equal(inv.error.type, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 0);
    assert_int_equal(flush_rejected(s, ARMPageInvalidate_Data, 2, 0, 64).error.type,
                     seL4_IllegalOperation); // read-only mapping

    // Stale: the slot now maps another frame.
    f.slots[2].cap = vm_new_frame(FRAME_SMALL);
    assert_int_equal(page_map(&f.slots[2], VA, RW, ATTR_DEFAULT), EXC_NONE);
    inv = flush_rejected(s, ARMPageClean_Data, 2, 0, 64);
    assert_invalid_cap(inv, 0);

    // The ASID is gone: FailedLookup.
    f.pool->vspace[VM_ROOT_ASID] = NULL;
    inv = flush_rejected(s, ARMPageClean_Data, 2, 0, 64);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
}

UNIT_TEST(flush_maintains_the_frame_range)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);
    static const struct {
        word_t label;
        int op;
    } ops[] = {{ARMPageClean_Data, CACHE_CLEAN},
               {ARMPageInvalidate_Data, CACHE_INVALIDATE},
               {ARMPageCleanInvalidate_Data, CACHE_CLEAN_INVALIDATE},
               {ARMPageUnify_Instruction, CACHE_UNIFY}};
    pptr_t base = paddr_to_pptr(pptr_to_paddr(cap_ptr(s->cap)));
    for (unsigned i = 0; i < ARRAY_SIZE(ops); i++) {
        word_t mrs[2] = {0x40, 0x1000};
        struct invocation inv = vm_inv(&f, s, ops[i].label, 2, mrs, NULL, NULL);
        vm_hw_clear();
        assert_int_equal(decode_frame_invocation(&inv), EXC_NONE);
        assert_int_equal(vm_hw_cache_count(), 1);
        assert_true(vm_hw_cache_seen(ops[i].op, base + 0x40, base + 0x1000));
    }
}

UNIT_TEST(deleting_mapped_frame_cap_unmaps_it)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);

    // An unmapped copy going away changes nothing.
    cap_t copy = derived_copy(s->cap);
    assert_int_equal(cap_mapped_asid(copy), 0);
    vm_hw_clear();
    assert_true(cap_is_null(arch_finalise_cap(copy, false)));
    assert_int_equal(pte_paddr(vm_pte_at(&f, VA, 3)), pptr_to_paddr(cap_ptr(s->cap)));
    assert_int_equal(vm_hw_tlb_va_count(), 0);

    // The mapped cap going away (final or not) takes its mapping with it.
    assert_true(cap_is_null(arch_finalise_cap(s->cap, false)));
    assert_int_equal(vm_pte_at(&f, VA, 3), 0);
    assert_true(vm_hw_tlb_va_seen(VM_ROOT_ASID, VA));
}

UNIT_TEST(copy_of_frame_may_map_elsewhere_and_rights_mask)
{
    vm_link_all_tables(&f, VA);
    struct cte *s = frame_slot();
    assert_int_equal(page_map(s, VA, RW, ATTR_DEFAULT), EXC_NONE);
    f.slots[2].cap = arch_mask_cap_rights(CAP_RIGHT_READ, derived_copy(s->cap));
    assert_int_equal(cap_frame_vm_rights(f.slots[2].cap), VM_READ_ONLY);
    assert_int_equal(page_map(&f.slots[2], VA + 0x1000, RW, ATTR_DEFAULT), EXC_NONE);
    assert_int_equal(pte_paddr(vm_pte_at(&f, VA + 0x1000, 3)), pte_paddr(vm_pte_at(&f, VA, 3)));
    assert_int_equal(pte_vm_rights(vm_pte_at(&f, VA + 0x1000, 3)), VM_READ_ONLY);
}

UNIT_TEST_MAIN(
    "tests", cmocka_unit_test_setup(map_writes_pte_and_records_mapping, setup),
    cmocka_unit_test_setup(map_rejects_short_message_or_missing_vspace, setup),
    cmocka_unit_test_setup(map_rejects_non_vspace_or_vspace_without_asid, setup),
    cmocka_unit_test_setup(map_rejects_asid_without_vspace_as_invalid_root, setup),
    cmocka_unit_test_setup(map_rejects_vspace_cap_whose_asid_names_another_vspace, setup),
    cmocka_unit_test_setup(map_rejects_misaligned_vaddr, setup),
    cmocka_unit_test_setup(map_rejects_frame_mapped_elsewhere, setup),
    cmocka_unit_test_setup(map_rejects_frame_reaching_past_user_top, setup),
    cmocka_unit_test_setup(map_reports_missing_level_as_bits_left, setup),
    cmocka_unit_test_setup(map_large_frame_over_page_table_fails_with_bits_left_12, setup),
    cmocka_unit_test_setup(map_small_frame_under_large_block_fails_with_bits_left_21, setup),
    cmocka_unit_test_setup(map_masks_rights_instead_of_refusing, setup),
    cmocka_unit_test_setup(vm_rights_mask_matches_sel4_table, setup),
    cmocka_unit_test_setup(map_follows_attributes, setup),
    cmocka_unit_test_setup(remap_at_same_vaddr_changes_rights_and_flushes_tlb, setup),
    cmocka_unit_test_setup(map_over_other_frame_replaces_it_silently, setup),
    cmocka_unit_test_setup(unmap_clears_pte_and_flushes_exactly_that_page, setup),
    cmocka_unit_test_setup(unmap_of_boot_style_cap_works, setup),
    cmocka_unit_test_setup(unmap_after_vspace_lost_its_asid_only_clears_cap, setup),
    cmocka_unit_test_setup(get_address_replies_physical_address, setup),
    cmocka_unit_test_setup(unknown_label_is_illegal_operation, setup),
    cmocka_unit_test_setup(flush_checks_in_sel4_order, setup),
    cmocka_unit_test_setup(flush_maintains_the_frame_range, setup),
    cmocka_unit_test_setup(deleting_mapped_frame_cap_unmaps_it, setup),
    cmocka_unit_test_setup(copy_of_frame_may_map_elsewhere_and_rights_mask, setup))
