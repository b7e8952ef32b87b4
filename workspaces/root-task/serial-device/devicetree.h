// SPDX-License-Identifier: BSD-2-Clause
// Where the UART is: read from the device tree the kernel passes in BootInfo, with libfdt.
// Handed out with the chapter, like pl011.h; docs/tutorial/serial-device.md (5.B) walks
// through it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <cairn/bootinfo.h>
#include <libfdt.h>
#include <sel4/sel4.h>

struct uart_location {
    const char *node; /* the device tree node's name, e.g. "pl011@9000000" */
    uintptr_t paddr;  /* its registers: physical address ... */
    size_t size;      /* ... and size in bytes */
    int irq;          /* its interrupt as the GIC (and IRQControl_Get) numbers it */
};

/* A number of `cells` big-endian 32-bit cells (1 or 2), as one value. */
static inline uint64_t fdt_cells(const fdt32_t *p, int cells)
{
    uint64_t v = 0;
    for (int i = 0; i < cells; i++)
        v = v << 32 | fdt32_to_cpu(p[i]);
    return v;
}

/* Find the first PL011 ("arm,pl011") in the device tree in BootInfo's extra region and
 * fill *u. Returns 0, or -1 when there is no device tree or no usable PL011 node. */
static inline int uart_from_device_tree(const seL4_BootInfo *bi, struct uart_location *u)
{
    const void *fdt = cairn_bootinfo_fdt(bi, NULL);
    if (fdt == NULL || fdt_check_header(fdt) != 0)
        return -1;
    int node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
    if (node < 0)
        return -1;

    /* reg = <address size>, each as many cells as the parent node says. */
    int parent = fdt_parent_offset(fdt, node);
    int address_cells = fdt_address_cells(fdt, parent);
    int size_cells = fdt_size_cells(fdt, parent);
    int len;
    const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
    if (reg == NULL || address_cells > 2 || size_cells > 2 ||
        len < (address_cells + size_cells) * 4)
        return -1;

    /* interrupts = <type number flags> (the GIC's binding): type 0 is a shared peripheral
     * interrupt (SPI), numbered from 32 by the GIC; type 1 a private one (PPI), from 16. */
    const fdt32_t *irq = fdt_getprop(fdt, node, "interrupts", &len);
    if (irq == NULL || len < 12)
        return -1;

    u->node = fdt_get_name(fdt, node, NULL);
    u->paddr = (uintptr_t)fdt_cells(reg, address_cells);
    u->size = (size_t)fdt_cells(reg + address_cells, size_cells);
    u->irq = (int)fdt32_to_cpu(irq[1]) + (fdt32_to_cpu(irq[0]) == 0 ? 32 : 16);
    return 0;
}
