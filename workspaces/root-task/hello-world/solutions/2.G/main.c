// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!":
// the solution of step 2.G, the whole program as it stands after that step.
// 2.G: Levelled logging: "<LEVEL padded to 5> [<component>] <message>".
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/hello-world.md. `make simulate STEP=2.G` runs this; diff it with the
// previous step's solution to see the step alone.

#define LOG_COMPONENT "hello"

#include <stdio.h>

#include <cairn/log.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    /* LOG_COMPONENT ("hello", defined above the includes) names the component. */
    LOG_INFO("logging info");
    printf("TEST_PASS\n");

    return 0;
}
