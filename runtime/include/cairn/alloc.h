// SPDX-License-Identifier: BSD-2-Clause
// Kernel-object allocation for root tasks: a slot allocator over BootInfo's empty region,
// retype-and-return-the-cap in one call, object sizes, cap type names for
// seL4_DebugCapIdentify, and CSpace paths (root, index, depth) for the CNode invocations.
// Not here: iterating the untyped list (cairn/bootinfo.h). Everything uses only the seL4 ABI.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include <sel4/sel4.h>

/* ---- slots ---------------------------------------------------------------------------- */

/*
 * The slot allocator hands out empty slots of the root CNode, from BootInfo's `empty`
 * region, lowest first. It sets itself up on first use from cairn_bootinfo(). Freed slots
 * are reused before new ones (up to CAIRN_SLOT_FREE_MAX of them are remembered; any
 * further freed slot is simply not reused).
 */
#define CAIRN_SLOT_FREE_MAX 256

/* An empty root-CNode slot, or seL4_CapNull when the empty region is used up. */
seL4_CPtr cairn_slot_alloc(void);

/*
 * Give a slot back. The caller must already have emptied it (seL4_CNode_Delete); the
 * allocator does not check. Freeing seL4_CapNull does nothing.
 */
void cairn_slot_free(seL4_CPtr slot);

/* How many slots cairn_slot_alloc can still hand out. */
size_t cairn_slots_left(void);

/* ---- untyped memory and objects ------------------------------------------------------- */

/*
 * log2 of the bytes Untyped_Retype takes for one object of `type` with the given size_bits
 * argument (the same rule as the kernel: fixed for TCB, endpoint, notification, frames and
 * tables; 2^size_bits for untyped; 2^(size_bits + seL4_SlotBits) for a CNode of 2^size_bits
 * slots). Returns 0 for an unknown type.
 */
seL4_Word cairn_object_size_bits(seL4_Word type, seL4_Word size_bits);

/*
 * A non-device untyped from BootInfo that is at least 2^object_bits bytes: the smallest
 * such, so that large ones stay whole. seL4_CapNull if none is large enough. Looks only at
 * the BootInfo sizes, not at what has already been carved out of each untyped.
 */
seL4_CPtr cairn_untyped_find(const seL4_BootInfo *bi, seL4_Word object_bits);

/*
 * Retype one object of `type` (size_bits as for seL4_Untyped_Retype) from BootInfo's
 * ordinary untypeds into a new slot from cairn_slot_alloc, and return that slot. The
 * runtime remembers how much of each untyped it has used (the kernel's watermark, aligned
 * as the kernel aligns it) and picks the smallest untyped with room, so objects of
 * different sizes pack well. Untypeds that a program retypes by hand are noticed when the
 * kernel refuses (seL4_NotEnoughMemory) and skipped from then on.
 *
 * Returns seL4_CapNull on failure; cairn_retype_error() then says why: seL4_NotEnoughMemory
 * when no untyped has room, CAIRN_ERROR_NO_SLOTS when the slot allocator has no empty slot
 * left (nothing was asked of the kernel), or the kernel's error (e.g. seL4_InvalidArgument
 * for a bad type).
 */
seL4_CPtr cairn_retype(seL4_Word type, seL4_Word size_bits);

/*
 * The runtime's own error, for a condition of the program rather than of the kernel:
 * cairn_slot_alloc had no slot left. Its number is the first one after seL4's errors
 * (seL4_NumErrors), so it never equals an error the kernel returns; seL4_strerror names it.
 */
#define CAIRN_ERROR_NO_SLOTS ((seL4_Error)seL4_NumErrors)

/* The error of the last cairn_retype call (seL4_NoError if it succeeded). */
seL4_Error cairn_retype_error(void);

/* ---- identifying caps ------------------------------------------------------------------ */

/* A short name for a tag ("notification", "CNode", ...); "unknown" for other values. */
const char *cairn_cap_type_name(seL4_Uint32 tag);

/* Print "cap #<cptr>: <name> (tag <n>)" for the cap at cptr in the caller's CSpace. */
void cairn_cap_print(seL4_CPtr cptr);

/* ---- CSpace paths for CNode invocations ------------------------------------------------ */

/*
 * A slot named the way CNode invocations name slots: the CNode `root` to start from, the
 * `index` to resolve in it, and how many bits of index to resolve (`depth`). For a slot of
 * the root task's own CNode that is (seL4_CapInitThreadCNode, slot, seL4_WordBits):
 * cairn_cspath(slot).
 */
typedef struct {
    seL4_CNode root;
    seL4_Word index;
    seL4_Uint8 depth;
} cairn_cspath_t;

/* The path to `slot` of the root task's own CNode (depth seL4_WordBits). */
static inline cairn_cspath_t cairn_cspath(seL4_CPtr slot)
{
    return (cairn_cspath_t){seL4_CapInitThreadCNode, slot, seL4_WordBits};
}

/* The path to `index` of another CNode `root`, resolving `depth` bits. */
static inline cairn_cspath_t cairn_cspath_in(seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    return (cairn_cspath_t){root, index, depth};
}

/* The CNode invocations on paths; each returns exactly what the seL4_CNode_* call returns. */
static inline seL4_Error cairn_cnode_copy(cairn_cspath_t dest, cairn_cspath_t src,
                                          seL4_CapRights_t rights)
{
    return seL4_CNode_Copy(dest.root, dest.index, dest.depth, src.root, src.index, src.depth,
                           rights);
}

static inline seL4_Error cairn_cnode_mint(cairn_cspath_t dest, cairn_cspath_t src,
                                          seL4_CapRights_t rights, seL4_Word badge)
{
    return seL4_CNode_Mint(dest.root, dest.index, dest.depth, src.root, src.index, src.depth,
                           rights, badge);
}

static inline seL4_Error cairn_cnode_move(cairn_cspath_t dest, cairn_cspath_t src)
{
    return seL4_CNode_Move(dest.root, dest.index, dest.depth, src.root, src.index, src.depth);
}

static inline seL4_Error cairn_cnode_mutate(cairn_cspath_t dest, cairn_cspath_t src,
                                            seL4_Word badge)
{
    return seL4_CNode_Mutate(dest.root, dest.index, dest.depth, src.root, src.index, src.depth,
                             badge);
}

static inline seL4_Error cairn_cnode_delete(cairn_cspath_t slot)
{
    return seL4_CNode_Delete(slot.root, slot.index, slot.depth);
}

static inline seL4_Error cairn_cnode_revoke(cairn_cspath_t slot)
{
    return seL4_CNode_Revoke(slot.root, slot.index, slot.depth);
}
