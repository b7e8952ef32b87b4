// SPDX-License-Identifier: BSD-2-Clause
// cspace/lookup.c: CPtr resolution through guarded CNodes, the lookup-failure records, and
// lookup_slot_for_cnode_op's RangeError/InvalidRoot/DepthMismatch rules (seL4 cspace.c).
#include "fixtures.h"

#include <stdlib.h>

#include "cspace/lookup.h"
#include "unit_main.h"

// A second-level CNode of 2^4 slots in root slot 10, reached with a guard of `guard_bits`.
static struct cte *level2(unsigned guard_bits, word_t guard)
{
    struct cte *s = fx_object(10, seL4_CapTableObject, 4);
    s->cap = cap_cnode_new(cap_ptr(s->cap), 4, guard_bits, guard);
    return (struct cte *)cap_ptr(s->cap);
}

// resolve_address_bits(root, cptr, depth) must fail: its lookup fault.
static struct lookup_fault resolve_fault(cap_t root, word_t cptr, word_t depth)
{
    struct lookup_fault lf;
    struct cte *slot;
    word_t left;
    assert_int_equal(resolve_address_bits(root, cptr, depth, &lf, &slot, &left), EXC_LOOKUP_FAULT);
    return lf;
}

UNIT_TEST(root_cptr_is_slot_number_at_depth_64)
{
    struct lookup_fault lf;
    struct cte *slot;
    word_t left;
    assert_int_equal(resolve_address_bits(fx.root_cap, 7, 64, &lf, &slot, &left), EXC_NONE);
    assert_ptr_equal(slot, fx_slot(7));
    assert_int_equal(left, 0);
    assert_int_equal(lookup_slot(fx.thread, 255, &lf, &slot), EXC_NONE);
    assert_ptr_equal(slot, fx_slot(255));
}

UNIT_TEST(guard_mismatch_reports_guard_and_bits)
{
    struct lookup_fault lf;
    struct cte *slot;
    // Bit 8 set: outside the 8-bit radix, so the 56-bit zero guard does not match.
    assert_int_equal(lookup_slot(fx.thread, 0x100, &lf, &slot), EXC_LOOKUP_FAULT);
    assert_int_equal(lf.type, seL4_GuardMismatch);
    assert_int_equal(lf.bits_left, 64);
    assert_int_equal(lf.guard_found, 0);
    assert_int_equal(lf.bits_found, 56);
}

UNIT_TEST(depth_too_small_for_guard_is_guard_mismatch)
{
    // Depth 8 < guard 56: GuardMismatch (the guard check comes first, as in seL4).
    struct lookup_fault lf = resolve_fault(fx.root_cap, 3, 8);
    assert_int_equal(lf.type, seL4_GuardMismatch);
    assert_int_equal(lf.bits_left, 8);
    assert_int_equal(lf.bits_found, 56);
}

UNIT_TEST(depth_mismatch_when_level_needs_more_bits)
{
    cap_t flat = cap_cnode_new((pptr_t)fx.root, FX_ROOT_BITS, 0, 0);
    struct lookup_fault lf = resolve_fault(flat, 3, 4);
    assert_int_equal(lf.type, seL4_DepthMismatch);
    assert_int_equal(lf.bits_left, 4);
    assert_int_equal(lf.bits_found, 8);
}

UNIT_TEST(non_cnode_root_is_invalid_root)
{
    struct lookup_fault lf = resolve_fault(cap_null(), 0, 64);
    assert_int_equal(lf.type, seL4_InvalidRoot);
    cap_t cap;
    tcb_slot(fx.thread, TCB_CTABLE)->cap = cap_endpoint_new((pptr_t)fx.root, 0xf, 0);
    assert_int_equal(lookup_cap(fx.thread, 1, &lf, &cap), EXC_LOOKUP_FAULT);
    assert_true(cap_is_null(cap));
    assert_int_equal(lf.type, seL4_InvalidRoot);
}

UNIT_TEST(two_level_resolution_with_guard)
{
    struct cte *l2 = level2(4, 0x5);
    struct lookup_fault lf;
    struct cte *slot;
    word_t left;
    // 8 bits root index 10, then guard 0x5 (4 bits), then 4 bits index 9: 16 bits.
    word_t cptr = (10u << 8) | (0x5u << 4) | 9u;
    cap_t root16 = cap_cnode_new((pptr_t)fx.root, FX_ROOT_BITS, 0, 0);
    assert_int_equal(resolve_address_bits(root16, cptr, 16, &lf, &slot, &left), EXC_NONE);
    assert_ptr_equal(slot, &l2[9]);
    assert_int_equal(left, 0);
    // Stopping at depth 8 names the slot holding the level-2 CNode cap.
    assert_int_equal(resolve_address_bits(root16, cptr >> 8, 8, &lf, &slot, &left), EXC_NONE);
    assert_ptr_equal(slot, fx_slot(10));
    // Wrong second-level guard.
    lf = resolve_fault(root16, cptr ^ 0x30, 16);
    assert_int_equal(lf.type, seL4_GuardMismatch);
    assert_int_equal(lf.bits_left, 8);
    assert_int_equal(lf.guard_found, 0x5);
    assert_int_equal(lf.bits_found, 4);
}

UNIT_TEST(resolution_stops_at_non_cnode_with_bits_left)
{
    fx_object(20, seL4_EndpointObject, 0);
    struct lookup_fault lf;
    struct cte *slot;
    word_t left;
    cap_t root16 = cap_cnode_new((pptr_t)fx.root, FX_ROOT_BITS, 0, 0);
    assert_int_equal(resolve_address_bits(root16, (20u << 8) | 3, 16, &lf, &slot, &left), EXC_NONE);
    assert_ptr_equal(slot, fx_slot(20));
    assert_int_equal(left, 8);
}

