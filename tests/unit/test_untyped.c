// SPDX-License-Identifier: BSD-2-Clause
// object/untyped.c: Untyped_Retype arithmetic (watermark, alignment, reset when childless),
// device rules, and every rejection in seL4's order with its exact error details, each
// checked to leave kernel memory byte-for-byte unchanged.
#include "fixtures.h"

#include <string.h>

#include "cspace/cdt.h"
#include "object/objecttype.h"
#include "object/untyped.h"
#include "state.h"
#include "unit_main.h"

#define UT_SLOT 10
#define ROOT_SLOT seL4_CapInitThreadCNode

// Retype through the untyped in UT_SLOT into the root CNode (depth 0) at `offset`.
static exception_t retype(struct invocation *inv, word_t type, word_t size_bits, word_t offset,
                          word_t count)
{
    const word_t mrs[6] = {type, size_bits, 0, 0, offset, count};
    *inv = fx_inv(fx_slot(UT_SLOT), UntypedRetype, 6, mrs, fx_slot(ROOT_SLOT), NULL);
    return decode_untyped_invocation(inv);
}

// Decode a retype that must be rejected; snapshot first so "unchanged" can be asserted.
static exception_t rejected(struct invocation *inv, word_t label, unsigned length,
                            const word_t *mrs, struct cte *extra)
{
    *inv = fx_inv(fx_slot(UT_SLOT), label, length, mrs, extra, NULL);
    fx_snapshot();
    return decode_untyped_invocation(inv);
}

// A whole Retype (the six MRs given) with the root cap from slot `root`, that must be
// rejected.
#define retype_rejected(inv, root, ...)                                                            \
    rejected(inv, UntypedRetype, 6, (const word_t[6]){__VA_ARGS__}, fx_slot(root))

UNIT_TEST(retype_notification_into_root_cnode)
{
    struct cte *ut = fx_untyped(UT_SLOT, 12, false);
    struct invocation inv;
    assert_int_equal(retype(&inv, seL4_NotificationObject, 0, 30, 1), EXC_NONE);
    cap_t c = fx_slot(30)->cap;
    assert_int_equal(cap_type(c), CAP_NOTIFICATION);
    assert_int_equal(cap_ptr(c), cap_ptr(ut->cap));
    assert_int_equal(cap_ipc_rights(c), CAP_RIGHT_WRITE | CAP_RIGHT_READ);
    assert_int_equal(cap_ipc_badge(c), 0);
    assert_int_equal(cap_untyped_free_index(ut->cap), BIT(seL4_NotificationBits));
    assert_true(is_mdb_parent_of(ut, fx_slot(30)));
    assert_int_equal(fx.thread->state, TS_RESTART);
}

UNIT_TEST(watermark_aligns_each_object_to_its_size)
{
    struct cte *ut = fx_untyped(UT_SLOT, 14, false);
    pptr_t base = cap_ptr(ut->cap);
    struct invocation inv;
    assert_int_equal(retype(&inv, seL4_EndpointObject, 0, 30, 3), EXC_NONE);
    assert_int_equal(cap_untyped_free_index(ut->cap), 48);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(cap_ptr(fx_slot(30 + i)->cap), base + 16 * i);
    }
    // A TCB (2 KiB) goes to the next 2 KiB boundary.
    assert_int_equal(retype(&inv, seL4_TCBObject, 0, 40, 1), EXC_NONE);
    assert_int_equal(cap_ptr(fx_slot(40)->cap), base + 2048);
    assert_int_equal(cap_untyped_free_index(ut->cap), 4096);
    struct tcb *t = tcb_from_pptr(cap_ptr(fx_slot(40)->cap));
    assert_int_equal(t->state, TS_INACTIVE);
    assert_int_equal(t->priority, 0);
    assert_int_equal(t->mcp, 0);
    // Named after its creator, as seL4 debug builds do.
    char expected[TCB_NAME_LENGTH] = "child of: '";
    strcat(expected, ks_cur_thread ? ks_cur_thread->name : "");
    strcat(expected, "'");
    assert_string_equal(t->name, expected);
    // A 2^3-slot CNode (256 bytes) at 4096, its slots empty.
    assert_int_equal(retype(&inv, seL4_CapTableObject, 3, 41, 1), EXC_NONE);
    cap_t cn = fx_slot(41)->cap;
    assert_int_equal(cap_ptr(cn), base + 4096);
    assert_int_equal(cap_cnode_radix(cn), 3);
    assert_int_equal(cap_cnode_guard_size(cn), 0);
    // A child untyped of 2^10.
    assert_int_equal(retype(&inv, seL4_UntypedObject, 10, 42, 1), EXC_NONE);
    cap_t u = fx_slot(42)->cap;
    assert_int_equal(cap_ptr(u), base + 5120);
    assert_int_equal(cap_untyped_size_bits(u), 10);
    assert_int_equal(cap_untyped_free_index(u), 0);
    assert_false(cap_untyped_is_device(u));
}

