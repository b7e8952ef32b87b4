// SPDX-License-Identifier: BSD-2-Clause
// Chapter 4, "Modifying the Address Space":
// the solution of step 4.G, the whole program as it stands after that step.
// 4.G: a mapped frame cap cannot map at a second address (seL4_InvalidArgument, argument 0,
// with seL4's debug line); a copy of the cap can, and both addresses show the same bytes.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/address-space.md. `make simulate STEP=4.G` runs this; diff it with the
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
 * exist. PAGE_B is a second such page (zero-filled, .bss) used as a second address in 4.G.
 */
static char PAGE_A[CAIRN_GRANULE_BYTES]
    __attribute__((aligned(CAIRN_GRANULE_BYTES))) = {[0 ... CAIRN_GRANULE_BYTES - 1] = (char)0xee};
static char PAGE_B[CAIRN_GRANULE_BYTES] __attribute__((aligned(CAIRN_GRANULE_BYTES)));

/* Reads and writes through a volatile pointer: the compiler must really touch the page. */
static unsigned char peek(const char *page)
{
    return *(const volatile unsigned char *)page;
}

static void poke(char *page, unsigned char value)
{
    *(volatile unsigned char *)page = value;
}

/* Report an expected error (and, for seL4_InvalidArgument, which argument: MR0). */
static void expect_error(const char *what, seL4_Error got, seL4_Error want)
{
    if (got == seL4_InvalidArgument)
        printf("%s: %s, argument %lu\n", what, seL4_strerror(got), (unsigned long)seL4_GetMR(0));
    else
        printf("%s: %s\n", what, seL4_strerror(got));
    if (got != want)
        panic("%s: expected %s", what, seL4_strerror(want));
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

    /* 4.G: one cap, one mapping. Free PAGE_B's own image frame, then try a second address. */
    printf("PAGE_B: %p\n", (void *)PAGE_B);
    CHECK(cairn_frame_unmap(cairn_bi_image_frame_at(bi, (uintptr_t)PAGE_B)));
    expect_error("mapping the mapped frame at PAGE_B",
                 cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_B, seL4_ReadWrite,
                                 seL4_ARM_Default_VMAttributes),
                 seL4_InvalidArgument);
    /* A copy of the cap is a second, unmapped handle on the same frame: map that. */
    cairn_granule_t alias = cairn_as_granule(cairn_slot_alloc());
    CHECK(cairn_cnode_copy(cairn_cspath_of(alias), cairn_cspath_of(new_frame), seL4_AllRights));
    CHECK(cairn_frame_map(alias, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_B, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));
    printf("alias at PAGE_B reads 0x%x\n", peek(PAGE_B));
    poke(PAGE_A, 0x11);
    cairn_assert(peek(PAGE_B) == 0x11);
    printf("wrote 0x11 through PAGE_A, PAGE_B reads 0x%x\n", peek(PAGE_B));
    poke(PAGE_A, 0x5a);

    printf("TEST_PASS\n");
    return 0;
}
