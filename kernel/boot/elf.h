// SPDX-License-Identifier: BSD-2-Clause
// Root-task ELF checking and segment iteration. Host-safe: used by the kernel at boot and
// by tools/mkimage at image-build time, so a malformed root task is refused before it
// ever reaches QEMU.
#pragma once

#include "elf64.h" // common/: the ELF64 structures and constants
#include "types.h"

struct elf_segment {
    vptr_t vaddr;       // where the segment starts in the user address space
    word_t file_offset; // where its bytes start in the file
    word_t file_bytes;  // bytes copied from the file
    word_t mem_bytes;   // bytes in memory (the rest is zero)
    word_t flags;       // PF_R | PF_W | PF_X
};

struct elf_info {
    vptr_t entry;
    vptr_t image_start; // lowest segment vaddr, rounded down to a page
    vptr_t image_end;   // highest segment end, rounded up to a page
    unsigned segment_count;
};

// Check that the `bytes` bytes at `file` are a static AArch64 ELF64 executable the kernel
// can load: little endian, ET_EXEC, every PT_LOAD within the file, p_vaddr and p_offset
// congruent modulo the page size, no overlap, entry inside a segment, and the whole image
// plus the IPC buffer and BootInfo pages below user_top. Returns NULL and fills *info, or
// a message saying what is wrong.
const char *elf_check(const void *file, word_t bytes, vptr_t user_top, struct elf_info *info);

// The i-th PT_LOAD segment (0 <= i < info->segment_count) of a checked file.
struct elf_segment elf_segment(const void *file, unsigned i);
