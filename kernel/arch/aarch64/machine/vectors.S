// SPDX-License-Identifier: BSD-2-Clause
// Exception vectors and the user context save/restore. While a thread runs at EL0,
// SP_EL1 points at its struct user_context (object/tcb.h, arch/aarch64/regs.h), so an
// exception from EL0 saves registers straight into the TCB and then switches to the
// kernel stack. restore_user_context() is the only way back to EL0.

#include "asm_regs.S"

#define CTX_SP 0xf8
#define CTX_ELR 0x100

    .macro save_user_context
    reg_pairs stp, x, 0, 29, sp, 0, 8
    mrs x21, sp_el0
    stp x30, x21, [sp, #0xf0]
    mrs x22, elr_el1
    mrs x23, spsr_el1
    stp x22, x23, [sp, #0x100]
    adrp x19, kernel_stack_top
    add x19, x19, :lo12:kernel_stack_top
    mov sp, x19
    .endm

    // Kernel-mode exceptions are kernel bugs: report and halt.
    .macro kernel_trap kind
    .balign 0x80
    stp x29, x30, [sp, #-16]!
    mov x0, #\kind
    mrs x1, esr_el1
    mrs x2, elr_el1
    mrs x3, far_el1
    b c_handle_kernel_exception
    .endm

    .macro user_trap handler
    .balign 0x80
    save_user_context
    b \handler
    .endm

    // Synchronous from EL0. With the fastpath built in, x7 = seL4_SysCall (-1) or
    // seL4_SysReplyRecv (-2) goes on to check that this is an svc; x0..x7 are still live.
    .macro user_sync_trap
    .balign 0x80
    save_user_context
#if CONFIG_FASTPATH
    cmn x7, #1
    b.eq el0_svc_call
    cmn x7, #2
    b.eq el0_svc_reply_recv
#endif
    b c_handle_user_sync
    .endm

    .section .text
    .balign 2048
    .global arm_vectors
arm_vectors:
    kernel_trap 0   // current EL, SP_EL0: sync
    kernel_trap 1   //                     irq
    kernel_trap 2   //                     fiq
    kernel_trap 3   //                     serror
    kernel_trap 4   // current EL, SP_ELx: sync
    kernel_trap 5   //                     irq
    kernel_trap 6   //                     fiq
    kernel_trap 7   //                     serror
    user_sync_trap                     // lower EL, AArch64: sync
    user_trap c_handle_user_interrupt  //                    irq
    user_trap c_handle_user_interrupt  //                    fiq
    user_trap c_handle_user_serror     //                    serror
    user_trap c_handle_user_sync       // lower EL, AArch32 (not supported: user exception)
    user_trap c_handle_user_interrupt
    user_trap c_handle_user_interrupt
    user_trap c_handle_user_serror

#if CONFIG_FASTPATH
// The fastpath (api/fastpath.c) takes an svc with x0 = CPtr, x1 = MessageInfo; any other
// exception that happens to have x7 = -1 or -2 goes the usual way.
el0_svc_call:
    mrs x19, esr_el1
    lsr x19, x19, #26
    cmp x19, #0x15              // EC: SVC from AArch64
    b.ne c_handle_user_sync
    b fastpath_call
el0_svc_reply_recv:
    mrs x19, esr_el1
    lsr x19, x19, #26
    cmp x19, #0x15
    b.ne c_handle_user_sync
    b fastpath_reply_recv
#endif

// void restore_user_context(struct user_context *ctx) -- noreturn.
// Loads the thread's registers and returns to EL0, leaving SP_EL1 = ctx for the next entry.
    .global restore_user_context
restore_user_context:
    mov sp, x0
    ldp x22, x23, [sp, #0x100]
    msr elr_el1, x22
    msr spsr_el1, x23
    ldp x30, x21, [sp, #0xf0]
    msr sp_el0, x21
    reg_pairs ldp, x, 0, 29, sp, 0, 8
    eret

    .section .bss
    .balign 16
kernel_stack:
    .zero 16384
    .global kernel_stack_top
kernel_stack_top:
