// SPDX-License-Identifier: BSD-2-Clause
// object/irq.c: IRQControl_Get/GetTrigger checks and effects, the IRQHandler
// notification binding and its removal with the last handler cap.
#include "fixtures.h"

#include "cspace/cdt.h"
#include "object/irq.h"
#include "object/objecttype.h"
#include "unit_main.h"

#define ROOT seL4_CapInitThreadCNode
#define IRQ_CTL 4

static exception_t irq_get(struct invocation *inv, word_t irq, word_t index, word_t depth,
                           bool snapshot)
{
    const word_t mrs[3] = {irq, index, depth};
    *inv = fx_inv(fx_slot(IRQ_CTL), IRQIssueIRQHandler, 3, mrs, fx_slot(ROOT), NULL);
    if (snapshot) {
        fx_snapshot();
    }
    return decode_invocation(inv);
}

static void setup(void)
{
    fx_setup();
    fx_slot(IRQ_CTL)->cap = cap_irq_control_new();
    mdb_set_flags(fx_slot(IRQ_CTL), true, true);
}

static int setup_cmocka(void **state)
{
    (void)state;
    setup();
    return 0;
}

UNIT_TEST(get_gives_a_handler_cap_once)
{
    struct invocation inv;
    assert_int_equal(irq_get(&inv, 33, 30, 64, false), EXC_NONE);
    assert_int_equal(cap_type(fx_slot(30)->cap), CAP_IRQ_HANDLER);
    assert_int_equal(cap_irq_handler_irq(fx_slot(30)->cap), 33);
    assert_int_equal(irq_get_state(33), IRQ_SIGNAL);
    assert_true(hw_seen(HW_IRQ_UNMASK, 33, 0, 0)); // handed out: unmasked, as in seL4
    assert_true(is_mdb_parent_of(fx_slot(IRQ_CTL), fx_slot(30)));
    // A second Get of the same line: RevokeFirst.
    assert_rejected(irq_get(&inv, 33, 31, 64, true), inv, seL4_RevokeFirst);
    assert_true(hw_console_has("Rejecting request for IRQ 33. Already active."));
    // Deleting the handler cap frees the line again.
    assert_int_equal(cte_delete(fx_slot(30), true), EXC_NONE);
    assert_int_equal(irq_get_state(33), IRQ_INACTIVE);
    assert_true(hw_seen(HW_IRQ_MASK, 33, 0, 0)); // inactive again: masked
    assert_int_equal(irq_get(&inv, 33, 31, 64, false), EXC_NONE);
}

UNIT_TEST(get_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t mrs[3] = {33, 30, 64};
    inv = fx_inv(fx_slot(IRQ_CTL), IRQIssueIRQHandler, 2, mrs, fx_slot(ROOT), NULL);
    fx_snapshot();
    assert_rejected(decode_invocation(&inv), inv, seL4_TruncatedMessage);
    inv = fx_inv(fx_slot(IRQ_CTL), IRQIssueIRQHandler, 3, mrs, NULL, NULL);
    fx_snapshot();
    assert_rejected(decode_invocation(&inv), inv, seL4_TruncatedMessage);
    // Out of range, even with a bad slot: RangeError(0, 159).
    assert_rejected_range(irq_get(&inv, 160, 30, 0, true), inv, 0, IRQ_MAX);
    // The kernel timer line is taken.
    assert_rejected(irq_get(&inv, IRQ_KERNEL_TIMER, 30, 64, true), inv, seL4_RevokeFirst);
    // Bad depth, occupied slot.
    assert_rejected(irq_get(&inv, 33, 30, 0, true), inv, seL4_RangeError);
    assert_rejected(irq_get(&inv, 33, ROOT, 64, true), inv, seL4_DeleteFirst);
    // Unknown label on the control cap.
    inv = fx_inv(fx_slot(IRQ_CTL), CNodeCopy, 3, mrs, fx_slot(ROOT), NULL);
    fx_snapshot();
    assert_rejected(decode_invocation(&inv), inv, seL4_IllegalOperation);
}

