// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3, "Allocating Kernel Objects":
// the solution of step 3.C, the whole program as it stands after that step.
// 3.C: Untyped_Retype of one notification into the first empty slot succeeds (CHECK would
// panic).
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/kernel-objects.md. `make simulate STEP=3.C` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdbool.h>
#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    /* 3.A: every untyped cap the kernel handed over, as BootInfo describes it. */
    printf("untyped:\n");
    cairn_for_each_untyped(bi, slot, desc) {
        (void)slot;
        printf("    paddr: 0x%lx, size bits: %u, is device: %s\n", (unsigned long)desc->paddr,
               (unsigned)desc->sizeBits, desc->isDevice ? "true" : "false");
    }

    /* 3.B: the largest untyped of ordinary RAM. Device untypeds cover MMIO; only frames can
     * be made from them, so they are no use for kernel objects. */
    seL4_CPtr largest = seL4_CapNull;
    unsigned largest_bits = 0;
    cairn_for_each_untyped(bi, slot, desc) {
        if (!desc->isDevice && desc->sizeBits > largest_bits) {
            largest = slot;
            largest_bits = desc->sizeBits;
        }
    }
    if (largest == seL4_CapNull)
        panic("no ordinary untyped memory");
    printf("largest kernel untyped: Untyped(%lu)\n", (unsigned long)largest);

    /* 3.C: the empty slots of our CNode, handed out in order. */
    seL4_CPtr next_free = bi->empty.start;
    seL4_CPtr ntfn = next_free++;

    /* Retype one notification into that slot. The destination CNode is our own root CNode
     * itself (node_index ignored, node_depth 0), and node_offset is the slot number. */
    printf("allocating notification\n");
    CHECK(seL4_Untyped_Retype(largest, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              ntfn, 1));

    printf("TEST_PASS\n");
    return 0;
}
