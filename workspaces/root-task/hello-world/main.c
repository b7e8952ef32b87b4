// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!": the smallest root task, then one step per runtime feature
// (panics, catching them, panic hooks, the stack guard page, stack and heap sizes, logging).
// Each step is selected at build time: `make simulate STEP=2.C` compiles with STEP_2_C
// defined. See README.md here and docs/tutorial/hello-world.md.

#define LOG_COMPONENT "hello"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairn/log.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

#if defined(STEP_2_D) || defined(STEP_2_E)
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
#endif

#if defined(STEP_2_E)
/* A 256 KiB stack instead of the default 64 KiB. */
CAIRN_ROOT_TASK_STACK_SIZE(256 * 1024);
#endif

#if defined(STEP_2_F)
/* The heap arena behind malloc: 64 KiB. */
CAIRN_ROOT_TASK_HEAP_SIZE(64 * 1024);

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
#endif

#if defined(STEP_2_C)
/* Our own panic hook: markers around the default report. */
static void noisy_hook(const struct cairn_panic_info *info)
{
    printf("!!!!\n");
    cairn_panic_default_hook(info);
    printf("????\n");
}
#endif

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

#if defined(STEP_2_A)
    /* An uncaught panic: report, then the runtime ends the root task with status -1. */
    panic("uh oh");

#elif defined(STEP_2_B) || defined(STEP_2_C)
#if defined(STEP_2_C)
    cairn_set_panic_hook(noisy_hook);
#endif
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

#elif defined(STEP_2_D)
    printf("guard page: %p\n", (void *)cairn_stack_guard_page());
    recurse(150);
    printf("\nunexpectedly did not overflow the stack\n");

#elif defined(STEP_2_E)
    recurse(150);
    printf("\ndid not cause stack overflow\n");
    printf("TEST_PASS\n");

#elif defined(STEP_2_F)
    enum { COUNT = 1000 };
    int *values = malloc(COUNT * sizeof *values);
    if (values == NULL)
        panic("malloc of %zu bytes failed", COUNT * sizeof *values);
    unsigned seed = 12345;
    for (int i = 0; i < COUNT; i++) {
        seed = seed * 1103515245u + 12345u; /* any scrambled order will do */
        values[i] = (int)(seed >> 8) % 10000;
    }
    qsort(values, COUNT, sizeof *values, compare_ints);
    for (int i = 1; i < COUNT; i++) {
        if (values[i - 1] > values[i])
            panic("not sorted at index %d: %d > %d", i, values[i - 1], values[i]);
    }
    free(values);
    printf("sorted %d values on the heap\n", COUNT);
    printf("TEST_PASS\n");

#elif defined(STEP_2_G)
    /* LOG_COMPONENT ("hello", defined above the includes) names the component. */
    LOG_INFO("logging info");
    printf("TEST_PASS\n");
#endif

    return 0;
}
