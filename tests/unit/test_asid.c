// SPDX-License-Identifier: BSD-2-Clause
// Host tests of ASIDs (object/asid.c, object/vspace.c): ASIDControl_MakePool and
// ASIDPool_Assign with seL4's check order and exact errors, the lowest-free-ASID rule,
// DeleteFirst when full, and what deleting a VSpace or a pool leaves behind (no mapping
// reachable, TLB flushed by ASID, the current VSpace re-activated).
#include "vm_fixture.h"

#include <string.h>

#include "state.h"
#include "cspace/cdt.h"
#include "object/arch_object.h"
#include "object/objecttype.h"
#include "object/frame.h"
#include "object/vspace.h"
#include "arch/api.h"
#include "fake/hw.h"
#include "unit_main.h"

static struct vm_fixture f;
static struct cte *cnode; // a 16-slot CNode for MakePool destinations
static struct cte *root;  // slot holding its cap (guard 60 bits, so depth 64 resolves)

static int setup(void **state)
{
    (void)state;
    vm_setup(&f);
    cnode = vm_alloc(seL4_SlotBits + 4);
    root = &f.slots[15];
    root->cap = cap_cnode_new((pptr_t)cnode, 4, 60, 0);
    return 0;
}

// A 4 KiB RAM untyped in slots[1], revocable as boot's untypeds are.
static struct cte *untyped_slot(unsigned bits, bool device)
{
    f.slots[1].cap = cap_untyped_new((pptr_t)vm_alloc(bits), bits, device, 0);
    mdb_set_flags(&f.slots[1], true, false);
    return &f.slots[1];
}

static struct invocation make_pool_inv(struct cte *untyped, word_t length, word_t index)
{
    f.slots[2].cap = cap_asid_control_new();
    word_t mrs[2] = {index, 64};
    return vm_inv(&f, &f.slots[2], ARMASIDControlMakePool, length, mrs, untyped, root);
}

static struct invocation make_pool_rejected(struct invocation inv)
{
    return vm_rejected(inv, decode_asid_control_invocation);
}

UNIT_TEST(make_pool_creates_pool_in_first_free_index)
{
    struct cte *u = untyped_slot(seL4_ASIDPoolBits, false);
    memset((void *)cap_ptr(u->cap), 0xab, 64); // the pool must come out zeroed
    struct invocation inv = make_pool_inv(u, 2, 3);
    assert_int_equal(decode_asid_control_invocation(&inv), EXC_NONE);

    cap_t pool = cnode[3].cap;
    assert_int_equal(cap_type(pool), CAP_ASID_POOL);
    assert_int_equal(cap_ptr(pool), cap_ptr(u->cap));
    assert_int_equal(cap_asid_pool_base(pool), 1u << ASID_LOW_BITS); // pool 0 is boot's
    assert_ptr_equal(ks_asid_table[1], (void *)cap_ptr(pool));
    assert_null(ks_asid_table[1]->vspace[0]);
    assert_int_equal(cap_untyped_free_index(u->cap), 1u << seL4_ASIDPoolBits);
    assert_true(cdt_has_children(u));
}

UNIT_TEST(make_pool_checks_in_sel4_order)
{
    struct cte *u = untyped_slot(seL4_ASIDPoolBits + 1, false);
    f.slots[2].cap = cap_asid_control_new();

    // Other label: IllegalOperation.
    struct invocation inv = make_pool_inv(u, 2, 3);
    inv.label = ARMASIDPoolAssign;
    assert_int_equal(make_pool_rejected(inv).error.type, seL4_IllegalOperation);

    // Short message or one extra cap only: TruncatedMessage.
    assert_int_equal(make_pool_rejected(make_pool_inv(u, 1, 3)).error.type, seL4_TruncatedMessage);
    inv = make_pool_inv(u, 2, 3);
    inv.extra_count = 1;
    assert_int_equal(make_pool_rejected(inv).error.type, seL4_TruncatedMessage);

    // Wrong size untyped: InvalidCapability(1) ...
    inv = make_pool_rejected(make_pool_inv(u, 2, 3));
    assert_invalid_cap(inv, 1);

    // ... but a full ASID table is reported first: DeleteFirst.
    for (unsigned i = 1; i < ASID_POOL_COUNT; i++) {
        ks_asid_table[i] = f.pool;
    }
    assert_int_equal(make_pool_rejected(make_pool_inv(u, 2, 3)).error.type, seL4_DeleteFirst);
}

