// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!": the solution. The chapter's exercises are independent
// variations of the starting point (2.B replaces 2.A's panic, and so on), so this one program
// holds them side by side: main says hello and then does the step it is built for, one
// branch per step (workspaces/step.h); the helpers above it are headed by the steps that use
// them. `make simulate STEP=2.C` runs the program of 2.C. The learner's file is main.c in
// the chapter's folder; the text is docs/tutorial/hello-world.md.

#define LOG_COMPONENT "hello" /* 2.G: the component named in log lines (before the includes) */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairn/log.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

#include "step.h"

/* 2.C: our own panic hook: markers around the default report. */
static void noisy_hook(const struct cairn_panic_info *info)
{
    printf("!!!!\n");
    cairn_panic_default_hook(info);
    printf("????\n");
}

/*
 * 2.D and 2.E: each level keeps 1 KiB of locals alive across the recursive call, so 150
 * levels need about 160 KiB of stack: far more than the default 64 KiB (2.D), well within
 * 256 KiB (2.E).
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

/* 2.E: a 256 KiB stack instead of the default 64 KiB, which 2.D needs to overflow. */
CAIRN_ROOT_TASK_STACK_SIZE(STEP_IS("2.E") ? 256 * 1024 : CAIRN_DEFAULT_STACK_BYTES);

/* 2.F: the heap arena behind malloc: 64 KiB. */
CAIRN_ROOT_TASK_HEAP_SIZE(64 * 1024);

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* 2.F: sort 1000 ints on the heap. */
static void sort_on_the_heap(void)
{
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
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

    if (step_is("2.A")) {
        /* 2.A: an uncaught panic: report, then the runtime ends the root task with status
         * -1. */
        panic("uh oh");
    } else if (step_is("2.B") || step_is("2.C")) {
        /* 2.C: the panic hook, then 2.B's TRY/CATCH. */
        if (step_is("2.C"))
            cairn_set_panic_hook(noisy_hook);
        /* 2.B: a panic inside CAIRN_TRY lands in CAIRN_CATCH; volatile because it changes
         * after the TRY's setjmp and is read after the longjmp. */
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
    } else if (step_is("2.D")) {
        /* 2.D: deep recursion runs off the stack into its guard page: the kernel reports
         * the fault. */
        printf("guard page: %p\n", (void *)cairn_stack_guard_page());
        recurse(150);
        printf("\nunexpectedly did not overflow the stack\n");
    } else if (step_is("2.E")) {
        /* 2.E: the same recursion on the bigger stack. */
        recurse(150);
        printf("\ndid not cause stack overflow\n");
        printf("TEST_PASS\n");
    } else if (step_is("2.F")) {
        sort_on_the_heap();
        printf("TEST_PASS\n");
    } else {
        /* 2.G: levelled logging: "<LEVEL padded to 5> [<component>] <message>". */
        LOG_INFO("logging info");
        printf("TEST_PASS\n");
    }

    return 0;
}
