// SPDX-License-Identifier: BSD-2-Clause
// The device tree handed to the root task: finding the blob the machine left in RAM and
// laying it out as seL4's extra BootInfo chunk (see docs/design/bootinfo-extra.md).
#pragma once

#include "types.h"

// What the kernel found where the device tree should be.
enum dtb_status {
    DTB_FOUND,        // a device tree with an acceptable header; *size is its totalsize
    DTB_MISSING,      // no FDT magic: nothing was passed
    DTB_INVALID,      // magic, but a version newer than 17 or a totalsize below the header
    DTB_OUT_OF_RANGE, // the header is fine, but totalsize runs past the bytes available
};

// Check the flattened device tree header at `blob`, of which `room` bytes are readable
// and may belong to it (40 header bytes must be readable). On DTB_FOUND, *size is the
// blob's totalsize, the number of bytes seL4 passes on.
enum dtb_status dtb_check(const void *blob, word_t room, word_t *size);

// Print the boot-log line for a status (nothing for DTB_FOUND): the lines seL4's loader
// prints for a missing, a malformed and an unplaceable device tree.
void dtb_report(enum dtb_status status);

// Bytes of extra BootInfo for a device tree of dtb_size bytes (0: none): one chunk, its
// seL4_BootInfoHeader then the blob, no padding. This is BootInfo's extraLen.
word_t extra_bootinfo_bytes(word_t dtb_size);

// log2 of the memory seL4 sets aside for `bytes` of extra BootInfo: 0 for none, else the
// smallest power of two of at least one page that holds it.
unsigned extra_bootinfo_size_bits(word_t bytes);

// Write the chunk at dst: header {SEL4_BOOTINFO_HEADER_FDT, 16 + dtb_size}, then the blob.
void extra_bootinfo_write(void *dst, const void *dtb, word_t dtb_size);
