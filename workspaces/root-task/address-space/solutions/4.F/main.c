// SPDX-License-Identifier: BSD-2-Clause
// Chapter 4, "Modifying the Address Space":
// the solution of step 4.F, the whole program as it stands after that step.
// 4.F: swap the image frame back in (0xee), then the new frame (0x5a): frames keep their
// contents while they are not mapped.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/address-space.md. `make simulate STEP=4.F` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
    CHECK(cairn_frame_unmap(image_frame));

    /* 4.D: put the new frame where the image frame was. A fresh frame reads as zeroes. */
    CHECK(cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_A, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));
    cairn_assert(peek(PAGE_A) == 0);
    printf("PAGE_A now reads 0x%x from the new frame\n", peek(PAGE_A));

    /* 4.E: write a pattern through the mapping and read it back. */
    memset(PAGE_A, 0x5a, sizeof PAGE_A);
    cairn_assert(peek(PAGE_A) == 0x5a && peek(PAGE_A + sizeof PAGE_A - 1) == 0x5a);
    printf("wrote 0x5a, read back 0x%x\n", peek(PAGE_A + 100));

    /* 4.F: frames keep their contents while unmapped. Swap the image frame back in ... This
     * once in plain libsel4, which works beside the typed calls: cairn_cptr(cap) is the
     * CPtr, and seL4_CapInitThreadVSpace is the slot CAIRN_INIT_VSPACE names. */
    CHECK(seL4_ARM_Page_Unmap(cairn_cptr(new_frame)));
    CHECK(seL4_ARM_Page_Map(cairn_cptr(image_frame), seL4_CapInitThreadVSpace, (seL4_Word)PAGE_A,
                            seL4_ReadWrite, seL4_ARM_Default_VMAttributes));
    cairn_assert(peek(PAGE_A) == 0xee);
    printf("image frame back at PAGE_A: reads 0x%x\n", peek(PAGE_A));
    /* ... and the new frame again. */
    CHECK(cairn_frame_unmap(image_frame));
    CHECK(cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_A, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));
    cairn_assert(peek(PAGE_A) == 0x5a);
    printf("new frame back at PAGE_A: reads 0x%x\n", peek(PAGE_A));

    printf("TEST_PASS\n");
    return 0;
}
