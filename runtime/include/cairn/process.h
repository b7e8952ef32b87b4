// SPDX-License-Identifier: BSD-2-Clause
// Processes for root tasks: a program from an ELF file, running in a VSpace and a CSpace of
// its own, started by the root task. Chapter 7 (spawn-task) builds one by hand; later
// chapters use this. The program gets only what the root task hands it: caps in its CNode
// (cairn_process_give) and frames mapped into its VSpace (cairn_process_share).
// Everything uses only the seL4 ABI.
#pragma once

#include <stddef.h>

#include <cairn/caps.h>
#include <sel4/sel4.h>

/*
 * The process's CSpace: one CNode of 2^CAIRN_PROCESS_CNODE_BITS slots whose guard makes up
 * the rest of the word, so the program names slot i with the plain CPtr i. Slot 0 stays
 * empty, slot 1 holds its own TCB; the others are for cairn_process_give.
 */
#define CAIRN_PROCESS_CNODE_BITS 4
#define CAIRN_PROCESS_SLOT_TCB 1

/* Pages of stack the program starts with (below it, and above the IPC buffer, an unmapped
 * guard page). */
#define CAIRN_PROCESS_STACK_PAGES 4

/*
 * The program's address space, built by cairn_process_create (addresses ascending):
 *
 *   the ELF's PT_LOAD segments     each page a new frame, rights from the segment's flags
 *   (one page after the image)     the IPC buffer
 *   (a guard page)                 unmapped
 *   CAIRN_PROCESS_STACK_PAGES      the stack, growing down from stack_top
 *   (one page)                     its thread-local block (the ELF's PT_TLS image)
 *   next_free ...                  frames added by cairn_process_share, one page each
 */
typedef struct {
    cairn_vspace_t vspace;
    cairn_cnode_t cnode;
    cairn_tcb_t tcb;
    seL4_Word entry;      /* the ELF's entry point */
    seL4_Word ipc_buffer; /* the IPC buffer's address in the process */
    seL4_Word stack_top;
    seL4_Word tls;       /* its TPIDR_EL0 */
    seL4_Word next_free; /* where cairn_process_share maps the next frame */
} cairn_process_t;

/*
 * Build a process from the ELF file [elf, elf + elf_bytes) (static AArch64, ET_EXEC): a new
 * VSpace with an ASID from the initial ASID pool, the segments copied into new frames, the
 * IPC buffer, stack and TLS block, the CNode, and a TCB configured with them (no fault
 * endpoint, priority 0) and named `name`. Objects come from the runtime's allocator. The
 * process does not run until cairn_process_start.
 *
 * Errors: seL4_InvalidArgument for an ELF it cannot load (not AArch64 ELF64, not
 * executable, a segment outside the file or the user address range), cairn_retype_error()
 * when the allocator runs out, or the error of the failing invocation. The file's headers
 * are checked before anything is allocated; objects made before a later failure are not
 * given back.
 */
seL4_Error cairn_process_create(cairn_process_t *p, const void *elf, size_t elf_bytes,
                                const char *name);

/*
 * Put a copy of the cap at `src` (a slot of the root task's CSpace) into slot `slot` of the
 * process's CNode, with `rights` and, if badge is non-zero, that badge (CNode_Mint).
 */
seL4_Error cairn_process_give(cairn_process_t *p, seL4_Word slot, cairn_cspath_t src,
                              seL4_CapRights_t rights, seL4_Word badge);

/*
 * Map `frame` into the process as well, at the next free page, with `rights`: the root task
 * keeps its own cap (and may have the frame mapped itself); the process's mapping is made
 * through a copy of the cap in a new slot of the root task. *vaddr gets the address.
 */
seL4_Error cairn_process_share(cairn_process_t *p, cairn_granule_t frame, seL4_CapRights_t rights,
                               seL4_Word *vaddr);

/*
 * Start it at `priority` (authority: the root task's TCB): pc = its ELF entry, sp = its
 * stack top, TPIDR_EL0 = its TLS block, x0 = its IPC buffer address, x1 = arg0, x2 = arg1.
 * MCS: it first gets a scheduling context of its own (cairn_tcb_give_sc).
 * Its entry is an ordinary C function, e.g.
 *     void _start(seL4_IPCBuffer *ipc_buffer, seL4_Word arg0, seL4_Word arg1);
 * which must call seL4_SetIPCBuffer(ipc_buffer) before any IPC and must never return (it
 * has no caller: end with seL4_TCB_Suspend(CAIRN_PROCESS_SLOT_TCB)).
 */
seL4_Error cairn_process_start(cairn_process_t *p, seL4_Word priority, seL4_Word arg0,
                               seL4_Word arg1);
