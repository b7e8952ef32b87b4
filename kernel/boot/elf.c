// SPDX-License-Identifier: BSD-2-Clause
// Root-task ELF validation (see elf.h). Every field is checked before it is used; the
// file is untrusted input at image-build time and at boot.
#include "boot/elf.h"

#include "util.h"

#define PAGE_BITS 12

static const struct elf64_phdr *phdr(const void *file, unsigned i)
{
    const struct elf64_ehdr *eh = file;
    const char *p = (const char *)file + eh->phoff + (word_t)i * eh->phentsize;
    return (const struct elf64_phdr *)(const void *)p;
}

static const char *check_header(const struct elf64_ehdr *eh, word_t bytes)
{
    if (bytes < sizeof(*eh)) {
        return "file too small for an ELF header";
    }
    if (eh->ident[0] != 0x7f || eh->ident[1] != 'E' || eh->ident[2] != 'L' || eh->ident[3] != 'F') {
        return "not an ELF file (bad magic)";
    }
    if (eh->ident[4] != ELFCLASS64 || eh->ident[5] != ELFDATA2LSB) {
        return "not a little-endian 64-bit ELF";
    }
    if (eh->machine != EM_AARCH64) {
        return "not an AArch64 ELF (e_machine)";
    }
    if (eh->type != ET_EXEC) {
        return "not a static executable (e_type must be ET_EXEC)";
    }
    if (eh->phentsize != sizeof(struct elf64_phdr) || eh->phnum == 0) {
        return "no usable program headers";
    }
    if (eh->phoff > bytes || (word_t)eh->phnum * eh->phentsize > bytes - eh->phoff) {
        return "program headers lie outside the file";
    }
    return NULL;
}

static const char *check_segment(const struct elf64_phdr *ph, word_t bytes, vptr_t user_top)
{
    if (ph->filesz > ph->memsz) {
        return "PT_LOAD segment with p_filesz > p_memsz";
    }
    if (ph->offset > bytes || ph->filesz > bytes - ph->offset) {
        return "PT_LOAD segment lies outside the file";
    }
    if ((ph->vaddr & MASK(PAGE_BITS)) != (ph->offset & MASK(PAGE_BITS))) {
        return "PT_LOAD segment not page-aligned (p_vaddr and p_offset differ modulo 4 KiB)";
    }
    if (ph->vaddr > user_top || ph->memsz > user_top - ph->vaddr) {
        return "PT_LOAD segment above the user address space (kernel space or beyond)";
    }
    return NULL;
}

const char *elf_check(const void *file, word_t bytes, vptr_t user_top, struct elf_info *info)
{
    const struct elf64_ehdr *eh = file;
    const char *why = check_header(eh, bytes);
    if (why) {
        return why;
    }
    vptr_t lo = ~(vptr_t)0, hi = 0;
    bool entry_ok = false;
    unsigned count = 0;
    for (unsigned i = 0; i < eh->phnum; i++) {
        const struct elf64_phdr *ph = phdr(file, i);
        if (ph->type != PT_LOAD || ph->memsz == 0) {
            continue;
        }
        why = check_segment(ph, bytes, user_top);
        if (why) {
            return why;
        }
        // Segments must not share a byte (they may share a page, as linkers produce).
        for (unsigned j = 0; j < i; j++) {
            const struct elf64_phdr *o = phdr(file, j);
            if (o->type == PT_LOAD && o->memsz && ph->vaddr < o->vaddr + o->memsz &&
                o->vaddr < ph->vaddr + ph->memsz) {
                return "PT_LOAD segments overlap";
            }
        }
        lo = MIN(lo, ph->vaddr);
        hi = MAX(hi, ph->vaddr + ph->memsz);
        entry_ok |= eh->entry >= ph->vaddr && eh->entry < ph->vaddr + ph->memsz;
        count++;
    }
    if (count == 0) {
        return "no PT_LOAD segments";
    }
    if (!entry_ok) {
        return "entry point is not inside a PT_LOAD segment";
    }
    info->entry = eh->entry;
    info->image_start = ALIGN_DOWN(lo, PAGE_BITS);
    info->image_end = ALIGN_UP(hi, PAGE_BITS);
    info->segment_count = count;
    // The IPC buffer and BootInfo pages follow the image (docs/design/abi.md §8.2).
    if (info->image_end + 2 * BIT(PAGE_BITS) - 1 > user_top) {
        return "image reaches the top of the user address space (no room for IPC buffer and "
               "BootInfo)";
    }
    return NULL;
}

struct elf_segment elf_segment(const void *file, unsigned i)
{
    const struct elf64_ehdr *eh = file;
    unsigned n = 0;
    for (unsigned k = 0; k < eh->phnum; k++) {
        const struct elf64_phdr *ph = phdr(file, k);
        if (ph->type != PT_LOAD || ph->memsz == 0) {
            continue;
        }
        if (n++ == i) {
            return (struct elf_segment){ph->vaddr, ph->offset, ph->filesz, ph->memsz, ph->flags};
        }
    }
    return (struct elf_segment){0, 0, 0, 0, 0};
}
