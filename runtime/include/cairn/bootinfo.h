// SPDX-License-Identifier: BSD-2-Clause
// Small helpers over the seL4_BootInfo frame: walking the untyped list, finding the frame
// cap of an image page, the extra BootInfo chunks (the device tree), and a printed summary.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>

/*
 * for each untyped cap the kernel handed over:
 *     cairn_for_each_untyped(bi, slot, desc) { ... desc->paddr, desc->sizeBits ... }
 * slot is the seL4_CPtr of the cap, desc its seL4_UntypedDesc.
 */
#define cairn_for_each_untyped(bi, slot, desc)                                                     \
    for (seL4_CPtr slot = (bi)->untyped.start; slot < (bi)->untyped.end; slot++)                   \
        for (const seL4_UntypedDesc *desc = &(bi)->untypedList[slot - (bi)->untyped.start];        \
             desc != NULL; desc = NULL)

/* Number of slots in a region. */
static inline size_t cairn_slot_region_size(seL4_SlotRegion r)
{
    return r.end - r.start;
}

/*
 * The frame cap (in userImageFrames) that backs the image page containing vaddr, or
 * seL4_CapNull when vaddr is outside the image [__executable_start, _end).
 */
seL4_CPtr cairn_image_frame_slot(const seL4_BootInfo *bi, uintptr_t vaddr);

/* The untyped cap with the most bytes of ordinary (non-device) memory; seL4_CapNull if none. */
seL4_CPtr cairn_largest_untyped(const seL4_BootInfo *bi);

/* Print a summary: IPC buffer, slot regions, untyped count and memory totals. */
void cairn_bootinfo_print(const seL4_BootInfo *bi);

/* Print one line per untyped: slot, paddr, size bits and whether it is device memory. */
void cairn_bootinfo_print_untypeds(const seL4_BootInfo *bi);

/*
 * The first extra BootInfo chunk whose header id is `id` (SEL4_BOOTINFO_HEADER_FDT, ...):
 * its header, the chunk's data following it (h->len bytes in all); NULL if there is none.
 * The chunks sit on the pages after the BootInfo frame, extraLen bytes of them.
 */
const seL4_BootInfoHeader *cairn_bootinfo_find_chunk(const seL4_BootInfo *bi, seL4_Word id);

/* The flattened device tree the kernel passed in extra BootInfo, or NULL; *size (if size
 * is not NULL) is its length in bytes. */
const void *cairn_bootinfo_fdt(const seL4_BootInfo *bi, size_t *size);
