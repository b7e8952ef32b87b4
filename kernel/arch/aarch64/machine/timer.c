// SPDX-License-Identifier: BSD-2-Clause
// The kernel timer: the EL1 virtual timer of the ARM generic timer, interrupt PPI 27
// (IRQ_KERNEL_TIMER, as seL4 uses on qemu-arm-virt without hypervisor support). It
// counts down CONFIG_TIMER_TICK_MS worth of CNTFRQ_EL0 ticks; each expiry raises the
// level-triggered PPI until the next period is started.
#include "arch/api.h"

#include "config.h"
#include "sysreg.h"

#define CNTV_CTL_ENABLE 1u // bit 1 (IMASK) left 0: the expiry raises the interrupt

static word_t timer_reload; // counter ticks per kernel tick

void arch_timer_init(void)
{
    word_t freq;
    MRS("cntfrq_el0", freq);
    timer_reload = freq / 1000 * CONFIG_TIMER_TICK_MS;
    MSR("cntv_tval_el0", timer_reload);
    MSR("cntv_ctl_el0", CNTV_CTL_ENABLE);
    ISB();
    arch_irq_unmask(IRQ_KERNEL_TIMER);
}

void arch_timer_reset(void)
{
    // Writing TVAL sets the compare value to now + reload, which also drops the expired
    // condition (ISTATUS), so the level interrupt is no longer asserted.
    MSR("cntv_tval_el0", timer_reload);
    ISB();
}
