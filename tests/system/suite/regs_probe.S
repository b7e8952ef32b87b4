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

#include "asm_regs.S"

    .equ FRAME, 1024
    .equ RES, 208
    .equ X, 512             // offset of x[] in struct regs_probe
    .equ NWORDS, 102        // sizeof(struct regs_probe) / 8

    // A system register to or from memory at [\base, #\off], through x9.
    .macro sysreg_save reg, base, off
    mrs     x9, \reg
    str     x9, [\base, #\off]
    .endm

    .macro sysreg_load reg, base, off
    ldr     x9, [\base, #\off]
    msr     \reg, x9
    .endm

    .section .text.regs_probe_run, "ax", %progbits
    .global regs_probe_run
    .type regs_probe_run, %function
regs_probe_run:
    sub     sp, sp, #FRAME
    reg_pairs stp, x, 19, 30, sp, 0, 8
    reg_pairs stp, d, 8, 15, sp, 96, 8
    str     x1, [sp, #160]
    sysreg_save tpidr_el0, sp, 168
    sysreg_save fpcr, sp, 176
    sysreg_save fpsr, sp, 184
    mov     x9, sp
    str     x9, [sp, #192]
    str     x18, [sp, #200]

    // FP/SIMD registers v0..v31, full 128 bits.
    reg_pairs ldp, q, 0, 31, x0, 0, 16

    // System registers, then the general registers, x0 (the base) last.
    add     x0, x0, #X
    sysreg_load tpidr_el0, x0, 248
    sysreg_load nzcv, x0, 264
    sysreg_load fpcr, x0, 272
    sysreg_load fpsr, x0, 280
    reg_pairs ldp, x, 1, 30, x0, 8, 8
    ldr     x0, [x0, #0]

    svc     #0

    reg_each str, x, 0, 30, sp, RES + X, 8
    // nzcv first: nothing below may set flags before it is read.
    sysreg_save nzcv, sp, RES + X + 264
    sysreg_save tpidr_el0, sp, RES + X + 248
    sysreg_save tpidrro_el0, sp, RES + X + 256
    sysreg_save fpcr, sp, RES + X + 272
    sysreg_save fpsr, sp, RES + X + 280
    mov     x9, sp
    ldr     x10, [sp, #192]
    sub     x9, x9, x10
    str     x9, [sp, #RES + X + 288]
    reg_each str, q, 0, 31, sp, RES, 16

    // Restore the caller's EL0 state, then copy the result out.
    sysreg_load tpidr_el0, sp, 168
    sysreg_load fpcr, sp, 176
    sysreg_load fpsr, sp, 184
    ldr     x18, [sp, #200]
    ldr     x1, [sp, #160]
    add     x2, sp, #RES
    mov     x3, #NWORDS
1:  ldr     x4, [x2], #8
    str     x4, [x1], #8
    subs    x3, x3, #1
    b.ne    1b

    reg_pairs ldp, x, 19, 30, sp, 0, 8
    reg_pairs ldp, d, 8, 15, sp, 96, 8
    add     sp, sp, #FRAME
    ret
    .size regs_probe_run, . - regs_probe_run

    .section .note.GNU-stack, "", %progbits
