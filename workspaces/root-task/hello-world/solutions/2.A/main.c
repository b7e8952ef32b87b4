// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!":
// the solution of step 2.A, the whole program as it stands after that step.
// 2.A: An uncaught panic: the report, then the runtime ends the root task with status -1.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/hello-world.md. `make simulate STEP=2.A` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    /* An uncaught panic: report, then the runtime ends the root task with status -1. */
    panic("uh oh");

    return 0;
}
