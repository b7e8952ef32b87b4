// SPDX-License-Identifier: BSD-2-Clause
// The fuzz tests' random numbers: xorshift64*, small and seeded, so a printed seed repeats
// a run exactly. Each including file gets its own state (static).
#pragma once

#include <sel4/sel4.h>

static seL4_Word rng_state;

static inline seL4_Word rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dUL;
}

// A uniform-enough number in [0, n).
static inline seL4_Word pick(seL4_Word n)
{
    return rnd() % n;
}
