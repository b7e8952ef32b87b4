// SPDX-License-Identifier: BSD-2-Clause
// A thread's registers: the seL4_UserContext order and the three register invocations
// TCB_ReadRegisters, TCB_WriteRegisters and TCB_CopyRegisters (seL4 tcb.c
// decode/invokeTCB_*Registers). The other TCB invocations are in tcb.c.
#include "object/tcb.h"

#include "assert.h"
#include "util.h"
#include "state.h"
#include "msg/invocation.h"
#include "sched/sched.h"
#include "arch/api.h"

// clang-format off
const uint8_t tcb_user_context_order[TCB_USER_CONTEXT_WORDS] = {
    // frame registers
    TCB_REG_FAULT_IP, TCB_REG_SP, TCB_REG_SPSR, 0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 29, 30,
    // general registers
    9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, TCB_REG_TPIDR,
    TCB_REG_TPIDRRO,
};
// clang-format on

// ---- ReadRegisters, WriteRegisters, CopyRegisters ---------------------------------------------

static exception_t invoke_tcb_read_registers(struct invocation *inv, struct tcb *src, bool suspend,
                                             word_t n)
{
    if (suspend) {
        tcb_suspend(src);
    }
    if (inv->is_call) {
        // MRi = register i of seL4_UserContext; without a buffer only MR0..3 arrive.
        word_t *buffer = lookup_ipc_buffer(inv->thread, true);
        for (unsigned i = 0; i < n; i++) {
            inv_set_reply_mr(inv, buffer, i,
                             ctx_get_register(&src->ctx, tcb_user_context_order[i]));
        }
    }
    return EXC_NONE;
}

static exception_t invoke_tcb_write_registers(struct invocation *inv, struct tcb *dest, bool resume,
                                              word_t n)
{
    n = MIN(n, (word_t)TCB_USER_CONTEXT_WORDS);
    for (unsigned i = 0; i < n; i++) {
        ctx_set_register(&dest->ctx, tcb_user_context_order[i], inv_mr(inv, 2 + i));
    }
    // The thread continues at the (new) restart PC.
    dest->ctx.elr = dest->ctx.fault_ip;
    if (resume) {
        tcb_resume(dest);
    }
    return EXC_NONE;
}

// Read and Write decode alike (seL4's order): MR0 flags, MR1 a count, fewer than 2 MRs:
// TruncatedMessage; then the count (Read: outside [1, 36]: RangeError(1, 36); Write: more
// than the register values sent: TruncatedMessage); never the caller's own registers:
// IllegalOperation.
static exception_t decode_tcb_transfer_registers(struct invocation *inv, struct tcb *target,
                                                 bool write)
{
    const char *op = write ? "TCB WriteRegisters" : "TCB ReadRegisters";
    if (inv->length < 2) {
        USER_ERROR(inv->thread, "%s: Truncated message.", op);
        return error_truncated_message(inv);
    }
    word_t flags = inv_mr(inv, 0), n = inv_mr(inv, 1);

    if (!write && (n < 1 || n > TCB_USER_CONTEXT_WORDS)) {
        USER_ERROR(inv->thread,
                   "TCB ReadRegisters: Attempted to read an invalid number of registers (%d).",
                   (int)n);
        return error_range(inv, 1, TCB_USER_CONTEXT_WORDS);
    }
    if (write && inv->length - 2 < n) {
        USER_ERROR(inv->thread,
                   "TCB WriteRegisters: Message too short for requested write size (%d/%d).",
                   (int)(inv->length - 2), (int)n);
        return error_truncated_message(inv);
    }

    if (target == inv->thread) {
        USER_ERROR(inv->thread, "%s: Attempted to %s our own registers.", op,
                   write ? "write" : "read");
        return error_illegal_operation(inv);
    }

    thread_set_state(inv->thread, TS_RESTART);
    return write ? invoke_tcb_write_registers(inv, target, flags & BIT(0), n)
                 : invoke_tcb_read_registers(inv, target, flags & BIT(0), n);
}

exception_t decode_tcb_read_registers(struct invocation *inv, struct tcb *target)
{
    return decode_tcb_transfer_registers(inv, target, false);
}

exception_t decode_tcb_write_registers(struct invocation *inv, struct tcb *target)
{
    return decode_tcb_transfer_registers(inv, target, true);
}

static exception_t invoke_tcb_copy_registers(struct tcb *dest, struct tcb *src, word_t flags)
{
    if (flags & BIT(0)) {
        tcb_suspend(src);
    }
    if (flags & BIT(1)) {
        tcb_resume(dest);
    }
    if (src == ks_cur_thread) {
        arch_tls_save(&src->ctx); // its thread-ID registers are live in the CPU
    }
    if (flags & BIT(2)) {
        for (unsigned i = 0; i < TCB_FRAME_REGISTERS; i++) {
            unsigned reg = tcb_user_context_order[i];
            ctx_set_register(&dest->ctx, reg, ctx_get_register(&src->ctx, reg));
        }
        dest->ctx.elr = dest->ctx.fault_ip;
    }
    if (flags & BIT(3)) {
        for (unsigned i = TCB_FRAME_REGISTERS; i < TCB_USER_CONTEXT_WORDS; i++) {
            unsigned reg = tcb_user_context_order[i];
            ctx_set_register(&dest->ctx, reg, ctx_get_register(&src->ctx, reg));
        }
    }
    if (dest == ks_cur_thread) {
        arch_tls_load(&dest->ctx);
        sched_reschedule_required();
    }
    return EXC_NONE;
}

exception_t decode_tcb_copy_registers(struct invocation *inv, struct tcb *target)
{
    // No flags word or no source cap: TruncatedMessage.
    if (inv->length < 1 || inv->extra_count < 1) {
        USER_ERROR(inv->thread, "TCB CopyRegisters: Truncated message.");
        return error_truncated_message(inv);
    }
    word_t flags = inv_mr(inv, 0);

    // Source is not a TCB cap: InvalidCapability(1).
    cap_t src_cap = inv->extra[0].cap;
    if (cap_type(src_cap) != CAP_THREAD) {
        USER_ERROR(inv->thread, "TCB CopyRegisters: Invalid source TCB.");
        return error_invalid_capability(inv, 1);
    }

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_tcb_copy_registers(target, tcb_from_pptr(cap_ptr(src_cap)), flags);
}
