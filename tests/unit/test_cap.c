// SPDX-License-Identifier: BSD-2-Clause
// cspace/cap.h: every constructor and accessor round-trips its fields, and fields do not
// disturb each other (the bit layout is defined once; this pins it down).
#include "fixtures.h"
#include "unit_main.h"

// Kernel-window-like and host-like object pointers (16-byte aligned, 48-bit sign-extended).
static const pptr_t ptrs[] = {0xffffff8040000000ull, 0xffffff80401234f0ull, 0x00007f0012345670ull,
                              0x10ull};

UNIT_TEST(cap_type_and_null)
{
    assert_true(cap_is_null(cap_null()));
    assert_int_equal(cap_type(cap_null()), CAP_NULL);
    // seL4's tags, as seL4_DebugCapIdentify reports them (docs/design/abi.md §6.3).
    assert_int_equal(cap_type(cap_domain_new()), 20);
    assert_int_equal(cap_type(cap_irq_control_new()), 14);
    assert_int_equal(cap_type(cap_asid_control_new()), 11);
    assert_int_equal(cap_type(cap_thread_new(ptrs[0])), 12);
}

UNIT_TEST(untyped_fields_round_trip)
{
    for (unsigned i = 0; i < 4; i++) {
        for (unsigned bits = 4; bits <= 47; bits += 43) {
            for (int dev = 0; dev < 2; dev++) {
                cap_t c = cap_untyped_new(ptrs[i], bits, dev, 0x1230);
                assert_int_equal(cap_type(c), CAP_UNTYPED);
                assert_int_equal(cap_ptr(c), ptrs[i]);
                assert_int_equal(cap_untyped_size_bits(c), bits);
                assert_int_equal(cap_untyped_is_device(c), dev);
                assert_int_equal(cap_untyped_free_index(c), 0x1230);
                c = cap_untyped_set_free_index(c, BIT(bits));
                assert_int_equal(cap_untyped_free_index(c), BIT(bits));
                assert_int_equal(cap_untyped_size_bits(c), bits);
                assert_int_equal(cap_ptr(c), ptrs[i]);
            }
        }
    }
}

UNIT_TEST(ipc_caps_round_trip)
{
    for (unsigned r = 0; r <= CAP_RIGHTS_ALL; r++) {
        cap_t e = cap_endpoint_new(ptrs[0], r, ~0ull);
        assert_int_equal(cap_type(e), CAP_ENDPOINT);
        assert_int_equal(cap_ipc_rights(e), r);
        assert_int_equal(cap_ipc_badge(e), ~0ull);
        assert_int_equal(cap_ptr(e), ptrs[0]);
        cap_t n = cap_notification_new(ptrs[1], r, 0x1337);
        assert_int_equal(cap_type(n), CAP_NOTIFICATION);
        assert_int_equal(cap_ipc_rights(n), r);
        n = cap_ipc_set_rights(n, r ^ CAP_RIGHTS_ALL);
        assert_int_equal(cap_ipc_rights(n), r ^ CAP_RIGHTS_ALL);
        n = cap_ipc_set_badge(n, 7);
        assert_int_equal(cap_ipc_badge(n), 7);
        assert_int_equal(cap_ptr(n), ptrs[1]);
    }
}

