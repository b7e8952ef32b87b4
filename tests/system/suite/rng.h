// SPDX-License-Identifier: BSD-2-Clause
// The fuzz tests' random numbers: xorshift64*, small and seeded, so a printed seed repeats
// a run exactly. Each including file gets its own state (static).
#pragma once

#include <sel4/sel4.h>

#include "invoke.h" // CNODE_LAST_LABEL

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

// A label a cap of type `tag` (seL4_CapTag_*) answers to, picked at random; for other
// types any label below `any`. Both fuzzers aim their invocations with it.
static inline seL4_Word pick_label_for_tag(seL4_Uint32 tag, seL4_Word any)
{
    switch (tag) {
    case seL4_CapTag_Untyped:
        return UntypedRetype;
    case seL4_CapTag_CNode:
        return CNodeRevoke + pick(CNODE_LAST_LABEL - CNodeRevoke + 1);
    case seL4_CapTag_Frame:
        return ARMPageMap + pick(ARMPageGetAddress - ARMPageMap + 1);
    case seL4_CapTag_PageTable:
        return ARMPageTableMap + pick(2);
    case seL4_CapTag_VSpace:
        return ARMVSpaceClean_Data + pick(4);
    case seL4_CapTag_ASIDPool:
        return ARMASIDPoolAssign;
    case seL4_CapTag_IRQHandler:
        return IRQAckIRQ + pick(3);
    default:
        return pick(any);
    }
}
