// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!":
// the solution of step 2.C, the whole program as it stands after that step.
// 2.C: A custom panic hook prints markers around the default report.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/hello-world.md. `make simulate STEP=2.C` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdbool.h>
#include <stdio.h>

#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

/* Our own panic hook: markers around the default report. */
static void noisy_hook(const struct cairn_panic_info *info)
{
    printf("!!!!\n");
    cairn_panic_default_hook(info);
    printf("????\n");
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    cairn_set_panic_hook(noisy_hook);
    /* A panic inside CAIRN_TRY lands in CAIRN_CATCH; volatile because it changes after
     * the TRY's setjmp and is read after the longjmp. */
    volatile bool caught = false;
    /* TRY and CATCH read as one statement, which clang-format does not know. */
    /* clang-format off */
    CAIRN_TRY {
        panic("uh oh");
    } CAIRN_CATCH {
        caught = true;
    }
    /* clang-format on */
    if (!caught)
        panic("the panic was not caught");
    printf("TEST_PASS\n");

    return 0;
}