UNIT_TEST(make_pool_rejects_device_or_non_untyped)
{
    struct cte *u = untyped_slot(seL4_ASIDPoolBits, true);
    struct invocation inv = make_pool_rejected(make_pool_inv(u, 2, 3));
    assert_invalid_cap(inv, 1);

    f.slots[1].cap = vm_new_frame(FRAME_SMALL);
    inv = make_pool_rejected(make_pool_inv(&f.slots[1], 2, 3));
    assert_invalid_cap(inv, 1);
}

UNIT_TEST(make_pool_rejects_untyped_with_children)
{
    struct cte *u = untyped_slot(seL4_ASIDPoolBits, false);
    cdt_insert_new(u, &f.slots[3],
                   cap_frame_new(cap_ptr(u->cap), FRAME_SMALL, VM_READ_WRITE, false));
    assert_int_equal(make_pool_rejected(make_pool_inv(u, 2, 3)).error.type, seL4_RevokeFirst);
}

UNIT_TEST(make_pool_rejects_bad_or_occupied_destination)
{
    struct cte *u = untyped_slot(seL4_ASIDPoolBits, false);
    cnode[3].cap = cap_asid_control_new();
    assert_int_equal(make_pool_rejected(make_pool_inv(u, 2, 3)).error.type, seL4_DeleteFirst);

    // Depth 0: the CSpace lookup's RangeError(1, 64).
    struct invocation inv = make_pool_inv(u, 2, 4);
    f.thread->ctx.x[3] = 0;
    inv = make_pool_rejected(inv);
    assert_int_equal(inv.error.type, seL4_RangeError);
    assert_int_equal(inv.error.range_min, 1);
    assert_int_equal(inv.error.range_max, 64);
}

static struct invocation assign_inv(struct cte *pool_slot, struct cte *vspace_slot)
{
    return vm_inv(&f, pool_slot, ARMASIDPoolAssign, 0, NULL, vspace_slot, NULL);
}

UNIT_TEST(assign_gives_lowest_free_asid_never_zero)
{
    f.slots[1].cap = cap_asid_pool_new((pptr_t)f.pool, 0);
    for (word_t expect = 2; expect < 5; expect++) {
        f.slots[2].cap = vm_new_vspace();
        struct invocation inv = assign_inv(&f.slots[1], &f.slots[2]);
        assert_int_equal(decode_asid_pool_invocation(&inv), EXC_NONE);
        assert_true(cap_vspace_has_asid(f.slots[2].cap));
        assert_int_equal(cap_vspace_asid(f.slots[2].cap), expect);
        assert_int_equal((pptr_t)f.pool->vspace[expect], cap_ptr(f.slots[2].cap));
    }
    // Freeing ASID 1 makes it the next one handed out; ASID 0 never is.
    f.pool->vspace[VM_ROOT_ASID] = NULL;
    f.slots[2].cap = vm_new_vspace();
    struct invocation inv = assign_inv(&f.slots[1], &f.slots[2]);
    assert_int_equal(decode_asid_pool_invocation(&inv), EXC_NONE);
    assert_int_equal(cap_vspace_asid(f.slots[2].cap), 1);
    assert_null(f.pool->vspace[0]);
}

static struct invocation assign_rejected(struct invocation inv)
{
    return vm_rejected(inv, decode_asid_pool_invocation);
}

