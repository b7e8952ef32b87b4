// SPDX-License-Identifier: BSD-2-Clause
// Chapter 4, "Modifying the Address Space": the solution, every step in order. The build
// compiles it once per step and the program ends after that step (workspaces/step.h): each
// step is a block in chapter() that begins with a comment naming it and ends in `if
// (step_is(...))`. `make simulate STEP=4.C` runs it up to the end of 4.C. The learner's file
// is main.c in the chapter's folder; the text is docs/tutorial/address-space.md.

#include <stdbool.h>
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

#include "step.h"

/*
 * A page of our image, filled with 0xee. The non-zero contents put it in .data, so it is
 * backed by one of the image frames BootInfo lists, and the page tables above it already
 * exist. PAGE_B is a second such page (zero-filled, .bss) used as a second address in 4.G.
 */
static char PAGE_A[CAIRN_GRANULE_BYTES]
    __attribute__((aligned(CAIRN_GRANULE_BYTES))) = {[0 ... CAIRN_GRANULE_BYTES - 1] = (char)0xee};
static char PAGE_B[CAIRN_GRANULE_BYTES] __attribute__((aligned(CAIRN_GRANULE_BYTES)));

/* An address far outside the image: nothing below its level-0 entry exists yet (4.I). */
#define FAR_VADDR 0xa000000000UL
#define FAR_VADDR_2 0xb000000000UL

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

/* The chapter's steps in order; returns after the step this program is built for (4.C, 4.H and
 * 4.J end in a fault). */
