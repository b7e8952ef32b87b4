// SPDX-License-Identifier: BSD-2-Clause
// The generic page-table walk (see pt_walk.h), written over the descriptor accessors of
// arch/aarch64/pte.h, so the same walk serves mapping, unmapping, faults and the VSpace
// picture.
#include "vm/pt_walk.h"

#include "arch/api.h"

pte_t *pt_next_table(pte_t p)
{
    return (pte_t *)paddr_to_pptr(pte_paddr(p));
}

/*
 * Invariant: `table` is the table of `level`, and bits_left = pt_level_shift(level) is
 * the number of VA bits below one of its entries. Each step down resolves 9 more bits.
 */
struct pt_slot pt_lookup_slot(pte_t *root, vptr_t va)
{
    pte_t *table = root;
    unsigned level = 0;
    pte_t *slot = &table[pt_index(va, level)];
    while (level < 3 && pte_is_table(*slot, level)) {
        table = pt_next_table(*slot);
        level++;
        slot = &table[pt_index(va, level)];
    }
    return (struct pt_slot){.pte = slot, .level = level, .bits_left = pt_level_shift(level)};
}
