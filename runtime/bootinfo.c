// SPDX-License-Identifier: BSD-2-Clause
// Helpers over the BootInfo frame: which frame cap backs an image page, the largest RAM
// untyped, and printed summaries for exploring what the kernel handed over.

#include <stddef.h>
#include <stdint.h>

#include <cairn/bootinfo.h>
#include <cairn/print.h>
#include <cairn/runtime.h>

/*
 * userImageFrames holds one cap per 4 KiB page of the image, in ascending address order,
 * starting with the page at __executable_start (the image's first byte, page aligned).
 */
seL4_CPtr cairn_image_frame_slot(const seL4_BootInfo *bi, uintptr_t vaddr)
{
    uintptr_t first = (uintptr_t)__executable_start >> 12;
    uintptr_t page = vaddr >> 12;
    if (vaddr < (uintptr_t)__executable_start || vaddr >= (uintptr_t)_end)
        return seL4_CapNull;
    seL4_CPtr slot = bi->userImageFrames.start + (page - first);
    return slot < bi->userImageFrames.end ? slot : seL4_CapNull;
}

seL4_CPtr cairn_largest_untyped(const seL4_BootInfo *bi)
{
    seL4_CPtr best = seL4_CapNull;
    unsigned best_bits = 0;
    cairn_for_each_untyped(bi, slot, desc) {
        if (!desc->isDevice && (best == seL4_CapNull || desc->sizeBits > best_bits)) {
            best = slot;
            best_bits = desc->sizeBits;
        }
    }
    return best;
}

static void print_region(const char *name, seL4_SlotRegion r)
{
    cairn_printf("  %-16s slots [%lu, %lu)  (%lu)\n", name, (unsigned long)r.start,
                 (unsigned long)r.end, (unsigned long)(r.end - r.start));
}

void cairn_bootinfo_print(const seL4_BootInfo *bi)
{
    uint64_t ram = 0, device = 0;
    cairn_for_each_untyped(bi, slot, desc) {
        (void)slot;
        uint64_t bytes = desc->sizeBits < 64 ? (uint64_t)1 << desc->sizeBits : 0;
        if (desc->isDevice)
            device += bytes;
        else
            ram += bytes;
    }

    cairn_printf("BootInfo at %p\n", (const void *)bi);
    cairn_printf("  IPC buffer       %p\n", (void *)bi->ipcBuffer);
    cairn_printf("  image            [%p, %p)\n", (void *)__executable_start, (void *)_end);
    cairn_printf("  root CNode       %lu slots\n", (unsigned long)1 << bi->initThreadCNodeSizeBits);
    print_region("empty", bi->empty);
    print_region("userImageFrames", bi->userImageFrames);
    print_region("userImagePaging", bi->userImagePaging);
    print_region("extraBIPages", bi->extraBIPages);
    print_region("untyped", bi->untyped);
    cairn_printf("  untyped memory   %lu KiB RAM, %lu MiB device\n", (unsigned long)(ram >> 10),
                 (unsigned long)(device >> 20));
}

void cairn_bootinfo_print_untypeds(const seL4_BootInfo *bi)
{
    cairn_for_each_untyped(bi, slot, desc) {
        cairn_printf("  slot %4lu  paddr 0x%012lx  size bits %2u  %s\n", (unsigned long)slot,
                     (unsigned long)desc->paddr, (unsigned)desc->sizeBits,
                     desc->isDevice ? "device" : "ram");
    }
}

/*
 * The extra BootInfo starts on the page after the BootInfo frame and holds extraLen bytes:
 * chunks, each a seL4_BootInfoHeader (id, len including the header) and its data.
 */
const seL4_BootInfoHeader *cairn_bootinfo_find_chunk(const seL4_BootInfo *bi, seL4_Word id)
{
    const char *extra = (const char *)bi + seL4_BootInfoFrameSize;
    seL4_Word at = 0;
    while (at + sizeof(seL4_BootInfoHeader) <= bi->extraLen) {
        const seL4_BootInfoHeader *h = (const seL4_BootInfoHeader *)(extra + at);
        if (h->len < sizeof(*h) || h->len > bi->extraLen - at)
            return NULL; /* malformed: stop rather than walk off the region */
        if (h->id == id)
            return h;
        at += h->len;
    }
    return NULL;
}

const void *cairn_bootinfo_fdt(const seL4_BootInfo *bi, size_t *size)
{
    const seL4_BootInfoHeader *h = cairn_bootinfo_find_chunk(bi, SEL4_BOOTINFO_HEADER_FDT);
    if (h == NULL)
        return NULL;
    if (size)
        *size = h->len - sizeof(*h);
    return h + 1;
}
