// SPDX-License-Identifier: BSD-2-Clause
// The device tree for the root task. seL4's loader passes the kernel the blob's address
// and its size; the kernel copies [header][blob] into the memory after the BootInfo frame.
// On QEMU virt the blob is the one QEMU writes at the start of RAM, passed on packed (its
// free space dropped), as dtc would have written it.
#include "boot/dtb.h"

#include "abi.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "util.h"

// The flattened device tree header: ten big-endian 32-bit words.
#define FDT_MAGIC 0xd00dfeedu
#define FDT_HEADER_BYTES 40u
#define FDT_OFF_TOTALSIZE 4u
#define FDT_OFF_DT_STRUCT 8u
#define FDT_OFF_DT_STRINGS 12u
#define FDT_OFF_MEM_RSVMAP 16u
#define FDT_OFF_VERSION 20u
#define FDT_OFF_LAST_COMP_VERSION 24u
#define FDT_OFF_SIZE_DT_STRINGS 32u
#define FDT_OFF_SIZE_DT_STRUCT 36u
// The first version whose header records the structure block's size.
#define FDT_VERSION_SIZE_DT_STRUCT 17u
// The newest last_comp_version seL4's loader accepts.
#define FDT_MAX_LAST_COMP_VERSION 17u

static word_t fdt_word(const void *blob, word_t offset)
{
    const uint8_t *b = (const uint8_t *)blob + offset;
    return (word_t)b[0] << 24 | (word_t)b[1] << 16 | (word_t)b[2] << 8 | b[3];
}

BOOT_CODE enum dtb_status dtb_check(const void *blob, word_t room, word_t *size)
{
    if (fdt_word(blob, 0) != FDT_MAGIC) {
        return DTB_MISSING;
    }
    word_t total = fdt_word(blob, FDT_OFF_TOTALSIZE);
    if (fdt_word(blob, FDT_OFF_LAST_COMP_VERSION) > FDT_MAX_LAST_COMP_VERSION ||
        total < FDT_HEADER_BYTES) {
        return DTB_INVALID;
    }
    if (total > room) {
        return DTB_OUT_OF_RANGE;
    }
    *size = dtb_packed_size(blob, total);
    return DTB_FOUND;
}

BOOT_CODE word_t dtb_packed_size(const void *blob, word_t total)
{
    // QEMU's blob keeps free space after its strings (totalsize 1 MiB for ~8 KiB of
    // data); a blob compiled by dtc, as seL4's loader hands over on this board, has none.
    // Pass on only the used part when the blocks are in dtc's order (reserve map,
    // structure, strings) and inside totalsize; otherwise the blob as it is.
    if (fdt_word(blob, FDT_OFF_VERSION) < FDT_VERSION_SIZE_DT_STRUCT) {
        return total;
    }
    word_t rsvmap = fdt_word(blob, FDT_OFF_MEM_RSVMAP);
    word_t dt_struct = fdt_word(blob, FDT_OFF_DT_STRUCT);
    word_t struct_end = dt_struct + fdt_word(blob, FDT_OFF_SIZE_DT_STRUCT);
    word_t strings = fdt_word(blob, FDT_OFF_DT_STRINGS);
    word_t strings_end = strings + fdt_word(blob, FDT_OFF_SIZE_DT_STRINGS);
    if (rsvmap < FDT_HEADER_BYTES || rsvmap > dt_struct || struct_end > strings ||
        strings_end > total) {
        return total;
    }
    return strings_end;
}

BOOT_CODE void dtb_report(enum dtb_status status)
{
    switch (status) {
    case DTB_FOUND:
        break;
    case DTB_MISSING:
        kprintf("No DTB passed in from boot loader.\n");
        break;
    case DTB_INVALID:
        kprintf("ERROR: Invalid device tree blob supplied\n");
        break;
    case DTB_OUT_OF_RANGE:
        kprintf("ERROR: Physical address of DTB invalid\n");
        break;
    }
}

BOOT_CODE word_t extra_bootinfo_bytes(word_t dtb_size)
{
    return dtb_size ? sizeof(seL4_BootInfoHeader) + dtb_size : 0;
}

BOOT_CODE unsigned extra_bootinfo_size_bits(word_t bytes)
{
    if (bytes == 0) {
        return 0;
    }
    word_t rounded = ALIGN_UP(bytes, seL4_PageBits);
    unsigned bits = 63 - clz64(rounded);
    return rounded > BIT(bits) ? bits + 1 : bits;
}

BOOT_CODE void extra_bootinfo_write(void *dst, const void *dtb, word_t dtb_size)
{
    seL4_BootInfoHeader header = {
        .id = SEL4_BOOTINFO_HEADER_FDT,
        .len = sizeof(header) + dtb_size,
    };
    memcpy(dst, &header, sizeof(header));
    char *copy = (char *)dst + sizeof(header);
    memcpy(copy, dtb, dtb_size);
    // The copy's totalsize is the size passed on (smaller than the original's once packed).
    for (unsigned i = 0; i < 4; i++) {
        copy[FDT_OFF_TOTALSIZE + i] = (char)(dtb_size >> (24 - 8 * i));
    }
}
