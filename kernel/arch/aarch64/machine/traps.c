// SPDX-License-Identifier: BSD-2-Clause
// The C side of the exception vectors: classify what EL0 did (syscall, VM fault, other
// exception) and hand it to the generic api/ handlers; kernel-mode exceptions are bugs.
#include "api/syscall.h"
#include "api/faults.h"
#include "api/interrupt.h"
#include "arch/aarch64/esr.h"
#include "assert.h"
#include "lib/printf.h"
#include "sched/sched.h"
#include "state.h"
#include "sysreg.h"

NORETURN void c_handle_user_sync(void);
NORETURN void c_handle_user_interrupt(void);
NORETURN void c_handle_user_serror(void);
NORETURN void c_handle_kernel_exception(word_t kind, word_t esr, word_t elr, word_t far);

void c_handle_user_sync(void)
{
    word_t esr = read_esr();
    struct user_context *ctx = &ks_cur_thread->ctx;
    if (likely(esr_ec(esr) == ESR_EC_SVC64)) { // the common case first
        ctx->fault_ip = ctx->elr - 4;
        handle_syscall(ctx->x[REG_SYSCALL]);
        kernel_exit();
    }
    switch (esr_ec(esr)) {
    case ESR_EC_DABT_LOWER:
        ctx->fault_ip = ctx->elr;
        handle_vm_fault(false, read_far(), esr);
        break;
    case ESR_EC_IABT_LOWER:
        ctx->fault_ip = ctx->elr;
        handle_vm_fault(true, ctx->elr, esr);
        break;
    case ESR_EC_FP_ACCESS:
        // Lazy FPU switch (sched.h): the thread re-executes the instruction as owner.
        if (sched_fpu_trap(ks_cur_thread)) {
            break;
        }
        ctx->fault_ip = ctx->elr;
        handle_user_exception(esr);
        break;
    default:
        ctx->fault_ip = ctx->elr;
        handle_user_exception(esr);
        break;
    }
    kernel_exit();
}

void c_handle_user_interrupt(void)
{
    // As seL4 does on every entry from EL0: the interrupted instruction is the restart PC.
    ks_cur_thread->ctx.fault_ip = ks_cur_thread->ctx.elr;
    handle_interrupt();
    kernel_exit();
}

void c_handle_user_serror(void)
{
    panic("SError from user space (esr %p)", (void *)read_esr());
}

void c_handle_kernel_exception(word_t kind, word_t esr, word_t elr, word_t far)
{
    panic("kernel exception %lu: esr %p elr %p far %p", kind, (void *)esr, (void *)elr,
          (void *)far);
}