UNIT_TEST(assign_checks_in_sel4_order)
{
    f.slots[1].cap = cap_asid_pool_new((pptr_t)f.pool, 0);
    f.slots[2].cap = vm_new_vspace();

    struct invocation inv = assign_inv(&f.slots[1], &f.slots[2]);
    inv.label = ARMASIDControlMakePool;
    assert_int_equal(assign_rejected(inv).error.type, seL4_IllegalOperation);
    assert_int_equal(assign_rejected(assign_inv(&f.slots[1], NULL)).error.type,
                     seL4_TruncatedMessage);

    // Already has an ASID, or not a VSpace: InvalidCapability(1).
    inv = assign_rejected(assign_inv(&f.slots[1], f.vspace_slot));
    assert_invalid_cap(inv, 1);
    f.slots[3].cap = vm_new_page_table();
    inv = assign_rejected(assign_inv(&f.slots[1], &f.slots[3]));
    assert_invalid_cap(inv, 1);

    // The pool's table entry holds another pool: InvalidCapability(0).
    f.slots[4].cap = cap_asid_pool_new((pptr_t)vm_alloc(seL4_ASIDPoolBits), 0);
    inv = assign_rejected(assign_inv(&f.slots[4], &f.slots[2]));
    assert_invalid_cap(inv, 0);

    // The pool was deleted: FailedLookup (InvalidRoot).
    f.slots[4].cap = cap_asid_pool_new(cap_ptr(f.slots[4].cap), 5u << ASID_LOW_BITS);
    inv = assign_rejected(assign_inv(&f.slots[4], &f.slots[2]));
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
}

UNIT_TEST(assign_on_full_pool_is_delete_first)
{
    for (unsigned i = 1; i < ASID_POOL_ENTRIES; i++) {
        f.pool->vspace[i] = f.vspace;
    }
    f.slots[1].cap = cap_asid_pool_new((pptr_t)f.pool, 0);
    f.slots[2].cap = vm_new_vspace();
    assert_int_equal(assign_rejected(assign_inv(&f.slots[1], &f.slots[2])).error.type,
                     seL4_DeleteFirst);
}

UNIT_TEST(deleting_vspace_releases_asid_and_leaves_nothing_reachable)
{
    // Map a frame, then delete the last VSpace cap.
    vm_link_all_tables(&f, 0x400000);
    f.slots[1].cap = vm_new_frame(FRAME_SMALL);
    word_t mrs[3] = {0x400000, CAP_RIGHT_READ | CAP_RIGHT_WRITE, seL4_ARM_Default_VMAttributes};
    struct invocation map = vm_inv(&f, &f.slots[1], ARMPageMap, 3, mrs, f.vspace_slot, NULL);
    assert_int_equal(decode_frame_invocation(&map), EXC_NONE);
    f.thread->slots[TCB_VTABLE].cap = f.vspace_slot->cap;

    vm_hw_clear();
    arch_finalise_cap(f.vspace_slot->cap, false); // not the last cap: nothing happens
    assert_int_equal(vm_hw_call_total(), 0);
    arch_finalise_cap(f.vspace_slot->cap, true);
    assert_null(asid_find_vspace(VM_ROOT_ASID));
    assert_true(vm_hw_tlb_asid_seen(VM_ROOT_ASID));
    assert_true(hw_seen(HW_SET_VSPACE, 0, 0, 0)); // current thread lost its VSpace
    assert_null(vspace_from_cap(f.thread->slots[TCB_VTABLE].cap));

    // The frame cap's later unmap finds no VSpace and only forgets the mapping; a new map
    // through the dead VSpace cap fails with FailedLookup.
    vm_hw_clear();
    struct invocation unmap = vm_inv(&f, &f.slots[1], ARMPageUnmap, 0, NULL, NULL, NULL);
    assert_int_equal(decode_frame_invocation(&unmap), EXC_NONE);
    assert_int_equal(vm_hw_tlb_va_count(), 0);
    map = vm_inv(&f, &f.slots[1], ARMPageMap, 3, mrs, f.vspace_slot, NULL);
    assert_int_equal(decode_frame_invocation(&map), EXC_SYSCALL_ERROR);
    assert_int_equal(map.error.type, seL4_FailedLookup);
}

