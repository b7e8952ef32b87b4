// SPDX-License-Identifier: BSD-2-Clause
// The TCB invocations. object/tcb.c: Suspend and Resume, Bind/UnbindNotification,
// SetTLSBase, SetFlags, an unknown label. object/tcb_registers.c: ReadRegisters,
// WriteRegisters and CopyRegisters in seL4_UserContext order with SPSR sanitising
// (arch/aarch64/regs.c). object/tcb_control.c: SetPriority, SetMCPriority, SetSchedParams
// (the shared authority check), SetIPCBuffer, SetSpace and Configure. One accepted call
// each, then each rejection in seL4's order with its exact error, the kernel state unchanged.
#include "fixtures.h"

#include "cspace/cdt.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "state.h"
#include "unit_main.h"

#define TARGET 20
#define NTFN 21
#define EP 22
#define SOURCE 23 // the registers' source TCB
#define AUTH 24   // the authority TCB of the priority calls, MCP 100
#define FRAME 25
#define VSPACE 26
#define ROOT seL4_CapInitThreadCNode

static struct tcb *tcb_at(word_t slot)
{
    return tcb_from_pptr(cap_ptr(fx_slot(slot)->cap));
}

static struct tcb *target(void)
{
    return tcb_at(TARGET);
}

static struct notification *ntfn(void)
{
    return (struct notification *)cap_ptr(fx_slot(NTFN)->cap);
}

static int setup(void **state)
{
    (void)state;
    fx_setup();
    fx_object(TARGET, seL4_TCBObject, 0);
    fx_object(NTFN, seL4_NotificationObject, 0);
    fx_object(EP, seL4_EndpointObject, 0);
    fx_object(SOURCE, seL4_TCBObject, 0);
    fx_object(AUTH, seL4_TCBObject, 0);
    fx_object(FRAME, seL4_ARM_SmallPageObject, 0);
    tcb_at(AUTH)->mcp = 100;
    // A VSpace root that already has an ASID (as after ASIDPool_Assign).
    fx_slot(VSPACE)->cap = cap_vspace_new((pptr_t)phys_alloc(seL4_VSpaceBits), 1);
    mdb_set_flags(fx_slot(VSPACE), true, true);
    target()->priority = 10;
    // Every register of the source a distinct value: register number r holds 0x1000 + r.
    for (unsigned r = 0; r <= TCB_REG_TPIDRRO; r++) {
        ctx_set_register(&tcb_at(SOURCE)->ctx, r, 0x1000 + r);
    }
    return 0;
}

// An invocation of the TCB cap in `slot`, with the state snapshot taken just before it.
static exception_t invoke(struct invocation *inv, word_t slot, word_t label, unsigned length,
                          const word_t *mrs, struct cte *extra)
{
    return fx_decode(inv, fx_slot(slot), label, length, mrs, extra, NULL);
}

UNIT_TEST(resume_then_suspend)
{
    struct invocation inv;
    target()->ctx.elr = 0x4000;
    assert_int_equal(invoke(&inv, TARGET, TCBResume, 0, NULL, NULL), EXC_NONE);
    assert_int_equal(target()->state, TS_RESTART);
    assert_int_equal(cap_type(tcb_slot(target(), TCB_REPLY)->cap), CAP_REPLY); // master reply
    assert_ptr_equal(ks_sched_action, target()); // schedule() decides whether it runs next
    // Resuming a runnable thread changes nothing.
    assert_int_equal(invoke(&inv, TARGET, TCBResume, 0, NULL, NULL), EXC_NONE);
    assert_int_equal(target()->state, TS_RESTART);
    assert_int_equal(invoke(&inv, TARGET, TCBSuspend, 0, NULL, NULL), EXC_NONE);
    assert_int_equal(target()->state, TS_INACTIVE);
    assert_false(target()->in_ready_queue);
}

UNIT_TEST(bind_and_unbind_a_notification)
{
    struct invocation inv;
    assert_int_equal(invoke(&inv, TARGET, TCBBindNotification, 0, NULL, fx_slot(NTFN)), EXC_NONE);
    assert_int_equal(target()->bound_notification, (pptr_t)ntfn());
    assert_ptr_equal(ntfn()->bound_tcb, target());
    assert_int_equal(invoke(&inv, TARGET, TCBUnbindNotification, 0, NULL, NULL), EXC_NONE);
    assert_int_equal(target()->bound_notification, 0);
    assert_null(ntfn()->bound_tcb);
}

