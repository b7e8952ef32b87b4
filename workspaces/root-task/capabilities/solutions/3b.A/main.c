// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3b, "Capabilities":
// the solution of step 3b.A, the whole program as it stands after that step.
// 3b.A: The root CNode's size: 2^initThreadCNodeSizeBits slots of 2^seL4_SlotBits bytes
// each.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/capabilities.md. `make simulate STEP=3b.A` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    /* 3b.A: the root CNode has 2^initThreadCNodeSizeBits slots of 2^seL4_SlotBits bytes. */
    seL4_Word slots = 1UL << bi->initThreadCNodeSizeBits;
    printf("Initial CNode is %lu slots in size\n", (unsigned long)slots);
    printf("The CNode is %lu bytes in size\n", (unsigned long)(slots << seL4_SlotBits));

    printf("TEST_PASS\n");
    return 0;
}
