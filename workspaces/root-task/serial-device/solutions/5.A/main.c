// SPDX-License-Identifier: BSD-2-Clause
// Chapter 5, "Using a Serial Device":
// the solution of step 5.A, the whole program as it stands after that step.
// 5.A: chapter 3's allocator: the largest ordinary untyped and the empty slot region.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/serial-device.md. `make simulate STEP=5.A` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stddef.h>
#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

#include "devicetree.h"
#include "pl011.h"

/*
 * QEMU virt's device map around the UART (as its device tree describes it):
 *
 *   0x0900_0000  PL011 UART        <- this chapter; interrupt: SPI 1 = GIC IRQ 33
 *   0x0901_0000  PL031 RTC
 *   0x0902_0000  fw_cfg
 *   0x0903_0000  PL061 GPIO        <- 5.C's rehearsal target (never mapped)
 *
 * The kernel prints on the same UART; it only ever writes to it, so our output interleaves
 * with the kernel's and the characters typed on the console are ours to read.
 */
/* Where the UART is and which interrupt it raises come from the device tree (5.B). */
static struct uart_location uart_at __attribute__((unused));
#define UART_PADDR uart_at.paddr
#define UART_IRQ uart_at.irq
#define GPIO_PADDR 0x09030000UL

int main(const seL4_BootInfo *bi)
{
    /* 5.A: the runtime's allocator (chapter 3 showed how it works): kernel objects come from
     * ordinary untypeds (cairn_retype), caps go to BootInfo's empty slots (cairn_slot_alloc). */
    printf("allocator: largest kernel untyped in slot %lu, empty slots %lu-%lu\n",
           (unsigned long)cairn_largest_untyped(bi), (unsigned long)bi->empty.start,
           (unsigned long)bi->empty.end - 1);

    printf("TEST_PASS\n");
    return 0;
}
