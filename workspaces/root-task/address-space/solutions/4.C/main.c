// SPDX-License-Identifier: BSD-2-Clause
// Chapter 4, "Modifying the Address Space":
// the solution of step 4.C, the whole program as it stands after that step.
// 4.C: unmap the image frame behind PAGE_A, then read PAGE_A. The root task has no fault
// handler, so the kernel reports the fault: a level-3 translation fault on a read (ESR
// 0x92000007) at exactly the address the program printed. The VSpace picture (Cairn's debug
// call) shows PAGE_A's entry before and gone after.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/address-space.md. `make simulate STEP=4.C` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdint.h>
#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

/*
 * A page of our image, filled with 0xee. The non-zero contents put it in .data, so it is
 * backed by one of the image frames BootInfo lists, and the page tables above it already
 * exist.
 */
static char PAGE_A[CAIRN_GRANULE_BYTES]
    __attribute__((aligned(CAIRN_GRANULE_BYTES))) = {[0 ... CAIRN_GRANULE_BYTES - 1] = (char)0xee};

/* Reads through a volatile pointer: the compiler must really touch the page. */
static unsigned char peek(const char *page)
{
    return *(const volatile unsigned char *)page;
}

int main(const seL4_BootInfo *bi)
{
    /* 4.A: one 4 KiB frame (a "granule") retyped from untyped memory by the runtime's
     * allocator, which picks an ordinary untyped with room and the next empty slot, the way
     * chapter 3 did it by hand. The cap comes typed: a cairn_granule_t. */
    cairn_granule_t new_frame = cairn_alloc_granule();
    if (cairn_cap_is_null(new_frame))
        panic("could not make a frame");
    printf("new frame: slot %lu\n", (unsigned long)cairn_cptr(new_frame));

    /* 4.B: a page of our own image, at a page-aligned address. */
    printf("PAGE_A: %p\n", (void *)PAGE_A);
    cairn_assert((uintptr_t)PAGE_A % CAIRN_GRANULE_BYTES == 0);
    cairn_assert(peek(PAGE_A) == 0xee);

    /* 4.C: the image frame behind PAGE_A, from BootInfo's userImageFrames. */
    cairn_granule_t image_frame = cairn_bi_image_frame_at(bi, (uintptr_t)PAGE_A);
    printf("PAGE_A is backed by image frame cap %lu\n", (unsigned long)cairn_cptr(image_frame));
    printf("VSpace before unmapping PAGE_A:\n");
    cairn_vspace_dump(seL4_CapInitThreadVSpace);
    CHECK(cairn_frame_unmap(image_frame));
    printf("VSpace after unmapping PAGE_A:\n");
    cairn_vspace_dump(seL4_CapInitThreadVSpace);

    /* Nothing is mapped at PAGE_A now: this read faults, and we have no fault handler. */
    printf("reading PAGE_A ...\n");
    printf("unexpectedly read 0x%x\n", peek(PAGE_A));

    printf("TEST_PASS\n");
    return 0;
}
