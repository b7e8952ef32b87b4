// SPDX-License-Identifier: BSD-2-Clause
// The few C library memory functions the kernel needs (no libc in the kernel; on the
// host the C library provides the same functions).
#pragma once

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
