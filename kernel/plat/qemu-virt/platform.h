// SPDX-License-Identifier: BSD-2-Clause
// QEMU `virt` (AArch64) platform facts: physical memory map, device windows, and the
// kernel's place in both address spaces.
#pragma once

#include "types.h"
#include "config.h"

/*
 * Physical memory map (QEMU virt, -m CONFIG_RAM_MB):
 *
 *   0x0000_0000 .. 0x0800_0000   flash
 *   0x0800_0000 .. 0x0802_0000   GICv2 distributor + CPU interface (kernel only)
 *   0x0900_0000 .. 0x0900_1000   PL011 UART (kernel console; also a user device untyped)
 *   ...         .. 0x4000_0000   other devices (virtio-mmio, PCIe windows, ...)
 *   0x4000_0000 .. +RAM          RAM; the kernel image is loaded at KERNEL_PHYS_BASE
 *
 * Kernel virtual memory (TTBR1): the whole first 4 GiB of physical memory at
 * PPTR_OFFSET + pa, device window (first 1 GiB) as Device-nGnRnE, RAM as Normal WB.
 */
#define RAM_BASE 0x40000000ull
#define RAM_BYTES ((paddr_t)CONFIG_RAM_MB << 20)
#define RAM_END (RAM_BASE + RAM_BYTES)
#define KERNEL_PHYS_BASE 0x40200000ull
#define PPTR_OFFSET 0xffffff8000000000ull

#define PL011_PADDR 0x09000000ull
#define GIC_DIST_PADDR 0x08000000ull
#define GIC_CPU_PADDR 0x08010000ull
#define GIC_END_PADDR 0x08020000ull

// Interrupt numbers (GICv2 INTIDs). The highest one user space may claim is seL4's maxIRQ
// for qemu-arm-virt; the kernel's timer is the virtual timer, PPI 11 = IRQ 27 without
// hypervisor mode.
#define IRQ_MAX 159
#define IRQ_KERNEL_TIMER 27

// Top of the physical address space handed out as device untyped (40-bit PA on the A53).
#define PADDR_USER_DEVICE_TOP (1ull << 40)
