// SPDX-License-Identifier: BSD-2-Clause
// Chapter 5's PL011 UART driver, handed out with the chapter (the learner's main.c and every
// solution include it): the registers as they sit in the UART's 4 KiB page, and putc, puts,
// getc and the receive interrupt. It touches only the page it is given; mapping that page is
// the chapter's work (5.E).
#pragma once

#include <stddef.h>
#include <stdint.h>

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
static inline void pl011_init(struct pl011 *uart, void *page)
{
    uart->regs = (volatile struct pl011_regs *)page;
    uart->regs->imsc = 0;
    uart->regs->icr = PL011_INT_ALL;
}

static inline void pl011_putc(struct pl011 *uart, char c)
{
    while (uart->regs->fr & PL011_FR_TXFF)
        ;
    uart->regs->dr = (unsigned char)c;
}

/* Write a string; "\n" goes out as "\r\n", as a terminal wants it. */
static inline void pl011_puts(struct pl011 *uart, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            pl011_putc(uart, '\r');
        pl011_putc(uart, *s);
    }
}

/* The next received character, or -1 if the receive FIFO is empty. */
static inline int pl011_getc(struct pl011 *uart)
{
    if (uart->regs->fr & PL011_FR_RXFE)
        return -1;
    return (int)(uart->regs->dr & 0xff);
}

/* Interrupt when a character arrives (RX) or, on real hardware with the FIFO on, when a
 * few characters have sat below the FIFO's trigger level for a while (RT). */
static inline void pl011_enable_rx_irq(struct pl011 *uart)
{
    uart->regs->imsc |= PL011_INT_RX | PL011_INT_RT;
}

static inline void pl011_clear_rx_irq(struct pl011 *uart)
{
    uart->regs->icr = PL011_INT_RX | PL011_INT_RT;
}
