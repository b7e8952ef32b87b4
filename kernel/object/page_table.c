// SPDX-License-Identifier: BSD-2-Clause
// Page-table invocations: ARM_PageTable_Map links a table at the first missing level on the
// walk to a vaddr; ARM_PageTable_Unmap detaches and zeroes it (seL4's
// decodeARMPageTableInvocation, unmapPageTable; docs/design/abi.md §11.4). Walk: vm/pt_walk.c.
#include "object/page_table.h"

#include "util.h"
#include "msg/invocation.h"
#include "lib/string.h"
#include "sched/sched.h"
#include "vm/pt_walk.h"
#include "object/asid.h"
#include "object/objecttype.h"
#include "object/vspace.h"
#include "arch/api.h"

#include <sel4/arch/invocation.h>

// What a successful PageTable_Map stores: the updated cap and the table descriptor.
struct page_table_map_op {
    cap_t new_cap;
    pte_t pte;
    pte_t *slot;
};

static exception_t decode_page_table_map(struct invocation *inv, struct page_table_map_op *op)
{
    cap_t table = inv->cap;

    // Fewer than 2 MRs or no VSpace cap: TruncatedMessage.
    if (inv->length < 2 || inv->extra_count < 1) {
        return error_truncated_message(inv);
    }

    // This table is already linked somewhere: InvalidCapability(0).
    if (cap_page_table_is_mapped(table)) {
        return error_invalid_capability(inv, 0);
    }
    vptr_t vaddr = inv_mr(inv, 0);
    cap_t vspace_cap = inv->extra[0].cap;

    // Extra cap 0 not a VSpace, or a VSpace without an ASID: InvalidCapability(1).
    if (cap_type(vspace_cap) != CAP_VSPACE || !cap_vspace_has_asid(vspace_cap)) {
        return error_invalid_capability(inv, 1);
    }
    word_t asid = cap_vspace_asid(vspace_cap);

    // vaddr above seL4_UserTop: InvalidArgument(0). (No alignment check: it is rounded.)
    if (vaddr > seL4_UserTop) {
        return error_invalid_argument(inv, 0);
    }

    // The ASID names no VSpace, or another one: FailedLookup, InvalidCapability(1).
    pte_t *root = decode_map_vspace_root(inv, vspace_cap, asid);
    if (root == NULL) {
        return EXC_SYSCALL_ERROR;
    }

    // Every level down to 3 already exists, or a frame occupies the slot: DeleteFirst.
    struct pt_slot s = pt_lookup_slot(root, vaddr);
    if (s.bits_left == seL4_PageBits || pte_is_valid(*s.pte)) {
        return error_delete_first(inv);
    }

    op->pte = pte_make_table(pptr_to_paddr(cap_ptr(table)));
    op->new_cap = cap_set_mapping(table, asid, ALIGN_DOWN(vaddr, s.bits_left));
    op->slot = s.pte;
    return EXC_NONE;
}

static exception_t invoke_page_table_map(struct invocation *inv, const struct page_table_map_op *op)
{
    inv->slot->cap = op->new_cap;
    *op->slot = op->pte;
    arch_clean_pte((pptr_t)op->slot);
    return EXC_NONE;
}

void page_table_unmap(word_t asid, vptr_t vaddr, const pte_t *table)
{
    pte_t *pt = asid_find_vspace(asid);
    if (pt == NULL) {
        return;
    }
    // Descend levels 0..2 until the entry we stand on points at `table`.
    pte_t *entry = NULL;
    for (unsigned level = 0; level < PT_LEVELS - 1 && pt != table; level++) {
        entry = &pt[pt_index(vaddr, level)];
        if (!pte_is_table(*entry, level)) {
            return; // not linked here (any more)
        }
        pt = pt_next_table(*entry);
    }
    if (pt != table || entry == NULL) {
        return;
    }
    *entry = 0;
    arch_clean_pte((pptr_t)entry);
    arch_tlb_invalidate_asid(asid);
}

// Detach the table if mapped, zero it (its old entries must not come back if it is mapped
// again), and forget the mapping in the slot's cap.
static exception_t invoke_page_table_unmap(struct invocation *inv)
{
    cap_t cap = inv->slot->cap;
    if (cap_page_table_is_mapped(cap)) {
        pte_t *table = (pte_t *)cap_ptr(cap);
        page_table_unmap(cap_mapped_asid(cap), cap_mapped_vaddr(cap), table);
        arch_zero_range((pptr_t)table, BIT(seL4_PageTableBits));
        arch_cache_range(CACHE_CLEAN, (pptr_t)table, (pptr_t)table + BIT(seL4_PageTableBits));
    }
    inv->slot->cap = cap_set_mapping(cap, 0, 0);
    return EXC_NONE;
}

exception_t decode_page_table_invocation(struct invocation *inv)
{
    if (inv->label == ARMPageTableUnmap) {
        // Other caps to this table still exist (copies made while mapped): RevokeFirst.
        if (!cap_is_final(inv->slot)) {
            return error_revoke_first(inv);
        }
        thread_set_state(inv->thread, TS_RESTART);
        return invoke_page_table_unmap(inv);
    }

    // Neither Map nor Unmap: IllegalOperation.
    if (inv->label != ARMPageTableMap) {
        return error_illegal_operation(inv);
    }
    struct page_table_map_op op = {0};
    exception_t status = decode_page_table_map(inv, &op);
    if (status != EXC_NONE) {
        return status;
    }
    thread_set_state(inv->thread, TS_RESTART);
    return invoke_page_table_map(inv, &op);
}
