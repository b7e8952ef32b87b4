// SPDX-License-Identifier: BSD-2-Clause
// Chapter 5, "Using a Serial Device": find the device untyped that holds QEMU virt's PL011
// UART, move its watermark up to the UART's page, retype that page as a frame, map it into a
// page of our own image and write to the UART through its registers; then claim the UART's
// interrupt line, bind it to a notification and echo what is typed, one interrupt at a time.
// `make simulate STEP=5.C` builds the program as it stands after step 5.C; with no STEP it
// is the whole chapter (the same as 5.H). See README.md and docs/tutorial/serial-device.md.

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

/* Steps are cumulative: step N runs everything of the steps before it. */
#if defined(STEP_5_A)
#define STEP_N 1
#elif defined(STEP_5_B)
#define STEP_N 2
#elif defined(STEP_5_C)
#define STEP_N 3
#elif defined(STEP_5_D)
#define STEP_N 4
#elif defined(STEP_5_E)
#define STEP_N 5
#elif defined(STEP_5_F)
#define STEP_N 6
#elif defined(STEP_5_G)
#define STEP_N 7
#else
#define STEP_N 8 /* 5.H, which is also the complete chapter */
#endif
#define AT_LEAST(n) (STEP_N >= (n))
/* Helpers that only later steps call: no unused-function warning in the earlier ones. */
#define LATER __attribute__((unused))

/*
 * QEMU virt's device map around the UART (from its device tree):
 *
 *   0x0900_0000  PL011 UART        <- this chapter; interrupt: SPI 1 = GIC IRQ 33
 *   0x0901_0000  PL031 RTC
 *   0x0902_0000  fw_cfg
 *   0x0903_0000  PL061 GPIO        <- 5.C's rehearsal target (never mapped)
 *
 * The kernel prints on the same UART; it only ever writes to it, so our output interleaves
 * with the kernel's and the characters typed on the console are ours to read.
 */
#define UART_PADDR 0x09000000UL
#define UART_IRQ 33
#define GPIO_PADDR 0x09030000UL

/*
 * A page of our image where the UART's registers will appear (5.E). Zero-filled, so it
 * lives in .bss, which the kernel backs with image frames like the rest of the image.
 */
static char UART_PAGE[CAIRN_GRANULE_BYTES] __attribute__((aligned(CAIRN_GRANULE_BYTES), unused));

/*
 * A tiny object allocator, as in chapters 3 and 4: objects come from the largest ordinary
 * untyped, caps go to the next empty slot of the root CNode.
 */
static seL4_CPtr alloc_untyped;
static seL4_CPtr alloc_next_slot;
static seL4_CPtr alloc_end_slot;

static void alloc_init(const seL4_BootInfo *bi)
{
    alloc_untyped = cairn_largest_untyped(bi);
    alloc_next_slot = bi->empty.start;
    alloc_end_slot = bi->empty.end;
    if (alloc_untyped == seL4_CapNull)
        panic("no untyped memory");
}

/* The next empty slot of the root CNode. */
static seL4_CPtr alloc_slot(void)
{
    if (alloc_next_slot >= alloc_end_slot)
        panic("out of empty slots");
    return alloc_next_slot++;
}

static LATER seL4_CPtr alloc_object(seL4_Word type, seL4_Word size_bits)
{
    seL4_CPtr slot = alloc_slot();
    CHECK(seL4_Untyped_Retype(alloc_untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot,
                              1));
    return slot;
}

/* The BootInfo untyped whose memory [paddr, paddr + 2^sizeBits) holds `paddr`, or
 * seL4_CapNull; *desc_out is its description. */
static LATER seL4_CPtr untyped_containing(const seL4_BootInfo *bi, seL4_Word paddr,
                                          const seL4_UntypedDesc **desc_out)
{
    cairn_for_each_untyped(bi, slot, desc) {
        if (desc->paddr <= paddr && paddr - desc->paddr < (1UL << desc->sizeBits)) {
            *desc_out = desc;
            return slot;
        }
    }
    return seL4_CapNull;
}

