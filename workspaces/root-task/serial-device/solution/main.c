// SPDX-License-Identifier: BSD-2-Clause
// Chapter 5, "Using a Serial Device": the solution, every step in order. The build compiles
// it once per step and the program ends after that step (workspaces/step.h): each step is a
// block in chapter() that begins with a comment naming it and ends in `if (step_is(...))`.
// `make simulate STEP=5.C` runs it up to the end of 5.C. The learner's file is main.c in
// the chapter's folder; the text is docs/tutorial/serial-device.md.

#include <stddef.h>
#include <stdint.h>
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
#include "step.h"

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

/*
 * A page of our image where the UART's registers will appear (5.E). Zero-filled, so it
 * lives in .bss, which the kernel backs with image frames like the rest of the image.
 */
static char UART_PAGE[CAIRN_GRANULE_BYTES] __attribute__((aligned(CAIRN_GRANULE_BYTES)));

/* An empty slot of the root CNode, from the runtime's slot allocator. */
static seL4_CPtr alloc_slot(void)
{
    seL4_CPtr slot = cairn_slot_alloc();
    if (slot == seL4_CapNull)
        panic("out of empty slots");
    return slot;
}

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

/* A frame's physical address. */
static seL4_Word frame_paddr(cairn_granule_t frame)
{
    seL4_Word paddr = 0;
    CHECK(cairn_frame_get_address(frame, &paddr));
    return paddr;
}

/*
 * Move the watermark of `untyped` (memory from `base`, no live children) up to `target` by
 * retyping untyped children: each the largest power of two that still fits below target,
 * so the sizes decrease and every child is naturally aligned where it lands. Two slots are
 * enough: the new child goes into a spare slot, the previous one is deleted and the new one
 * moved into its place. With `keep_one`, one child is alive at every moment, and the
 * watermark stays where the children pushed it. Without it each child is deleted at once:
 * the untyped then has no children, and its next Retype starts again from `base`.
 *
 * Returns the last child (the caller keeps it alive as long as it needs the watermark), or
 * a null cap if no child was needed or none was kept.
 */
static cairn_untyped_t trim_untyped(cairn_untyped_t untyped, seL4_Word base, seL4_Word target,
                                    bool keep_one)
{
    seL4_CPtr keep = seL4_CapNull;
    seL4_CPtr spare = seL4_CapNull;
    for (seL4_Word at = base; at < target;) {
        seL4_Word bits = 63 - (seL4_Word)__builtin_clzl(target - at);
        if (spare == seL4_CapNull)
            spare = alloc_slot();
        CHECK(cairn_untyped_retype(untyped, CAIRN_BP_UNTYPED(bits),
                                   cairn_cnode_self(CAIRN_INIT_CNODE), spare, 1));
        printf("    untyped child of 2^%lu bytes\n", (unsigned long)bits);
        if (!keep_one) {
            CHECK(cairn_cnode_delete(cairn_cspath(spare)));
        } else if (keep == seL4_CapNull) {
            keep = spare; /* the first child stays where it is */
            spare = seL4_CapNull;
        } else {
            CHECK(cairn_cnode_delete(cairn_cspath(keep)));
            CHECK(cairn_cnode_move(cairn_cspath(keep), cairn_cspath(spare)));
        }
        at += 1UL << bits;
    }
    return cairn_as_untyped(keep);
}

/* Retype one 4 KiB frame from `untyped`, report where it landed, delete it again. */
static seL4_Word probe_frame(cairn_untyped_t untyped)
{
    cairn_granule_t frame = cairn_as_granule(alloc_slot());
    CHECK(cairn_untyped_retype(untyped, CAIRN_BP_GRANULE, cairn_cnode_self(CAIRN_INIT_CNODE),
                               cairn_cptr(frame), 1));
    seL4_Word paddr = frame_paddr(frame);
    CHECK(cairn_cnode_delete(cairn_cspath_of(frame)));
    return paddr;
}

/* The chapter's steps in order; returns after the step this program is built for (5.H's
 * echo never returns). */
