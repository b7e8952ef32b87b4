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
// with an ASID: its root in *root. The ASID no longer names a VSpace: FailedLookup
// (InvalidRoot); it names a different VSpace than the cap: InvalidCapability(1).
static FORCE_INLINE exception_t decode_map_vspace_root(struct invocation *inv, cap_t vspace_cap,
                                                       pte_t **root)
{
    *root = asid_find_vspace(cap_vspace_asid(vspace_cap));
    if (*root == NULL) {
        struct lookup_fault lf = {.type = seL4_InvalidRoot};
        return error_failed_lookup(inv, false, &lf);
    }
    if ((pptr_t)*root != cap_ptr(vspace_cap)) {
        return error_invalid_capability(inv, 1);
    }
    return EXC_NONE;
}

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
