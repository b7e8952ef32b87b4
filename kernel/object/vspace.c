// SPDX-License-Identifier: BSD-2-Clause
// VSpace roots: the VSpace cache-maintenance invocations (seL4's
// decodeARMVSpaceRootInvocation) and activating a thread's VSpace on the CPU (setVMRoot).
// Creating, assigning and deleting ASIDs is object/asid.c.
#include "object/vspace.h"

#include "util.h"
#include "msg/invocation.h"
#include "sched/sched.h"
#include "vm/pt_walk.h"
#include "object/asid.h"
#include "object/tcb.h"
#include "arch/api.h"

#include <sel4/arch/invocation.h>

// cache_op_for_label: the four cache labels of pages and of VSpaces run in enum cache_op's order.
_Static_assert(ARMPageInvalidate_Data - ARMPageClean_Data == CACHE_INVALIDATE &&
                   ARMPageCleanInvalidate_Data - ARMPageClean_Data == CACHE_CLEAN_INVALIDATE &&
                   ARMPageUnify_Instruction - ARMPageClean_Data == CACHE_UNIFY,
               "ARMPage cache labels out of order");
_Static_assert(ARMVSpaceInvalidate_Data - ARMVSpaceClean_Data == CACHE_INVALIDATE &&
                   ARMVSpaceCleanInvalidate_Data - ARMVSpaceClean_Data == CACHE_CLEAN_INVALIDATE &&
                   ARMVSpaceUnify_Instruction - ARMVSpaceClean_Data == CACHE_UNIFY,
               "ARMVSpace cache labels out of order");

void vspace_activate(const struct tcb *t)
{
    if (t != NULL) {
        cap_t cap = t->slots[TCB_VTABLE].cap;
        pte_t *root = vspace_from_cap(cap);
        if (root != NULL) {
            arch_set_vspace(pptr_to_paddr((pptr_t)root), cap_vspace_asid(cap));
            return;
        }
    }
    arch_set_vspace(0, 0);
}

static exception_t decode_vspace_flush(struct invocation *inv, struct cache_flush_op *op,
                                       bool *nothing_mapped)
{
    cap_t cap = inv->cap;

    // Fewer than 2 MRs: TruncatedMessage.
    if (inv->length < 2) {
        USER_ERROR(inv->thread, "VSpaceRoot Flush: Truncated message.");
        return error_truncated_message(inv);
    }
    vptr_t start = inv_mr(inv, 0);
    vptr_t end = inv_mr(inv, 1);

    // Empty or inverted range: InvalidArgument(1).
    if (end <= start) {
        USER_ERROR(inv->thread, "VSpaceRoot Flush: Invalid range.");
        return error_invalid_argument(inv, 1);
    }

    // Range reaching above the user part of the address space: IllegalOperation.
    if (end > seL4_UserTop) {
        USER_ERROR(inv->thread, "VSpaceRoot Flush: Exceed the user addressable region.");
        return error_illegal_operation(inv);
    }

    // The invoked VSpace has no ASID: InvalidCapability(0).
    if (!cap_vspace_has_asid(cap)) {
        return error_invalid_capability(inv, 0);
    }

    // Its ASID no longer names a VSpace: FailedLookup (InvalidRoot).
    pte_t *root = asid_find_vspace(cap_vspace_asid(cap));
    if (root == NULL) {
        USER_ERROR(inv->thread, "VSpaceRoot Flush: No VSpace for ASID");
        struct lookup_fault lf = {.type = seL4_InvalidRoot};
        return error_failed_lookup(inv, false, &lf);
    }

    // Its ASID names a different VSpace: InvalidCapability(0).
    if ((pptr_t)root != cap_ptr(cap)) {
        USER_ERROR(inv->thread, "VSpaceRoot Flush: Invalid VSpace Cap");
        return error_invalid_capability(inv, 0);
    }

    // Nothing mapped at start: succeed without doing anything (no stale lines can exist).
    struct pt_slot s = pt_lookup_slot(root, start);
    if (s.level == 0 || !pte_is_valid(*s.pte) || !pte_is_frame(*s.pte, s.level)) {
        *nothing_mapped = true;
        return EXC_NONE;
    }

    // The range leaves the frame that holds start: RangeError(start, that frame's last byte).
    if (ALIGN_DOWN(start, s.bits_left) != ALIGN_DOWN(end - 1, s.bits_left)) {
        word_t last = ALIGN_DOWN(start, s.bits_left) + MASK(s.bits_left);
        USER_ERROR(inv->thread,
                   "VSpaceRoot Flush: cannot cross page boundary, valid range is [0x%lx..0x%lx)",
                   (unsigned long)start, (unsigned long)last);
        return error_range(inv, start, last);
    }

    // Invalidate discards data, so it needs a writable mapping: IllegalOperation.
    if (inv->label == ARMVSpaceInvalidate_Data && pte_vm_rights(*s.pte) != VM_READ_WRITE) {
        USER_ERROR(inv->thread,
                   "ARMVSpaceInvalidate_Data: Cannot call on mapping without write rights.");
        return error_illegal_operation(inv);
    }

    op->op = cache_op_for_label(inv->label, ARMVSpaceClean_Data);
    op->pstart = pte_paddr(*s.pte) + (start & MASK(s.bits_left));
    op->bytes = end - start;
    *nothing_mapped = false;
    return EXC_NONE;
}

exception_t invoke_cache_flush(const struct cache_flush_op *op)
{
    pptr_t start = paddr_to_pptr(op->pstart);
    arch_cache_range(op->op, start, start + op->bytes);
    return EXC_NONE;
}

exception_t decode_vspace_invocation(struct invocation *inv)
{
    switch (inv->label) {
    case ARMVSpaceClean_Data:
    case ARMVSpaceInvalidate_Data:
    case ARMVSpaceCleanInvalidate_Data:
    case ARMVSpaceUnify_Instruction: {
        struct cache_flush_op op = {0};
        bool nothing_mapped = false;
        exception_t status = decode_vspace_flush(inv, &op, &nothing_mapped);
        if (status != EXC_NONE) {
            return status;
        }
        thread_set_state(inv->thread, TS_RESTART);
        return nothing_mapped ? EXC_NONE : invoke_cache_flush(&op);
    }
    default:
        // Not a VSpace operation: IllegalOperation.
        return error_illegal_operation(inv);
    }
}
