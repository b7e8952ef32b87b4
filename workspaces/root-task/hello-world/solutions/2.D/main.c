// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!":
// the solution of step 2.D, the whole program as it stands after that step.
// 2.D: Deep recursion runs off the 64 KiB default stack into the unmapped guard page below
// it. The root task has no fault handler, so the kernel reports the data fault. The fault
// address must lie inside the guard page the program printed (GUARD = its page number).
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/hello-world.md. `make simulate STEP=2.D` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

/*
 * Each level keeps 1 KiB of locals alive across the recursive call, so 150 levels need
 * about 160 KiB of stack: far more than the default 64 KiB (2.D), well within 256 KiB (2.E).
 */
__attribute__((noinline)) static void recurse(int depth)
{
    volatile char scratch[1024];
    scratch[0] = (char)depth;
    putchar('.');
    if (depth > 1)
        recurse(depth - 1);
    scratch[sizeof scratch - 1] = scratch[0]; /* used after the call: no tail call */
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    printf("guard page: %p\n", (void *)cairn_stack_guard_page());
    recurse(150);
    printf("\nunexpectedly did not overflow the stack\n");

    return 0;
}
