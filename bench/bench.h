// SPDX-License-Identifier: BSD-2-Clause
// Shared by the benchmark root task's files: the cycle counter (guest instructions under
// `-icount shift=0`), statistics and the report line, the TIME macro, and object allocation
// from the runtime's slot allocator.
#pragma once

#include <stdint.h>

#include <cairn/alloc.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

#define ITERATIONS 100

static inline uint64_t counter(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v) : : "memory");
    return v;
}

struct stat {
    uint64_t sum, min, max, n;
};

void stat_add(struct stat *s, uint64_t v);
// Print one operation's line and its machine-readable "BENCH name ..." line.
void report(const char *name, const char *what, const struct stat *s);

/* Time one expression; the seL4_Error it returns must be seL4_NoError. */
#define TIME(stat, expr)                                                                           \
    do {                                                                                           \
        uint64_t t0_ = counter();                                                                  \
        seL4_Error e_ = (expr);                                                                    \
        uint64_t t1_ = counter();                                                                  \
        if (e_ != seL4_NoError)                                                                    \
            panic("%s: %s", #expr, seL4_strerror(e_));                                             \
        stat_add(&(stat), t1_ - t0_);                                                              \
    } while (0)

// A new object of `type` in a new slot of the root CNode (panics when out of memory).
seL4_CPtr alloc_object(seL4_Word type, seL4_Word size_bits);

// The IPC and notification benchmarks (bench/ipc.c): round trips in one and across two
// VSpaces, one-way sends, signals.
void bench_ipc(const seL4_BootInfo *bi);
