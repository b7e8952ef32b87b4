// SPDX-License-Identifier: BSD-2-Clause
// The kernel timer: the EL1 virtual timer of the ARM generic timer, interrupt PPI 27
// (IRQ_KERNEL_TIMER, as seL4 uses on qemu-arm-virt without hypervisor support).
// Non-MCS: it counts down CONFIG_TIMER_TICK_MS worth of CNTFRQ_EL0 ticks; each expiry raises
// the level-triggered PPI until the next period is started. MCS: no period; the compare
// value is set to the next event (arch_timer_set_deadline) and parked at the far future
// when that event has been taken (arch_timer_ack_deadline).
#include "arch/api.h"

#include "assert.h"
#include "config.h"
#include "sysreg.h"

#define CNTV_CTL_ENABLE 1u // bit 1 (IMASK) left 0: the expiry raises the interrupt

#ifdef CONFIG_KERNEL_MCS
void arch_timer_init(void)
{
    word_t freq;
    MRS("cntfrq_el0", freq);
    if (freq != CONFIG_TIMER_FREQUENCY_HZ) {
        panic("MCS: the generic timer runs at %lu Hz, the kernel was built for %lu Hz", freq,
              (word_t)CONFIG_TIMER_FREQUENCY_HZ);
    }
    arch_timer_ack_deadline();
    MSR("cntv_ctl_el0", CNTV_CTL_ENABLE);
    ISB();
    arch_irq_unmask(IRQ_KERNEL_TIMER);
}

uint64_t arch_time_now(void)
{
    word_t now;
    ISB(); // not read ahead of the kernel entry that asks
    MRS("cntvct_el0", now);
    return now;
}

void arch_timer_set_deadline(uint64_t deadline)
{
    MSR("cntv_cval_el0", deadline);
    ISB();
}

void arch_timer_ack_deadline(void)
{
    // The compare value at the end of time drops the expired condition (ISTATUS), so the
    // level interrupt is no longer asserted before the controller's end of interrupt.
    MSR("cntv_cval_el0", UINT64_MAX);
    ISB();
}
#else
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
#endif
