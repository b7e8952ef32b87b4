// SPDX-License-Identifier: BSD-2-Clause
// Chapter 2, "Hello, World!":
// the solution of step 2.F, the whole program as it stands after that step.
// 2.F: malloc an array from a declared 64 KiB heap, qsort it, check it.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/hello-world.md. `make simulate STEP=2.F` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>
#include <stdlib.h>

#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

/* The heap arena behind malloc: 64 KiB. */
CAIRN_ROOT_TASK_HEAP_SIZE(64 * 1024);

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    printf("Hello, World!\n");

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

    return 0;
}
