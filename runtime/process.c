// SPDX-License-Identifier: BSD-2-Clause
// Processes (see cairn/process.h): an ELF file loaded page by page into a new VSpace, a
// guarded CNode, a TCB configured with both, and the calls that hand the process caps and
// shared frames and start it. The root task fills each new frame through a scratch mapping
// of its own (CAIRN_PROCESS_SCRATCH), since it cannot write into another VSpace directly.

#include <stdint.h>
#include <string.h>

#include <cairn/alloc.h>
#include <cairn/elf.h>
#include <cairn/process.h>
#include <cairn/vspace.h>

/* Where the root task maps a frame of a process while it fills it: a page of its own
 * address space that nothing else uses (the last level-0 entry's first page). */
#define CAIRN_PROCESS_SCRATCH 0x7f8000000000UL

#define PAGE CAIRN_GRANULE_BYTES
#define DATA_ATTRS (seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever)
#define PAGE_DOWN(x) ((x) & ~(seL4_Word)(PAGE - 1))
#define PAGE_UP(x) PAGE_DOWN((x) + PAGE - 1)

/* A new frame, filled through the scratch page with `len` bytes of `src` at `offset` (the
 * rest zero), then mapped at vaddr in the process; *out (if not NULL) gets its cap. */
static seL4_Error map_filled_page(cairn_process_t *p, seL4_Word vaddr, seL4_Word offset,
                                  const char *src, size_t len, seL4_CapRights_t rights,
                                  seL4_ARM_VMAttributes attrs, cairn_granule_t *out)
{
    cairn_granule_t frame = cairn_alloc_granule();
    if (cairn_cap_is_null(frame))
        return cairn_retype_error();
    if (out != NULL)
        *out = frame;
    seL4_Error err = cairn_granule_map_with_tables(frame, CAIRN_INIT_VSPACE, CAIRN_PROCESS_SCRATCH,
                                                   seL4_ReadWrite, seL4_ARM_Default_VMAttributes);
    if (err != seL4_NoError)
        return err;
    /* New frames are zeroed by the kernel; only the bytes from the file need writing. */
    if (len > 0)
        memcpy((char *)CAIRN_PROCESS_SCRATCH + offset, src, len);
    /* Code: make the new bytes visible to instruction fetch (needs the frame mapped). */
    if (!(attrs & seL4_ARM_ExecuteNever))
        err = cairn_frame_unify_instruction(frame, 0, PAGE);
    if (err == seL4_NoError)
        err = cairn_frame_unmap(frame);
    if (err != seL4_NoError)
        return err;
    return cairn_granule_map_with_tables(frame, p->vspace, vaddr, rights, attrs);
}

/* Every page of one PT_LOAD segment. */
static seL4_Error load_segment(cairn_process_t *p, const char *file, const elf64_phdr_t *ph)
{
    seL4_CapRights_t rights = (ph->flags & ELF_PF_W) ? seL4_ReadWrite : seL4_CanRead;
    seL4_ARM_VMAttributes attrs = seL4_ARM_Default_VMAttributes;
    if (!(ph->flags & ELF_PF_X))
        attrs |= seL4_ARM_ExecuteNever;
    seL4_Word file_end = ph->vaddr + ph->filesz; /* file bytes cover [vaddr, file_end) */
    for (seL4_Word page = PAGE_DOWN(ph->vaddr); page < ph->vaddr + ph->memsz; page += PAGE) {
        seL4_Word from = page < ph->vaddr ? ph->vaddr : page;
        seL4_Word to = page + PAGE < file_end ? page + PAGE : file_end;
        size_t len = to > from ? to - from : 0;
        seL4_Error err = map_filled_page(
            p, page, from - page, file + ph->offset + (from - ph->vaddr), len, rights, attrs, NULL);
        if (err != seL4_NoError)
            return err;
    }
    return seL4_NoError;
}

/* The thread-local block in the page at `page`: TPIDR_EL0 (p->tls) points at a 16-byte
 * header (zero), the TLS image follows at its alignment. */
static seL4_Error map_tls(cairn_process_t *p, seL4_Word page, const char *file,
                          const elf64_phdr_t *tls)
{
    seL4_Word offset = 0, len = 0;
    const char *src = file;
    if (tls != NULL) {
        seL4_Word align = tls->align > 16 ? tls->align : 16;
        offset = (16 + align - 1) & ~(align - 1);
        if (offset + tls->memsz > PAGE)
            return seL4_InvalidArgument;
        src = file + tls->offset;
        len = tls->filesz;
    }
    p->tls = page;
    return map_filled_page(p, page, offset, src, len, seL4_ReadWrite, DATA_ATTRS, NULL);
}

/* The image: every PT_LOAD segment; *end gets the first page after it. */
static seL4_Error load_image(cairn_process_t *p, const char *file, size_t bytes,
                             const elf64_header_t *eh, const elf64_phdr_t *ph, seL4_Word *end)
{
    *end = 0;
    for (unsigned i = 0; i < eh->phnum; i++) {
        if (ph[i].type != ELF_PT_LOAD || ph[i].memsz == 0)
            continue;
        if (ph[i].filesz > ph[i].memsz || ph[i].offset + ph[i].filesz > bytes ||
            ph[i].vaddr + ph[i].memsz > CAIRN_PROCESS_SCRATCH || ph[i].vaddr < PAGE)
            return seL4_InvalidArgument;
        seL4_Error err = load_segment(p, file, &ph[i]);
        if (err != seL4_NoError)
            return err;
        if (PAGE_UP(ph[i].vaddr + ph[i].memsz) > *end)
            *end = PAGE_UP(ph[i].vaddr + ph[i].memsz);
    }
    return *end != 0 ? seL4_NoError : seL4_InvalidArgument;
}

