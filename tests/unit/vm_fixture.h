// SPDX-License-Identifier: BSD-2-Clause
// Shared set-up for the VSpace unit tests (frame, page table, ASID): objects in the fake
// physical arena (tables, frames, slots), an invoking thread, a VSpace with an
// ASID, invocation builders, a snapshot to prove that a rejection changed nothing, and
// readers for the machine-hook calls the fake hardware recorded.
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "types.h"
#include "abi.h"
#include "msg/invocation.h"
#include "cspace/cap.h"
#include "cspace/cte.h"
#include "arch/aarch64/pte.h"
#include "object/asid.h"
#include "object/tcb.h"

#include <sel4/arch/invocation.h>
#include <sel4/arch/objecttype.h>

#define VM_ROOT_ASID 1u
#define RW (CAP_RIGHT_READ | CAP_RIGHT_WRITE) // Page_Map rights
#define ATTR_DEFAULT seL4_ARM_Default_VMAttributes

struct vm_fixture {
    struct tcb *thread;      // the invoking thread
    struct cte *slots;       // VM_SLOTS free slots (not a CNode; linked only by tests)
    pte_t *vspace;           // VSpace root with ASID VM_ROOT_ASID in pool 0
    struct cte *vspace_slot; // slots[0] holds its cap
    struct asid_pool *pool;  // pool 0
};
#define VM_SLOTS 16

// Reset kernel state and the fake hardware, and build the fixture above in a fresh region.
void vm_setup(struct vm_fixture *f);
// Zeroed, 2^bits-aligned memory from the fixture region (kernel pointer).
void *vm_alloc(unsigned bits);
// A new page table (unmapped cap) / 4 KiB frame (RW, RAM) / second VSpace (no ASID).
cap_t vm_new_page_table(void);
cap_t vm_new_frame(enum frame_size size);
cap_t vm_new_vspace(void);
// Link `table` (a page-table cap) into f's VSpace for vaddr at the first missing level;
// returns the cap recording the mapping (what PageTable_Map would store).
cap_t vm_link_table(struct vm_fixture *f, cap_t table, vptr_t vaddr);
// Link tables down to level 3 for vaddr.
void vm_link_all_tables(struct vm_fixture *f, vptr_t vaddr);

// An invocation of `slot`'s cap by f->thread with `label`, `length` MRs (up to 4, from the
// variadic list) and extra caps taken from the given slots (NULL ends the list).
// derive_cap of a VSpace-side cap (no slot needed): what a Copy would write.
cap_t derived_copy(cap_t cap);

struct invocation vm_inv(struct vm_fixture *f, struct cte *slot, word_t label, word_t length,
                         const word_t *mrs, struct cte *extra0, struct cte *extra1);

// Snapshot of the fixture region and the ASID table, and a check that nothing changed.
void vm_snapshot_take(void);
void vm_snapshot_assert_unchanged(void);

// Run `decode` on inv, which must reject it, and check that nothing changed. Returns inv,
// for its error record.
struct invocation vm_rejected(struct invocation inv, exception_t (*decode)(struct invocation *));

// The cmocka setup function of a test file whose fixture is `static struct vm_fixture f`.
#define VM_SETUP(fixture)                                                                          \
    static int setup(void **state)                                                                 \
    {                                                                                              \
        (void)state;                                                                               \
        vm_setup(&(fixture));                                                                      \
        return 0;                                                                                  \
    }

// The PTE the walk for vaddr ends at in f's VSpace (0 if the walk stops above level 3 and
// `level` does not match).
pte_t vm_pte_at(struct vm_fixture *f, vptr_t vaddr, unsigned level);

// Machine hooks seen by the fake hardware since vm_setup / the last vm_hw_clear.
void vm_hw_clear(void);
unsigned vm_hw_call_total(void);
unsigned vm_hw_tlb_va_count(void);
bool vm_hw_tlb_va_seen(word_t asid, vptr_t va);
unsigned vm_hw_tlb_asid_count(void);
bool vm_hw_tlb_asid_seen(word_t asid);
unsigned vm_hw_clean_pte_count(void);
unsigned vm_hw_cache_count(void);
bool vm_hw_cache_seen(int op, pptr_t start, pptr_t end);

// The invocation failed with InvalidCapability(index).
#define assert_invalid_cap(inv, index)                                                             \
    do {                                                                                           \
        assert_int_equal((inv).error.type, seL4_InvalidCapability);                                \
        assert_int_equal((inv).error.invalid_cap, (index));                                        \
    } while (0)
