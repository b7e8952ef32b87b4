// SPDX-License-Identifier: BSD-2-Clause
// CPtr resolution through guarded CNodes (seL4 manual §3.1.4, seL4 resolveAddressBits),
// and the two lookups every invocation uses: a thread's CSpace at full depth, and the
// (root, index, depth) triple of CNode-style arguments. Failures are lookup_fault records.
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "cspace/cte.h"
#include "util.h"

struct tcb;

/*
 * Resolve the top `n_bits` bits of `cptr` starting at CNode cap `node` (seL4's
 * resolveAddressBits). Each level consumes guard_size + radix bits: the guard must match
 * the next guard_size bits, then radix bits index the CNode. Resolution stops when the
 * bits are used up, or early when the slot reached does not hold a CNode cap.
 *
 *   EXC_NONE: *slot is the slot reached, *bits_left the bits not yet resolved (0 unless
 *             resolution stopped at a non-CNode cap).
 *   EXC_LOOKUP_FAULT: *lf says why (InvalidRoot, GuardMismatch, DepthMismatch).
 * Reads only.
 */
exception_t resolve_address_bits(cap_t node, cptr_t cptr, word_t n_bits, struct lookup_fault *lf,
                                 struct cte **slot, word_t *bits_left);

/*
 * The successful case of resolve_address_bits, inline for the hot paths (every invocation,
 * the IPC fastpath): the slot reached, with *bits_left as above, or NULL when resolution
 * fails; resolve_address_bits then says why. 1 <= n_bits <= 64.
 */
static FORCE_INLINE struct cte *resolve_address_bits_fast(cap_t node, cptr_t cptr, word_t n_bits,
                                                          word_t *bits_left)
{
    while (cap_type(node) == CAP_CNODE) {
        word_t radix = cap_cnode_radix(node);
        word_t guard_size = cap_cnode_guard_size(node);
        word_t level = radix + guard_size;
        if (unlikely(level > n_bits || level == 0)) {
            return NULL;
        }
        word_t bits = cptr >> (n_bits - level); // guard, then index, in the low `level` bits
        if (unlikely(((bits >> radix) & MASK(guard_size)) != cap_cnode_guard(node))) {
            return NULL;
        }
        struct cte *slot = (struct cte *)cap_ptr(node) + (bits & MASK(radix));
        n_bits -= level;
        node = slot->cap;
        if (n_bits == 0 || cap_type(node) != CAP_CNODE) {
            *bits_left = n_bits;
            return slot;
        }
    }
    return NULL;
}

/*
 * The slot `cptr` names in thread t's CSpace, resolved at the full 64-bit depth (seL4's
 * lookupSlot). The slot may be empty, and may be reached with bits left over (a non-CNode
 * cap stops resolution; seL4 accepts that). EXC_NONE with *slot, or EXC_LOOKUP_FAULT
 * with *lf filled. Reads only.
 */
exception_t lookup_slot(struct tcb *t, cptr_t cptr, struct lookup_fault *lf, struct cte **slot);

/*
 * As lookup_slot, but returns the cap in the slot (seL4's lookupCap). On failure *cap is
 * a null cap.
 */
exception_t lookup_cap(struct tcb *t, cptr_t cptr, struct lookup_fault *lf, cap_t *cap);

/*
 * Look up the slot a CNode-style argument triple names (seL4's lookupSlotForCNodeOp):
 * `root` must be a CNode cap, `depth` in [1, 64], and resolution must use exactly
 * `depth` bits. On failure fills *err and returns EXC_SYSCALL_ERROR:
 *   root not a CNode         FailedLookup(is_source, InvalidRoot)
 *   depth outside [1, 64]    RangeError(1, 64)
 *   resolution fails         FailedLookup(is_source, the lookup fault)
 *   bits left over           FailedLookup(is_source, DepthMismatch(bits_left, 0))
 * On success *slot is the slot (possibly empty). Reads kernel state only.
 */
exception_t lookup_slot_for_cnode_op(struct syscall_error *err, cap_t root, cptr_t index,
                                     word_t depth, bool is_source, struct cte **slot);