UNIT_TEST(objects_are_zeroed)
{
    struct cte *ut = fx_untyped(UT_SLOT, 12, false);
    memset((void *)cap_ptr(ut->cap), 0xa5, 4096);
    ut->cap = cap_untyped_set_free_index(ut->cap, 4096); // as after earlier use
    struct invocation inv;
    assert_int_equal(retype(&inv, seL4_CapTableObject, 4, 30, 1), EXC_NONE);
    const unsigned char *p = (const unsigned char *)cap_ptr(ut->cap);
    for (int i = 0; i < 16 << seL4_SlotBits; i++) {
        assert_int_equal(p[i], 0); // the new CNode is zeroed as it is created
    }
    assert_int_equal(p[16 << seL4_SlotBits], 0xa5); // the reset itself clears nothing
}

UNIT_TEST(childless_untyped_is_reset_and_reused)
{
    struct cte *ut = fx_untyped(UT_SLOT, 12, false);
    struct invocation inv;
    assert_int_equal(retype(&inv, seL4_TCBObject, 0, 30, 2), EXC_NONE);
    assert_int_equal(cap_untyped_free_index(ut->cap), 4096);
    // Full now.
    assert_int_equal(retype(&inv, seL4_EndpointObject, 0, 32, 1), EXC_SYSCALL_ERROR);
    assert_int_equal(inv.error.type, seL4_NotEnoughMemory);
    assert_int_equal(inv.error.memory_left, 0);
    // Delete one TCB: still a child left, still full.
    assert_int_equal(cte_delete(fx_slot(30), true), EXC_NONE);
    assert_int_equal(retype(&inv, seL4_EndpointObject, 0, 32, 1), EXC_SYSCALL_ERROR);
    // Revoke: no children, so the next retype starts from the beginning again.
    assert_int_equal(cte_revoke(ut), EXC_NONE);
    assert_int_equal(retype(&inv, seL4_EndpointObject, 0, 32, 1), EXC_NONE);
    assert_int_equal(cap_ptr(fx_slot(32)->cap), cap_ptr(ut->cap));
    assert_int_equal(cap_untyped_free_index(ut->cap), 16);
}

UNIT_TEST(reset_is_never_preempted)
{
    struct cte *ut = fx_untyped(UT_SLOT, 12, false);
    ut->cap = cap_untyped_set_free_index(ut->cap, 4096);
    memset((void *)cap_ptr(ut->cap), 0xff, 4096);
    struct invocation inv;
    preemption_force_after(0);
    // Resetting only lowers the watermark: the retype completes at once.
    assert_int_equal(retype(&inv, seL4_EndpointObject, 0, 30, 1), EXC_NONE);
    assert_int_equal(cap_ptr(fx_slot(30)->cap), cap_ptr(ut->cap));
    assert_int_equal(cap_untyped_free_index(ut->cap), 1 << seL4_EndpointBits);
    const unsigned char *p = (const unsigned char *)cap_ptr(ut->cap);
    for (int i = 0; i < 1 << seL4_EndpointBits; i++) {
        assert_int_equal(p[i], 0);
    }
}

