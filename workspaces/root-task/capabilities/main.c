// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3b, "Capabilities": your file, at the chapter's starting point. Do the exercises in
// order, each where its comment stands; every step keeps what the ones before it added. After
// an exercise: `make simulate` runs this file, `make check` says which steps its output
// completes and where it first differs, and solution/main.c is one way to do it (each step a
// block, up to the line `if (step_is("3b.C"))` for 3b.C). The text is
// docs/tutorial/capabilities.md.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    (void)bi; /* remove once you use it (3b.A) */

    /* EXERCISE 3b.A (docs/tutorial/capabilities.md, "3b.A: how big is the CNode?"): print
     * "Initial CNode is N slots in size" and "The CNode is N bytes in size". */

    /* EXERCISE 3b.B ("3b.B: invoking an empty slot"): seL4_TCB_Resume the last slot of the
     * CNode (it is empty); print "resume through the last slot: <error name>" (seL4_strerror)
     * and check that the error is seL4_InvalidCapability with MR0 = 0. */

    /* EXERCISE 3b.C ("3b.C: copies"): copy our TCB cap into the first free and the last
     * slot, show both with cairn_cap_print, and resume through the last slot again. */

    /* EXERCISE 3b.D ("3b.D: Move onto an occupied slot"): move the first free slot onto
     * the last one; print "move first free slot onto last slot: <error name>". */

    /* EXERCISE 3b.E ("3b.E: Revoke and the derivation tree"): revoke our TCB cap; moving
     * out of each copy then fails ("move out of a revoked copy: ..."); print
     * "both copies are gone". */

    /* EXERCISE 3b.F ("3b.F: an untyped too small"): retype a 2^0-byte untyped (refused:
     * "retype a 2^0-byte untyped: ..."), then one of seL4_TCBBits + 1 bits ("child untyped
     * of N bytes"). */

    /* EXERCISE 3b.G ("3b.G: running out, and getting it all back"): a TCB, an endpoint and a
     * notification from the child; then the whole child as endpoints (refused), a revoke
     * of the child, and the same retype again; print "Success". */

    /* EXERCISE 3b.H ("3b.H: the end"): print "Suspending current thread" and suspend our
     * own thread. */

    printf("TEST_PASS\n");
    return 0;
}