UNIT_TEST(bind_rejections_in_seL4_order)
{
    struct invocation inv;
    // No cap: TruncatedMessage.
    assert_rejected(invoke(&inv, TARGET, TCBBindNotification, 0, NULL, NULL), inv,
                    seL4_TruncatedMessage);
    // Not a notification: IllegalOperation.
    assert_rejected(invoke(&inv, TARGET, TCBBindNotification, 0, NULL, fx_slot(EP)), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB BindNotification: Notification is invalid."));
    // Without the Read right: IllegalOperation.
    fx_slot(30)->cap = cap_ipc_set_rights(fx_slot(NTFN)->cap, CAP_RIGHT_WRITE);
    assert_rejected(invoke(&inv, TARGET, TCBBindNotification, 0, NULL, fx_slot(30)), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB BindNotification: Insufficient access rights"));
    // Bound to another thread already: IllegalOperation.
    struct tcb *other = fx_tcb();
    ntfn()->bound_tcb = other;
    assert_rejected(invoke(&inv, TARGET, TCBBindNotification, 0, NULL, fx_slot(NTFN)), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB BindNotification: Notification cannot be bound."));
    // The thread has one already: IllegalOperation, before the cap is looked at.
    target()->bound_notification = (pptr_t)ntfn();
    assert_rejected(invoke(&inv, TARGET, TCBBindNotification, 0, NULL, fx_slot(EP)), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB BindNotification: TCB already has a bound notification."));
}

UNIT_TEST(unbind_without_a_notification_is_illegal)
{
    struct invocation inv;
    assert_rejected(invoke(&inv, TARGET, TCBUnbindNotification, 0, NULL, NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB UnbindNotification: TCB already has no bound Notification."));
}

UNIT_TEST(set_tls_base)
{
    struct invocation inv;
    const word_t base[1] = {0x7000};
    assert_rejected(invoke(&inv, TARGET, TCBSetTLSBase, 0, base, NULL), inv, seL4_TruncatedMessage);
    assert_int_equal(invoke(&inv, TARGET, TCBSetTLSBase, 1, base, NULL), EXC_NONE);
    assert_int_equal(target()->ctx.tpidr_el0, 0x7000);
    assert_int_equal(hw_count(HW_TLS_LOAD), 0); // not the current thread: no live register
}

UNIT_TEST(set_flags_replies_with_the_result)
{
    struct invocation inv;
    const word_t set[2] = {0, seL4_TCBFlag_fpuDisabled | BIT(40)};
    assert_rejected(invoke(&inv, TARGET, TCBSetFlags, 1, set, NULL), inv, seL4_TruncatedMessage);
    assert_int_equal(invoke(&inv, TARGET, TCBSetFlags, 2, set, NULL), EXC_NONE);
    assert_int_equal(target()->flags, seL4_TCBFlag_fpuDisabled); // unknown bits dropped
    assert_int_equal(ctx_get_mr(&fx.thread->ctx, 0), seL4_TCBFlag_fpuDisabled);
    assert_int_equal(inv.reply_length, 1);
    const word_t clear[2] = {seL4_TCBFlag_fpuDisabled, 0};
    assert_int_equal(invoke(&inv, TARGET, TCBSetFlags, 2, clear, NULL), EXC_NONE);
    assert_int_equal(target()->flags, 0);
}

UNIT_TEST(other_labels_are_illegal)
{
    struct invocation inv;
    assert_rejected(invoke(&inv, TARGET, CNodeCopy, 0, NULL, NULL), inv, seL4_IllegalOperation);
    assert_true(hw_console_has("TCB: Illegal operation."));
}

UNIT_TEST(read_registers_in_user_context_order)
{
    struct invocation inv;
    const word_t args[2] = {0, 4};
    assert_int_equal(invoke(&inv, SOURCE, TCBReadRegisters, 2, args, NULL), EXC_NONE);
    // pc (FaultIP), sp, spsr, x0: MR0..3; the fixture thread has no IPC buffer frame.
    struct user_context *me = &fx.thread->ctx;
    assert_int_equal(ctx_get_mr(me, 0), 0x1000 + TCB_REG_FAULT_IP);
    assert_int_equal(ctx_get_mr(me, 1), 0x1000 + TCB_REG_SP);
    assert_int_equal(ctx_get_mr(me, 2), SPSR_USER_DEFAULT); // sanitised when it was written
    assert_int_equal(ctx_get_mr(me, 3), 0x1000);
    assert_int_equal(inv.reply_length, 4);
    // All 36 asked for, no buffer: only the four register MRs arrive.
    const word_t all[2] = {0, 36};
    assert_int_equal(invoke(&inv, SOURCE, TCBReadRegisters, 2, all, NULL), EXC_NONE);
    assert_int_equal(inv.reply_length, 4);
}

UNIT_TEST(read_registers_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t zero[2] = {0, 0}, many[2] = {0, 37}, one[2] = {0, 1};
    assert_rejected(invoke(&inv, SOURCE, TCBReadRegisters, 1, one, NULL), inv,
                    seL4_TruncatedMessage);
    assert_rejected_range(invoke(&inv, SOURCE, TCBReadRegisters, 2, zero, NULL), inv, 1, 36);
    assert_rejected(invoke(&inv, SOURCE, TCBReadRegisters, 2, many, NULL), inv, seL4_RangeError);
    // The caller's own registers: IllegalOperation.
    fx_slot(30)->cap = cap_thread_new((pptr_t)fx.thread);
    assert_rejected(invoke(&inv, 30, TCBReadRegisters, 2, one, NULL), inv, seL4_IllegalOperation);
    assert_true(hw_console_has("TCB ReadRegisters: Attempted to read our own registers."));
}

UNIT_TEST(write_registers_sanitises_spsr_and_moves_the_pc)
{
    struct invocation inv;
    // pc, sp, spsr (every bit set: only NZCV survive), x0.
    const word_t mrs[6] = {0, 4, 0x8000, 0x9000, ~0ull, 42};
    assert_int_equal(invoke(&inv, TARGET, TCBWriteRegisters, 6, mrs, NULL), EXC_NONE);
    struct user_context *c = &tcb_at(TARGET)->ctx;
    assert_int_equal(c->fault_ip, 0x8000);
    assert_int_equal(c->elr, 0x8000); // continues at the new pc
    assert_int_equal(c->sp, 0x9000);
    assert_int_equal(c->spsr, SPSR_NZCV_MASK | SPSR_USER_DEFAULT);
    assert_int_equal(c->x[0], 42);
    assert_int_equal(tcb_at(TARGET)->state, TS_INACTIVE); // flags bit 0 clear: not resumed
}

UNIT_TEST(write_registers_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t mrs[4] = {0, 3, 1, 2};
    assert_rejected(invoke(&inv, TARGET, TCBWriteRegisters, 1, mrs, NULL), inv,
                    seL4_TruncatedMessage);
    // Count 3 but only two values: TruncatedMessage.
    assert_rejected(invoke(&inv, TARGET, TCBWriteRegisters, 4, mrs, NULL), inv,
                    seL4_TruncatedMessage);
    assert_true(hw_console_has("Message too short for requested write size (2/3)."));
    fx_slot(30)->cap = cap_thread_new((pptr_t)fx.thread);
    const word_t none[2] = {0, 0};
    assert_rejected(invoke(&inv, 30, TCBWriteRegisters, 2, none, NULL), inv, seL4_IllegalOperation);
}

UNIT_TEST(copy_registers_frame_and_general_halves)
{
    struct invocation inv;
    const word_t frame_only[1] = {BIT(2)};
    assert_int_equal(invoke(&inv, TARGET, TCBCopyRegisters, 1, frame_only, fx_slot(SOURCE)),
                     EXC_NONE);
    struct user_context *c = &tcb_at(TARGET)->ctx;
    assert_int_equal(c->x[0], 0x1000); // a frame register
    assert_int_equal(c->x[9], 0);      // a general one: not copied
    assert_int_equal(c->elr, c->fault_ip);
    const word_t general[1] = {BIT(3)};
    assert_int_equal(invoke(&inv, TARGET, TCBCopyRegisters, 1, general, fx_slot(SOURCE)), EXC_NONE);
    assert_int_equal(c->x[9], 0x1000 + 9);
    assert_int_equal(c->tpidr_el0, 0x1000 + TCB_REG_TPIDR);
}

UNIT_TEST(copy_registers_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t flags[1] = {BIT(2)};
    assert_rejected(invoke(&inv, TARGET, TCBCopyRegisters, 0, flags, fx_slot(SOURCE)), inv,
                    seL4_TruncatedMessage);
    assert_rejected(invoke(&inv, TARGET, TCBCopyRegisters, 1, flags, NULL), inv,
                    seL4_TruncatedMessage);
    assert_rejected(invoke(&inv, TARGET, TCBCopyRegisters, 1, flags, fx_slot(EP)), inv,
                    seL4_InvalidCapability);
    assert_int_equal(inv.error.invalid_cap, 1);
    assert_true(hw_console_has("TCB CopyRegisters: Invalid source TCB."));
}

// A TCB invocation of TARGET, with the state snapshot taken just before it.
static exception_t control(struct invocation *inv, word_t label, unsigned length, const word_t *mrs,
                           struct cte *extra0, struct cte *extra1, struct cte *extra2)
{
    *inv = fx_inv(fx_slot(TARGET), label, length, mrs, extra0, extra1);
    if (extra2) {
        inv->extra[2] = (struct extra_cap){.cap = extra2->cap, .slot = extra2};
        inv->extra_count = 3;
    }
    fx_snapshot();
    return decode_invocation(inv);
}

UNIT_TEST(set_priority_up_to_the_authority_mcp)
{
    struct invocation inv;
    const word_t p100[1] = {100};
    assert_int_equal(control(&inv, TCBSetPriority, 1, p100, fx_slot(AUTH), NULL, NULL), EXC_NONE);
    assert_int_equal(target()->priority, 100);
    assert_int_equal(fx.thread->state, TS_RESTART);
}

// SetPriority, SetMCPriority and SetSchedParams share their checks: the same rejections,
// in the same order, with each call's own words.
static const struct {
    word_t label;
    unsigned words;      // MCP and/or priority
    const char *cap_msg; // the userError line for a non-TCB authority
} sched_calls[] = {
    {TCBSetPriority, 1, "Set priority: authority cap not a TCB."},
    {TCBSetMCPriority, 1, "TCB SetMCPriority: authority cap not a TCB."},
    {TCBSetSchedParams, 2, "TCB SetSchedParams: authority cap not a TCB."},
};

UNIT_TEST(priority_rejections_in_seL4_order)
{
    for (unsigned i = 0; i < ARRAY_SIZE(sched_calls); i++) {
        word_t label = sched_calls[i].label;
        unsigned n = sched_calls[i].words;
        const word_t high[2] = {101, 101};
        struct invocation inv;
        // A word short, or no authority: TruncatedMessage.
        assert_rejected(control(&inv, label, n - 1, high, fx_slot(AUTH), NULL, NULL), inv,
                        seL4_TruncatedMessage);
        assert_rejected(control(&inv, label, n, high, NULL, NULL, NULL), inv,
                        seL4_TruncatedMessage);
        // The authority is not a TCB: InvalidCapability(1), before the values are checked.
        assert_rejected(control(&inv, label, n, high, fx_slot(EP), NULL, NULL), inv,
                        seL4_InvalidCapability);
        assert_int_equal(inv.error.invalid_cap, 1);
        assert_true(hw_console_has(sched_calls[i].cap_msg));
        // Above the authority's MCP: RangeError(0, 100).
        assert_rejected_range(control(&inv, label, n, high, fx_slot(AUTH), NULL, NULL), inv, 0,
                              100);
        assert_int_equal(target()->priority, 10);
        assert_int_equal(target()->mcp, 0);
    }
    assert_true(hw_console_has("TCB SetPriority: Requested priority 101 too high (max 100)."));
    assert_true(hw_console_has("Requested maximum controlled priority 101 too high (max 100)."));
}

UNIT_TEST(set_mc_priority_and_sched_params)
{
    struct invocation inv;
    const word_t m50[1] = {50};
    assert_int_equal(control(&inv, TCBSetMCPriority, 1, m50, fx_slot(AUTH), NULL, NULL), EXC_NONE);
    assert_int_equal(target()->mcp, 50);
    // SetSchedParams checks the MCP, then the priority.
    const word_t prio_high[2] = {60, 101}, both_high[2] = {101, 102}, ok[2] = {60, 70};
    assert_rejected(control(&inv, TCBSetSchedParams, 2, both_high, fx_slot(AUTH), NULL, NULL), inv,
                    seL4_RangeError);
    assert_true(hw_console_has("TCB SetSchedParams: Requested maximum controlled priority 101"));
    assert_rejected(control(&inv, TCBSetSchedParams, 2, prio_high, fx_slot(AUTH), NULL, NULL), inv,
                    seL4_RangeError);
    assert_true(hw_console_has("TCB SetSchedParams: Requested priority 101 too high (max 100)."));
    assert_int_equal(control(&inv, TCBSetSchedParams, 2, ok, fx_slot(AUTH), NULL, NULL), EXC_NONE);
    assert_int_equal(target()->mcp, 60);
    assert_int_equal(target()->priority, 70);
}

UNIT_TEST(set_ipc_buffer_installs_a_copy_of_the_frame)
{
    struct invocation inv;
    const word_t addr[1] = {0x10400};
    assert_int_equal(control(&inv, TCBSetIPCBuffer, 1, addr, fx_slot(FRAME), NULL, NULL), EXC_NONE);
    assert_int_equal(target()->ipc_buffer, 0x10400);
    cap_t installed = tcb_slot(target(), TCB_BUFFER)->cap;
    assert_int_equal(cap_type(installed), CAP_FRAME);
    assert_int_equal(cap_ptr(installed), cap_ptr(fx_slot(FRAME)->cap));
    // Address 0 removes the buffer.
    const word_t none[1] = {0};
    assert_int_equal(control(&inv, TCBSetIPCBuffer, 1, none, fx_slot(EP), NULL, NULL), EXC_NONE);
    assert_int_equal(target()->ipc_buffer, 0);
    assert_true(cap_is_null(tcb_slot(target(), TCB_BUFFER)->cap));
}

UNIT_TEST(set_ipc_buffer_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t addr[1] = {0x10400}, odd[1] = {0x10200};
    assert_rejected(control(&inv, TCBSetIPCBuffer, 0, addr, fx_slot(FRAME), NULL, NULL), inv,
                    seL4_TruncatedMessage);
    assert_rejected(control(&inv, TCBSetIPCBuffer, 1, addr, NULL, NULL, NULL), inv,
                    seL4_TruncatedMessage);
    // Not a frame: IllegalOperation, before the alignment is checked.
    assert_rejected(control(&inv, TCBSetIPCBuffer, 1, odd, fx_slot(EP), NULL, NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("IPC Buffer is an invalid cap."));
    // A device frame: IllegalOperation.
    fx_slot(30)->cap =
        cap_frame_new(cap_ptr(fx_slot(FRAME)->cap), FRAME_SMALL, VM_READ_WRITE, true);
    assert_rejected(control(&inv, TCBSetIPCBuffer, 1, addr, fx_slot(30), NULL, NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("Specifying a device frame as an IPC buffer is not permitted."));
    // Not 1 KiB aligned: AlignmentError.
    assert_rejected(control(&inv, TCBSetIPCBuffer, 1, odd, fx_slot(FRAME), NULL, NULL), inv,
                    seL4_AlignmentError);
    // An untyped with children cannot be derived: RevokeFirst.
    struct cte *ut = fx_untyped(31, 12, false);
    cdt_insert(ut->cap, ut, fx_slot(32));
    assert_rejected(control(&inv, TCBSetIPCBuffer, 1, addr, ut, NULL, NULL), inv, seL4_RevokeFirst);
    assert_true(hw_console_has("Cannot derive an untyped cap with children."));
}

UNIT_TEST(set_space_installs_both_roots)
{
    struct invocation inv;
    const word_t mrs[3] = {0x77, 0, 0};
    assert_int_equal(control(&inv, TCBSetSpace, 3, mrs, fx_slot(ROOT), fx_slot(VSPACE), NULL),
                     EXC_NONE);
    assert_int_equal(target()->fault_handler, 0x77);
    assert_int_equal(cap_type(tcb_slot(target(), TCB_CTABLE)->cap), CAP_CNODE);
    assert_int_equal(cap_type(tcb_slot(target(), TCB_VTABLE)->cap), CAP_VSPACE);
}

UNIT_TEST(set_space_rejections_in_seL4_order)
{
    struct invocation inv;
    const word_t mrs[3] = {0x77, 0, 0};
    assert_rejected(control(&inv, TCBSetSpace, 2, mrs, fx_slot(ROOT), fx_slot(VSPACE), NULL), inv,
                    seL4_TruncatedMessage);
    assert_rejected(control(&inv, TCBSetSpace, 3, mrs, fx_slot(ROOT), NULL, NULL), inv,
                    seL4_TruncatedMessage);
    // The CSpace root is not a CNode: IllegalOperation.
    assert_rejected(control(&inv, TCBSetSpace, 3, mrs, fx_slot(EP), fx_slot(VSPACE), NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB SetSpace: Invalid CNode cap."));
    // A guard that does not fit the CNode: the updated cap is null, IllegalOperation.
    const word_t bad_guard[3] = {0, 64 - FX_ROOT_BITS + 1, 0};
    assert_rejected(control(&inv, TCBSetSpace, 3, bad_guard, fx_slot(ROOT), fx_slot(VSPACE), NULL),
                    inv, seL4_IllegalOperation);
    // The VSpace root has no ASID: IllegalOperation.
    fx_slot(30)->cap = cap_vspace_new((pptr_t)phys_alloc(seL4_VSpaceBits), 0);
    assert_rejected(control(&inv, TCBSetSpace, 3, mrs, fx_slot(ROOT), fx_slot(30), NULL), inv,
                    seL4_IllegalOperation);
    assert_true(hw_console_has("TCB SetSpace: Invalid VSpace cap."));
}

UNIT_TEST(configure_checks_the_buffer_before_the_space)
{
    struct invocation inv;
    const word_t mrs[4] = {0x77, 0, 0, 0x10200};
    assert_rejected(
        control(&inv, TCBConfigure, 3, mrs, fx_slot(ROOT), fx_slot(VSPACE), fx_slot(FRAME)), inv,
        seL4_TruncatedMessage);
    assert_rejected(control(&inv, TCBConfigure, 4, mrs, fx_slot(ROOT), fx_slot(VSPACE), NULL), inv,
                    seL4_TruncatedMessage);
    // A misaligned buffer is reported although the CSpace root is wrong too.
    assert_rejected(
        control(&inv, TCBConfigure, 4, mrs, fx_slot(EP), fx_slot(VSPACE), fx_slot(FRAME)), inv,
        seL4_AlignmentError);
    const word_t good[4] = {0x77, 0, 0, 0x10400};
    assert_rejected(
        control(&inv, TCBConfigure, 4, good, fx_slot(EP), fx_slot(VSPACE), fx_slot(FRAME)), inv,
        seL4_IllegalOperation);
    assert_true(hw_console_has("TCB Configure: CSpace cap is invalid."));
    assert_rejected(
        control(&inv, TCBConfigure, 4, good, fx_slot(ROOT), fx_slot(EP), fx_slot(FRAME)), inv,
        seL4_IllegalOperation);
    assert_true(hw_console_has("TCB Configure: VSpace cap is invalid."));
    assert_int_equal(
        control(&inv, TCBConfigure, 4, good, fx_slot(ROOT), fx_slot(VSPACE), fx_slot(FRAME)),
        EXC_NONE);
    assert_int_equal(target()->fault_handler, 0x77);
    assert_int_equal(target()->ipc_buffer, 0x10400);
    assert_int_equal(cap_type(tcb_slot(target(), TCB_BUFFER)->cap), CAP_FRAME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(resume_then_suspend, setup),
        cmocka_unit_test_setup(bind_and_unbind_a_notification, setup),
        cmocka_unit_test_setup(bind_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(unbind_without_a_notification_is_illegal, setup),
        cmocka_unit_test_setup(set_tls_base, setup),
        cmocka_unit_test_setup(set_flags_replies_with_the_result, setup),
        cmocka_unit_test_setup(other_labels_are_illegal, setup),
        cmocka_unit_test_setup(read_registers_in_user_context_order, setup),
        cmocka_unit_test_setup(read_registers_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(write_registers_sanitises_spsr_and_moves_the_pc, setup),
        cmocka_unit_test_setup(write_registers_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(copy_registers_frame_and_general_halves, setup),
        cmocka_unit_test_setup(copy_registers_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(set_priority_up_to_the_authority_mcp, setup),
        cmocka_unit_test_setup(priority_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(set_mc_priority_and_sched_params, setup),
        cmocka_unit_test_setup(set_ipc_buffer_installs_a_copy_of_the_frame, setup),
        cmocka_unit_test_setup(set_ipc_buffer_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(set_space_installs_both_roots, setup),
        cmocka_unit_test_setup(set_space_rejections_in_seL4_order, setup),
        cmocka_unit_test_setup(configure_checks_the_buffer_before_the_space, setup),
    };
    return cmocka_run_group_tests_name("tcb", tests, NULL, NULL);
}