UNIT_TEST(fan_out_of_256_and_destination_cnode_by_depth)
{
    fx_untyped(UT_SLOT, 16, false);
    // A second CNode of 2^9 slots in root slot 20, named with depth 64.
    fx_object(20, seL4_CapTableObject, 9);
    struct cte *dest = (struct cte *)cap_ptr(fx_slot(20)->cap);
    const word_t mrs[6] = {seL4_EndpointObject, 0, 20, 64, 256, 256};
    struct invocation inv =
        fx_inv(fx_slot(UT_SLOT), UntypedRetype, 6, mrs, fx_slot(ROOT_SLOT), NULL);
    assert_int_equal(decode_untyped_invocation(&inv), EXC_NONE);
    assert_int_equal(cap_type(dest[256].cap), CAP_ENDPOINT);
    assert_int_equal(cap_type(dest[511].cap), CAP_ENDPOINT);
    assert_true(cap_is_null(dest[255].cap));
}

UNIT_TEST(device_untyped_gives_frames_and_untypeds_only)
{
    struct cte *ut = fx_untyped(UT_SLOT, 16, true);
    struct invocation inv;
    word_t bad[] = {seL4_TCBObject,      seL4_EndpointObject,      seL4_NotificationObject,
                    seL4_CapTableObject, seL4_ARM_PageTableObject, seL4_ARM_VSpaceObject};
    for (unsigned i = 0; i < ARRAY_SIZE(bad); i++) {
        assert_rejected(retype_rejected(&inv, ROOT_SLOT, bad[i], 4, 0, 0, 30, 1), inv,
                        seL4_InvalidArgument);
        assert_int_equal(inv.error.invalid_argument, 1);
    }
    assert_true(hw_console_has("Untyped Retype: Creating kernel objects with device untyped"));
    assert_int_equal(retype(&inv, seL4_ARM_SmallPageObject, 0, 30, 1), EXC_NONE);
    assert_int_equal(cap_type(fx_slot(30)->cap), CAP_FRAME);
    assert_true(cap_frame_is_device(fx_slot(30)->cap));
    assert_int_equal(retype(&inv, seL4_UntypedObject, 12, 31, 1), EXC_NONE);
    assert_true(cap_untyped_is_device(fx_slot(31)->cap));
    assert_int_equal(cap_untyped_free_index(ut->cap), 8192);
}

// ---- rejections, in seL4's order ---------------------------------------------------------

// The rejection tests' setup: the fixture, and a 4 KiB untyped in UT_SLOT.
static int with_4k_untyped(void **state)
{
    fx_setup_cmocka(state);
    fx_untyped(UT_SLOT, 12, false);
    return 0;
}

UNIT_TEST(rejects_wrong_label_before_length)
{
    struct invocation inv;
    assert_rejected(rejected(&inv, CNodeCopy, 0, NULL, NULL), inv, seL4_IllegalOperation);
    assert_true(hw_console_has("Untyped cap: Illegal operation attempted."));
}

UNIT_TEST(rejects_short_message_or_missing_root)
{
    struct invocation inv;
    const word_t mrs[6] = {99, 99, 0, 0, 9999, 0};
    assert_rejected(rejected(&inv, UntypedRetype, 5, mrs, fx_slot(ROOT_SLOT)), inv,
                    seL4_TruncatedMessage);
    assert_rejected(rejected(&inv, UntypedRetype, 6, mrs, NULL), inv, seL4_TruncatedMessage);
}

UNIT_TEST(rejects_unknown_type_as_argument_0)
{
    struct invocation inv;
    word_t types[] = {seL4_ObjectTypeCount, seL4_ARM_VCPUObject, ~0ull};
    for (unsigned i = 0; i < ARRAY_SIZE(types); i++) {
        assert_rejected(retype_rejected(&inv, ROOT_SLOT, types[i], 99, 0, 0, 9999, 0), inv,
                        seL4_InvalidArgument);
        assert_int_equal(inv.error.invalid_argument, 0);
    }
}

