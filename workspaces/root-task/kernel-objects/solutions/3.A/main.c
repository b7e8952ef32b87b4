// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3, "Allocating Kernel Objects":
// the solution of step 3.A, the whole program as it stands after that step.
// 3.A: The untyped list from BootInfo: device untypeds (MMIO) first, then ordinary RAM.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/kernel-objects.md. `make simulate STEP=3.A` runs this; diff it with the
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

    printf("TEST_PASS\n");
    return 0;
}
