// SPDX-License-Identifier: BSD-2-Clause
// The saved user context of a thread on AArch64 and the syscall register roles.
// Host-safe: plain structs and index arithmetic, no system registers.
#pragma once

#include "types.h"

/*
 * struct user_context, as vectors.S saves and restores it (offsets are ABI between
 * the C and assembly sides; see the _Static_asserts):
 *
 *   0x000  x0 ... x30        31 words
 *   0x0f8  sp_el0
 *   0x100  elr_el1           NextIP: where the thread resumes
 *   0x108  spsr_el1
 *   0x110  fault_ip          FaultIP: the svc or the faulting instruction
 *   0x118  tpidr_el0         saved on thread switch only
 *   0x120  tpidrro_el0
 */
struct user_context {
    word_t x[31];
    word_t sp;
    word_t elr;
    word_t spsr;
    word_t fault_ip;
    word_t tpidr_el0;
    word_t tpidrro_el0;
};

_Static_assert(__builtin_offsetof(struct user_context, sp) == 0xf8, "vectors.S layout");
_Static_assert(__builtin_offsetof(struct user_context, elr) == 0x100, "vectors.S layout");
_Static_assert(__builtin_offsetof(struct user_context, tpidr_el0) == 0x118, "vectors.S layout");

// FP/SIMD state: q0..q31 as 64 words, then FPSR and FPCR. Switched lazily.
struct fpu_state {
    word_t q[64];
    word_t fpsr;
    word_t fpcr;
};

// Register roles of the seL4 syscall ABI (docs/design/abi.md §2.2).
#define REG_CAP 0       // x0: invoked CPtr in, badge out
#define REG_MSGINFO 1   // x1: seL4_MessageInfo
#define REG_SYSCALL 7   // x7: syscall number
#define REG_REPLY 6     // MCS: x6, the Reply cap of a receive (NBSendWait: its destination)
#define REG_NB_SEND 8   // MCS: x8, NBSendRecv's destination
#define FAST_MSG_REGS 4 // MR0..MR3 travel in x2..x5

// SPSR for a thread entering EL0: EL0t, AArch64, FIQ masked (seL4 debug builds: 0x40).
#define SPSR_USER_DEFAULT 0x40u
#define SPSR_NZCV_MASK 0xf0000000u

static inline word_t ctx_get_mr(const struct user_context *ctx, unsigned i)
{
    return ctx->x[2 + i];
}

static inline void ctx_set_mr(struct user_context *ctx, unsigned i, word_t v)
{
    ctx->x[2 + i] = v;
}

/*
 * Registers by number (arch/aarch64/regs.c): x0..x30 are 0..30, then the words below.
 * These name fields of struct user_context, as seL4's register_t names its saved context.
 */
enum tcb_register {
    TCB_REG_X0 = 0,
    TCB_REG_SP = 31,  // SP_EL0
    TCB_REG_ELR = 32, // NextIP
    TCB_REG_SPSR = 33,
    TCB_REG_FAULT_IP = 34, // the restart PC
    TCB_REG_TPIDR = 35,
    TCB_REG_TPIDRRO = 36,
};

// Read register `reg` (enum tcb_register) of a saved context.
word_t ctx_get_register(const struct user_context *c, unsigned reg);
// Write register `reg` of a saved context; an SPSR value is sanitised first (EL0t with
// FIQ masked, only NZCV kept from v), as seL4 does for every user-supplied SPSR.
void ctx_set_register(struct user_context *c, unsigned reg, word_t v);
