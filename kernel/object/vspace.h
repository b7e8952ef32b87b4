// SPDX-License-Identifier: BSD-2-Clause
// VSpace objects (the level-0 translation table) and the VSpace cache-maintenance
// invocations (ARM_VSpace_Clean_Data..Unify_Instruction; docs/design/abi.md §9), plus activating a
// thread's VSpace on the CPU. ASIDs themselves live in asid.c.
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "msg/invocation.h"
#include "cspace/cap.h"
#include "arch/aarch64/pte.h"
#include "arch/api.h"
#include "object/asid.h"

struct invocation;
struct tcb;

// The VSpace root a VSpace cap names, provided the cap has an ASID and that ASID still maps
// to this very root; NULL otherwise. Pure; inline for the thread switch and the fastpath.
static FORCE_INLINE pte_t *vspace_from_cap(cap_t vspace_cap)
{
    if (cap_type(vspace_cap) != CAP_VSPACE || !cap_vspace_has_asid(vspace_cap)) {
        return NULL;
    }
    pte_t *root = asid_find_vspace(cap_vspace_asid(vspace_cap));
    return (pptr_t)root == cap_ptr(vspace_cap) ? root : NULL;
}

// For the Map decoders (frame and page table), once vspace_cap is known to be a VSpace cap
// with ASID `asid`: its root, or NULL with the error recorded in inv (the decoder returns
// EXC_SYSCALL_ERROR). The ASID no longer names a VSpace: FailedLookup (InvalidRoot); it names
// a different VSpace than the cap: InvalidCapability(1).
static FORCE_INLINE pte_t *decode_map_vspace_root(struct invocation *inv, cap_t vspace_cap,
                                                  word_t asid)
{
    pte_t *root = asid_find_vspace(asid);
    if (root == NULL) {
        struct lookup_fault lf = {.type = seL4_InvalidRoot};
        error_failed_lookup(inv, false, &lf);
        return NULL;
    }
    if ((pptr_t)root != cap_ptr(vspace_cap)) {
        error_invalid_capability(inv, 1);
        return NULL;
    }
    return root;
}

// What a successful cache-maintenance call (ARM_Page_* or ARM_VSpace_* Clean_Data,
// Invalidate_Data, CleanInvalidate_Data, Unify_Instruction) does: one operation on a
// physical range.
struct cache_flush_op {
    enum cache_op op;
    paddr_t pstart;
    word_t bytes;
};

// The operation of one of those four labels; `clean` is the first of its four
// (ARMPageClean_Data or ARMVSpaceClean_Data). Both runs are in enum cache_op's order
// (checked in vspace.c).
static inline enum cache_op cache_op_for_label(word_t label, word_t clean)
{
    return (enum cache_op)(label - clean);
}

// Maintain the range through the kernel window: same physical lines, no VSpace switch.
exception_t invoke_cache_flush(const struct cache_flush_op *op);

// Decode and invoke a VSpace invocation (inv->cap is a VSpace cap). Labels
// ARMVSpace{Clean,Invalidate,CleanInvalidate}_Data and ARMVSpaceUnify_Instruction with
// MR0 start, MR1 end (user vaddrs). Errors in order: TruncatedMessage, InvalidArgument(1)
// (end <= start), IllegalOperation (end above seL4_UserTop), InvalidCapability(0) (no
// ASID), FailedLookup (ASID gone), InvalidCapability(0) (ASID names another VSpace),
// RangeError(start, last byte of start's frame) (range crosses a frame), IllegalOperation
// (Invalidate on a mapping without write rights). An unmapped start succeeds doing nothing.
// Other labels: IllegalOperation.
exception_t decode_vspace_invocation(struct invocation *inv);

// Make t's VSpace the current user address space: its root and ASID if t's VSpace cap is
// valid (has an ASID that still maps to it), otherwise "no user address space" so every
// user access faults (seL4's setVMRoot). t may be NULL (idle).
void vspace_activate(const struct tcb *t);
