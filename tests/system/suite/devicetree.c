// SPDX-License-Identifier: BSD-2-Clause
// BOOT tests of the extra BootInfo: the device tree chunk seL4 places after the BootInfo
// frame on Arm (its header, extraLen, the extraBIPages frames and the memory they use), and
// the tree itself read with libfdt: the PL011 UART node of QEMU's virt machine.

#include <stdint.h>

#include <cairn/bootinfo.h>
#include <libfdt.h>
#include <sel4/sel4.h>

#include "test.h"

#define PAGE 4096UL
#define TAG_FRAME 1 /* seL4_DebugCapIdentify's tag for a frame cap */

TEST(BOOT0005, "extra BootInfo: one FDT chunk after BootInfo, its frames in extraBIPages")
{
    const seL4_BootInfo *bi = env->bi;
    const seL4_BootInfoHeader *h = (const void *)((const char *)bi + seL4_BootInfoFrameSize);

    /* One chunk fills the region: header {FDT, len = extraLen}, then the blob. */
    ASSERT_TRUE(bi->extraLen > sizeof(*h));
    ASSERT_EQ(h->id, SEL4_BOOTINFO_HEADER_FDT);
    ASSERT_EQ(h->len, bi->extraLen);
    ASSERT_EQ(fdt_check_header(h + 1), 0);
    ASSERT_EQ(fdt_totalsize(h + 1), bi->extraLen - sizeof(*h));
    ASSERT_EQ((seL4_Word)cairn_bootinfo_find_chunk(bi, SEL4_BOOTINFO_HEADER_FDT), (seL4_Word)h);
    ASSERT_EQ((seL4_Word)cairn_bootinfo_find_chunk(bi, SEL4_BOOTINFO_HEADER_X86_VBE), 0);
    size_t size = 0;
    ASSERT_EQ((seL4_Word)cairn_bootinfo_fdt(bi, &size), (seL4_Word)(h + 1));
    ASSERT_EQ(size, fdt_totalsize(h + 1));

    /* A frame cap per page of extraLen bytes, between the paging and the image frames (MCS:
     * and the SchedControl caps, which come between them and the image frames). */
    seL4_SlotRegion pages = bi->extraBIPages;
    ASSERT_EQ(pages.end - pages.start, (bi->extraLen + PAGE - 1) / PAGE);
    ASSERT_EQ(pages.start, bi->userImagePaging.end);
#ifdef CONFIG_KERNEL_MCS
    ASSERT_EQ(pages.end, bi->schedcontrol.start);
#else
    ASSERT_EQ(pages.end, bi->userImageFrames.start);
#endif

    /* The frames are consecutive physical memory that no untyped covers. */
    seL4_ARM_Page_GetAddress_t first = seL4_ARM_Page_GetAddress(pages.start);
    ASSERT_OK(first.error);
    for (seL4_CPtr slot = pages.start; slot < pages.end; slot++) {
        ASSERT_EQ(seL4_DebugCapIdentify(slot), TAG_FRAME);
        seL4_ARM_Page_GetAddress_t a = seL4_ARM_Page_GetAddress(slot);
        ASSERT_OK(a.error);
        ASSERT_EQ(a.paddr, first.paddr + (slot - pages.start) * PAGE);
    }
    seL4_Word lo = first.paddr, hi = first.paddr + (pages.end - pages.start) * PAGE;
    cairn_for_each_untyped(bi, slot, d) {
        (void)slot;
        seL4_Word start = d->paddr, end = d->paddr + (1UL << d->sizeBits);
        if (start < hi && lo < end)
            test_fail(__FILE__, __LINE__, "untyped [0x%lx, 0x%lx) covers extra BootInfo",
                      (unsigned long)start, (unsigned long)end);
    }
}

/* The big-endian cell at index i of a property. */
static seL4_Word cell(const fdt32_t *p, int i)
{
    return fdt32_to_cpu(p[i]);
}

TEST(BOOT0006, "the device tree in BootInfo has QEMU's PL011 UART: reg 0x9000000, SPI 1 (IRQ 33)")
{
    const void *fdt = cairn_bootinfo_fdt(env->bi, NULL);
    ASSERT_TRUE(fdt != NULL);

    int uart = fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
    ASSERT_TRUE(uart >= 0);
    int parent = fdt_parent_offset(fdt, uart);
    ASSERT_EQ(fdt_address_cells(fdt, parent), 2);
    ASSERT_EQ(fdt_size_cells(fdt, parent), 2);

    int len = 0;
    const fdt32_t *reg = fdt_getprop(fdt, uart, "reg", &len);
    ASSERT_TRUE(reg != NULL);
    ASSERT_EQ(len, 16);
    ASSERT_EQ(cell(reg, 0) << 32 | cell(reg, 1), 0x9000000);
    ASSERT_EQ(cell(reg, 2) << 32 | cell(reg, 3), 0x1000);

    /* GIC binding: <type number flags>, type 0 = SPI, interrupt ID = 32 + number. */
    const fdt32_t *irq = fdt_getprop(fdt, uart, "interrupts", &len);
    ASSERT_TRUE(irq != NULL);
    ASSERT_EQ(len, 12);
    ASSERT_EQ(cell(irq, 0), 0);
    ASSERT_EQ(32 + cell(irq, 1), 33);
    ASSERT_EQ(cell(irq, 2), 4); /* level, active high */

    /* Its interrupt parent (inherited from the root) is the GICv2 with 3-cell specifiers. */
    const fdt32_t *ph = fdt_getprop(fdt, 0, "interrupt-parent", &len);
    ASSERT_TRUE(ph != NULL);
    int gic = fdt_node_offset_by_phandle(fdt, cell(ph, 0));
    ASSERT_TRUE(gic >= 0);
    ASSERT_EQ(fdt_node_check_compatible(fdt, gic, "arm,cortex-a15-gic"), 0);
    const fdt32_t *icells = fdt_getprop(fdt, gic, "#interrupt-cells", &len);
    ASSERT_TRUE(icells != NULL);
    ASSERT_EQ(cell(icells, 0), 3);
}