/* A frame cap's physical address (panics if `frame` is not a frame cap). */
static LATER seL4_Word frame_paddr(seL4_CPtr frame)
{
    seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(frame);
    CHECK((seL4_Error)r.error);
    return r.paddr;
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
 * Returns the slot holding the last child (the caller keeps it alive as long as it needs
 * the watermark), or seL4_CapNull if no child was needed or none was kept.
 */
static LATER seL4_CPtr trim_untyped(seL4_CPtr untyped, seL4_Word base, seL4_Word target,
                                    bool keep_one)
{
    seL4_CPtr keep = seL4_CapNull;
    seL4_CPtr spare = seL4_CapNull;
    for (seL4_Word at = base; at < target;) {
        seL4_Word bits = 63 - (seL4_Word)__builtin_clzl(target - at);
        if (spare == seL4_CapNull)
            spare = alloc_slot();
        CHECK(seL4_Untyped_Retype(untyped, seL4_UntypedObject, bits, seL4_CapInitThreadCNode, 0, 0,
                                  spare, 1));
        printf("    untyped child of 2^%lu bytes\n", (unsigned long)bits);
        if (!keep_one) {
            CHECK(seL4_CNode_Delete(seL4_CapInitThreadCNode, spare, seL4_WordBits));
        } else if (keep == seL4_CapNull) {
            keep = spare; /* the first child stays where it is */
            spare = seL4_CapNull;
        } else {
            CHECK(seL4_CNode_Delete(seL4_CapInitThreadCNode, keep, seL4_WordBits));
            CHECK(seL4_CNode_Move(seL4_CapInitThreadCNode, keep, seL4_WordBits,
                                  seL4_CapInitThreadCNode, spare, seL4_WordBits));
        }
        at += 1UL << bits;
    }
    return keep;
}

/* Retype one 4 KiB frame from `untyped`, report where it landed, delete it again. */
static LATER seL4_Word probe_frame(seL4_CPtr untyped)
{
    seL4_CPtr frame = alloc_slot();
    CHECK(seL4_Untyped_Retype(untyped, seL4_ARM_SmallPageObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              frame, 1));
    seL4_Word paddr = frame_paddr(frame);
    CHECK(seL4_CNode_Delete(seL4_CapInitThreadCNode, frame, seL4_WordBits));
    return paddr;
}

/*
 * The PL011's registers (ARM PrimeCell UART PL011 TRM), as they sit in its 4 KiB page.
 * Only the four this chapter uses are named; every access goes through a volatile pointer,
 * so each read and write really reaches the device, in program order.
 */
struct pl011_regs {
    uint32_t dr;           /* 0x00 data: write to send, read to receive */
    uint32_t rsr_ecr;      /* 0x04 */
    uint32_t reserved0[4]; /* 0x08 */
    uint32_t fr;           /* 0x18 flags */
    uint32_t reserved1[7]; /* 0x1c ilpr, ibrd, fbrd, lcr_h, cr, ifls */
    uint32_t imsc;         /* 0x38 interrupt mask set/clear: 1 = enabled */
    uint32_t ris;          /* 0x3c */
    uint32_t mis;          /* 0x40 */
    uint32_t icr;          /* 0x44 interrupt clear: write 1 to clear */
};
_Static_assert(offsetof(struct pl011_regs, fr) == 0x18, "PL011 FR offset");
_Static_assert(offsetof(struct pl011_regs, imsc) == 0x38, "PL011 IMSC offset");
_Static_assert(offsetof(struct pl011_regs, icr) == 0x44, "PL011 ICR offset");

#define PL011_FR_RXFE (1u << 4) /* receive FIFO empty */
#define PL011_FR_TXFF (1u << 5) /* transmit FIFO full */
#define PL011_INT_RX (1u << 4)  /* receive interrupt (RXIM in IMSC, RXIC in ICR) */
#define PL011_INT_RT (1u << 6)  /* receive timeout interrupt (RTIM, RTIC) */
#define PL011_INT_ALL 0x7ffu

struct pl011 {
    volatile struct pl011_regs *regs;
};

/* Use the registers mapped at `page`: all interrupts off and cleared. The kernel has
 * already set up the line (baud rate, format), and QEMU ignores those settings anyway. */
static LATER void pl011_init(struct pl011 *uart, void *page)
{
    uart->regs = (volatile struct pl011_regs *)page;
    uart->regs->imsc = 0;
    uart->regs->icr = PL011_INT_ALL;
}

static LATER void pl011_putc(struct pl011 *uart, char c)
{
    while (uart->regs->fr & PL011_FR_TXFF)
        ;
    uart->regs->dr = (unsigned char)c;
}

/* Write a string; "\n" goes out as "\r\n", as a terminal wants it. */
static LATER void pl011_puts(struct pl011 *uart, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            pl011_putc(uart, '\r');
        pl011_putc(uart, *s);
    }
}

