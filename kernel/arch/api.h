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
// 64. The hot case of Retype and table removal, so the target uses DC ZVA.
void arch_zero_range(pptr_t start, word_t bytes);

// ---- console ----------------------------------------------------------------------------
// Write one byte to the kernel console; "\n" is sent as CR LF.
void arch_putchar(char c);

// ---- MMU: address-space switch, TLB and cache maintenance ----------------------------------
// Make the translation table at physical address `root` with `asid` the current user
// address space (TTBR0). root 0 means "no user address space" (all user accesses fault).
void arch_set_vspace(paddr_t root, word_t asid);
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
void arch_tls_save(struct user_context *ctx);
void arch_tls_load(const struct user_context *ctx);
// Enable or disable EL0/EL1 FP/SIMD access (CPACR_EL1.FPEN) for the thread about to run.
void arch_fpu_enable(bool enable);

// ---- machine ------------------------------------------------------------------------------
// Stop the machine for good (seL4_DebugHalt, kernel panic). Under QEMU this powers off.
__attribute__((noreturn)) void arch_halt(void);
// Bench builds: let EL0 read and enable the cycle counter (seL4's KernelArmExportPMUUser).
void arch_export_pmu_user(void);
// Wait for an interrupt with interrupts enabled (the idle loop).
void arch_idle_wait(void);
