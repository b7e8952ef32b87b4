// SPDX-License-Identifier: BSD-2-Clause
// AArch64 register context for TCB_ReadRegisters/WriteRegisters/CopyRegisters and the
// VSpace cap type. Pure header.
// The field order is ABI: the kernel transfers registers in exactly this order.
#pragma once

#include <sel4/simple_types.h>

typedef seL4_CPtr seL4_ARM_VSpace;

// 36 words. The first 17 are the "frame" registers (CopyRegisters transfer_frame),
// the next 17 the remaining integer registers, then the two thread-ID registers.
typedef struct seL4_UserContext_ {
    // Frame registers: what a thread needs to be restarted or to make a syscall.
    seL4_Word pc, sp, spsr, x0, x1, x2, x3, x4, x5, x6, x7, x8, x16, x17, x18, x29, x30;
    // The other integer registers.
    seL4_Word x9, x10, x11, x12, x13, x14, x15, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
    // Thread-ID registers; tpidrro_el0 is read-only at EL0, so this is the only way to set it.
    seL4_Word tpidr_el0, tpidrro_el0;
} seL4_UserContext;

SEL4_COMPILE_ASSERT(seL4_UserContext_is_36_words,
                    sizeof(seL4_UserContext) == 36 * sizeof(seL4_Word))

// Argument/result block of seL4_ARM_SMC_Call (only with CONFIG_ALLOW_SMC_CALLS).
typedef struct seL4_ARM_SMCContext_ {
    seL4_Word x0, x1, x2, x3, x4, x5, x6, x7;
} seL4_ARM_SMCContext;
