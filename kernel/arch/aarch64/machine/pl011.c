// SPDX-License-Identifier: BSD-2-Clause
// The PL011 UART as the kernel console (polled, transmit only). QEMU needs no setup.
#include "arch/api.h"

#include "plat/qemu-virt/platform.h"

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5)

static volatile unsigned int *uart_reg(unsigned off)
{
    return (volatile unsigned int *)(paddr_to_pptr(PL011_PADDR) + off);
}

static void uart_tx(char c)
{
    while (*uart_reg(UART_FR) & UART_FR_TXFF) {
    }
    *uart_reg(UART_DR) = (unsigned char)c;
}

void arch_putchar(char c)
{
    if (c == '\n') {
        uart_tx('\r');
    }
    uart_tx(c);
}
