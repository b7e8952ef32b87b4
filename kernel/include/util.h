// SPDX-License-Identifier: BSD-2-Clause
// Bit and alignment helpers and compiler attributes shared by all kernel code.
#pragma once

#include "types.h"

#define BIT(n) (1ull << (n))
#define MASK(n) ((n) >= 64 ? ~0ull : BIT(n) - 1ull)
#define ALIGN_DOWN(x, bits) ((x) & ~MASK(bits))
#define ALIGN_UP(x, bits) ALIGN_DOWN((x) + MASK(bits), bits)
#define IS_ALIGNED(x, bits) (((x)&MASK(bits)) == 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define NORETURN __attribute__((noreturn))
#define FORCE_INLINE inline __attribute__((always_inline))
#define UNUSED __attribute__((unused))
#define PACKED __attribute__((packed))
#define ALIGNED(n) __attribute__((aligned(n)))
// Code and data only needed while booting. Kept as a marker for readers; the kernel
// does not reclaim boot memory (yet).
#define BOOT_CODE

// Extract/insert a bit field of `width` bits at bit `lo` of a word.
static inline word_t bits_get(word_t w, unsigned lo, unsigned width)
{
    return (w >> lo) & MASK(width);
}

static inline word_t bits_set(word_t w, unsigned lo, unsigned width, word_t v)
{
    return (w & ~(MASK(width) << lo)) | ((v & MASK(width)) << lo);
}

// Sign-extend a 48-bit address: kernel pointers live in the top half (bit 47 set).
static inline word_t sign_extend48(word_t w)
{
    return (word_t)((sword_t)(w << 16) >> 16);
}

// Number of trailing zero bits; clz for the highest set bit. x must be non-zero.
static inline unsigned ctz64(word_t x)
{
    return (unsigned)__builtin_ctzll(x);
}

static inline unsigned clz64(word_t x)
{
    return (unsigned)__builtin_clzll(x);
}
