// SPDX-License-Identifier: BSD-2-Clause
// Machine hooks of arch/api.h: halt (PSCI power-off, so QEMU exits), idle, and the
// per-thread FPU and TLS register switch.
#include "arch/api.h"

#include "sysreg.h"
#include "util.h"

void fpu_save(struct fpu_state *s);
void fpu_load(const struct fpu_state *s);

// Exception level QEMU entered the kernel at (2 with virtualization=on); decides the PSCI
// conduit: HVC when there is no EL2 of ours in the way, SMC otherwise.
word_t machine_boot_el;

#define PSCI_SYSTEM_OFF 0x84000008u

void arch_halt(void)
{
    register word_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;
    if (machine_boot_el == 2) {
        __asm__ volatile("smc #0" : "+r"(x0)::"memory");
    } else {
        __asm__ volatile("hvc #0" : "+r"(x0)::"memory");
    }
    for (;;) {
        __asm__ volatile("wfi");
    }
}

void arch_idle_wait(void)
{
    __asm__ volatile("wfi" ::: "memory");
}

void arch_fpu_switch(struct fpu_state *save, const struct fpu_state *load)
{
    if (save) {
        fpu_save(save);
    }
    if (load) {
        fpu_load(load);
    }
}

// CPACR_EL1.FPEN as arch_fpu_enable (switch.h) last wrote it: 0 EL0 traps, 1 open,
// 2 not written yet.
word_t machine_fpu_enabled = 2;

void arch_export_pmu_user(void)
{
    MSR("pmuserenr_el0", 0xf);      // EN, SW, CR, ER: EL0 may read and program the PMU
    MSR("pmcntenset_el0", BIT(31)); // the cycle counter
    MSR("pmcr_el0", 0x1);           // E: counters on
    ISB();
}
