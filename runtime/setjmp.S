// SPDX-License-Identifier: BSD-2-Clause
// cairn_setjmp / cairn_longjmp for AArch64. Only what the AAPCS64 says a callee must
// preserve is saved: x19-x28, the frame pointer x29, the link register x30, sp and the low
// halves of v8-v15 (d8-d15). Layout of cairn_jmp_buf, in 8-byte words:
//     0-9   x19..x28     10 x29     11 x30     12 sp     13-20 d8..d15

    .section .text.cairn_setjmp, "ax", %progbits
    .global cairn_setjmp
    .type cairn_setjmp, %function
cairn_setjmp:
    stp     x19, x20, [x0, #0]
    stp     x21, x22, [x0, #16]
    stp     x23, x24, [x0, #32]
    stp     x25, x26, [x0, #48]
    stp     x27, x28, [x0, #64]
    stp     x29, x30, [x0, #80]
    mov     x2, sp
    str     x2, [x0, #96]
    stp     d8, d9, [x0, #104]
    stp     d10, d11, [x0, #120]
    stp     d12, d13, [x0, #136]
    stp     d14, d15, [x0, #152]
    mov     w0, #0
    ret
    .size cairn_setjmp, . - cairn_setjmp

    .section .text.cairn_longjmp, "ax", %progbits
    .global cairn_longjmp
    .type cairn_longjmp, %function
cairn_longjmp:
    ldp     x19, x20, [x0, #0]
    ldp     x21, x22, [x0, #16]
    ldp     x23, x24, [x0, #32]
    ldp     x25, x26, [x0, #48]
    ldp     x27, x28, [x0, #64]
    ldp     x29, x30, [x0, #80]
    ldr     x2, [x0, #96]
    mov     sp, x2
    ldp     d8, d9, [x0, #104]
    ldp     d10, d11, [x0, #120]
    ldp     d12, d13, [x0, #136]
    ldp     d14, d15, [x0, #152]
    // setjmp must appear to return val, or 1 when val is 0.
    cmp     w1, #0
    csinc   w0, w1, wzr, ne
    ret
    .size cairn_longjmp, . - cairn_longjmp

    // No executable stack wanted (silences the linker's warning).
    .section .note.GNU-stack, "", %progbits
