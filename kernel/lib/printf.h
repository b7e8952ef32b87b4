// SPDX-License-Identifier: BSD-2-Clause
// kprintf: the kernel's console printf. Supports %c %s %d %i %u %x %X %p with the
// l/ll/z length modifiers, width and zero padding. %p prints like seL4's kernel printf:
// "0x" + minimal lowercase hex, and a bare "0" for zero (docs/design/abi.md §10.4).
#pragma once

#include <stdarg.h>

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *fmt, va_list ap);
