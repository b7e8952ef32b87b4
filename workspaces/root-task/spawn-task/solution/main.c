// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7, "Spawning a Task": the solution, with child.c, every step in order. The build
// compiles both once per step (workspaces/step.h); what a step adds tests its step. 7.0 is
// the start state: the root task loads the embedded child ELF into a new VSpace, gives it a
// 16-slot CNode (its TCB, a write-only endpoint) and starts it; the child prints and sends
// 1337, which the root task checks. 7.A (here) probes the VSpace before it is ready; 7.B is
// in child.c. `make simulate STEP=7.A` runs the program of 7.A. The learner's files are
// main.c and child.c in the chapter's folder; the text is docs/tutorial/spawn-task.md.

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
#include "step.h"

#define CHILD_MESSAGE 1337

/* 7.A: report an expected error and stop if it is another one. */
static void expect_error(const char *what, seL4_Error got, seL4_Error want)
{
    printf("%s: %s\n", what, seL4_strerror(got));
    if (got != want)
        panic("%s: expected %s", what, seL4_strerror(want));
}

/* 7.A: the ASID for `vspace`, with the mapping errors of a VSpace that is not ready around
 * it: no ASID yet (invalid capability), then no tables below the top level (failed lookup,
 * 39 bits left), and a second ASID refused. */
static void assign_asid_probing(cairn_vspace_t child_vspace, const elf64_header_t *eh)
{
    /* A VSpace without an ASID cannot take mappings yet ... */
    cairn_granule_t probe = cairn_alloc_granule();
    check_made(cairn_cptr(probe));
    expect_error("mapping into a VSpace with no ASID",
                 cairn_frame_map(probe, child_vspace, eh->entry, seL4_CanRead,
                                 seL4_ARM_Default_VMAttributes),
                 seL4_InvalidCapability);
    CHECK(cairn_asid_pool_assign(CAIRN_INIT_ASID_POOL, child_vspace));
    /* ... and once it has one, every level below the top is still missing. */
    seL4_Error err = cairn_frame_map(probe, child_vspace, eh->entry, seL4_CanRead,
                                     seL4_ARM_Default_VMAttributes);
    expect_error("mapping into the new VSpace", err, seL4_FailedLookup);
    printf("missing level: %lu bits left\n", (unsigned long)seL4_MappingFailedLookupLevel());
    cairn_assert(seL4_MappingFailedLookupLevel() == CAIRN_MISSING_L1);
    /* A second ASID for the same VSpace is refused. */
    expect_error("assigning a second ASID",
                 cairn_asid_pool_assign(CAIRN_INIT_ASID_POOL, child_vspace),
                 seL4_InvalidCapability);
}

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
    if (step_is("7.0"))
        CHECK(cairn_asid_pool_assign(CAIRN_INIT_ASID_POOL, child_vspace));
    else
        assign_asid_probing(child_vspace, eh); /* 7.A */

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
