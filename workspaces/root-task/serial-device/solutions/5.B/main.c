// SPDX-License-Identifier: BSD-2-Clause
// Chapter 5, "Using a Serial Device":
// the solution of step 5.B, the whole program as it stands after that step.
// 5.B: the BootInfo untyped holding the UART's page (0x9000000) is device memory.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/serial-device.md. `make simulate STEP=5.B` runs this; diff it with the
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
static struct uart_location uart_at;
#define UART_PADDR uart_at.paddr
#define UART_IRQ uart_at.irq
#define GPIO_PADDR 0x09030000UL

/* The BootInfo untyped whose memory [paddr, paddr + 2^sizeBits) holds `paddr`, or a null
 * cap; *desc_out is its description. */
static cairn_untyped_t untyped_containing(const seL4_BootInfo *bi, seL4_Word paddr,
                                          const seL4_UntypedDesc **desc_out)
{
    cairn_for_each_untyped(bi, slot, desc) {
        if (desc->paddr <= paddr && paddr - desc->paddr < (1UL << desc->sizeBits)) {
            *desc_out = desc;
            return cairn_as_untyped(slot);
        }
    }
    return cairn_as_untyped(seL4_CapNull);
}

int main(const seL4_BootInfo *bi)
{
    /* 5.A: the runtime's allocator (chapter 3 showed how it works): kernel objects come from
     * ordinary untypeds (cairn_retype), caps go to BootInfo's empty slots (cairn_slot_alloc). */
    printf("allocator: largest kernel untyped in slot %lu, empty slots %lu-%lu\n",
           (unsigned long)cairn_largest_untyped(bi), (unsigned long)bi->empty.start,
           (unsigned long)bi->empty.end - 1);

    /* 5.B: where the UART is, from the device tree in BootInfo (devicetree.h); then the
     * BootInfo untyped that holds the UART's page, which is device memory. */
    if (uart_from_device_tree(bi, &uart_at) != 0)
        panic("no PL011 UART in the device tree");
    printf("device tree: %s, registers at 0x%lx (%lu bytes), interrupt %d\n", uart_at.node,
           (unsigned long)uart_at.paddr, (unsigned long)uart_at.size, uart_at.irq);
    const seL4_UntypedDesc *dev_desc = NULL;
    cairn_untyped_t dev = untyped_containing(bi, UART_PADDR, &dev_desc);
    cairn_assert(!cairn_cap_is_null(dev));
    printf("0x%lx is in untyped slot %lu: paddr 0x%lx, size bits %u, is device: %s\n", UART_PADDR,
           (unsigned long)cairn_cptr(dev), (unsigned long)dev_desc->paddr,
           (unsigned)dev_desc->sizeBits, dev_desc->isDevice ? "true" : "false");
    cairn_assert(dev_desc->isDevice);

    printf("TEST_PASS\n");
    return 0;
}
