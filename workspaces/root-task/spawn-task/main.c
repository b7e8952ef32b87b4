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

    /* The image (load_child), then the child started (start_child): an IPC buffer in the
     * page after the image, a CSpace with its TCB and the endpoint, a TCB. */
    uintptr_t image_end = load_child(child_vspace, eh);
    cairn_endpoint_t endpoint = start_child(child_vspace, eh, image_end);

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
