// SPDX-License-Identifier: BSD-2-Clause
// The slice of <stdio.h> a root task can have: formatted and plain output to the kernel's
// debug console (seL4_DebugPutChar), and formatting into buffers. There are no FILE streams;
// input, files and floating-point conversions do not exist here. See <cairn/print.h>.
#pragma once

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
int puts(const char *s);
int putchar(int c);