UNIT_TEST(rejects_impossible_sizes_with_range_0_47)
{
    struct invocation inv;
    const word_t cases[][2] = {{seL4_UntypedObject, 48},
                               {seL4_UntypedObject, 64},
                               {seL4_CapTableObject, 43},
                               {seL4_EndpointObject, 64},
                               {seL4_ARM_SmallPageObject, ~0ull}};
    for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
        assert_rejected_range(
            retype_rejected(&inv, ROOT_SLOT, cases[i][0], cases[i][1], 0, 0, 9999, 0), inv, 0, 47);
    }
}

UNIT_TEST(rejects_too_small_cnode_and_untyped_as_argument_1)
{
    struct invocation inv;
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_CapTableObject, 0, 0, 0, 9999, 0), inv,
                    seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 1);
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_UntypedObject, 3, 0, 0, 9999, 0), inv,
                    seL4_InvalidArgument);
    assert_int_equal(inv.error.invalid_argument, 1);
    assert_true(hw_console_has("Untyped Retype: Requested UntypedItem size too small."));
}

UNIT_TEST(rejects_bad_destination_lookup)
{
    fx_object(20, seL4_EndpointObject, 0);
    struct invocation inv;
    // Depth 65: RangeError(1, 64).
    assert_rejected_range(retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 20, 65, 9999, 0),
                          inv, 1, 64);
    // Depth 32 on the boot-shaped root: GuardMismatch, not source.
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 20, 32, 9999, 0), inv,
                    seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_GuardMismatch);
    // Root extra cap not a CNode with depth != 0: InvalidRoot.
    assert_rejected(retype_rejected(&inv, 20, seL4_EndpointObject, 0, 20, 64, 9999, 0), inv,
                    seL4_FailedLookup);
    assert_int_equal(inv.error.lookup.type, seL4_InvalidRoot);
}

UNIT_TEST(rejects_destination_that_is_not_a_cnode)
{
    fx_object(20, seL4_EndpointObject, 0);
    struct invocation inv;
    // Depth 64 names slot 20, an endpoint: MissingCapability(bits_left = 64).
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 20, 64, 9999, 0), inv,
                    seL4_FailedLookup);
    assert_false(inv.error.failed_lookup_was_source);
    assert_int_equal(inv.error.lookup.type, seL4_MissingCapability);
    assert_int_equal(inv.error.lookup.bits_left, 64);
    // Depth 0 with an endpoint as root: bits_left = 0.
    assert_rejected(retype_rejected(&inv, 20, seL4_EndpointObject, 0, 0, 0, 9999, 0), inv,
                    seL4_FailedLookup);
    assert_int_equal(inv.error.lookup.type, seL4_MissingCapability);
    assert_int_equal(inv.error.lookup.bits_left, 0);
    assert_true(hw_console_has("Untyped Retype: Destination cap invalid or read-only."));
}

UNIT_TEST(rejects_offset_window_and_count_ranges)
{
    struct invocation inv;
    const word_t slots = BIT(FX_ROOT_BITS);
    // Offset past the end: RangeError(0, slots - 1), before the count is looked at.
    assert_rejected_range(retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 0, 0, slots, 0),
                          inv, 0, slots - 1);
    // Count 0 and 257: RangeError(1, 256).
    for (word_t n = 0; n <= 257; n += 257) {
        assert_rejected_range(retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 0, 0, 30, n),
                              inv, 1, 256);
    }
    // Window overrunning the CNode: RangeError(1, slots - offset).
    assert_rejected_range(
        retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 0, 0, slots - 6, 10), inv, 1, 6);
}

UNIT_TEST(rejects_occupied_destination_slot)
{
    fx_object(33, seL4_EndpointObject, 0);
    struct invocation inv;
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_EndpointObject, 0, 0, 0, 30, 5), inv,
                    seL4_DeleteFirst);
    assert_true(hw_console_has("Untyped Retype: Slot #33 in destination window non-empty."));
}

