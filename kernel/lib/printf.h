// SPDX-License-Identifier: BSD-2-Clause
// kprintf: the kernel's console printf. Supports %c %s %d %i %u %x %X %p with the
// l/ll/z length modifiers, width and zero padding. %p prints like seL4's kernel printf:
// "0x" + minimal lowercase hex, and a bare "0" for zero (docs/design/abi.md §10.4). %d and
// %i also print like seL4's: a negative value comes out as its 64-bit two's complement,
// unsigned ((int)-1 prints 18446744073709551615), so userError lines match upstream's.
#pragma once

#include <stdarg.h>

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *fmt, va_list ap);
