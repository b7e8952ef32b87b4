// SPDX-License-Identifier: BSD-2-Clause
// Frame invocations: ARM_Page_Map (map and remap), Unmap, GetAddress and the cache-
// maintenance calls, each as a read-only decode that builds the new cap and PTE as values
// and an invoke that only stores them (seL4's decodeARMFrameInvocation; docs/design/abi.md §11.3).
// The page-table walk is vm/pt_walk.c; the ASID table is object/asid.c.
#include "object/frame.h"

#include "util.h"
#include "msg/invocation.h"
#include "sched/sched.h"
#include "vm/pt_walk.h"
#include "object/asid.h"
#include "object/vspace.h"
#include "arch/api.h"

#include <sel4/arch/invocation.h>

// What a successful Page_Map stores: the updated frame cap and the PTE for the slot.
struct frame_map_op {
    cap_t new_cap;
    pte_t pte;
    pte_t *slot;
    word_t asid;
    vptr_t vaddr;
};

unsigned vm_rights_mask(unsigned vm_rights, word_t cap_rights)
{
    bool read = cap_rights & CAP_RIGHT_READ;
    bool write = cap_rights & CAP_RIGHT_WRITE;

    if (vm_rights == VM_READ_ONLY && read) {
        return VM_READ_ONLY;
    }
    if (vm_rights == VM_READ_WRITE && read) {
        return write ? VM_READ_WRITE : VM_READ_ONLY;
    }
    return VM_KERNEL_ONLY;
}

// The translation level whose entries map a frame of 2^bits bytes (12 -> 3, 21 -> 2, 30 -> 1).
static unsigned level_for_bits(unsigned bits)
{
    return (pt_level_shift(0) - bits) / PT_INDEX_BITS;
}

// Whether the walk result `s` holds a frame mapping (a page, or a block below level 0).
static bool slot_maps_frame(struct pt_slot s)
{
    return s.level > 0 && pte_is_valid(*s.pte) && pte_is_frame(*s.pte, s.level);
}

static exception_t decode_frame_map(struct invocation *inv, struct frame_map_op *op)
{
    cap_t frame = inv->cap;

    // Fewer than 3 MRs or no VSpace cap: TruncatedMessage.
    if (inv->length < 3 || inv->extra_count < 1) {
        return error_truncated_message(inv);
    }
    vptr_t vaddr = inv_mr(inv, 0);
    word_t rights = inv_mr(inv, 1);
    word_t attr = inv_mr(inv, 2);
    cap_t vspace_cap = inv->extra[0].cap;
    unsigned bits = frame_size_bits(cap_frame_size(frame));

    // Rights are masked, never refused; seL4 only prints a note for write-only requests.
    unsigned vm_rights = vm_rights_mask(cap_frame_vm_rights(frame), rights);
    if (cap_frame_vm_rights(frame) == VM_READ_WRITE && !(rights & CAP_RIGHT_READ) &&
        (rights & CAP_RIGHT_WRITE)) {
        USER_ERROR(inv->thread, "Attempted to make unsupported write only mapping");
    }

    // Extra cap 0 not a VSpace, or a VSpace without an ASID: InvalidCapability(1).
    if (cap_type(vspace_cap) != CAP_VSPACE || !cap_vspace_has_asid(vspace_cap)) {
        return error_invalid_capability(inv, 1);
    }
    word_t asid = cap_vspace_asid(vspace_cap);

    // The ASID names no VSpace, or another one: FailedLookup, InvalidCapability(1).
    pte_t *root = decode_map_vspace_root(inv, vspace_cap, asid);
    if (root == NULL) {
        return EXC_SYSCALL_ERROR;
    }

    // vaddr not aligned to the frame size: AlignmentError (no silent rounding).
    if (!IS_ALIGNED(vaddr, bits)) {
        return error_alignment(inv);
    }

    if (cap_mapped_asid(frame) != 0) {
        // Already mapped in another address space: InvalidCapability(1).
        if (cap_mapped_asid(frame) != asid) {
            USER_ERROR(inv->thread, "ARMPageMap: Attempting to remap a frame that does not "
                                    "belong to the passed address space");
            return error_invalid_capability(inv, 1);
        }
        // Already mapped at another vaddr: InvalidArgument(0). Same vaddr is a remap.
        if (cap_mapped_vaddr(frame) != vaddr) {
            USER_ERROR(inv->thread, "ARMPageMap: Attempting to map frame into multiple addresses");
            return error_invalid_argument(inv, 0);
        }
    } else {
        // The frame would reach past seL4_UserTop: InvalidArgument(0).
        if (vaddr + MASK(bits) > seL4_UserTop) {
            return error_invalid_argument(inv, 0);
        }
    }

    // The walk stops above the frame's level (a table is missing) or below it (a smaller
    // table is in the way): FailedLookup, MissingCapability with the bits left.
    struct pt_slot s = pt_lookup_slot(root, vaddr);
    if (s.bits_left != bits) {
        struct lookup_fault lf = {.type = seL4_MissingCapability, .bits_left = s.bits_left};
        return error_failed_lookup(inv, false, &lf);
    }

    paddr_t base = pptr_to_paddr(cap_ptr(frame));
    op->new_cap = cap_set_mapping(frame, asid, vaddr);
    op->pte = pte_make_frame(base, level_for_bits(bits), vm_rights, attr & seL4_ARM_PageCacheable,
                             attr & seL4_ARM_ExecuteNever);
    op->slot = s.pte;
    op->asid = asid;
    op->vaddr = vaddr;
    return EXC_NONE;
}

