// SPDX-License-Identifier: BSD-2-Clause
// The root task as seL4 builds it (docs/design/abi.md §7.3, §7.4, §8): root CNode, ASID-1 VSpace,
// one 4 KiB frame per image page (copied from the ELF) with its page tables, the IPC
// buffer and BootInfo frames after the image, the TCB, and the initial caps.
#include "boot/boot.h"

#include "arch/api.h"
#include "assert.h"
#include "config.h"
#include "cspace/cdt.h"
#include "lib/string.h"
#include "object/asid.h"
#include "object/sched_context.h"
#include "object/tcb.h"
#include "plat/qemu-virt/platform.h"
#include "state.h"
#include "vm/pt_walk.h"

#define ROOT_ASID 1
#define PAGE_BITS seL4_PageBits
#define PAGE_BYTES BIT(PAGE_BITS)

static BOOT_CODE void provide_cap(struct root_task *rt, word_t slot, cap_t cap)
{
    struct cte *c = &rt->cnode[slot];
    kassert(cap_is_null(c->cap));
    c->cap = cap;
    c->mdb = (struct mdb_node){0, 0};
    // Boot caps are revocable (seL4 write_slot): revoking one deletes its copies.
    mdb_set_flags(c, true, true);
}

static BOOT_CODE word_t next_slot(struct root_task *rt)
{
    kassert(rt->next_slot < BIT(CONFIG_ROOT_CNODE_SIZE_BITS));
    return rt->next_slot++;
}

// Page tables for [start, end): every level-1 table first, then level 2, then level 3,
// each level in ascending address order, exactly as seL4 hands out userImagePaging.
static BOOT_CODE void create_page_tables(struct boot_alloc *a, struct root_task *rt, pte_t *root,
                                         vptr_t start, vptr_t end)
{
    rt->bootinfo->userImagePaging.start = rt->next_slot;
    for (unsigned level = 1; level < PT_LEVELS; level++) {
        unsigned span_bits = pt_level_shift(level - 1); // what one table at `level` covers
        for (vptr_t va = ALIGN_DOWN(start, span_bits); va < end; va += BIT(span_bits)) {
            pptr_t table = boot_alloc_object(a, seL4_PageTableBits);
            struct pt_slot s = pt_lookup_slot(root, va);
            kassert(s.level == level - 1 && !pte_is_valid(*s.pte));
            *s.pte = pte_make_table(pptr_to_paddr(table));
            cap_t cap = cap_set_mapping(cap_page_table_new(table), ROOT_ASID, va);
            provide_cap(rt, next_slot(rt), cap);
        }
    }
    rt->bootinfo->userImagePaging.end = rt->next_slot;
}

// Map `frame` read-write at va; returns its cap (mapped, ASID 1).
static BOOT_CODE cap_t map_frame(pte_t *root, pptr_t frame, vptr_t va, bool xn)
{
    struct pt_slot s = pt_lookup_slot(root, va);
    kassert(s.level == 3 && !pte_is_valid(*s.pte));
    *s.pte = pte_make_frame(pptr_to_paddr(frame), 3, VM_READ_WRITE, true, xn);
    return cap_set_mapping(cap_frame_new(frame, FRAME_SMALL, VM_READ_WRITE, false), ROOT_ASID, va);
}

// Map a fresh frame at va; returns its kernel pointer.
static BOOT_CODE pptr_t map_new_frame(struct boot_alloc *a, pte_t *root, vptr_t va, bool xn,
                                      cap_t *cap_out)
{
    pptr_t frame = boot_alloc_object(a, PAGE_BITS);
    *cap_out = map_frame(root, frame, va, xn);
    return frame;
}

