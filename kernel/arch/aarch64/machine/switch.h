// SPDX-License-Identifier: BSD-2-Clause
// The thread-switch hooks of arch/api.h, inline on the target: every thread switch (and
// the IPC fastpath twice per round trip) runs them, so they are a handful of instructions
// each. Each skips the system-register write (and its ISB) when the value is already there.
// Included by arch/api.h only; host tests have functions in tests/unit/fake instead.
#pragma once

#include "types.h"
#include "util.h"
#include "arch/aarch64/regs.h"
#include "arch/aarch64/machine/sysreg.h"
#include "plat/qemu-virt/platform.h"

// TTBR0_EL1 as last written, and CPACR_EL1.FPEN's state (0 traps EL0, 1 open, 2 not yet
// written); defined in mmu.c and machine.c.
extern word_t mmu_current_ttbr0;
extern word_t machine_fpu_enabled;
// The all-invalid level-0 table used under ASID 0 by threads without a valid VSpace.
extern word_t mmu_empty_vspace[512];

// Every VSpace runs under its own ASID, so a switch needs no TLB invalidation at all: ASIDs
// are invalidated when they are released (asid_delete) and pages when they are unmapped.
static FORCE_INLINE void arch_set_vspace(paddr_t root, word_t asid)
{
    // The window offset by hand: arch/api.h (pptr_to_paddr) includes this file.
    word_t ttbr0 = root == 0 ? (pptr_t)mmu_empty_vspace - PPTR_OFFSET : (asid << 48) | root;
    if (ttbr0 != mmu_current_ttbr0) {
        mmu_current_ttbr0 = ttbr0;
        MSR("ttbr0_el1", ttbr0);
        ISB();
    }
}

// For the IPC fastpath: the TTBR0 value of a valid VSpace root and ASID, whether it is the
// one installed (only ever true for a valid VSpace: arch_set_vspace is only given validated
// roots, and asid_delete re-activates the current thread after clearing an ASID), and
// installing it.
static FORCE_INLINE word_t arch_vspace_ttbr(paddr_t root, word_t asid)
{
    return (asid << 48) | root;
}
static FORCE_INLINE bool arch_vspace_is_current(word_t ttbr0)
{
    return ttbr0 == mmu_current_ttbr0;
}
static FORCE_INLINE void arch_set_vspace_ttbr(word_t ttbr0)
{
    if (ttbr0 != mmu_current_ttbr0) {
        mmu_current_ttbr0 = ttbr0;
        MSR("ttbr0_el1", ttbr0);
        ISB();
    }
}

static FORCE_INLINE void arch_tls_save(struct user_context *ctx)
{
    MRS("tpidr_el0", ctx->tpidr_el0);
    MRS("tpidrro_el0", ctx->tpidrro_el0);
}

static FORCE_INLINE void arch_tls_load(const struct user_context *ctx)
{
    MSR("tpidr_el0", ctx->tpidr_el0);
    MSR("tpidrro_el0", ctx->tpidrro_el0);
}

static FORCE_INLINE void arch_fpu_enable(bool enable)
{
    if (enable != machine_fpu_enabled) {
        machine_fpu_enabled = enable;
        // FPEN 0b11: no traps; 0b01: EL0 traps, the kernel (fpu_save) may still use it.
        MSR("cpacr_el1", enable ? (3u << 20) : (1u << 20));
        ISB();
    }
}
