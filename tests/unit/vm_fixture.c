// SPDX-License-Identifier: BSD-2-Clause
// The VSpace tests' fixture (see vm_fixture.h). Everything a test can change lives in the
// fake physical arena, so "no state changed" is its snapshot plus the ASID table.
#include "vm_fixture.h"

#include "cspace/derive.h"
#include <string.h>

#include "state.h"
#include "vm/pt_walk.h"
#include "fake/hw.h"
#include "fake/phys.h"
#include "arch/api.h"

static struct asid_pool *snapshot_table[ASID_POOL_COUNT];

void *vm_alloc(unsigned bits)
{
    return phys_alloc(bits);
}

cap_t vm_new_page_table(void)
{
    return cap_page_table_new((pptr_t)vm_alloc(seL4_PageTableBits));
}

cap_t vm_new_frame(enum frame_size size)
{
    unsigned bits = size == FRAME_SMALL ? seL4_PageBits : seL4_LargePageBits;
    assert_true(size != FRAME_HUGE); // 1 GiB does not fit the fake arena
    return cap_frame_new((pptr_t)vm_alloc(bits), size, VM_READ_WRITE, false);
}

cap_t vm_new_vspace(void)
{
    return cap_vspace_new((pptr_t)vm_alloc(seL4_VSpaceBits), 0);
}

void vm_setup(struct vm_fixture *f)
{
    state_reset();
    phys_reset();
    hw_reset();

    f->thread = vm_alloc(seL4_TCBBits);
    f->thread->state = TS_RUNNING;
    f->slots = vm_alloc(seL4_SlotBits + 4);
    f->vspace = vm_alloc(seL4_VSpaceBits);
    f->pool = vm_alloc(seL4_ASIDPoolBits);
    ks_asid_table[0] = f->pool;
    f->pool->vspace[VM_ROOT_ASID] = f->vspace;
    f->vspace_slot = &f->slots[0];
    f->vspace_slot->cap = cap_vspace_new((pptr_t)f->vspace, VM_ROOT_ASID);
    ks_cur_thread = f->thread;
}

cap_t vm_link_table(struct vm_fixture *f, cap_t table, vptr_t vaddr)
{
    struct pt_slot s = pt_lookup_slot(f->vspace, vaddr);
    assert_true(s.bits_left > seL4_PageBits);
    assert_false(pte_is_valid(*s.pte));
    *s.pte = pte_make_table(pptr_to_paddr(cap_ptr(table)));
    return cap_set_mapping(table, VM_ROOT_ASID, vaddr & ~MASK(s.bits_left));
}

void vm_link_all_tables(struct vm_fixture *f, vptr_t vaddr)
{
    while (pt_lookup_slot(f->vspace, vaddr).bits_left > seL4_PageBits) {
        vm_link_table(f, vm_new_page_table(), vaddr);
    }
}

cap_t derived_copy(cap_t cap)
{
    struct syscall_error err;
    cap_t out;
    assert_int_equal(derive_cap(&err, NULL, cap, &out), EXC_NONE);
    return out;
}

struct invocation vm_inv(struct vm_fixture *f, struct cte *slot, word_t label, word_t length,
                         const word_t *mrs, struct cte *extra0, struct cte *extra1)
{
    struct invocation inv;
    memset(&inv, 0, sizeof(inv));
    inv.thread = f->thread;
    inv.regs = &f->thread->ctx;
    inv.cap = slot->cap;
    inv.slot = slot;
    inv.label = label;
    inv.length = length;
    inv.is_call = true;
    for (unsigned i = 0; i < length && i < FAST_MSG_REGS; i++) {
        ctx_set_mr(&f->thread->ctx, i, mrs[i]);
    }
    struct cte *extra[2] = {extra0, extra1};
    for (unsigned i = 0; i < 2 && extra[i] != NULL; i++) {
        inv.extra[i].cap = extra[i]->cap;
        inv.extra[i].slot = extra[i];
        inv.extra_count = i + 1;
    }
    return inv;
}

void vm_snapshot_take(void)
{
    phys_snapshot_take();
    memcpy(snapshot_table, ks_asid_table, sizeof(snapshot_table));
    hw_reset();
}

void vm_snapshot_assert_unchanged(void)
{
    assert_true(phys_snapshot_unchanged());
    assert_memory_equal(snapshot_table, ks_asid_table, sizeof(snapshot_table));
    assert_int_equal(hw_call_count(), 0);
}

pte_t vm_pte_at(struct vm_fixture *f, vptr_t vaddr, unsigned level)
{
    struct pt_slot s = pt_lookup_slot(f->vspace, vaddr);
    return s.level == level ? *s.pte : 0;
}

void vm_hw_clear(void)
{
    hw_reset();
}

unsigned vm_hw_call_total(void)
{
    return hw_call_count();
}

unsigned vm_hw_tlb_va_count(void)
{
    return hw_count(HW_TLB_VA);
}

bool vm_hw_tlb_va_seen(word_t asid, vptr_t va)
{
    return hw_seen(HW_TLB_VA, asid, va, 0);
}

unsigned vm_hw_tlb_asid_count(void)
{
    return hw_count(HW_TLB_ASID);
}

bool vm_hw_tlb_asid_seen(word_t asid)
{
    return hw_seen(HW_TLB_ASID, asid, 0, 0);
}

unsigned vm_hw_clean_pte_count(void)
{
    return hw_count(HW_CLEAN_PTE);
}

unsigned vm_hw_cache_count(void)
{
    return hw_count(HW_CACHE_RANGE);
}

bool vm_hw_cache_seen(int op, pptr_t start, pptr_t end)
{
    return hw_seen(HW_CACHE_RANGE, (word_t)op, start, end);
}

struct invocation vm_rejected(struct invocation inv, exception_t (*decode)(struct invocation *))
{
    vm_snapshot_take();
    assert_int_equal(decode(&inv), EXC_SYSCALL_ERROR);
    vm_snapshot_assert_unchanged();
    return inv;
}
