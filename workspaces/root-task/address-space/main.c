// SPDX-License-Identifier: BSD-2-Clause
// Chapter 4, "Modifying the Address Space": your file, at the chapter's starting point. Do
// the exercises in order, each where its comment stands; every step keeps what the ones
// before it added, except that a step which ends in a deliberate fault (4.C, 4.H, 4.J) loses
// its faulting access in the next step. After an exercise: `make simulate` runs this file,
// `make check` says which steps its output completes and where it first differs, and
// solution/main.c is one way to do it (each step a block, up to the line `if
// (step_is("4.C"))` for 4.C). The text is docs/tutorial/address-space.md.

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

/* Reads and writes through a volatile pointer: the compiler must really touch the page. */
static inline unsigned char peek(const char *page)
{
    return *(const volatile unsigned char *)page;
}

static inline void poke(char *page, unsigned char value)
{
    *(volatile unsigned char *)page = value;
}

/* EXERCISE 4.B, first half (docs/tutorial/address-space.md, "4.B: a page of our own"):
 * declare PAGE_A here, a page-sized, page-aligned static array filled with 0xee. */

int main(const seL4_BootInfo *bi)
{
    (void)bi; /* remove once you use it (4.C) */

    /* EXERCISE 4.A ("4.A: a frame"): make one 4 KiB frame (a granule) with the runtime's
     * allocator, cairn_alloc_granule(), and print "new frame: slot <its slot>"
     * (cairn_cptr gives a typed cap's slot). */

    /* EXERCISE 4.B, second half: print "PAGE_A: <its address>" (%p), check that it is
     * page-aligned and that its first byte reads 0xee. */

    /* EXERCISE 4.C ("4.C: unmap it and fault"): find the image frame cap behind PAGE_A
     * (cairn_bi_image_frame_at) and print "PAGE_A is backed by image frame cap N"; draw the
     * VSpace before and after (cairn_vspace_dump) around cairn_frame_unmap of that cap;
     * print "reading PAGE_A ..." and read it. */

    /* EXERCISE 4.D ("4.D: map the new frame there"): instead of 4.C's read, map the new
     * frame at PAGE_A (cairn_frame_map, or libsel4's seL4_ARM_Page_Map), check that it reads 0 and
     * print "PAGE_A now reads 0x0 from the new frame". */

    /* EXERCISE 4.E ("4.E: write and read back"): fill PAGE_A with 0x5a, read it back, print
     * "wrote 0x5a, read back 0x5a". */

    /* EXERCISE 4.F ("4.F: frames keep their contents"): swap the image frame back in (it
     * reads 0xee), then the new frame again (0x5a). */

    /* EXERCISE 4.G ("4.G: one cap, one mapping; aliases need copies"): try to map the
     * mapped frame at a second page PAGE_B too; then copy its cap and map the copy there. */

    /* EXERCISE 4.H ("4.H: changing rights, and a write fault"): map the same cap at the
     * same address write-only, then read-only; read; then write. */

    /* EXERCISE 4.I ("4.I: missing page tables"): instead of 4.H's write, map a frame at
     * 0xa000000000, adding one page table (cairn_alloc_page_table, cairn_page_table_map)
     * per seL4_FailedLookup. */

    /* EXERCISE 4.J ("4.J: deleting the cap deletes the mapping"): delete the new frame's
     * cap, then read PAGE_A. */

    printf("TEST_PASS\n");
    return 0;
}