UNIT_TEST(rejects_when_memory_is_short_with_bytes_left)
{
    struct invocation inv;
    // Childless: all 4096 bytes count, 3 TCBs need 6144.
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_TCBObject, 0, 0, 0, 30, 3), inv,
                    seL4_NotEnoughMemory);
    assert_int_equal(inv.error.memory_left, 4096);
    // After one endpoint (a child), 4080 bytes are left: room for one TCB only.
    assert_int_equal(retype(&inv, seL4_EndpointObject, 0, 40, 1), EXC_NONE);
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_TCBObject, 0, 0, 0, 30, 2), inv,
                    seL4_NotEnoughMemory);
    assert_int_equal(inv.error.memory_left, 4080);
    // An untyped as big as the parent does not fit once something was taken.
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_UntypedObject, 12, 0, 0, 30, 1), inv,
                    seL4_NotEnoughMemory);
}

UNIT_TEST(checks_come_in_seL4_order)
{
    fx_untyped(UT_SLOT, 12, true);
    fx_object(30, seL4_EndpointObject, 0);
    struct invocation inv;
    // Device + TCB + occupied slot + too many objects: the occupied slot (DeleteFirst) is
    // found before memory and device checks...
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_TCBObject, 0, 0, 0, 30, 4), inv,
                    seL4_DeleteFirst);
    // ...memory before the device rule...
    assert_rejected(retype_rejected(&inv, ROOT_SLOT, seL4_TCBObject, 0, 0, 0, 31, 4), inv,
                    seL4_NotEnoughMemory);
    // ...and a bad type before everything after the length check.
    const word_t c[6] = {77, 0, 0, 99, 9999, 0};
    assert_rejected(rejected(&inv, UntypedRetype, 6, c, NULL), inv, seL4_TruncatedMessage);
    assert_rejected(rejected(&inv, UntypedRetype, 6, c, fx_slot(ROOT_SLOT)), inv,
                    seL4_InvalidArgument);
}

UNIT_TEST_MAIN(
    "untyped", cmocka_unit_test_setup(retype_notification_into_root_cnode, fx_setup_cmocka),
    cmocka_unit_test_setup(watermark_aligns_each_object_to_its_size, fx_setup_cmocka),
    cmocka_unit_test_setup(objects_are_zeroed, fx_setup_cmocka),
    cmocka_unit_test_setup(childless_untyped_is_reset_and_reused, fx_setup_cmocka),
    cmocka_unit_test_setup(reset_is_never_preempted, fx_setup_cmocka),
    cmocka_unit_test_setup(fan_out_of_256_and_destination_cnode_by_depth, fx_setup_cmocka),
    cmocka_unit_test_setup(device_untyped_gives_frames_and_untypeds_only, fx_setup_cmocka),
    cmocka_unit_test_setup(rejects_wrong_label_before_length, with_4k_untyped),
    cmocka_unit_test_setup(rejects_short_message_or_missing_root, with_4k_untyped),
    cmocka_unit_test_setup(rejects_unknown_type_as_argument_0, with_4k_untyped),
    cmocka_unit_test_setup(rejects_impossible_sizes_with_range_0_47, with_4k_untyped),
    cmocka_unit_test_setup(rejects_too_small_cnode_and_untyped_as_argument_1, with_4k_untyped),
    cmocka_unit_test_setup(rejects_bad_destination_lookup, with_4k_untyped),
    cmocka_unit_test_setup(rejects_destination_that_is_not_a_cnode, with_4k_untyped),
    cmocka_unit_test_setup(rejects_offset_window_and_count_ranges, with_4k_untyped),
    cmocka_unit_test_setup(rejects_occupied_destination_slot, with_4k_untyped),
    cmocka_unit_test_setup(rejects_when_memory_is_short_with_bytes_left, with_4k_untyped),
    cmocka_unit_test_setup(checks_come_in_seL4_order, fx_setup_cmocka))
