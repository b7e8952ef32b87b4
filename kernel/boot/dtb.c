// SPDX-License-Identifier: BSD-2-Clause
// The device tree for the root task. seL4's loader passes the kernel the blob's address
// and its header's totalsize; the kernel copies [header][blob] into the memory after the
// BootInfo frame. On QEMU virt the blob is the one QEMU writes at the start of RAM.
#include "boot/dtb.h"

#include "abi.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "util.h"

// The flattened device tree header: ten big-endian 32-bit words.
#define FDT_MAGIC 0xd00dfeedu
#define FDT_HEADER_BYTES 40u
#define FDT_OFF_TOTALSIZE 4u
#define FDT_OFF_LAST_COMP_VERSION 24u
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
    *size = total;
    return DTB_FOUND;
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
    memcpy((char *)dst + sizeof(header), dtb, dtb_size);
}