// The extra BootInfo frames, mapped from the page after BootInfo on, as seL4 does: only
// the pages holding extraLen bytes, executable like the image; their caps are extraBIPages.
static BOOT_CODE void map_extra_bootinfo(struct root_task *rt, pte_t *root)
{
    if (rt->extra_bi_bytes == 0) {
        return; // extraBIPages stays the empty region {0, 0}
    }
    vptr_t va = rt->bootinfo_vaddr + PAGE_BYTES;
    rt->bootinfo->extraBIPages.start = rt->next_slot;
    for (word_t off = 0; off < rt->extra_bi_bytes; off += PAGE_BYTES) {
        provide_cap(rt, next_slot(rt), map_frame(root, rt->extra_bi + off, va + off, false));
    }
    rt->bootinfo->extraBIPages.end = rt->next_slot;
}

// Copy the file bytes of every segment that overlap the page at va into `frame`.
static BOOT_CODE void load_image_page(const void *elf_file, const struct elf_info *info, vptr_t va,
                                      pptr_t frame)
{
    for (unsigned i = 0; i < info->segment_count; i++) {
        struct elf_segment seg = elf_segment(elf_file, i);
        vptr_t lo = MAX(va, seg.vaddr);
        vptr_t hi = MIN(va + PAGE_BYTES, seg.vaddr + seg.file_bytes);
        if (lo < hi) {
            memcpy((void *)(frame + (lo - va)),
                   (const char *)elf_file + seg.file_offset + (lo - seg.vaddr), hi - lo);
        }
    }
}

static BOOT_CODE struct tcb *create_root_tcb(struct boot_alloc *a, struct root_task *rt)
{
    struct tcb *t = (struct tcb *)boot_alloc_object(a, seL4_TCBBits);
    t->priority = seL4_MaxPrio;
    t->mcp = seL4_MaxPrio;
#ifndef CONFIG_KERNEL_MCS
    t->fault_handler = seL4_CapNull;
#endif
    t->ipc_buffer = rt->ipc_buffer_vaddr;
    t->ctx.elr = rt->elf.entry;
    t->ctx.x[0] = rt->bootinfo_vaddr;
    t->ctx.spsr = SPSR_USER_DEFAULT;
    t->time_slice = CONFIG_TIME_SLICE;
    t->fpu.fpcr = 0;
    memcpy(t->name, "rootserver", sizeof("rootserver"));
    t->state = TS_RUNNING;
    tcb_debug_append(t);
    return t;
}

