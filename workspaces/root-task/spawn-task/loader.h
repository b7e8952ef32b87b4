// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7's loader, handed out with the chapter (the learner's main.c and the solution
// include it): just enough of the ELF format to find the embedded child's segments, and
// load_child, which builds the child's image in its VSpace one frame at a time through a
// window page of our own image (the 4.C trick). Read it with docs/tutorial/spawn-task.md,
// "Building the task (7.0)". It defines (static) functions and the window page, so one file
// of a program includes it: main.c.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairn/alloc.h>
#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

/* The child's ELF file, put into our image by workspaces/child_blob.S. */
extern const char _child_elf_start[], _child_elf_end[];

/* ---- just enough of the ELF format ------------------------------------------------------ */

typedef struct {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
} elf64_header_t;

typedef struct {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
} elf64_phdr_t;

#define ELF_PT_LOAD 1
#define ELF_PF_X 1
#define ELF_PF_W 2

static const elf64_header_t *child_elf(void)
{
    const elf64_header_t *eh = (const elf64_header_t *)_child_elf_start;
    size_t size = (size_t)(_child_elf_end - _child_elf_start);
    if (size < sizeof *eh || memcmp(eh->ident, "\177ELF", 4) != 0 || eh->ident[4] != 2 ||
        eh->machine != 183 /* EM_AARCH64 */ || eh->phentsize != sizeof(elf64_phdr_t) ||
        eh->phoff + (uint64_t)eh->phnum * sizeof(elf64_phdr_t) > size)
        panic("the embedded child is not an AArch64 ELF64 file");
    return eh;
}

static const elf64_phdr_t *child_phdr(const elf64_header_t *eh, unsigned i)
{
    return (const elf64_phdr_t *)(_child_elf_start + eh->phoff) + i;
}

/* ---- a page of our own image to look at the child's frames through (the 4.C trick) ------ */

/* Non-zero, so it is in .data: one of BootInfo's image frames backs it until we unmap it. */
static char WINDOW[CAIRN_GRANULE_BYTES]
    __attribute__((aligned(CAIRN_GRANULE_BYTES))) = {[0 ... CAIRN_GRANULE_BYTES - 1] = 1};

/* Stop unless the runtime's allocator made the object (cairn_retype_error() says why not). */
static void check_made(seL4_CPtr cap)
{
    if (cap == seL4_CapNull)
        panic("retype failed: %s", seL4_strerror(cairn_retype_error()));
}

/*
 * One frame of the child's image at child_vaddr: zeroed, `len` bytes of `src` copied to its
 * start, then mapped into the child with rights and attributes from the segment flags.
 */
static void load_page(cairn_vspace_t child_vspace, uintptr_t child_vaddr, const char *src,
                      size_t len, uint32_t flags)
{
    cairn_granule_t frame = cairn_alloc_granule();
    check_made(cairn_cptr(frame));
    CHECK(cairn_frame_map(frame, CAIRN_INIT_VSPACE, (seL4_Word)WINDOW, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));
    memset(WINDOW, 0, sizeof WINDOW);
    memcpy(WINDOW, src, len);
    /* Make the new bytes visible to instruction fetch before the child runs them. */
    if (flags & ELF_PF_X)
        CHECK(seL4_ARM_Page_Unify_Instruction(cairn_cptr(frame), 0, CAIRN_GRANULE_BYTES));
    CHECK(cairn_frame_unmap(frame));

    seL4_CapRights_t rights = (flags & ELF_PF_W) ? seL4_ReadWrite : seL4_CanRead;
    seL4_ARM_VMAttributes attrs = seL4_ARM_Default_VMAttributes;
    if (!(flags & ELF_PF_X))
        attrs |= seL4_ARM_ExecuteNever;
    CHECK(cairn_map_with_tables(cairn_cptr(child_vspace), cairn_cptr(frame), child_vaddr, rights,
                                attrs, cairn_retype));
}

/* Load every PT_LOAD segment; returns the first page after the image. */
static uintptr_t load_child(cairn_vspace_t child_vspace, const elf64_header_t *eh)
{
    cairn_granule_t window_frame = cairn_bi_image_frame_at(cairn_bootinfo(), (uintptr_t)WINDOW);
    CHECK(cairn_frame_unmap(window_frame));

    uintptr_t image_end = 0;
    for (unsigned i = 0; i < eh->phnum; i++) {
        const elf64_phdr_t *ph = child_phdr(eh, i);
        if (ph->type != ELF_PT_LOAD || ph->memsz == 0)
            continue;
        if (ph->vaddr % CAIRN_GRANULE_BYTES != 0 || ph->filesz > ph->memsz ||
            ph->offset + ph->filesz > (uint64_t)(_child_elf_end - _child_elf_start))
            panic("child segment %u is not page-aligned or lies outside the file", i);
        printf("segment %u: 0x%lx, %lu bytes (%lu from the file), %c%c%c\n", i,
               (unsigned long)ph->vaddr, (unsigned long)ph->memsz, (unsigned long)ph->filesz, 'r',
               (ph->flags & ELF_PF_W) ? 'w' : '-', (ph->flags & ELF_PF_X) ? 'x' : '-');
        for (uint64_t off = 0; off < ph->memsz; off += CAIRN_GRANULE_BYTES) {
            size_t len = 0;
            if (off < ph->filesz)
                len = (size_t)(ph->filesz - off < CAIRN_GRANULE_BYTES ? ph->filesz - off
                                                                      : CAIRN_GRANULE_BYTES);
            load_page(child_vspace, ph->vaddr + off, _child_elf_start + ph->offset + off, len,
                      ph->flags);
        }
        uintptr_t end = (ph->vaddr + ph->memsz + CAIRN_GRANULE_BYTES - 1) &
                        ~(uintptr_t)(CAIRN_GRANULE_BYTES - 1);
        if (end > image_end)
            image_end = end;
    }

    /* Our own page back where it was. */
    CHECK(cairn_frame_map(window_frame, CAIRN_INIT_VSPACE, (seL4_Word)WINDOW, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));
    return image_end;
}
