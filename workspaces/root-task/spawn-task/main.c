// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7, "Spawning a Task": your file (with child.c, the program it loads). It starts as
// a complete program, the chapter's start state (7.0): the root task loads the embedded
// child ELF into a new VSpace, gives it a 16-slot CNode (its TCB, a write-only endpoint) and
// starts it; the child prints and sends 1337, which the root task checks. The exercises
// probe what the kernel refuses on the way. After an exercise: `make simulate` runs these
// files, `make check` says which steps their output completes and where it first differs,
// and solution/ holds one way to do it (`make simulate STEP=7.A` runs it as of 7.A). The
// text is docs/tutorial/spawn-task.md.

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

#include "loader.h"

/* The child's CSpace: 2^4 slots. Its CPtrs are full 64-bit words, so the CNode cap gets a
 * guard of 64 - 4 zero bits: guard, then 4 bits of index, and the word is used up. */
#define CHILD_CNODE_BITS 4
#define CHILD_SLOT_TCB 1
#define CHILD_SLOT_ENDPOINT 2

#define CHILD_MESSAGE 1337

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("In root task\n");
    const elf64_header_t *eh = child_elf();
    printf("child ELF: %lu bytes, entry 0x%lx, %u program headers\n",
           (unsigned long)(_child_elf_end - _child_elf_start), (unsigned long)eh->entry,
           (unsigned)eh->phnum);

    /* The child's VSpace: a top-level table, given an ASID from the initial ASID pool. */
    cairn_vspace_t child_vspace = cairn_alloc_vspace();
    check_made(cairn_cptr(child_vspace));
    /* EXERCISE 7.A (docs/tutorial/spawn-task.md, "Step 7.A: a VSpace that is not ready
     * yet"): before the Assign below, map a new frame into child_vspace at the child's
     * entry and print "mapping into a VSpace with no ASID: <error name>"; after it, try
     * again ("mapping into the new VSpace: ...", then "missing level: N bits left"), and
     * assign a second ASID ("assigning a second ASID: ..."). */
    CHECK(cairn_asid_pool_assign(CAIRN_INIT_ASID_POOL, child_vspace));

    /* The image, then the IPC buffer in the page after it. */
    uintptr_t ipc_buffer_vaddr = load_child(child_vspace, eh);
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

    /* Start it at its ELF entry; its own _start sets up its stack. x0 = its IPC buffer. */
    seL4_UserContext regs = {0};
    regs.pc = eh->entry;
    regs.x0 = ipc_buffer_vaddr;
    CHECK(cairn_tcb_write_all_registers(child_tcb, 1, &regs));

    /* The child runs at priority 0, so only once we block here. */
    seL4_MessageInfo_t info = cairn_endpoint_recv(endpoint, NULL);
    cairn_assert(seL4_MessageInfo_get_length(info) == 1);
    seL4_Word got = seL4_GetMR(0);
    if (got != CHILD_MESSAGE)
        panic("child sent %lu, expected %d", (unsigned long)got, CHILD_MESSAGE);
    printf("child sent %lu\n", (unsigned long)got);
    printf("TEST_PASS\n");
    return 0;
}
