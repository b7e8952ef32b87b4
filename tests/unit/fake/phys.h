// SPDX-License-Identifier: BSD-2-Clause
// Host fake physical memory: a 64 MiB arena, aligned to its size, standing in for RAM at
// physical PHYS_BASE, with paddr_to_pptr/pptr_to_paddr over it, a bump allocator for test
// fixtures, and a snapshot to prove that a rejected invocation changed nothing.
#pragma once

#include <stdbool.h>

#include "types.h"

#define PHYS_BASE 0x40000000ull
#define PHYS_ARENA_BITS 26

// Zero the arena (allocating it on first use) and rewind the allocator.
void phys_reset(void);
// Kernel pointer of the arena start.
pptr_t phys_arena(void);
// Zeroed 2^bits bytes aligned to 2^bits from the arena; aborts when the arena is full.
void *phys_alloc(unsigned bits);
// Copy the used part of the arena; later compare it with the current contents.
void phys_snapshot_take(void);
bool phys_snapshot_unchanged(void);