UNIT_TEST(deleting_pool_flushes_each_assigned_asid)
{
    f.pool->vspace[7] = f.vspace;
    vm_hw_clear();
    arch_finalise_cap(cap_asid_pool_new((pptr_t)f.pool, 0), true);
    assert_null(ks_asid_table[0]);
    assert_int_equal(vm_hw_tlb_asid_count(), 2);
    assert_true(vm_hw_tlb_asid_seen(VM_ROOT_ASID));
    assert_true(vm_hw_tlb_asid_seen(7));
    assert_null(asid_find_vspace(VM_ROOT_ASID));
}

UNIT_TEST(activate_uses_root_and_asid_of_valid_vspace)
{
    f.thread->slots[TCB_VTABLE].cap = f.vspace_slot->cap;
    vm_hw_clear();
    vspace_activate(f.thread);
    assert_true(hw_seen(HW_SET_VSPACE, pptr_to_paddr((pptr_t)f.vspace), VM_ROOT_ASID, 0));
    vspace_activate(NULL);
    assert_true(hw_seen(HW_SET_VSPACE, 0, 0, 0));
}

UNIT_TEST(arch_object_sizes_match_sel4)
{
    assert_int_equal(object_size_bits(seL4_ARM_SmallPageObject, 0), 12);
    assert_int_equal(object_size_bits(seL4_ARM_LargePageObject, 0), 21);
    assert_int_equal(object_size_bits(seL4_ARM_HugePageObject, 0), 30);
    assert_int_equal(object_size_bits(seL4_ARM_PageTableObject, 0), 12);
    assert_int_equal(object_size_bits(seL4_ARM_VSpaceObject, 0), 12);
    assert_true(arch_is_type(seL4_ARM_HugePageObject));
    assert_true(arch_is_type(seL4_ARM_PageTableObject));
    assert_false(arch_is_type(seL4_CapTableObject));
    assert_false(arch_is_type(seL4_ObjectTypeCount));

    pte_t *vs = vm_alloc(seL4_VSpaceBits);
    vs[3] = 1;
    cap_t c = arch_create_object(seL4_ARM_VSpaceObject, (pptr_t)vs, false);
    assert_int_equal(cap_type(c), CAP_VSPACE);
    assert_false(cap_vspace_has_asid(c));
    assert_int_equal(vs[3], 0);
    assert_true(cap_is_null(derived_copy(c))); // no ASID yet: cannot be copied
    c = arch_create_object(seL4_ARM_SmallPageObject, (pptr_t)vs, true);
    assert_true(cap_frame_is_device(c));
    assert_int_equal(cap_frame_vm_rights(c), VM_READ_WRITE);
    assert_int_equal(cap_mapped_asid(c), 0);
}

UNIT_TEST_MAIN("tests", cmocka_unit_test_setup(make_pool_creates_pool_in_first_free_index, setup),
               cmocka_unit_test_setup(make_pool_checks_in_sel4_order, setup),
               cmocka_unit_test_setup(make_pool_rejects_device_or_non_untyped, setup),
               cmocka_unit_test_setup(make_pool_rejects_untyped_with_children, setup),
               cmocka_unit_test_setup(make_pool_rejects_bad_or_occupied_destination, setup),
               cmocka_unit_test_setup(assign_gives_lowest_free_asid_never_zero, setup),
               cmocka_unit_test_setup(assign_checks_in_sel4_order, setup),
               cmocka_unit_test_setup(assign_on_full_pool_is_delete_first, setup),
               cmocka_unit_test_setup(deleting_vspace_releases_asid_and_leaves_nothing_reachable,
                                      setup),
               cmocka_unit_test_setup(deleting_pool_flushes_each_assigned_asid, setup),
               cmocka_unit_test_setup(activate_uses_root_and_asid_of_valid_vspace, setup),
               cmocka_unit_test_setup(arch_object_sizes_match_sel4, setup))