UNIT_TEST(cnode_op_checks_in_seL4_order)
{
    struct invocation inv = fx_inv(fx_slot(2), CNodeCopy, 0, NULL, NULL, NULL);
    struct cte *slot;

    // Root not a CNode: FailedLookup(InvalidRoot), even with a bad depth.
    assert_int_equal(lookup_slot_for_cnode_op(&inv.error, cap_null(), 1, 0, true, &slot),
                     EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_true(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);

    // Depth 0 and 65: RangeError(1, 64).
    for (word_t depth = 0; depth <= 65; depth += 65) {
        inv = fx_inv(fx_slot(2), CNodeCopy, 0, NULL, NULL, NULL);
        assert_int_equal(lookup_slot_for_cnode_op(&inv.error, fx.root_cap, 1, depth, false, &slot),
                         EXC_SYSCALL_ERROR);
        assert_int_equal(inv.error.type, seL4_RangeError);
        assert_int_equal(inv.error.range_min, 1);
        assert_int_equal(inv.error.range_max, 64);
    }

    // Depth 32 on the boot-shaped root: GuardMismatch, destination side.
    inv = fx_inv(fx_slot(2), CNodeCopy, 0, NULL, NULL, NULL);
    assert_int_equal(lookup_slot_for_cnode_op(&inv.error, fx.root_cap, 1, 32, false, &slot),
                     EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_GuardMismatch);
    assert_int_equal(inv.error.lookup.bits_left, 32);

    // Bits left over at a non-CNode cap: DepthMismatch(bits_left, found 0).
    fx_object(20, seL4_EndpointObject, 0);
    cap_t root16 = cap_cnode_new((pptr_t)fx.root, FX_ROOT_BITS, 0, 0);
    inv = fx_inv(fx_slot(2), CNodeCopy, 0, NULL, NULL, NULL);
    assert_int_equal(lookup_slot_for_cnode_op(&inv.error, root16, (20u << 8) | 1, 16, true, &slot),
                     EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.lookup.type, seL4_DepthMismatch);
    assert_int_equal(inv.error.lookup.bits_left, 8);
    assert_int_equal(inv.error.lookup.bits_found, 0);
    assert_null(slot);

    // Success: depth 64, empty slot allowed.
    inv = fx_inv(fx_slot(2), CNodeCopy, 0, NULL, NULL, NULL);
    assert_int_equal(lookup_slot_for_cnode_op(&inv.error, fx.root_cap, 77, 64, false, &slot),
                     EXC_NONE);
    assert_ptr_equal(slot, fx_slot(77));
}

UNIT_TEST(seeded_random_depth_arithmetic)
{
    // For a flat CNode of radix r and guard g (zero), a CPtr resolves at depth d exactly
    // when d == r + g and the guard bits are zero; otherwise the fault is predictable.
    fx_slot(seL4_CapInitThreadCNode)->cap = cap_null(); // no second level anywhere
    srand(42);
    for (int i = 0; i < 1000; i++) {
        unsigned g = (unsigned)rand() % 57;
        unsigned d = 1 + (unsigned)rand() % 64;
        word_t idx = (word_t)rand() & MASK(FX_ROOT_BITS);
        idx = idx == seL4_CapInitThreadCNode ? idx + 1 : idx; // slot 2 holds a CNode cap
        word_t cptr = idx | ((rand() % 4 == 0 ? (word_t)1 : 0) << (FX_ROOT_BITS + rand() % 8));
        cap_t c = cap_cnode_new((pptr_t)fx.root, FX_ROOT_BITS, g, 0);
        struct lookup_fault lf;
        struct cte *slot;
        word_t left;
        exception_t st = resolve_address_bits(c, cptr, d, &lf, &slot, &left);
        bool guard_ok = g <= d && ((cptr >> (d - g)) & MASK(g)) == 0;
        if (!guard_ok) {
            assert_int_equal(st, EXC_LOOKUP_FAULT);
            assert_int_equal(lf.type, seL4_GuardMismatch);
        } else if (g + FX_ROOT_BITS > d) {
            assert_int_equal(st, EXC_LOOKUP_FAULT);
            assert_int_equal(lf.type, seL4_DepthMismatch);
            assert_int_equal(lf.bits_found, g + FX_ROOT_BITS);
        } else {
            assert_int_equal(st, EXC_NONE);
            assert_ptr_equal(slot, fx_slot((cptr >> (d - g - FX_ROOT_BITS)) & MASK(FX_ROOT_BITS)));
        }
    }
}

UNIT_TEST_MAIN("lookup",
               cmocka_unit_test_setup(root_cptr_is_slot_number_at_depth_64, fx_setup_cmocka),
               cmocka_unit_test_setup(guard_mismatch_reports_guard_and_bits, fx_setup_cmocka),
               cmocka_unit_test_setup(depth_too_small_for_guard_is_guard_mismatch, fx_setup_cmocka),
               cmocka_unit_test_setup(depth_mismatch_when_level_needs_more_bits, fx_setup_cmocka),
               cmocka_unit_test_setup(non_cnode_root_is_invalid_root, fx_setup_cmocka),
               cmocka_unit_test_setup(two_level_resolution_with_guard, fx_setup_cmocka),
               cmocka_unit_test_setup(resolution_stops_at_non_cnode_with_bits_left,
                                      fx_setup_cmocka),
               cmocka_unit_test_setup(cnode_op_checks_in_seL4_order, fx_setup_cmocka),
               cmocka_unit_test_setup(seeded_random_depth_arithmetic, fx_setup_cmocka))
