// SPDX-License-Identifier: BSD-2-Clause
// printf-style output on the kernel's debug console (seL4_DebugPutChar, one character per
// call), and the same formatter writing into a buffer. Conversions: d i u x X p s c %, with
// the l, ll, z length modifiers, a width, and the flags '0', '-' and '#'. No floating point.
#pragma once

#include <stdarg.h>
#include <stddef.h>

/* Write one character to the debug console. Returns c (as unsigned char). */
int cairn_putchar(int c);

/* Write s and a newline. Returns a non-negative number. */
int cairn_puts(const char *s);

/* Formatted output to the debug console. Returns the number of characters written. */
int cairn_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cairn_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Formatted output into buf (at most size bytes including the terminating NUL; buf is
 * always terminated when size > 0). Returns the length the full output would have had.
 */
int cairn_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int cairn_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