static void chapter(const seL4_BootInfo *bi)
{
    /* 4.A: one 4 KiB frame (a "granule") retyped from untyped memory by the runtime's
     * allocator, which picks an ordinary untyped with room and the next empty slot, the way
     * chapter 3 did it by hand. The cap comes typed: a cairn_granule_t. */
    cairn_granule_t new_frame = cairn_alloc_granule();
    if (cairn_cap_is_null(new_frame))
        panic("could not make a frame");
    printf("new frame: slot %lu\n", (unsigned long)cairn_cptr(new_frame));
    if (step_is("4.A"))
        return;

    /* 4.B: a page of our own image, at a page-aligned address. */
    printf("PAGE_A: %p\n", (void *)PAGE_A);
    cairn_assert((uintptr_t)PAGE_A % CAIRN_GRANULE_BYTES == 0);
    cairn_assert(peek(PAGE_A) == 0xee);
    if (step_is("4.B"))
        return;

    /* 4.C: the image frame behind PAGE_A, from BootInfo's userImageFrames, unmapped. 4.C
     * and 4.I print the VSpace before and after (the steps between leave the pictures out). */
    cairn_granule_t image_frame = cairn_bi_image_frame_at(bi, (uintptr_t)PAGE_A);
    printf("PAGE_A is backed by image frame cap %lu\n", (unsigned long)cairn_cptr(image_frame));
    bool show_vspace = step_is("4.C") || step_is("4.I");
    if (show_vspace) {
        printf("VSpace before unmapping PAGE_A:\n");
        cairn_vspace_dump(seL4_CapInitThreadVSpace);
    }
    CHECK(cairn_frame_unmap(image_frame));
    if (show_vspace) {
        printf("VSpace after unmapping PAGE_A:\n");
        cairn_vspace_dump(seL4_CapInitThreadVSpace);
    }
    if (step_is("4.C")) {
        /* Nothing is mapped at PAGE_A now: this read faults, and we have no fault handler, so
         * the kernel reports the fault and the program ends here. */
        printf("reading PAGE_A ...\n");
        printf("unexpectedly read 0x%x\n", peek(PAGE_A));
        return;
    }

    /* 4.D: put the new frame where the image frame was. A fresh frame reads as zeroes: the
     * kernel zeroes frames made from untyped. */
    CHECK(cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_A, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));
    cairn_assert(peek(PAGE_A) == 0);
    printf("PAGE_A now reads 0x%x from the new frame\n", peek(PAGE_A));
    if (step_is("4.D"))
        return;

    /* 4.E: write a pattern through the mapping and read it back. */
    memset(PAGE_A, 0x5a, sizeof PAGE_A);
    cairn_assert(peek(PAGE_A) == 0x5a && peek(PAGE_A + sizeof PAGE_A - 1) == 0x5a);
    printf("wrote 0x5a, read back 0x%x\n", peek(PAGE_A + 100));
    if (step_is("4.E"))
        return;

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
    if (step_is("4.F"))
        return;

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
    if (step_is("4.G"))
        return;

    /* 4.H: rights of an existing mapping change by mapping the same cap at the same address.
     * Write-only is not an error: the kernel says so and makes a mapping we cannot touch. */
    CHECK(cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_A, seL4_CanWrite,
                          seL4_ARM_Default_VMAttributes));
    printf("write-only remap accepted (no user access at all)\n");
    CHECK(cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_A, seL4_CanRead,
                          seL4_ARM_Default_VMAttributes));
    printf("remapped PAGE_A read-only; it reads 0x%x\n", peek(PAGE_A));
    if (step_is("4.H")) {
        /* The write faults (a permission fault on a write), and the program ends here. */
        printf("writing PAGE_A ...\n");
        poke(PAGE_A, 0x77);
        printf("unexpectedly wrote to a read-only page\n");
        return;
    }

    /* Back to read-write for the rest of the chapter. */
    CHECK(cairn_frame_map(new_frame, CAIRN_INIT_VSPACE, (seL4_Word)PAGE_A, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes));

    /* 4.I: far from the image no page tables exist. Page_Map says which level is missing;
     * we add one seL4_ARM_PageTableObject per failure until the frame maps. */
    cairn_granule_t far_frame = cairn_alloc_granule();
    cairn_assert(!cairn_cap_is_null(far_frame));
    seL4_Error err;
    while ((err = cairn_frame_map(far_frame, CAIRN_INIT_VSPACE, FAR_VADDR, seL4_ReadWrite,
                                  seL4_ARM_Default_VMAttributes)) == seL4_FailedLookup) {
        printf("map at 0x%lx: seL4_FailedLookup, missing level: %lu bits left\n", FAR_VADDR,
               (unsigned long)seL4_MappingFailedLookupLevel());
        cairn_page_table_t table = cairn_alloc_page_table();
        cairn_assert(!cairn_cap_is_null(table));
        CHECK(cairn_page_table_map(table, CAIRN_INIT_VSPACE, FAR_VADDR,
                                   seL4_ARM_Default_VMAttributes));
    }
    CHECK(err);
    poke((char *)FAR_VADDR, 0x42);
    printf("mapped a frame at 0x%lx; it reads 0x%x\n", FAR_VADDR, peek((char *)FAR_VADDR));

    /* Every level now exists: one more table has nowhere to go. */
    cairn_page_table_t spare_table = cairn_alloc_page_table();
    cairn_assert(!cairn_cap_is_null(spare_table));
    expect_error("mapping one more table there",
                 cairn_page_table_map(spare_table, CAIRN_INIT_VSPACE, FAR_VADDR,
                                      seL4_ARM_Default_VMAttributes),
                 seL4_DeleteFirst);
    /* Frames map only at their own alignment. */
    cairn_granule_t odd_frame = cairn_alloc_granule();
    expect_error("mapping at an unaligned address",
                 cairn_frame_map(odd_frame, CAIRN_INIT_VSPACE, FAR_VADDR + 0x800, seL4_ReadWrite,
                                 seL4_ARM_Default_VMAttributes),
                 seL4_AlignmentError);
    /* The runtime's helper does the same loop for us. */
    CHECK(cairn_map_with_tables(seL4_CapInitThreadVSpace, cairn_cptr(odd_frame), FAR_VADDR_2,
                                seL4_ReadWrite, seL4_ARM_Default_VMAttributes, cairn_retype));
    printf("cairn_map_with_tables mapped a frame at 0x%lx\n", FAR_VADDR_2);
    if (step_is("4.I")) {
        printf("VSpace with the new tables:\n");
        cairn_vspace_dump(seL4_CapInitThreadVSpace);
        return;
    }

    /* 4.J: deleting the cap that made a mapping takes the mapping with it. The frame itself
     * lives on through the alias at PAGE_B. */
    CHECK(cairn_cnode_delete(cairn_cspath_of(new_frame)));
    printf("deleted the new frame's cap; the alias at PAGE_B still reads 0x%x\n", peek(PAGE_B));

    printf("reading PAGE_A ...\n");
    printf("unexpectedly read 0x%x\n", peek(PAGE_A));
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