/* The next received character, or -1 if the receive FIFO is empty. */
static LATER int pl011_getc(struct pl011 *uart)
{
    if (uart->regs->fr & PL011_FR_RXFE)
        return -1;
    return (int)(uart->regs->dr & 0xff);
}

/* Interrupt when a character arrives (RX) or, on real hardware with the FIFO on, when a
 * few characters have sat below the FIFO's trigger level for a while (RT). */
static LATER void pl011_enable_rx_irq(struct pl011 *uart)
{
    uart->regs->imsc |= PL011_INT_RX | PL011_INT_RT;
}

static LATER void pl011_clear_rx_irq(struct pl011 *uart)
{
    uart->regs->icr = PL011_INT_RX | PL011_INT_RT;
}

int main(const seL4_BootInfo *bi)
{
    /* 5.A: the allocator from chapters 3 and 4. */
    alloc_init(bi);
    printf("allocator: largest kernel untyped in slot %lu, empty slots %lu-%lu\n",
           (unsigned long)alloc_untyped, (unsigned long)alloc_next_slot,
           (unsigned long)alloc_end_slot - 1);

#if AT_LEAST(2)
    /* 5.B: the BootInfo untyped that holds the UART's page is device memory. */
    const seL4_UntypedDesc *dev_desc = NULL;
    seL4_CPtr dev = untyped_containing(bi, UART_PADDR, &dev_desc);
    cairn_assert(dev != seL4_CapNull);
    printf("0x%lx is in untyped slot %lu: paddr 0x%lx, size bits %u, is device: %s\n", UART_PADDR,
           (unsigned long)dev, (unsigned long)dev_desc->paddr, (unsigned)dev_desc->sizeBits,
           dev_desc->isDevice ? "true" : "false");
    cairn_assert(dev_desc->isDevice);
    seL4_Word dev_base = dev_desc->paddr;
    (void)dev_base;
#endif

#if AT_LEAST(3)
    /* 5.C: Retype takes memory from the watermark up, so to get the frame at UART_PADDR the
     * watermark must first stand there. First a rehearsal on a page further up (GPIO), to
     * see why one child must stay alive: */
    printf("trimming to 0x%lx, deleting each child:\n", GPIO_PADDR);
    trim_untyped(dev, dev_base, GPIO_PADDR, false);
    seL4_Word landed = probe_frame(dev);
    printf("  a frame lands at 0x%lx: the watermark was reset\n", (unsigned long)landed);
    cairn_assert(landed == dev_base);

    printf("trimming to 0x%lx, keeping one child:\n", GPIO_PADDR);
    seL4_CPtr kept = trim_untyped(dev, dev_base, GPIO_PADDR, true);
    landed = probe_frame(dev);
    printf("  a frame lands at 0x%lx\n", (unsigned long)landed);
    cairn_assert(landed == GPIO_PADDR);
    /* Deleting the kept child leaves the untyped without children again. */
    if (kept != seL4_CapNull)
        CHECK(seL4_CNode_Delete(seL4_CapInitThreadCNode, kept, seL4_WordBits));

    /* Now for real. (On QEMU virt the UART's untyped starts at the UART: nothing to do.) */
    printf("trimming to 0x%lx:\n", UART_PADDR);
    seL4_CPtr uart_trim = trim_untyped(dev, dev_base, UART_PADDR, true);
    printf("  %s\n", uart_trim == seL4_CapNull ? "nothing to trim" : "one child kept");
#endif

#if AT_LEAST(4)
    /* 5.D: the frame at the watermark is the UART's page. Device frames are not zeroed. */
    seL4_CPtr uart_frame = alloc_slot();
    CHECK(seL4_Untyped_Retype(dev, seL4_ARM_SmallPageObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              uart_frame, 1));
    seL4_Word uart_paddr = frame_paddr(uart_frame);
    printf("UART frame: slot %lu, paddr 0x%lx\n", (unsigned long)uart_frame,
           (unsigned long)uart_paddr);
    cairn_assert(uart_paddr == UART_PADDR);
#endif

#if AT_LEAST(5)
    /* 5.E: swap UART_PAGE's image frame for the UART's frame (chapter 4's 4.C and 4.D), as
     * device memory: no seL4_ARM_PageCacheable, and never executable. */
    printf("UART_PAGE: %p\n", (void *)UART_PAGE);
    seL4_CPtr image_frame = cairn_image_frame_slot(bi, (uintptr_t)UART_PAGE);
    cairn_assert(image_frame != seL4_CapNull);
    CHECK(seL4_ARM_Page_Unmap(image_frame));
    CHECK(seL4_ARM_Page_Map(uart_frame, seL4_CapInitThreadVSpace, (seL4_Word)UART_PAGE,
                            seL4_ReadWrite, seL4_ARM_ExecuteNever));
    struct pl011 uart;
    pl011_init(&uart, UART_PAGE);
    pl011_puts(&uart, "Hello, World!\n");
#endif

#if AT_LEAST(6)
    /* 5.F: a handler cap for the UART's interrupt line. */
    seL4_CPtr irq_handler = alloc_slot();
    CHECK(seL4_IRQControl_Get(seL4_CapIRQControl, UART_IRQ, seL4_CapInitThreadCNode, irq_handler,
                              seL4_WordBits));
    printf("IRQ %d: ", UART_IRQ);
    cairn_cap_print(irq_handler);
#endif

#if AT_LEAST(7)
    /* 5.G: the kernel signals this notification when the line fires. */
    seL4_CPtr irq_ntfn = alloc_object(seL4_NotificationObject, 0);
    CHECK(seL4_IRQHandler_SetNotification(irq_handler, irq_ntfn));
    printf("IRQ %d signals the notification in slot %lu\n", UART_IRQ, (unsigned long)irq_ntfn);
#endif

#if AT_LEAST(8)
    /* 5.H: echo. The kernel masks the line when it signals us, until we Ack. Clearing the
     * device's interrupt before draining means a character that arrives while we drain
     * raises it again, so none is left waiting in the FIFO without an interrupt. */
    pl011_enable_rx_irq(&uart);
    pl011_puts(&uart, "echo> ");
    for (;;) {
        seL4_Wait(irq_ntfn, NULL);
        pl011_clear_rx_irq(&uart);
        for (int c; (c = pl011_getc(&uart)) >= 0;) {
            if (c == '\r' || c == '\n') {
                pl011_puts(&uart, "\necho> ");
            } else {
                char echo[] = {'[', (char)c, ']', '\0'};
                pl011_puts(&uart, echo);
            }
        }
        CHECK(seL4_IRQHandler_Ack(irq_handler));
    }
#endif

    printf("TEST_PASS\n");
    return 0;
}
