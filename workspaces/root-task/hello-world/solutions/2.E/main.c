// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!":
// the solution of step 2.E, the whole program as it stands after that step.
// 2.E: The same recursion with a 256 KiB stack fits.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/hello-world.md. `make simulate STEP=2.E` runs this; diff it with the
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

/* A 256 KiB stack instead of the default 64 KiB. */
CAIRN_ROOT_TASK_STACK_SIZE(256 * 1024);

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    recurse(150);
    printf("\ndid not cause stack overflow\n");
    printf("TEST_PASS\n");

    return 0;
}
