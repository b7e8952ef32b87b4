// SPDX-License-Identifier: BSD-2-Clause
// The GICv2 interrupt controller of QEMU virt: distributor set-up at boot, and the
// acknowledge / end-of-interrupt / mask / unmask hooks of arch/api.h. Both register
// blocks are reached through the kernel's device window (paddr_to_pptr).
#include "arch/api.h"

#include "plat/qemu-virt/platform.h"
#include "sysreg.h"
#include "util.h"

/*
 * Distributor (GIC_DIST_PADDR), one bit / byte / two bits per interrupt line:
 *   0x000 CTLR        bit 0: forward interrupts to the CPU interfaces
 *   0x004 TYPER       bits 4:0: (number of lines / 32) - 1
 *   0x100 ISENABLER   write 1: unmask       0x180 ICENABLER  write 1: mask
 *   0x280 ICPENDR     write 1: clear pending 0x380 ICACTIVER write 1: clear active
 *   0x400 IPRIORITYR  one byte per line (0 = highest)
 *   0x800 ITARGETSR   one byte per line: CPU bit mask (SPIs only; SGIs/PPIs read-only)
 *   0xc00 ICFGR       two bits per line: 0b00 level, 0b10 edge
 *
 * CPU interface (GIC_CPU_PADDR):
 *   0x00 CTLR  bit 0: signal interrupts to the core   0x04 PMR  priority mask
 *   0x0c IAR   read: acknowledge, INTID in bits 9:0    0x10 EOIR write: end of interrupt
 *   0x18 HPPIR highest-priority pending interrupt, without acknowledging it
 */
#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_ISENABLER 0x100
#define GICD_ICENABLER 0x180
#define GICD_ICPENDR 0x280
#define GICD_ICACTIVER 0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GICC_HPPIR 0x18

#define INTID_MASK 0x3ffu
#define INTID_FIRST_SPECIAL 1020u // 1020..1023: no interrupt (1023 = spurious)
#define FIRST_SPI 32u

static volatile uint32_t *dist(word_t off)
{
    return (volatile uint32_t *)(paddr_to_pptr(GIC_DIST_PADDR) + off);
}

static volatile uint32_t *cpu(word_t off)
{
    return (volatile uint32_t *)(paddr_to_pptr(GIC_CPU_PADDR) + off);
}

void arch_irq_init(void)
{
    *dist(GICD_CTLR) = 0;
    word_t lines = 32 * ((*dist(GICD_TYPER) & 0x1f) + 1);

    // Every line masked, not pending, not active (SGIs and PPIs included: this core's bank).
    for (word_t i = 0; i < lines; i += 32) {
        *dist(GICD_ICENABLER + i / 8) = 0xffffffffu;
        *dist(GICD_ICPENDR + i / 8) = 0xffffffffu;
        *dist(GICD_ICACTIVER + i / 8) = 0xffffffffu;
    }
    // All lines at the highest priority (one level: no nesting), SPIs to CPU 0,
    // level-triggered.
    for (word_t i = 0; i < lines; i += 4) {
        *dist(GICD_IPRIORITYR + i) = 0;
    }
    for (word_t i = FIRST_SPI; i < lines; i += 4) {
        *dist(GICD_ITARGETSR + i) = 0x01010101u;
    }
    for (word_t i = FIRST_SPI; i < lines; i += 16) {
        *dist(GICD_ICFGR + i / 4) = 0;
    }
    *dist(GICD_CTLR) = 1;

    *cpu(GICC_PMR) = 0xff; // let every priority through
    *cpu(GICC_CTLR) = 1;
    DSB(sy);
}

word_t arch_irq_get_active(void)
{
    uint32_t iar = *cpu(GICC_IAR);
    word_t irq = iar & INTID_MASK;
    return irq >= INTID_FIRST_SPECIAL ? ARCH_IRQ_NONE : irq;
}

void arch_irq_ack(word_t irq)
{
    *cpu(GICC_EOIR) = (uint32_t)irq;
}

void arch_irq_mask(word_t irq)
{
    *dist(GICD_ICENABLER + (irq / 32) * 4) = (uint32_t)BIT(irq % 32);
    DSB(sy);
}

void arch_irq_unmask(word_t irq)
{
    *dist(GICD_ISENABLER + (irq / 32) * 4) = (uint32_t)BIT(irq % 32);
}

void arch_irq_set_trigger(word_t irq, bool edge)
{
    // GICD_ICFGR: two bits per line, 16 lines per register; the upper bit set = edge.
    volatile uint32_t *cfg = dist(GICD_ICFGR + (irq / 16) * 4);
    uint32_t bit = (uint32_t)BIT((irq % 16) * 2 + 1);
    *cfg = edge ? (*cfg | bit) : (*cfg & ~bit);
}

bool arch_irq_pending(void)
{
    return (*cpu(GICC_HPPIR) & INTID_MASK) < INTID_FIRST_SPECIAL;
}
