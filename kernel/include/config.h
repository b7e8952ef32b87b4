// SPDX-License-Identifier: BSD-2-Clause
// Fixed kernel configuration. Build-time settings (mk/config.mk) arrive as -D flags;
// this header gives them defaults and checks their ranges.
#pragma once

#ifndef CONFIG_ROOT_CNODE_SIZE_BITS
#define CONFIG_ROOT_CNODE_SIZE_BITS 12
#endif
#if CONFIG_ROOT_CNODE_SIZE_BITS < 7 || CONFIG_ROOT_CNODE_SIZE_BITS > 26
#error "CONFIG_ROOT_CNODE_SIZE_BITS must be in [7, 26], as in seL4"
#endif

#ifndef CONFIG_BENCH
#define CONFIG_BENCH 0
#endif
#ifndef CONFIG_DEBUG_PRINTING
#define CONFIG_DEBUG_PRINTING 1
#endif
#ifndef CONFIG_RELEASE
#define CONFIG_RELEASE 0
#endif
#ifndef CONFIG_FASTPATH
#define CONFIG_FASTPATH 1
#endif
#ifndef CONFIG_CHECK_INVARIANTS
#define CONFIG_CHECK_INVARIANTS 0
#endif
#ifndef CONFIG_RAM_MB
#define CONFIG_RAM_MB 1024
#endif

// seL4's CONFIG_RETYPE_FAN_OUT_LIMIT: most objects one Untyped_Retype may create.
#define CONFIG_RETYPE_FAN_OUT_LIMIT 256
// seL4's KernelUserStackTraceLength: words of user stack in a fault report.
#define CONFIG_USER_STACK_TRACE_LENGTH 16
// Scheduler: 256 priorities, round robin within one.
#define CONFIG_NUM_PRIORITIES 256
// seL4's KernelTimerTickMS and KernelTimeSlice (non-MCS): the kernel timer ticks every
// 2 ms and a thread runs for 5 ticks before the next one of its priority gets the CPU.
#define CONFIG_TIMER_TICK_MS 2
#define CONFIG_TIME_SLICE 5
// seL4's CONFIG_MAX_NUM_WORK_UNITS_PER_PREEMPTION: preemption points between two looks at
// the interrupt controller.
#define CONFIG_MAX_NUM_WORK_UNITS_PER_PREEMPTION 100
#define CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS 230

#ifdef CONFIG_KERNEL_MCS
// seL4's KernelBootThreadTimeSlice (MCS): the initial thread's budget, in milliseconds,
// renewed every period of the same length.
#define CONFIG_BOOT_THREAD_TIME_SLICE 5
#endif
// MCS time (also compiled into the host tests of kernel/sched/refill.c in both
// configurations): the generic timer's frequency on qemu-arm-virt (seL4's TIMER_FREQUENCY
// for the platform), the clock of every MCS time, budget and period; seL4's KERNEL_WCET for
// qemu-arm-virt (microseconds) and KernelWcetScale (default 1): the smallest budget is
// twice their product.
#define CONFIG_TIMER_FREQUENCY_HZ 62500000ull
#define CONFIG_KERNEL_WCET_US 10u
#define CONFIG_KERNEL_WCET_SCALE 1u
