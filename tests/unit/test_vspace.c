// SPDX-License-Identifier: BSD-2-Clause
// object/vspace.c: the VSpace cache-maintenance invocations (Clean, Invalidate,
// CleanInvalidate, Unify over a range inside one mapped frame) and activating a thread's
// VSpace. Each rejection in seL4's order with its exact error, nothing changed.
#include "vm_fixture.h"

#include "object/frame.h"
#include "object/vspace.h"
#include "arch/api.h"
#include "fake/hw.h"
#include "unit_main.h"

#define VA 0x800000ull // 8 MiB: the frame the cache calls work on

static struct vm_fixture f;

VM_SETUP(f)

// Map a new 4 KiB frame at VA (tables linked first) with `rights`; return its kernel address.
static pptr_t map_frame(word_t rights)
{
    vm_link_all_tables(&f, VA);
    f.slots[1].cap = vm_new_frame(FRAME_SMALL);
    word_t mrs[3] = {VA, rights, ATTR_DEFAULT};
    struct invocation inv = vm_inv(&f, &f.slots[1], ARMPageMap, 3, mrs, f.vspace_slot, NULL);
    assert_int_equal(decode_frame_invocation(&inv), EXC_NONE);
    return cap_ptr(f.slots[1].cap);
}

static struct invocation flush(struct cte *vspace, word_t label, word_t length, vptr_t start,
                               vptr_t end, exception_t expected)
{
    word_t mrs[2] = {start, end};
    struct invocation inv = vm_inv(&f, vspace, label, length, mrs, NULL, NULL);
    vm_snapshot_take();
    vm_hw_clear();
    assert_int_equal(decode_vspace_invocation(&inv), expected);
    if (expected != EXC_NONE) {
        vm_snapshot_assert_unchanged();
        assert_int_equal(vm_hw_cache_count(), 0);
    }
    return inv;
}

UNIT_TEST(each_operation_maintains_the_physical_range)
{
    pptr_t frame = map_frame(RW);
    static const struct {
        word_t label;
        int op;
    } ops[] = {{ARMVSpaceClean_Data, CACHE_CLEAN},
               {ARMVSpaceInvalidate_Data, CACHE_INVALIDATE},
               {ARMVSpaceCleanInvalidate_Data, CACHE_CLEAN_INVALIDATE},
               {ARMVSpaceUnify_Instruction, CACHE_UNIFY}};
    for (unsigned i = 0; i < ARRAY_SIZE(ops); i++) {
        flush(f.vspace_slot, ops[i].label, 2, VA + 0x40, VA + 0x1000, EXC_NONE);
        assert_int_equal(vm_hw_cache_count(), 1);
        assert_true(vm_hw_cache_seen(ops[i].op, frame + 0x40, frame + 0x1000));
        assert_int_equal(f.thread->state, TS_RESTART);
    }
}

UNIT_TEST(nothing_mapped_succeeds_without_maintenance)
{
    flush(f.vspace_slot, ARMVSpaceClean_Data, 2, VA, VA + 64, EXC_NONE);
    assert_int_equal(vm_hw_cache_count(), 0);
}

UNIT_TEST(rejections_in_seL4_order)
{
    map_frame(CAP_RIGHT_READ);
    struct invocation inv;
    // One word: TruncatedMessage.
    inv = flush(f.vspace_slot, ARMVSpaceClean_Data, 1, VA, VA + 64, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_TruncatedMessage);
    // Empty range: InvalidArgument(1).
    inv = flush(f.vspace_slot, ARMVSpaceClean_Data, 2, VA + 64, VA + 64, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 1);
    // Above the user top: IllegalOperation.
    inv = flush(f.vspace_slot, ARMVSpaceClean_Data, 2, VA, seL4_UserTop + 1, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_IllegalOperation);
    // Across the end of the frame: RangeError(start, the frame's last byte).
    inv = flush(f.vspace_slot, ARMVSpaceClean_Data, 2, VA + 0x40, VA + 0x1001, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_RangeError);
    assert_int_equal(inv.error.range_min, VA + 0x40);
    assert_int_equal(inv.error.range_max, VA + 0xfff);
    // Invalidate on a read-only mapping: IllegalOperation.
    inv = flush(f.vspace_slot, ARMVSpaceInvalidate_Data, 2, VA, VA + 64, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_IllegalOperation);
    // A VSpace cap without an ASID: InvalidCapability(0).
    f.slots[2].cap = vm_new_vspace();
    inv = flush(&f.slots[2], ARMVSpaceClean_Data, 2, VA, VA + 64, EXC_SYSCALL_ERROR);
    assert_invalid_cap(inv, 0);
    // Its ASID names another VSpace: InvalidCapability(0).
    f.slots[2].cap = cap_vspace_new(cap_ptr(f.slots[2].cap), VM_ROOT_ASID);
    inv = flush(&f.slots[2], ARMVSpaceClean_Data, 2, VA, VA + 64, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_InvalidCapability);
    // Its ASID names no VSpace: FailedLookup(InvalidRoot).
    f.pool->vspace[VM_ROOT_ASID] = NULL;
    inv = flush(f.vspace_slot, ARMVSpaceClean_Data, 2, VA, VA + 64, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
    // Any other label: IllegalOperation.
    inv = flush(f.vspace_slot, ARMPageMap, 2, VA, VA + 64, EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_IllegalOperation);
}

UNIT_TEST(activate_uses_the_vspace_its_asid_still_names)
{
    tcb_slot(f.thread, TCB_VTABLE)->cap = f.vspace_slot->cap;
    vm_hw_clear();
    vspace_activate(f.thread);
    assert_true(hw_seen(HW_SET_VSPACE, pptr_to_paddr((pptr_t)f.vspace), VM_ROOT_ASID, 0));
    // The ASID is released: the kernel-only tables instead.
    f.pool->vspace[VM_ROOT_ASID] = NULL;
    vspace_activate(f.thread);
    assert_true(hw_seen(HW_SET_VSPACE, 0, 0, 0));
}

UNIT_TEST_MAIN("vspace", cmocka_unit_test_setup(each_operation_maintains_the_physical_range, setup),
               cmocka_unit_test_setup(nothing_mapped_succeeds_without_maintenance, setup),
               cmocka_unit_test_setup(rejections_in_seL4_order, setup),
               cmocka_unit_test_setup(activate_uses_the_vspace_its_asid_still_names, setup))
