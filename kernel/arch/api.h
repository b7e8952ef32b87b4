// SPDX-License-Identifier: BSD-2-Clause
// THE contract between generic kernel code and the architecture/platform. Generic code
// includes no other arch header (regs.h and pte.h are host-safe value types). Each hook
// is implemented by arch/aarch64/machine/ on the target and by tests/unit/fake/ on the host.
#pragma once

#include "types.h"
#include "arch/aarch64/regs.h"

// ---- the physical window ----------------------------------------------------------------
// All RAM is mapped in the kernel's half at a fixed offset. pptr_to_paddr(p) for any
// pointer into an object; paddr_to_pptr(pa) for any pa in RAM (and the device window).
// On the target they are one addition, inlined on every path; host tests map them onto a
// malloc'd arena (tests/unit/fake/phys.c).
#ifdef CAIRN_HOST_TEST
pptr_t paddr_to_pptr(paddr_t pa);
paddr_t pptr_to_paddr(pptr_t p);
#else
#include "plat/qemu-virt/platform.h"
static inline pptr_t paddr_to_pptr(paddr_t pa)
{
    return pa + PPTR_OFFSET;
}
static inline paddr_t pptr_to_paddr(pptr_t p)
{
    return p - PPTR_OFFSET;
}
#endif

// Zero [start, start + bytes) of RAM through the window: start and bytes are multiples of
// 64. The hot case of Retype and table removal: the target uses DC ZVA for small ranges and
// plain stores for big ones (cheaper under QEMU).
void arch_zero_range(pptr_t start, word_t bytes);

// ---- console ----------------------------------------------------------------------------
// Write one byte to the kernel console; "\n" is sent as CR LF.
void arch_putchar(char c);

// ---- MMU: address-space switch, TLB and cache maintenance ----------------------------------
// Make the translation table at physical address `root` with `asid` the current user
// address space (TTBR0). root 0 means "no user address space" (all user accesses fault).
// (Inline on the target, with the thread hooks below: arch/aarch64/machine/switch.h.)
#ifdef CAIRN_HOST_TEST
void arch_set_vspace(paddr_t root, word_t asid);
#endif
// Invalidate TLB entries of one user page (any level) tagged with asid.
void arch_tlb_invalidate_va(word_t asid, vptr_t va);
// Invalidate every TLB entry tagged with asid (an ASID is being reused or a table removed).
void arch_tlb_invalidate_asid(word_t asid);
// Make a page-table entry write visible to the table walker (clean to PoU + barrier).
void arch_clean_pte(pptr_t pte);
// Cache maintenance by kernel-window range [start, end) on behalf of user invocations.
enum cache_op { CACHE_CLEAN, CACHE_INVALIDATE, CACHE_CLEAN_INVALIDATE, CACHE_UNIFY };
void arch_cache_range(enum cache_op op, pptr_t start, pptr_t end);

// ---- threads ------------------------------------------------------------------------------
// Save the live FP/SIMD registers into `save` and load them from `load` (either may be NULL).
void arch_fpu_switch(struct fpu_state *save, const struct fpu_state *load);
// Read/write the live user TLS registers (TPIDR_EL0/TPIDRRO_EL0) around a thread switch.
// Enable or disable EL0 FP/SIMD access (CPACR_EL1.FPEN) for the thread about to run.
#ifdef CAIRN_HOST_TEST
void arch_tls_save(struct user_context *ctx);
void arch_tls_load(const struct user_context *ctx);
void arch_fpu_enable(bool enable);
#else
#include "arch/aarch64/machine/switch.h"
#endif

// ---- machine ------------------------------------------------------------------------------
// Stop the machine for good (seL4_DebugHalt, kernel panic). Under QEMU this powers off.
__attribute__((noreturn)) void arch_halt(void);
// Bench builds: let EL0 read and enable the cycle counter (seL4's KernelArmExportPMUUser).
void arch_export_pmu_user(void);
// The idle loop's wait: sleep until an interrupt is pending (or for no reason at all).
// Interrupts stay masked at the CPU, so nothing is taken here: the caller then asks
// arch_irq_get_active and handles what it finds.
void arch_idle_wait(void);

// ---- interrupts and the kernel timer --------------------------------------------------------
// IRQ numbers are the interrupt controller's INTIDs: 0..15 SGIs, 16..31 this core's PPIs
// (27 = the EL1 virtual timer), 32.. SPIs (33 = the PL011 UART on QEMU virt).
#define ARCH_IRQ_NONE ((word_t)-1)

// Boot: bring up the interrupt controller with every line masked, SPIs routed to this
// core, the priority mask open; interrupts stay masked at the CPU (DAIF) in the kernel.
void arch_irq_init(void);
// Boot: start the kernel timer, one tick every CONFIG_TIMER_TICK_MS, and unmask its line
// (MCS: no tick; the timer stays quiet until arch_timer_set_deadline).
void arch_timer_init(void);
// Acknowledge the highest-priority pending interrupt and return its number, or
// ARCH_IRQ_NONE if there is none (spurious). The line then stays active until arch_irq_ack.
word_t arch_irq_get_active(void);
// End the handling of `irq` returned by arch_irq_get_active (end of interrupt): a
// level-triggered line that is still asserted and unmasked will be reported again.
void arch_irq_ack(word_t irq);
// Stop (mask) or allow (unmask) the delivery of one line. Masking does not lose a level
// that is still asserted: it is reported again once the line is unmasked.
void arch_irq_mask(word_t irq);
void arch_irq_unmask(word_t irq);
// Program how the controller detects `irq`: on a rising edge (edge) or while the line is
// high (level, the boot default). seL4's setIRQTrigger, for IRQControl_GetTrigger.
void arch_irq_set_trigger(word_t irq, bool edge);
// Whether an unmasked interrupt is waiting to be taken (preemption points ask this).
bool arch_irq_pending(void);
// Start the next timer period (the timer's interrupt condition clears); called on each tick
// before the tick's arch_irq_ack.
void arch_timer_reset(void);
#ifdef CONFIG_KERNEL_MCS
// MCS: the tickless timer. The monotonic clock in ticks of CONFIG_TIMER_FREQUENCY_HZ; one
// interrupt (the kernel timer's line) once the clock reaches `deadline` (at once if it has
// already passed); and the acknowledgement of that interrupt, after which the timer stays
// quiet until the next deadline is set.
uint64_t arch_time_now(void);
void arch_timer_set_deadline(uint64_t deadline);
void arch_timer_ack_deadline(void);
#endif
