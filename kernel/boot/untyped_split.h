// SPDX-License-Identifier: BSD-2-Clause
// Splitting a free physical region into the untyped blocks BootInfo describes (seL4
// boot.c create_untypeds_for_region): a pure function, host-tested.
#pragma once

#include "types.h"

struct untyped_block {
    paddr_t paddr;      // physical base, aligned to 2^size_bits (or 0)
    unsigned size_bits; // 4 .. 47
};

/*
 * Cut [start, end) into seL4's list of untyped blocks, in ascending address order: at each
 * step the largest power-of-two block that starts at the current address, is naturally
 * aligned there, fits before `end` and is at most 2^47 bytes. Pieces below 2^4 bytes are
 * skipped (their memory is lost, as in seL4). Writes at most `max` entries to out and
 * returns how many blocks the region yields (which may exceed max: the caller decides what
 * to drop). An empty region (end <= start) yields none.
 */
unsigned untyped_split(paddr_t start, paddr_t end, struct untyped_block *out, unsigned max);
