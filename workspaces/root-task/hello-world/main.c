// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!": your file. This is the chapter's starting point, the smallest
// root task; each exercise below changes it (they are independent: 2.B replaces 2.A's panic,
// and so on). After an exercise: `make simulate` runs this file, `make check` says which
// steps its output completes, and solution/main.c is one way to do it (one branch per
// step). The text is docs/tutorial/hello-world.md.

#include <stdio.h>

#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    /*
     * EXERCISE 2.A (docs/tutorial/hello-world.md, "2.A: panic"): panic with the message
     * "uh oh" and watch what the runtime prints.
     *
     * EXERCISE 2.B ("2.B: catching a panic"): put that panic inside CAIRN_TRY, note in the
     * CAIRN_CATCH block that it was caught, then print TEST_PASS.
     *
     * EXERCISE 2.C ("2.C: a panic hook"): install a panic hook that prints "!!!!", calls
     * cairn_panic_default_hook and prints "????"; keep 2.B's TRY/CATCH.
     *
     * EXERCISE 2.D ("2.D: overflowing the stack"): print the stack guard page's address
     * ("guard page: 0x..."), then recurse 150 levels deep with 1 KiB of locals per level,
     * printing a '.' per level.
     *
     * EXERCISE 2.E ("2.E: a bigger stack"): give the root task a 256 KiB stack; the same
     * recursion then finishes: print "did not cause stack overflow" and TEST_PASS.
     *
     * EXERCISE 2.F ("2.F: a heap"): declare a 64 KiB heap, malloc 1000 ints, fill them in a
     * scrambled order, qsort them, check the order, print "sorted 1000 values on the heap"
     * and TEST_PASS.
     *
     * EXERCISE 2.G ("2.G: logging"): log "logging info" at level INFO from a component
     * called "hello", then print TEST_PASS.
     */

    return 0;
}
