// SPDX-License-Identifier: BSD-2-Clause
// Chapter 4, "Modifying the Address Space":
// the solution of step 4.A, the whole program as it stands after that step.
// 4.A: a 4 KiB frame retyped from the largest ordinary untyped into the first empty slot.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/address-space.md. `make simulate STEP=4.A` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    (void)bi;

    /* 4.A: one 4 KiB frame (a "granule") retyped from untyped memory by the runtime's
     * allocator, which picks an ordinary untyped with room and the next empty slot, the way
     * chapter 3 did it by hand. The cap comes typed: a cairn_granule_t. */
    cairn_granule_t new_frame = cairn_alloc_granule();
    if (cairn_cap_is_null(new_frame))
        panic("could not make a frame");
    printf("new frame: slot %lu\n", (unsigned long)cairn_cptr(new_frame));

    printf("TEST_PASS\n");
    return 0;
}
