// SPDX-License-Identifier: BSD-2-Clause
// Kernel panics and assertions: for kernel bugs only. Anything user space causes is
// an error return, never a panic. A panic prints file:line, function and reason, halts.
#pragma once

#include "config.h"
#include "util.h"

NORETURN void kernel_panic(const char *file, int line, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define panic(...) kernel_panic(__FILE__, __LINE__, __func__, __VA_ARGS__)

#if CONFIG_RELEASE
// Release builds compile assertions out (the condition is not evaluated).
#define kassert(cond) ((void)sizeof(!(cond)))
#else
#define kassert(cond)                                                                              \
    do {                                                                                           \
        if (unlikely(!(cond))) {                                                                   \
            kernel_panic(__FILE__, __LINE__, __func__, "assertion failed: %s", #cond);             \
        }                                                                                          \
    } while (0)
#endif
