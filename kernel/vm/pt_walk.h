// SPDX-License-Identifier: BSD-2-Clause
// Level-generic walk of a user VSpace: where would a mapping for a virtual address go?
// Host-safe: reads tables through the physical window only (paddr_to_pptr).
#pragma once

#include "types.h"
#include "arch/aarch64/pte.h"

struct pt_slot {
    pte_t *pte;         // the entry where the walk stopped
    unsigned level;     // its level (0 = VSpace root .. 3)
    unsigned bits_left; // VA bits below that entry: 39, 30, 21 or 12
};

// Walk from the VSpace root `root` towards `va`, descending while the current entry is a
// table descriptor, and stop at the first entry that is not (invalid, page or block) or
// at level 3 (seL4's lookupPTSlot). A frame of size 2^bits can be mapped at the result
// only if bits_left == bits.
struct pt_slot pt_lookup_slot(pte_t *root, vptr_t va);

// Table (kernel pointer) reached by the entry `p` of a table walk.
pte_t *pt_next_table(pte_t p);