/* One new object of a kind, or the allocator's error. */
#define NEW_OR_FAIL(var, alloc_call)                                                               \
    do {                                                                                           \
        var = alloc_call;                                                                          \
        if (cairn_cap_is_null(var))                                                                \
            return cairn_retype_error();                                                           \
    } while (0)

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        seL4_Error try_err_ = (expr);                                                              \
        if (try_err_ != seL4_NoError)                                                              \
            return try_err_;                                                                       \
    } while (0)

seL4_Error cairn_process_create(cairn_process_t *p, const void *elf, size_t elf_bytes,
                                const char *name)
{
    const elf64_header_t *eh = elf;
    const elf64_phdr_t *ph = cairn_elf_phdrs(eh, elf_bytes);
    if (ph == NULL)
        return seL4_InvalidArgument;
    memset(p, 0, sizeof *p);
    p->entry = eh->entry;

    NEW_OR_FAIL(p->vspace, cairn_alloc_vspace());
    TRY(cairn_asid_pool_assign(CAIRN_INIT_ASID_POOL, p->vspace));

    seL4_Word image_end;
    TRY(load_image(p, elf, elf_bytes, eh, ph, &image_end));

    /* IPC buffer, guard page, stack, TLS block. */
    p->ipc_buffer = image_end;
    cairn_granule_t ipc_frame;
    TRY(map_filled_page(p, p->ipc_buffer, 0, NULL, 0, seL4_ReadWrite, DATA_ATTRS, &ipc_frame));
    seL4_Word stack_bottom = p->ipc_buffer + 2 * PAGE;
    p->stack_top = stack_bottom + CAIRN_PROCESS_STACK_PAGES * PAGE;
    for (seL4_Word page = stack_bottom; page < p->stack_top; page += PAGE)
        TRY(map_filled_page(p, page, 0, NULL, 0, seL4_ReadWrite, DATA_ATTRS, NULL));
    const elf64_phdr_t *tls = NULL;
    for (unsigned i = 0; i < eh->phnum; i++)
        if (ph[i].type == ELF_PT_TLS)
            tls = &ph[i];
    TRY(map_tls(p, p->stack_top, elf, tls));
    p->next_free = p->stack_top + PAGE;

    /* The CSpace: guard of 64 - 4 zero bits, so CPtr i is slot i. */
    NEW_OR_FAIL(p->cnode, cairn_alloc_cnode(CAIRN_PROCESS_CNODE_BITS));
    NEW_OR_FAIL(p->tcb, cairn_alloc_tcb());
    TRY(cairn_process_give(p, CAIRN_PROCESS_SLOT_TCB, cairn_cspath_of(p->tcb), seL4_AllRights, 0));

    /* The TCB: no fault endpoint, the CSpace with its guard, the VSpace, the IPC buffer
     * (named by its address in the process and by its frame). */
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - CAIRN_PROCESS_CNODE_BITS).words[0];
    TRY(cairn_tcb_configure(p->tcb, seL4_CapNull, p->cnode, guard, p->vspace, 0, p->ipc_buffer,
                            ipc_frame));
    cairn_tcb_set_name(p->tcb, name);
    return seL4_NoError;
}

seL4_Error cairn_process_give(cairn_process_t *p, seL4_Word slot, cairn_cspath_t src,
                              seL4_CapRights_t rights, seL4_Word badge)
{
    cairn_cspath_t dest = cairn_cnode_slot_depth(p->cnode, slot, CAIRN_PROCESS_CNODE_BITS);
    if (badge == 0)
        return cairn_cnode_copy(dest, src, rights);
    return cairn_cnode_mint(dest, src, rights, badge);
}

seL4_Error cairn_process_share(cairn_process_t *p, cairn_granule_t frame, seL4_CapRights_t rights,
                               seL4_Word *vaddr)
{
    /* One cap maps one place: the process's mapping needs a copy of the cap. */
    cairn_granule_t copy = cairn_as_granule(cairn_slot_alloc());
    if (cairn_cap_is_null(copy))
        return seL4_FailedLookup;
    TRY(cairn_cnode_copy(cairn_cspath_of(copy), cairn_cspath_of(frame), seL4_AllRights));
    TRY(cairn_granule_map_with_tables(copy, p->vspace, p->next_free, rights, DATA_ATTRS));
    if (vaddr != NULL)
        *vaddr = p->next_free;
    p->next_free += PAGE;
    return seL4_NoError;
}

seL4_Error cairn_process_start(cairn_process_t *p, seL4_Word priority, seL4_Word arg0,
                               seL4_Word arg1)
{
    TRY(cairn_tcb_set_priority(p->tcb, CAIRN_INIT_TCB, priority));
#ifdef CONFIG_KERNEL_MCS
    TRY(cairn_tcb_give_sc(cairn_cptr(p->tcb), NULL)); /* MCS: it runs only with CPU time */
#endif
    seL4_UserContext regs;
    memset(&regs, 0, sizeof regs);
    regs.pc = p->entry;
    regs.sp = p->stack_top;
    regs.tpidr_el0 = p->tls;
    regs.x0 = p->ipc_buffer;
    regs.x1 = arg0;
    regs.x2 = arg1;
    return cairn_tcb_write_all_registers(p->tcb, true, &regs);
}
