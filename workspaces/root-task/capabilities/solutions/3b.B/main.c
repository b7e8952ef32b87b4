// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3b, "Capabilities":
// the solution of step 3b.B, the whole program as it stands after that step.
// 3b.B: Invoking an empty slot: the kernel's debug line names it, the call gets
// InvalidCapability.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/capabilities.md. `make simulate STEP=3b.B` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

/* Print what an invocation returned, by name; give the error back. */
static seL4_Error report(const char *what, seL4_Error err)
{
    printf("%s: %s\n", what, seL4_strerror(err));
    return err;
}

int main(const seL4_BootInfo *bi)
{
    /* 3b.A: the root CNode has 2^initThreadCNodeSizeBits slots of 2^seL4_SlotBits bytes. */
    seL4_Word slots = 1UL << bi->initThreadCNodeSizeBits;
    printf("Initial CNode is %lu slots in size\n", (unsigned long)slots);
    printf("The CNode is %lu bytes in size\n", (unsigned long)(slots << seL4_SlotBits));

    seL4_CPtr last_slot = bi->empty.end - 1;

    /* 3b.B: invoking an empty slot. The kernel names the slot in its debug line and the
     * call fails with seL4_InvalidCapability; MR0 = 0 says it was the invoked cap. */
    seL4_Error err = report("resume through the last slot", seL4_TCB_Resume(last_slot));
    if (err != seL4_InvalidCapability || seL4_GetMR(0) != 0)
        panic("expected seL4_InvalidCapability with MR0 = 0");

    printf("TEST_PASS\n");
    return 0;
}
