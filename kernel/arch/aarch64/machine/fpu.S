// SPDX-License-Identifier: BSD-2-Clause
// FP/SIMD register save and load. The kernel itself is built without FP/SIMD, so user
// FP state stays live in the registers until another thread needs them (lazy switch).

#include "asm_regs.S"

// void fpu_save(struct fpu_state *s)
    .global fpu_save
fpu_save:
    reg_pairs stp, q, 0, 31, x0, 0, 16
    mrs x1, fpsr
    mrs x2, fpcr
    add x0, x0, #0x200
    stp x1, x2, [x0]
    ret

// void fpu_load(const struct fpu_state *s)
    .global fpu_load
fpu_load:
    reg_pairs ldp, q, 0, 31, x0, 0, 16
    add x0, x0, #0x200
    ldp x1, x2, [x0]
    msr fpsr, x1
    msr fpcr, x2
    ret