UNIT_TEST(reply_cnode_thread_irq_round_trip)
{
    for (int m = 0; m < 2; m++) {
        for (int g = 0; g < 2; g++) {
            cap_t r = cap_reply_new(ptrs[2], m, g);
            assert_int_equal(cap_type(r), CAP_REPLY);
            assert_int_equal(cap_reply_is_master(r), m);
            assert_int_equal(cap_reply_can_grant(r), g);
            assert_int_equal(cap_ptr(r), ptrs[2]);
        }
    }
    cap_t c = cap_cnode_new(ptrs[3], 12, 52, 0xabc);
    assert_int_equal(cap_type(c), CAP_CNODE);
    assert_int_equal(cap_cnode_radix(c), 12);
    assert_int_equal(cap_cnode_guard_size(c), 52);
    assert_int_equal(cap_cnode_guard(c), 0xabc);
    assert_int_equal(cap_ptr(c), ptrs[3]);
    c = cap_cnode_new(ptrs[0], 63, 1, 1);
    assert_int_equal(cap_cnode_radix(c), 63);
    assert_int_equal(cap_cnode_guard_size(c), 1);

    assert_int_equal(cap_ptr(cap_thread_new(ptrs[1])), ptrs[1]);
    cap_t h = cap_irq_handler_new(159);
    assert_int_equal(cap_type(h), CAP_IRQ_HANDLER);
    assert_int_equal(cap_irq_handler_irq(h), 159);
}

UNIT_TEST(frame_and_table_caps_round_trip)
{
    for (unsigned s = FRAME_SMALL; s <= FRAME_HUGE; s++) {
        for (unsigned r = 0; r < 4; r++) {
            cap_t f = cap_frame_new(ptrs[0], (enum frame_size)s, r, s == 1);
            assert_int_equal(cap_type(f), CAP_FRAME);
            assert_int_equal(cap_frame_size(f), s);
            assert_int_equal(cap_frame_vm_rights(f), r);
            assert_int_equal(cap_frame_is_device(f), s == 1);
            assert_int_equal(cap_mapped_asid(f), 0);
            f = cap_set_mapping(f, 0xffff, 0x7fffffffffffull);
            assert_int_equal(cap_mapped_asid(f), 0xffff);
            assert_int_equal(cap_mapped_vaddr(f), 0x7fffffffffffull);
            f = cap_frame_set_vm_rights(f, r ^ 3);
            assert_int_equal(cap_frame_vm_rights(f), r ^ 3);
            assert_int_equal(cap_frame_size(f), s);
            assert_int_equal(cap_ptr(f), ptrs[0]);
        }
    }
    cap_t pt = cap_page_table_new(ptrs[1]);
    assert_false(cap_page_table_is_mapped(pt));
    pt = cap_set_mapping(pt, 3, 0x200000);
    assert_true(cap_page_table_is_mapped(pt));
    assert_int_equal(cap_ptr(pt), ptrs[1]);

    cap_t v = cap_vspace_new(ptrs[2], 0);
    assert_false(cap_vspace_has_asid(v));
    v = cap_vspace_new(ptrs[2], 511);
    assert_true(cap_vspace_has_asid(v));
    assert_int_equal(cap_vspace_asid(v), 511);
    assert_int_equal(cap_asid_pool_base(cap_asid_pool_new(ptrs[3], 512)), 512);
}

UNIT_TEST(zombie_round_trip)
{
    cap_t z = cap_zombie_new(ptrs[0], 12, false, BIT(12));
    assert_int_equal(cap_type(z), CAP_ZOMBIE);
    assert_int_equal(cap_zombie_bits(z), 12);
    assert_false(cap_zombie_is_tcb(z));
    assert_int_equal(cap_zombie_remaining(z), BIT(12));
    z = cap_zombie_set_remaining(z, 5);
    assert_int_equal(cap_zombie_remaining(z), 5);
    assert_int_equal(cap_zombie_bits(z), 12);
    assert_int_equal(cap_ptr(z), ptrs[0]);
    z = cap_zombie_new(ptrs[1], 0, true, 5);
    assert_true(cap_zombie_is_tcb(z));
}

UNIT_TEST_MAIN("cap", cmocka_unit_test(cap_type_and_null),
               cmocka_unit_test(untyped_fields_round_trip), cmocka_unit_test(ipc_caps_round_trip),
               cmocka_unit_test(reply_cnode_thread_irq_round_trip),
               cmocka_unit_test(frame_and_table_caps_round_trip),
               cmocka_unit_test(zombie_round_trip))
