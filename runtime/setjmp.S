// SPDX-License-Identifier: BSD-2-Clause
// cairn_setjmp / cairn_longjmp for AArch64. Only what the AAPCS64 says a callee must
// preserve is saved: x19-x28, the frame pointer x29, the link register x30, sp and the low
// halves of v8-v15 (d8-d15). Layout of cairn_jmp_buf, in 8-byte words:
//     0-9   x19..x28     10 x29     11 x30     12 sp     13-20 d8..d15

#include "asm_regs.S"

    .section .text.cairn_setjmp, "ax", %progbits
    .global cairn_setjmp
    .type cairn_setjmp, %function
cairn_setjmp:
    reg_pairs stp, x, 19, 30, x0, 0, 8
    mov     x2, sp
    str     x2, [x0, #96]
    reg_pairs stp, d, 8, 15, x0, 104, 8
    mov     w0, #0
    ret
    .size cairn_setjmp, . - cairn_setjmp

    .section .text.cairn_longjmp, "ax", %progbits
    .global cairn_longjmp
    .type cairn_longjmp, %function
cairn_longjmp:
    reg_pairs ldp, x, 19, 30, x0, 0, 8
    ldr     x2, [x0, #96]
    mov     sp, x2
    reg_pairs ldp, d, 8, 15, x0, 104, 8
    // setjmp must appear to return val, or 1 when val is 0.
    cmp     w1, #0
    csinc   w0, w1, wzr, ne
    ret
    .size cairn_longjmp, . - cairn_longjmp

    // No executable stack wanted (silences the linker's warning).
    .section .note.GNU-stack, "", %progbits
