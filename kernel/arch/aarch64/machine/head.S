// SPDX-License-Identifier: BSD-2-Clause
// Kernel entry: leave EL2 if QEMU started us there, build the boot page tables (one
// level-1 table reached from both TTBR0 (identity) and TTBR1 (the upper-half window)),
// turn the MMU on, jump to the upper half and call boot_kernel(). Runs at the physical
// load address until the MMU is on, so only PC-relative addressing is used before that.

// Block descriptors for the boot level-1 table (1 GiB each):
//   device: Device-nGnRnE (AttrIndx 0), EL1 RW, AF, PXN+UXN
//   normal: Normal WB (AttrIndx 4), inner shareable, EL1 RW, AF, UXN
#define L1_DEVICE 0x0060000000000401
#define L1_NORMAL 0x0040000000000711
#define TABLE_DESC 0x3

#define MAIR_VALUE 0x0000aaff440c0400 // attr0 nGnRnE, 1 nGnRE, 2 GRE, 3 NC, 4 WB, 5 WT
// T0SZ=T1SZ=16 (48-bit), 4 KiB granules, WB-WA inner shareable walks, IPS 40-bit, 16-bit ASIDs
#define TCR_VALUE 0x00000012b5103510
// RES1 bits + M, C, SA, I, DZE, UCT, nTWI, nTWE, UCI (EL0 may use cache ops and DC ZVA)
#define SCTLR_VALUE 0x0000000034d5d80d

    .section .text.boot, "ax"
    .global _start
_start:
    msr daifset, #0xf
    mrs x9, CurrentEL
    lsr x9, x9, #2
    adrp x10, boot_el_phys
    add x10, x10, :lo12:boot_el_phys
    str x9, [x10]
    cmp x9, #2
    b.ne at_el1

    // EL2 -> EL1: AArch64 EL1, no stage 2, EL1 may use the physical timer and counter.
    mov x9, #(1 << 31)
    msr hcr_el2, x9
    mov x9, #3
    msr cnthctl_el2, x9
    msr cntvoff_el2, xzr
    msr vttbr_el2, xzr
    mov x9, #0x33ff
    msr cptr_el2, x9            // no FP/SIMD traps to EL2
    mov x9, #0x3c5              // EL1h, DAIF masked
    msr spsr_el2, x9
    adr x9, at_el1
    msr elr_el2, x9
    eret

at_el1:
    // Boot page tables: L0[0] and L0[511] both point at one L1 table; L1[0] maps the
    // device window, L1[1..3] map RAM (up to 3 GiB).
    adrp x0, boot_l0
    adrp x1, boot_l1
    orr x2, x1, #TABLE_DESC
    str x2, [x0]
    str x2, [x0, #(511 * 8)]
    ldr x2, =L1_DEVICE
    str x2, [x1]
    ldr x2, =L1_NORMAL
    mov x3, #1
1:  lsl x4, x3, #30
    orr x4, x4, x2
    str x4, [x1, x3, lsl #3]
    add x3, x3, #1
    cmp x3, #4
    b.ne 1b
    dsb sy

    ldr x2, =MAIR_VALUE
    msr mair_el1, x2
    ldr x2, =TCR_VALUE
    msr tcr_el1, x2
    msr ttbr0_el1, x0
    msr ttbr1_el1, x0
    isb
    tlbi vmalle1
    dsb nsh
    isb
    ldr x2, =SCTLR_VALUE
    msr sctlr_el1, x2
    isb
    ldr x2, =upper_half
    br x2

upper_half:
    ldr x2, =kernel_stack_top
    mov sp, x2
    mov x2, #(3 << 20)          // CPACR_EL1.FPEN: FP/SIMD for EL0 and EL1 (asm only)
    msr cpacr_el1, x2
    ldr x2, =arm_vectors
    msr vbar_el1, x2
    isb
    // Zero .bss (QEMU zero-fills it too, but a kernel should not rely on its loader).
    ldr x2, =_bss_start
    ldr x3, =_bss_end
2:  cmp x2, x3
    b.hs 3f
    stp xzr, xzr, [x2], #16
    b 2b
3:  ldr x3, =boot_el_phys       // the exception level QEMU entered us at
    ldr x0, [x3]
    bl boot_kernel
4:  wfi
    b 4b
    .ltorg

    .section .data.boot_pt, "aw"
    .balign 4096
    .global boot_l0
boot_l0:
    .zero 4096
boot_l1:
    .zero 4096
    .global boot_el_phys
boot_el_phys:
    .quad 0
