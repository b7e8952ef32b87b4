// SPDX-License-Identifier: BSD-2-Clause
// Freestanding memset/memcpy/memmove/memcmp/strlen for the kernel. Word-at-a-time where
// both sides are aligned: zeroing a new 2 MiB frame is the hot case.
#include "lib/string.h"

#include "types.h"

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if (c == 0 && ((word_t)d & 7) == 0) {
        word_t *w = (word_t *)dst;
        for (; n >= 64; n -= 64, w += 8) {
            w[0] = 0;
            w[1] = 0;
            w[2] = 0;
            w[3] = 0;
            w[4] = 0;
            w[5] = 0;
            w[6] = 0;
            w[7] = 0;
        }
        for (; n >= 8; n -= 8) {
            *w++ = 0;
        }
        d = (unsigned char *)w;
    }
    while (n--) {
        *d++ = (unsigned char)c;
    }
    return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((word_t)d | (word_t)s) & 7) == 0) {
        for (; n >= 8; n -= 8, d += 8, s += 8) {
            *(word_t *)(void *)d = *(const word_t *)(const void *)s;
        }
    }
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s) {
        while (n--) {
            *d++ = *s++;
        }
    } else {
        while (n--) {
            d[n] = s[n];
        }
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y) {
            return *x - *y;
        }
    }
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}
