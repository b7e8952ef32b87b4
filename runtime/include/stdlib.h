// SPDX-License-Identifier: BSD-2-Clause
// The slice of <stdlib.h> a root task can have: the heap (<cairn/heap.h>), qsort, strtoul,
// and the two ways to end: exit(status) (prints the exit line, suspends) and abort() (status -1).
#pragma once

#include <stddef.h>

#include <cairn/heap.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* Sort n elements of size bytes each at base, ordered by cmp (negative, zero, positive).
 * Not stable; O(n log n) comparisons, no recursion, no allocation. */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* C's strtoul: optional sign, base 0 (0x hex, 0 octal, else decimal) or 2..36; *end
 * (if end is not NULL) after the last digit used; ULONG_MAX on overflow. */
unsigned long strtoul(const char *s, char **end, int base);

/* End the root task: prints "root task exited with status N" and halts (see cairn_exit). */
_Noreturn void exit(int status);
/* Print "aborted: abort() called" and end the root task with status -1. */
_Noreturn void abort(void);

static inline int abs(int v)
{
    return v < 0 ? -v : v;
}

static inline long labs(long v)
{
    return v < 0 ? -v : v;
}
