// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3, "Allocating Kernel Objects": your file, at the chapter's starting point. Do the
// exercises in order, each where its comment stands; every step keeps what the ones before
// it added. After an exercise: `make simulate` runs this file, `make check` says which steps
// its output completes and where it first differs, and solution/main.c is one way to do it
// (each step a block, up to the line `if (step_is("3.C"))` for 3.C). The text is
// docs/tutorial/kernel-objects.md.

#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    (void)bi; /* remove once you use it (3.A) */

    /* EXERCISE 3.A (docs/tutorial/kernel-objects.md, "3.A: the untyped list"): print
     * "untyped:" and then one line per untyped cap BootInfo describes:
     * "    paddr: 0x..., size bits: N, is device: true|false". */

    /* EXERCISE 3.B ("3.B: the largest RAM untyped"): find the largest untyped that is not
     * device memory and print "largest kernel untyped: Untyped(<its slot>)". */

    /* EXERCISE 3.C ("3.C: retype a notification into the first empty slot"): print
     * "allocating notification" and retype one notification from that untyped into the
     * first slot of BootInfo's empty region. */

    /* EXERCISE 3.D ("3.D: signal and wait"): print "signaling notification", signal it,
     * print "waiting on notification", wait on it. */

    /* EXERCISE 3.E ("3.E: a badged copy"): print "minting badged capability for
     * notification", mint a copy with badge 0x1337 and all rights into the next empty slot,
     * print "signaling badged notification", signal the copy, print "waiting on
     * notification", wait on the original and print "observed badge = 0x1337".
     * EXERCISE 3.F ("3.F: no rights"): mint the copy with no rights instead; see what happens.
     * EXERCISE 3.G ("3.G: the least rights that work"): the fewest rights that work. */

    printf("TEST_PASS\n");
    return 0;
}
