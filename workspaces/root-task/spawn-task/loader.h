// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7's loader, handed out with the chapter (the learner's main.c and the solution
// include it): the embedded child's ELF headers (the format from <cairn/elf.h>), load_child,
// which builds the child's image in its VSpace one frame at a time through a window page of
// our own image (the 4.C trick), and start_child, which gives it a CSpace and a thread. Read
// it with docs/tutorial/spawn-task.md, "Building the task (7.0)". It defines (static)
// functions and the window page, so one file of a program includes it: main.c.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairn/alloc.h>
#include <cairn/caps.h>
#include <cairn/elf.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

/* The child's ELF file, put into our image by workspaces/child_blob.S. */
extern const char _child_elf_start[], _child_elf_end[];

/* ---- the embedded child's ELF headers (the format: <cairn/elf.h>) ---------------------- */

static const elf64_header_t *child_elf(void)
{
    if (cairn_elf_phdrs(_child_elf_start, (size_t)(_child_elf_end - _child_elf_start)) == NULL)
        panic("the embedded child is not an AArch64 ELF64 file");
    return (const elf64_header_t *)_child_elf_start;
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

/* ---- the child's CSpace and thread ------------------------------------------------------ */

/* The child's CSpace: 2^4 slots. Its CPtrs are full 64-bit words, so the CNode cap gets a
 * guard of 64 - 4 zero bits: guard, then 4 bits of index, and the word is used up. */
#define CHILD_CNODE_BITS 4
#define CHILD_SLOT_TCB 1
#define CHILD_SLOT_ENDPOINT 2

/*
 * Start the child whose image load_child put into child_vspace: its IPC buffer in the page
 * after the image (ipc_buffer_vaddr), its CSpace, its TCB, started at the ELF entry. It runs
 * at priority 0. Returns the endpoint the child can send on (its slot 2).
 */
static cairn_endpoint_t start_child(cairn_vspace_t child_vspace, const elf64_header_t *eh,
                                    uintptr_t ipc_buffer_vaddr)
{
    cairn_granule_t ipc_frame = cairn_alloc_granule();
    check_made(cairn_cptr(ipc_frame));
    CHECK(cairn_map_with_tables(
        cairn_cptr(child_vspace), cairn_cptr(ipc_frame), ipc_buffer_vaddr, seL4_ReadWrite,
        seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever, cairn_retype));
    printf("child IPC buffer at 0x%lx\n", (unsigned long)ipc_buffer_vaddr);

    /* The child's CSpace: its TCB in slot 1, the endpoint, send-only, in slot 2. */
    cairn_cnode_t child_cnode = cairn_alloc_cnode(CHILD_CNODE_BITS);
    cairn_tcb_t child_tcb = cairn_alloc_tcb();
    cairn_endpoint_t endpoint = cairn_alloc_endpoint();
    check_made(cairn_cptr(child_cnode));
    check_made(cairn_cptr(child_tcb));
    check_made(cairn_cptr(endpoint));
    CHECK(cairn_cnode_copy(cairn_cnode_slot_depth(child_cnode, CHILD_SLOT_TCB, CHILD_CNODE_BITS),
                           cairn_cspath_of(child_tcb), seL4_AllRights));
    CHECK(
        cairn_cnode_mint(cairn_cnode_slot_depth(child_cnode, CHILD_SLOT_ENDPOINT, CHILD_CNODE_BITS),
                         cairn_cspath_of(endpoint), seL4_CanWrite, 0));

    /* The TCB: CSpace with the guard, VSpace, IPC buffer; no fault handler. */
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - CHILD_CNODE_BITS).words[0];
    CHECK(cairn_tcb_configure(child_tcb, seL4_CapNull, child_cnode, guard, child_vspace, 0,
                              ipc_buffer_vaddr, ipc_frame));

    /* A name for the kernel's fault reports (a debug-build call, as on seL4). */
    cairn_tcb_set_name(child_tcb, "child");
#ifdef CONFIG_KERNEL_MCS
    /* seL4's MCS kernel: a thread runs only on a scheduling context; give it one. */
    CHECK(cairn_tcb_give_sc(cairn_cptr(child_tcb), NULL));
#endif

    /* Start it at its ELF entry; its own _start sets up its stack. x0 = its IPC buffer. */
    seL4_UserContext regs = {0};
    regs.pc = eh->entry;
    regs.x0 = ipc_buffer_vaddr;
    CHECK(cairn_tcb_write_all_registers(child_tcb, 1, &regs));
    return endpoint;
}