static void chapter(const seL4_BootInfo *bi)
{
    /* 5.A: the runtime's allocator (chapter 3 showed how it works): kernel objects come from
     * ordinary untypeds (cairn_retype), caps go to BootInfo's empty slots (cairn_slot_alloc). */
    printf("allocator: largest kernel untyped in slot %lu, empty slots %lu-%lu\n",
           (unsigned long)cairn_largest_untyped(bi), (unsigned long)bi->empty.start,
           (unsigned long)bi->empty.end - 1);
    if (step_is("5.A"))
        return;

    /* 5.B: where the UART is, from the device tree in BootInfo (devicetree.h); then the
     * BootInfo untyped that holds the UART's page (0x9000000), which is device memory. */
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
    seL4_Word dev_base = dev_desc->paddr;
    if (step_is("5.B"))
        return;

    /* 5.C: Retype takes memory from the watermark up, so to get the frame at UART_PADDR the
     * watermark must first stand there: trim it with untyped children of decreasing size.
     * First a rehearsal on a page further up (GPIO), to see why one child must stay alive:
     * deleting each child at once leaves the untyped childless, so its next Retype starts
     * from its base again; with one child kept alive the frame lands at the target. */
    printf("trimming to 0x%lx, deleting each child:\n", GPIO_PADDR);
    trim_untyped(dev, dev_base, GPIO_PADDR, false);
    seL4_Word landed = probe_frame(dev);
    printf("  a frame lands at 0x%lx: the watermark was reset\n", (unsigned long)landed);
    cairn_assert(landed == dev_base);

    printf("trimming to 0x%lx, keeping one child:\n", GPIO_PADDR);
    cairn_untyped_t kept = trim_untyped(dev, dev_base, GPIO_PADDR, true);
    landed = probe_frame(dev);
    printf("  a frame lands at 0x%lx\n", (unsigned long)landed);
    cairn_assert(landed == GPIO_PADDR);
    /* Deleting the kept child leaves the untyped without children again. */
    if (!cairn_cap_is_null(kept))
        CHECK(cairn_cnode_delete(cairn_cspath_of(kept)));

    /* Now for real. (On QEMU virt the UART's untyped starts at the UART: nothing to do.) */
    printf("trimming to 0x%lx:\n", UART_PADDR);
    cairn_untyped_t uart_trim = trim_untyped(dev, dev_base, UART_PADDR, true);
    printf("  %s\n", cairn_cap_is_null(uart_trim) ? "nothing to trim" : "one child kept");
    if (step_is("5.C"))
        return;

    /* 5.D: the frame at the watermark is the UART's page: Page_GetAddress says 0x9000000.
     * Device frames are not zeroed. */
    cairn_granule_t uart_frame = cairn_as_granule(alloc_slot());
    CHECK(cairn_untyped_retype(dev, CAIRN_BP_GRANULE, cairn_cnode_self(CAIRN_INIT_CNODE),
                               cairn_cptr(uart_frame), 1));
    seL4_Word uart_paddr = frame_paddr(uart_frame);
    printf("UART frame: slot %lu, paddr 0x%lx\n", (unsigned long)cairn_cptr(uart_frame),
           (unsigned long)uart_paddr);
    cairn_assert(uart_paddr == UART_PADDR);
    if (step_is("5.D"))
        return;

    /* 5.E: swap UART_PAGE's image frame for the UART's frame (chapter 4's 4.C and 4.D), as
     * device memory: no seL4_ARM_PageCacheable, and never executable. "Hello, World!" is
     * then written by the root task straight into the UART's data register. */
    printf("UART_PAGE: %p\n", (void *)UART_PAGE);
    cairn_granule_t image_frame = cairn_bi_image_frame_at(bi, (uintptr_t)UART_PAGE);
    CHECK(cairn_frame_unmap(image_frame));
    CHECK(cairn_frame_map(uart_frame, CAIRN_INIT_VSPACE, (seL4_Word)UART_PAGE, seL4_ReadWrite,
                          seL4_ARM_ExecuteNever));
    struct pl011 uart;
    pl011_init(&uart, UART_PAGE);
    pl011_puts(&uart, "Hello, World!\n");
    if (step_is("5.E"))
        return;

    /* 5.F: a handler cap for the UART's interrupt line (IRQControl_Get), in an empty slot. */
    cairn_irq_handler_t irq_handler = cairn_as_irq_handler(alloc_slot());
    CHECK(cairn_irq_control_get(CAIRN_IRQ_CONTROL, UART_IRQ, cairn_cspath_of(irq_handler)));
    printf("IRQ %d: ", UART_IRQ);
    cairn_cap_print(cairn_cptr(irq_handler));
    if (step_is("5.F"))
        return;

    /* 5.G: a new notification, bound to the line: the kernel signals it when the line
     * fires. */
    cairn_notification_t irq_ntfn = cairn_alloc_notification();
    cairn_assert(!cairn_cap_is_null(irq_ntfn));
    CHECK(cairn_irq_handler_set_notification(irq_handler, irq_ntfn));
    printf("IRQ %d signals the notification in slot %lu\n", UART_IRQ,
           (unsigned long)cairn_cptr(irq_ntfn));
    if (step_is("5.G"))
        return;

    /* 5.H: echo: the RX interrupt on, a prompt through MMIO, then each typed character
     * echoed as [c], one notification per interrupt. The kernel masks the line when it
     * signals us, until we Ack. Clearing the device's interrupt before draining means a
     * character that arrives while we drain raises it again, so none is left waiting in the
     * FIFO without an interrupt. The loop never ends, so 5.H prints no TEST_PASS. (The
     * harness types "abc", then Enter, then "xy": the second round shows that Ack let the
     * line through again.) */
    pl011_enable_rx_irq(&uart);
    pl011_puts(&uart, "echo> ");
    for (;;) {
        cairn_notification_wait(irq_ntfn, NULL);
        pl011_clear_rx_irq(&uart);
        for (int c; (c = pl011_getc(&uart)) >= 0;) {
            if (c == '\r' || c == '\n') {
                pl011_puts(&uart, "\necho> ");
            } else {
                char echo[] = {'[', (char)c, ']', '\0'};
                pl011_puts(&uart, echo);
            }
        }
        CHECK(cairn_irq_handler_ack(irq_handler));
    }
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
