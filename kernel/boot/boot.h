// SPDX-License-Identifier: BSD-2-Clause
// Boot-time helpers shared by boot.c, initial_thread.c and bootinfo.c: the boot memory
// allocator and the record of what was created for the root task.
#pragma once

#include "types.h"
#include "abi.h"
#include "boot/elf.h"
#include "cspace/cte.h"

// Physical memory handed out at boot (never returned): [start, next) is used.
struct boot_alloc {
    paddr_t start;
    paddr_t next;
    paddr_t end;
};

// Zeroed, naturally aligned memory of 2^bits bytes from the boot allocator; panics when
// RAM runs out (the image was checked by mkimage, so this means a kernel bug).
pptr_t boot_alloc_object(struct boot_alloc *a, unsigned bits);

// What initial_thread.c built, for bootinfo.c.
struct root_task {
    struct elf_info elf;
    struct cte *cnode;       // root CNode slots
    seL4_BootInfo *bootinfo; // the BootInfo frame in the kernel window
    vptr_t ipc_buffer_vaddr;
    vptr_t bootinfo_vaddr;
    word_t next_slot; // first root CNode slot not yet filled
    struct tcb *tcb;
    // Extra BootInfo (filled by boot.c before create_root_task): extra_bi_bytes of it at
    // extra_bi, in 2^extra_bi_bits bytes of memory; 0 bytes when there is no device tree.
    pptr_t extra_bi;
    word_t extra_bi_bytes;
    unsigned extra_bi_bits;
};

// Build the root task: CNode, VSpace (ASID 1), image frames and page tables, IPC buffer,
// BootInfo frame and the extra BootInfo frames after it, TCB and the initial caps in
// seL4's slots (docs/design/abi.md §7.3, §7.4 1-3, §8).
void create_root_task(struct boot_alloc *a, const void *elf_file, struct root_task *rt);

// Fill BootInfo: untyped caps for the device regions, the RAM in [low_start, kernel_start)
// below the kernel (the device tree sits under low_start) and the RAM left in
// [free_start, free_end); the empty region and the fixed fields (docs/design/abi.md §7.1).
void populate_bootinfo(struct root_task *rt, paddr_t low_start, paddr_t kernel_start,
                       paddr_t free_start, paddr_t free_end);
