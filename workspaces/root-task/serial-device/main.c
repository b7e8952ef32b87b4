// SPDX-License-Identifier: BSD-2-Clause
// Chapter 5, "Using a Serial Device": your file, at the chapter's starting point. Do the
// exercises in order, each where its comment stands; every step keeps what the ones before
// it added. The PL011 driver is handed out in pl011.h. After an exercise: `make simulate`
// runs this file, `make check` says which steps its output completes and where it first
// differs, and solution/main.c is one way to do it (each step a block, up to the line
// `if (step_is("5.C"))` for 5.C). The text is docs/tutorial/serial-device.md.

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
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
    (void)bi; /* remove once you use it (5.A) */

    /* EXERCISE 5.A (docs/tutorial/serial-device.md, "5.A: the allocator"): print
     * "allocator: largest kernel untyped in slot N, empty slots N-M": the untyped and the
     * slots the runtime's allocator (cairn_retype, cairn_slot_alloc) works from. */

    /* EXERCISE 5.B ("5.B: the device untyped holding the UART"): fill `uart_at` from the
     * device tree (uart_from_device_tree, devicetree.h) and print "device tree: <node>,
     * registers at 0x9000000 (4096 bytes), interrupt 33"; then find the BootInfo untyped
     * whose memory holds UART_PADDR, print "0x9000000 is in untyped slot N: paddr 0x...,
     * size bits N, is device: true" and check that it is device memory. */

    /* EXERCISE 5.C ("5.C: moving the watermark"): rehearse on GPIO_PADDR (trim deleting
     * each child: the watermark resets; trim keeping one: a frame lands at GPIO_PADDR),
     * then trim up to UART_PADDR for real. */

    /* EXERCISE 5.D ("5.D: the UART's frame"): retype one 4 KiB frame from the device
     * untyped; print "UART frame: slot N, paddr 0x9000000". */

    /* EXERCISE 5.E ("5.E: map it and say hello"): map that frame over a page of our image
     * (UART_PAGE) as device memory, never executable; pl011_init on it, and
     * pl011_puts "Hello, World!\n". */

    /* EXERCISE 5.F ("5.F: the interrupt line"): an IRQHandler cap for UART_IRQ
     * (seL4_IRQControl_Get); print "IRQ 33: " and cairn_cap_print it. */

    /* EXERCISE 5.G ("5.G: a notification for it"): a notification the kernel signals when
     * the line fires; print "IRQ 33 signals the notification in slot N". */

    /* EXERCISE 5.H ("5.H: echo"): enable the UART's receive interrupt, print "echo> "
     * through the UART, then forever: wait, clear the device's interrupt, echo every
     * character received as "[c]", and Ack the handler. */

    printf("TEST_PASS\n");
    return 0;
}