UNIT_TEST(get_trigger_records_the_line)
{
    const word_t mrs[4] = {40, 1, 30, 64};
    struct invocation inv =
        fx_inv(fx_slot(IRQ_CTL), ARMIRQIssueIRQHandlerTrigger, 4, mrs, fx_slot(ROOT), NULL);
    fx_snapshot();
    assert_int_equal(decode_invocation(&inv), EXC_NONE);
    assert_int_equal(cap_irq_handler_irq(fx_slot(30)->cap), 40);
    // The controller is programmed edge-triggered for the line (seL4 setIRQTrigger).
    assert_true(hw_seen(HW_IRQ_TRIGGER, 40, 1, 0));
    inv = fx_inv(fx_slot(IRQ_CTL), ARMIRQIssueIRQHandlerTrigger, 3, mrs, fx_slot(ROOT), NULL);
    fx_snapshot();
    assert_rejected(decode_invocation(&inv), inv, seL4_TruncatedMessage);
}

UNIT_TEST(handler_binds_and_clears_a_notification)
{
    struct invocation inv;
    assert_int_equal(irq_get(&inv, 33, 30, 64, false), EXC_NONE);
    fx_object(20, seL4_NotificationObject, 0);
    inv = fx_inv(fx_slot(30), IRQSetIRQHandler, 0, NULL, fx_slot(20), NULL);
    fx_snapshot();
    assert_int_equal(decode_invocation(&inv), EXC_NONE);
    assert_int_equal(cap_ptr(irq_notification_slot(33)->cap), cap_ptr(fx_slot(20)->cap));
    assert_false(cap_is_final(fx_slot(20)));
    inv = fx_inv(fx_slot(30), IRQAckIRQ, 0, NULL, NULL, NULL);
    fx_snapshot();
    hw_reset();
    assert_int_equal(decode_invocation(&inv), EXC_NONE);
    // Ack lets the next interrupt in: the line is unmasked (seL4 on GICv2).
    assert_true(hw_seen(HW_IRQ_UNMASK, 33, 0, 0));
    inv = fx_inv(fx_slot(30), IRQClearIRQHandler, 0, NULL, NULL, NULL);
    fx_snapshot();
    assert_int_equal(decode_invocation(&inv), EXC_NONE);
    assert_true(cap_is_null(irq_notification_slot(33)->cap));
    assert_true(cap_is_final(fx_slot(20)));
}

UNIT_TEST(handler_rejects_non_notification_or_read_only)
{
    struct invocation inv;
    assert_int_equal(irq_get(&inv, 33, 30, 64, false), EXC_NONE);
    fx_object(20, seL4_EndpointObject, 0);
    fx_object(21, seL4_NotificationObject, 0);
    fx_slot(22)->cap = cap_ipc_set_rights(fx_slot(21)->cap, CAP_RIGHT_READ);
    inv = fx_inv(fx_slot(30), IRQSetIRQHandler, 0, NULL, NULL, NULL);
    fx_snapshot();
    assert_rejected(decode_invocation(&inv), inv, seL4_TruncatedMessage);
    struct cte *bad[2] = {fx_slot(20), fx_slot(22)};
    for (int i = 0; i < 2; i++) {
        inv = fx_inv(fx_slot(30), IRQSetIRQHandler, 0, NULL, bad[i], NULL);
        assert_rejected(decode_invocation(&inv), inv, seL4_InvalidCapability);
        assert_int_equal(inv.error.invalid_cap, 0);
    }
    inv = fx_inv(fx_slot(30), CNodeCopy, 0, NULL, NULL, NULL);
    fx_snapshot();
    assert_rejected(decode_invocation(&inv), inv, seL4_IllegalOperation);
}

UNIT_TEST_MAIN("irq", cmocka_unit_test_setup(get_gives_a_handler_cap_once, setup_cmocka),
               cmocka_unit_test_setup(get_rejections_in_seL4_order, setup_cmocka),
               cmocka_unit_test_setup(get_trigger_records_the_line, setup_cmocka),
               cmocka_unit_test_setup(handler_binds_and_clears_a_notification, setup_cmocka),
               cmocka_unit_test_setup(handler_rejects_non_notification_or_read_only, setup_cmocka))