// Store the new cap and PTE. A slot that held a valid entry (a remap, or another frame
// that gets silently replaced, as in seL4) needs its old translation dropped from the TLB.
static exception_t invoke_frame_map(struct invocation *inv, const struct frame_map_op *op)
{
    bool was_valid = pte_is_valid(*op->slot);

    inv->slot->cap = op->new_cap;
    *op->slot = op->pte;
    arch_clean_pte((pptr_t)op->slot);
    if (was_valid) {
        arch_tlb_invalidate_va(op->asid, op->vaddr);
    }
    return EXC_NONE;
}

void frame_unmap(enum frame_size size, word_t asid, vptr_t vaddr, pptr_t base)
{
    pte_t *root = asid_find_vspace(asid);
    if (root == NULL) {
        return;
    }
    struct pt_slot s = pt_lookup_slot(root, vaddr);
    if (s.bits_left != frame_size_bits(size) || !slot_maps_frame(s)) {
        return;
    }
    if (pte_paddr(*s.pte) != pptr_to_paddr(base)) {
        return; // the slot was taken over by another frame since
    }
    *s.pte = 0;
    arch_clean_pte((pptr_t)s.pte);
    arch_tlb_invalidate_va(asid, vaddr);
}

// Page_Unmap never fails: unmap if mapped, then forget the mapping in the slot's cap.
static exception_t invoke_frame_unmap(struct invocation *inv)
{
    cap_t cap = inv->slot->cap;
    if (cap_mapped_asid(cap) != 0) {
        frame_unmap(cap_frame_size(cap), cap_mapped_asid(cap), cap_mapped_vaddr(cap), cap_ptr(cap));
    }
    inv->slot->cap = cap_set_mapping(cap, 0, 0);
    return EXC_NONE;
}

static exception_t invoke_frame_get_address(struct invocation *inv)
{
    if (inv->is_call) {
        inv_set_reply_mr(inv, NULL, 0, pptr_to_paddr(cap_ptr(inv->cap)));
    }
    return EXC_NONE;
}

static exception_t decode_frame_flush(struct invocation *inv, struct cache_flush_op *op)
{
    cap_t frame = inv->cap;

    // Fewer than 2 MRs: TruncatedMessage.
    if (inv->length < 2) {
        USER_ERROR(inv->thread, "Page Flush: Truncated message.");
        return error_truncated_message(inv);
    }

    // The frame is not mapped: IllegalOperation.
    if (cap_mapped_asid(frame) == 0) {
        USER_ERROR(inv->thread, "Page Flush: Frame is not mapped.");
        return error_illegal_operation(inv);
    }
    word_t asid = cap_mapped_asid(frame);
    vptr_t vaddr = cap_mapped_vaddr(frame);

    // The ASID no longer names a VSpace: FailedLookup (InvalidRoot).
    pte_t *root = asid_find_vspace(asid);
    if (root == NULL) {
        USER_ERROR(inv->thread, "Page Flush: No PGD for ASID");
        struct lookup_fault lf = {.type = seL4_InvalidRoot};
        return error_failed_lookup(inv, false, &lf);
    }
    word_t start = inv_mr(inv, 0);
    word_t end = inv_mr(inv, 1);

    // Empty or inverted range: InvalidArgument(1).
    if (end <= start) {
        USER_ERROR(inv->thread, "PageFlush: Invalid range");
        return error_invalid_argument(inv, 1);
    }

    // Range not inside the frame: InvalidArgument(0).
    word_t frame_bytes = BIT(frame_size_bits(cap_frame_size(frame)));
    if (start >= frame_bytes || end > frame_bytes) {
        USER_ERROR(inv->thread, "Page Flush: Requested range not inside page");
        return error_invalid_argument(inv, 0);
    }

    // The cap's mapping record is stale (the slot maps something else now):
    // InvalidCapability(0).
    paddr_t base = pptr_to_paddr(cap_ptr(frame));
    struct pt_slot s = pt_lookup_slot(root, vaddr);
    if (s.bits_left != frame_size_bits(cap_frame_size(frame)) || !slot_maps_frame(s) ||
        pte_paddr(*s.pte) != base) {
        USER_ERROR(inv->thread,
                   "Page Flush: Attempting to use cap with stale mapping information.");
        return error_invalid_capability(inv, 0);
    }

    // Invalidate discards data, so it needs a writable mapping: IllegalOperation.
    if (inv->label == ARMPageInvalidate_Data && pte_vm_rights(*s.pte) != VM_READ_WRITE) {
        USER_ERROR(inv->thread,
                   "ARMPageInvalidate_Data: Cannot call on mapping without write rights.");
        return error_illegal_operation(inv);
    }

    op->op = cache_op_for_label(inv->label, ARMPageClean_Data);
    op->pstart = base + start;
    op->bytes = end - start;
    return EXC_NONE;
}

exception_t decode_frame_invocation(struct invocation *inv)
{
    exception_t status;

    switch (inv->label) {
    case ARMPageMap: {
        struct frame_map_op op = {0};
        status = decode_frame_map(inv, &op);
        if (status != EXC_NONE) {
            return status;
        }
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_frame_map(inv, &op);
    }
    case ARMPageUnmap:
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_frame_unmap(inv);
    case ARMPageClean_Data:
    case ARMPageInvalidate_Data:
    case ARMPageCleanInvalidate_Data:
    case ARMPageUnify_Instruction: {
        struct cache_flush_op op = {0};
        status = decode_frame_flush(inv, &op);
        if (status != EXC_NONE) {
            return status;
        }
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_cache_flush(&op);
    }
    case ARMPageGetAddress:
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_frame_get_address(inv);
    default:
        // Not a frame operation: IllegalOperation.
        return error_illegal_operation(inv);
    }
}
