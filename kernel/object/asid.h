// SPDX-License-Identifier: BSD-2-Clause
// ASIDs: the two-level table from a 16-bit ASID to a VSpace root, ASID pools (the second
// level, one 4 KiB object per 512 ASIDs) and their invocations ASIDControl_MakePool and
// ASIDPool_Assign (seL4 manual §7.1.2; docs/design/abi.md §9). Not here: TLB, TTBR (arch/api.h).
#pragma once

#include "types.h"
#include "abi.h"
#include "msg/failures.h"
#include "arch/aarch64/pte.h"
#include "state.h"

struct invocation;

/*
 * An ASID is 16 bits, split as seL4 splits it:
 *
 *   15          9 8              0
 *  +-------------+----------------+
 *  | pool (high) |  index (low)   |   ks_asid_table[high] -> struct asid_pool
 *  +-------------+----------------+                       ->vspace[low] -> VSpace root
 *
 * ASID 0 is never handed out (frame and page-table caps use it for "not mapped"). The boot
 * code puts the root task's VSpace at ASID 1 in pool 0.
 */
#define ASID_LOW_BITS seL4_ASIDPoolIndexBits
#define ASID_HIGH_BITS seL4_NumASIDPoolsBits
#define ASID_POOL_ENTRIES (1u << ASID_LOW_BITS)
#define ASID_POOL_COUNT (1u << ASID_HIGH_BITS)

static inline word_t asid_high(word_t asid)
{
    return asid >> ASID_LOW_BITS;
}
static inline word_t asid_low(word_t asid)
{
    return asid & MASK(ASID_LOW_BITS);
}

// One ASID pool object (2^seL4_ASIDPoolBits bytes, created by MakePool from an untyped).
// vspace[i] is the VSpace root (kernel pointer) assigned ASID base + i, or NULL if free.
struct asid_pool {
    pte_t *vspace[ASID_POOL_ENTRIES];
};
_Static_assert(sizeof(struct asid_pool) == (1u << seL4_ASIDPoolBits), "an ASID pool is 4 KiB");

// The VSpace root assigned `asid`, or NULL if the ASID's pool or entry is empty (seL4's
// findVSpaceForASID; the caller reports FailedLookup with an InvalidRoot lookup fault).
// Pure read of ks_asid_table; inline because every thread switch runs it.
static FORCE_INLINE pte_t *asid_find_vspace(word_t asid)
{
    if (asid_high(asid) >= ASID_POOL_COUNT) {
        return NULL;
    }
    const struct asid_pool *pool = ks_asid_table[asid_high(asid)];
    return pool == NULL ? NULL : pool->vspace[asid_low(asid)];
}

// Decode and invoke ASIDControl_MakePool on inv->cap (an ASID control cap). Errors:
// IllegalOperation (other label), TruncatedMessage (fewer than 2 MRs or 2 extra caps),
// DeleteFirst (all 128 pools exist), InvalidCapability(1) (extra cap 0 is not a 4 KiB RAM
// untyped), RevokeFirst (that untyped has children), the destination lookup's errors,
// DeleteFirst (destination slot occupied). On success the untyped is used up, a zeroed pool
// is created, its cap inserted below the untyped, and the pool entered in ks_asid_table.
exception_t decode_asid_control_invocation(struct invocation *inv);

// Decode and invoke ASIDPool_Assign on inv->cap (an ASID pool cap). Errors:
// IllegalOperation (other label), TruncatedMessage (no extra cap), InvalidCapability(1)
// (extra cap 0 is not a VSpace cap or already has an ASID), FailedLookup (InvalidRoot: the
// pool was deleted), InvalidCapability(0) (the pool slot now holds another pool),
// DeleteFirst (no free ASID). On success the lowest free ASID of the pool (never 0) maps to
// the VSpace and the VSpace cap in its slot records it.
exception_t decode_asid_pool_invocation(struct invocation *inv);

// Release `asid` if it still maps to `vspace` (the last VSpace cap is being deleted):
// invalidate its TLB entries, clear the pool entry, and re-activate the current thread's
// VSpace so the CPU never keeps using a dead ASID (seL4's deleteASID).
void asid_delete(word_t asid, const pte_t *vspace);

// Remove the pool whose first ASID is `base` if it is still `pool` (its last cap is being
// deleted): flush the TLB of every ASID it assigned, then clear the table entry and
// re-activate the current thread's VSpace (seL4's deleteASIDPool).
void asid_pool_delete(word_t base, const struct asid_pool *pool);
