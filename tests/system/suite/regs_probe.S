// SPDX-License-Identifier: BSD-2-Clause
// regs_probe_run(in, out): every general, FP/SIMD and EL0 system register the kernel must
// preserve across a system call is loaded from a known pattern, one `svc #0` is made, and
// the registers are stored as they come back. Layout of struct regs_probe: regs_probe.h.
//
// After the svc no register can be trusted, so results are first stored relative to SP
// (which must survive) into this frame, and copied to `out` once our state is restored.
//
// Frame (FRAME bytes):
//     0..95    x19..x30 of the caller        96..159  d8..d15 of the caller
//   160        out pointer                  168      caller's TPIDR_EL0
//   176        caller's FPCR                184      caller's FPSR
//   192        SP before the svc            200      caller's x18
//   208..1023  the result (struct regs_probe, 816 bytes)

    .equ FRAME, 1024
    .equ RES, 208
    .equ X, 512             // offset of x[] in struct regs_probe
    .equ NWORDS, 102        // sizeof(struct regs_probe) / 8

    .section .text.regs_probe_run, "ax", %progbits
    .global regs_probe_run
    .type regs_probe_run, %function
regs_probe_run:
    sub     sp, sp, #FRAME
    stp     x19, x20, [sp, #0]
    stp     x21, x22, [sp, #16]
    stp     x23, x24, [sp, #32]
    stp     x25, x26, [sp, #48]
    stp     x27, x28, [sp, #64]
    stp     x29, x30, [sp, #80]
    stp     d8, d9, [sp, #96]
    stp     d10, d11, [sp, #112]
    stp     d12, d13, [sp, #128]
    stp     d14, d15, [sp, #144]
    str     x1, [sp, #160]
    mrs     x9, tpidr_el0
    str     x9, [sp, #168]
    mrs     x9, fpcr
    str     x9, [sp, #176]
    mrs     x9, fpsr
    str     x9, [sp, #184]
    mov     x9, sp
    str     x9, [sp, #192]
    str     x18, [sp, #200]

    // FP/SIMD registers v0..v31, full 128 bits.
    ldp     q0, q1, [x0, #0]
    ldp     q2, q3, [x0, #32]
    ldp     q4, q5, [x0, #64]
    ldp     q6, q7, [x0, #96]
    ldp     q8, q9, [x0, #128]
    ldp     q10, q11, [x0, #160]
    ldp     q12, q13, [x0, #192]
    ldp     q14, q15, [x0, #224]
    ldp     q16, q17, [x0, #256]
    ldp     q18, q19, [x0, #288]
    ldp     q20, q21, [x0, #320]
    ldp     q22, q23, [x0, #352]
    ldp     q24, q25, [x0, #384]
    ldp     q26, q27, [x0, #416]
    ldp     q28, q29, [x0, #448]
    ldp     q30, q31, [x0, #480]

    // System registers, then the general registers, x0 (the base) last.
    add     x0, x0, #X
    ldr     x9, [x0, #248]
    msr     tpidr_el0, x9
    ldr     x9, [x0, #264]
    msr     nzcv, x9
    ldr     x9, [x0, #272]
    msr     fpcr, x9
    ldr     x9, [x0, #280]
    msr     fpsr, x9
    ldp     x1, x2, [x0, #8]
    ldp     x3, x4, [x0, #24]
    ldp     x5, x6, [x0, #40]
    ldp     x7, x8, [x0, #56]
    ldp     x9, x10, [x0, #72]
    ldp     x11, x12, [x0, #88]
    ldp     x13, x14, [x0, #104]
    ldp     x15, x16, [x0, #120]
    ldp     x17, x18, [x0, #136]
    ldp     x19, x20, [x0, #152]
    ldp     x21, x22, [x0, #168]
    ldp     x23, x24, [x0, #184]
    ldp     x25, x26, [x0, #200]
    ldp     x27, x28, [x0, #216]
    ldp     x29, x30, [x0, #232]
    ldr     x0, [x0, #0]

    svc     #0

    str     x0, [sp, #RES + X + 0]
    str     x1, [sp, #RES + X + 8]
    str     x2, [sp, #RES + X + 16]
    str     x3, [sp, #RES + X + 24]
    str     x4, [sp, #RES + X + 32]
    str     x5, [sp, #RES + X + 40]
    str     x6, [sp, #RES + X + 48]
    str     x7, [sp, #RES + X + 56]
    str     x8, [sp, #RES + X + 64]
    str     x9, [sp, #RES + X + 72]
    str     x10, [sp, #RES + X + 80]
    str     x11, [sp, #RES + X + 88]
    str     x12, [sp, #RES + X + 96]
    str     x13, [sp, #RES + X + 104]
    str     x14, [sp, #RES + X + 112]
    str     x15, [sp, #RES + X + 120]
    str     x16, [sp, #RES + X + 128]
    str     x17, [sp, #RES + X + 136]
    str     x18, [sp, #RES + X + 144]
    str     x19, [sp, #RES + X + 152]
    str     x20, [sp, #RES + X + 160]
    str     x21, [sp, #RES + X + 168]
    str     x22, [sp, #RES + X + 176]
    str     x23, [sp, #RES + X + 184]
    str     x24, [sp, #RES + X + 192]
    str     x25, [sp, #RES + X + 200]
    str     x26, [sp, #RES + X + 208]
    str     x27, [sp, #RES + X + 216]
    str     x28, [sp, #RES + X + 224]
    str     x29, [sp, #RES + X + 232]
    str     x30, [sp, #RES + X + 240]
    // nzcv first: nothing below may set flags before it is read.
    mrs     x9, nzcv
    str     x9, [sp, #RES + X + 264]
    mrs     x9, tpidr_el0
    str     x9, [sp, #RES + X + 248]
    mrs     x9, tpidrro_el0
    str     x9, [sp, #RES + X + 256]
    mrs     x9, fpcr
    str     x9, [sp, #RES + X + 272]
    mrs     x9, fpsr
    str     x9, [sp, #RES + X + 280]
    mov     x9, sp
    ldr     x10, [sp, #192]
    sub     x9, x9, x10
    str     x9, [sp, #RES + X + 288]
    str     q0, [sp, #RES + 0]
    str     q1, [sp, #RES + 16]
    str     q2, [sp, #RES + 32]
    str     q3, [sp, #RES + 48]
    str     q4, [sp, #RES + 64]
    str     q5, [sp, #RES + 80]
    str     q6, [sp, #RES + 96]
    str     q7, [sp, #RES + 112]
    str     q8, [sp, #RES + 128]
    str     q9, [sp, #RES + 144]
    str     q10, [sp, #RES + 160]
    str     q11, [sp, #RES + 176]
    str     q12, [sp, #RES + 192]
    str     q13, [sp, #RES + 208]
    str     q14, [sp, #RES + 224]
    str     q15, [sp, #RES + 240]
    str     q16, [sp, #RES + 256]
    str     q17, [sp, #RES + 272]
    str     q18, [sp, #RES + 288]
    str     q19, [sp, #RES + 304]
    str     q20, [sp, #RES + 320]
    str     q21, [sp, #RES + 336]
    str     q22, [sp, #RES + 352]
    str     q23, [sp, #RES + 368]
    str     q24, [sp, #RES + 384]
    str     q25, [sp, #RES + 400]
    str     q26, [sp, #RES + 416]
    str     q27, [sp, #RES + 432]
    str     q28, [sp, #RES + 448]
    str     q29, [sp, #RES + 464]
    str     q30, [sp, #RES + 480]
    str     q31, [sp, #RES + 496]

    // Restore the caller's EL0 state, then copy the result out.
    ldr     x9, [sp, #168]
    msr     tpidr_el0, x9
    ldr     x9, [sp, #176]
    msr     fpcr, x9
    ldr     x9, [sp, #184]
    msr     fpsr, x9
    ldr     x18, [sp, #200]
    ldr     x1, [sp, #160]
    add     x2, sp, #RES
    mov     x3, #NWORDS
1:  ldr     x4, [x2], #8
    str     x4, [x1], #8
    subs    x3, x3, #1
    b.ne    1b

    ldp     x19, x20, [sp, #0]
    ldp     x21, x22, [sp, #16]
    ldp     x23, x24, [sp, #32]
    ldp     x25, x26, [sp, #48]
    ldp     x27, x28, [sp, #64]
    ldp     x29, x30, [sp, #80]
    ldp     d8, d9, [sp, #96]
    ldp     d10, d11, [sp, #112]
    ldp     d12, d13, [sp, #128]
    ldp     d14, d15, [sp, #144]
    add     sp, sp, #FRAME
    ret
    .size regs_probe_run, . - regs_probe_run

    .section .note.GNU-stack, "", %progbits