BOOT_CODE void create_root_task(struct boot_alloc *a, const void *elf_file, struct root_task *rt)
{
    extern char _rootimage_end[];
    word_t bytes = (word_t)(_rootimage_end - (const char *)elf_file);
    const char *why = elf_check(elf_file, bytes, seL4_UserTop, &rt->elf);
    if (why) {
        panic("root task ELF refused: %s", why);
    }
    vptr_t image_start = rt->elf.image_start, image_end = rt->elf.image_end;
    rt->ipc_buffer_vaddr = image_end;
    rt->bootinfo_vaddr = image_end + PAGE_BYTES;
    // Page tables cover the image, IPC buffer, BootInfo and all the extra BootInfo memory.
    vptr_t region_end = image_end + 2 * PAGE_BYTES;
    if (rt->extra_bi_bytes) {
        region_end += BIT(rt->extra_bi_bits);
    }

    // Root CNode: radix = size bits, guard size 64 - radix, guard 0 (docs/design/abi.md §7.5).
    unsigned radix = CONFIG_ROOT_CNODE_SIZE_BITS;
    rt->cnode = (struct cte *)boot_alloc_object(a, radix + seL4_SlotBits);
    rt->next_slot = seL4_NumInitialCaps;
    provide_cap(rt, seL4_CapInitThreadCNode,
                cap_cnode_new((pptr_t)rt->cnode, radix, seL4_WordBits - radix, 0));

    // VSpace, the initial ASID pool, ASID 1.
    pte_t *root = (pte_t *)boot_alloc_object(a, seL4_VSpaceBits);
    struct asid_pool *pool = (struct asid_pool *)boot_alloc_object(a, seL4_ASIDPoolBits);
    ks_asid_table[0] = pool;
    pool->vspace[ROOT_ASID] = root;
    provide_cap(rt, seL4_CapInitThreadVSpace, cap_vspace_new((pptr_t)root, ROOT_ASID));
    provide_cap(rt, seL4_CapInitThreadASIDPool, cap_asid_pool_new((pptr_t)pool, 0));
    provide_cap(rt, seL4_CapASIDControl, cap_asid_control_new());
    provide_cap(rt, seL4_CapIRQControl, cap_irq_control_new());
    provide_cap(rt, seL4_CapDomain, cap_domain_new());

    // BootInfo first (its slot regions are filled as caps are handed out).
    cap_t bi_cap;
    pptr_t bi_frame = boot_alloc_object(a, PAGE_BITS);
    rt->bootinfo = (seL4_BootInfo *)bi_frame;
    create_page_tables(a, rt, root, image_start, region_end);
    bi_cap = map_frame(root, bi_frame, rt->bootinfo_vaddr, true);
    provide_cap(rt, seL4_CapBootInfoFrame, bi_cap);
    map_extra_bootinfo(rt, root);

#ifdef CONFIG_KERNEL_MCS
    // MCS: one SchedControl cap per node, after the paging caps (seL4's init_sched_control).
    rt->bootinfo->schedcontrol.start = rt->next_slot;
    provide_cap(rt, next_slot(rt), cap_sched_control_new(0));
    rt->bootinfo->schedcontrol.end = rt->next_slot;
#endif

    // Image frames, one per page, in ascending address order.
    rt->bootinfo->userImageFrames.start = rt->next_slot;
    for (vptr_t va = image_start; va < image_end; va += PAGE_BYTES) {
        cap_t cap;
        pptr_t frame = map_new_frame(a, root, va, false, &cap);
        load_image_page(elf_file, &rt->elf, va, frame);
        provide_cap(rt, next_slot(rt), cap);
    }
    rt->bootinfo->userImageFrames.end = rt->next_slot;
    // The image was written through the data cache; make it visible to instruction fetch.
    arch_cache_range(CACHE_UNIFY, paddr_to_pptr(a->start), paddr_to_pptr(a->next));

    cap_t ipc_cap;
    map_new_frame(a, root, rt->ipc_buffer_vaddr, true, &ipc_cap);
    provide_cap(rt, seL4_CapInitThreadIPCBuffer, ipc_cap);

    // The thread, with copies of its CSpace, VSpace and IPC buffer caps in its own slots.
    struct tcb *t = create_root_tcb(a, rt);
    provide_cap(rt, seL4_CapInitThreadTCB, cap_thread_new((pptr_t)t));
    cdt_insert(rt->cnode[seL4_CapInitThreadCNode].cap, &rt->cnode[seL4_CapInitThreadCNode],
               &t->slots[TCB_CTABLE]);
    cdt_insert(rt->cnode[seL4_CapInitThreadVSpace].cap, &rt->cnode[seL4_CapInitThreadVSpace],
               &t->slots[TCB_VTABLE]);
    cdt_insert(ipc_cap, &rt->cnode[seL4_CapInitThreadIPCBuffer], &t->slots[TCB_BUFFER]);
    tcb_setup_reply_master(t); // so the root task can Call and be given faults' replies
#ifdef CONFIG_KERNEL_MCS
    // MCS: the thread's scheduling context, minimum size, with seL4's boot budget; its cap
    // in slot 14.
    struct sched_context *sc =
        (struct sched_context *)boot_alloc_object(a, seL4_MinSchedContextBits);
    sched_context_boot(sc, t, sc_us_to_ticks(CONFIG_BOOT_THREAD_TIME_SLICE * 1000u));
    provide_cap(rt, seL4_CapInitThreadSC,
                cap_sched_context_new((pptr_t)sc, seL4_MinSchedContextBits));
#endif
    rt->tcb = t;
}
