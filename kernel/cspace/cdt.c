// SPDX-License-Identifier: BSD-2-Clause
// The capability derivation tree: a doubly-linked list in depth-first order (cte.h) plus
// the parent rule, and the delete/revoke machinery built on it (seL4 manual §3.2, seL4
// cnode.c). Deleting the last cap to a CNode or TCB turns it into a zombie whose slots are
// emptied one at a time, so every long deletion is a loop with a preemption point.
#include "cspace/cdt.h"

#include "arch/api.h"
#include "assert.h"
#include "util.h"
#include "state.h"
#include "object/objecttype.h"
#include "object/tcb.h"

// ---- list primitives ---------------------------------------------------------------------

static void mdb_clear(struct cte *c)
{
    c->mdb.prev = 0;
    c->mdb.next_and_flags = 0;
}

static bool slot_is_unlinked(const struct cte *c)
{
    return mdb_prev(c) == NULL && mdb_next(c) == NULL;
}

// Make `a` and `b` neighbours in the list, a before b (either may be NULL: a list end).
static void mdb_join(struct cte *a, struct cte *b)
{
    if (a) {
        mdb_set_next(a, b);
    }
    if (b) {
        mdb_set_prev(b, a);
    }
}

// Make the neighbours of the list node now stored in `at` point at `at`.
static void mdb_relink(struct cte *at)
{
    mdb_join(mdb_prev(at), at);
    mdb_join(at, mdb_next(at));
}

// A child untyped covering all of its parent uses the parent up: mark the parent full.
static void untyped_set_full_if_same(cap_t src_cap, cap_t new_cap, struct cte *src)
{
    if (cap_type(src_cap) == CAP_UNTYPED && cap_type(new_cap) == CAP_UNTYPED &&
        cap_ptr(src_cap) == cap_ptr(new_cap) &&
        cap_untyped_size_bits(src_cap) == cap_untyped_size_bits(new_cap)) {
        src->cap = cap_untyped_set_free_index(src_cap, BIT(cap_untyped_size_bits(src_cap)));
    }
}

void cdt_insert(cap_t new_cap, struct cte *src, struct cte *dest)
{
    cap_t src_cap = src->cap;
    bool revocable = cap_is_revocable(new_cap, src_cap);

    kassert(cap_is_null(dest->cap));
    kassert(slot_is_unlinked(dest));

    untyped_set_full_if_same(src_cap, new_cap, src);

    dest->cap = new_cap;
    mdb_set_prev(dest, src);
    dest->mdb.next_and_flags = (word_t)mdb_next(src);
    mdb_set_flags(dest, revocable, revocable);
    mdb_set_next(src, dest);
    if (mdb_next(dest)) {
        mdb_set_prev(mdb_next(dest), dest);
    }
}

void cdt_insert_new(struct cte *parent, struct cte *slot, cap_t cap)
{
    struct cte *next = mdb_next(parent);

    kassert(cap_is_null(slot->cap));
    slot->cap = cap;
    mdb_set_prev(slot, parent);
    slot->mdb.next_and_flags = (word_t)next;
    mdb_set_flags(slot, true, true);
    if (next) {
        mdb_set_prev(next, slot);
    }
    mdb_set_next(parent, slot);
}

void cte_move(cap_t new_cap, struct cte *src, struct cte *dest)
{
    kassert(cap_is_null(dest->cap));
    kassert(slot_is_unlinked(dest));

    dest->cap = new_cap;
    dest->mdb = src->mdb;
    src->cap = cap_null();
    mdb_clear(src);
    mdb_relink(dest);
}

void cte_swap(cap_t cap1, struct cte *slot1, cap_t cap2, struct cte *slot2)
{
    struct mdb_node mdb1 = slot1->mdb;

    slot1->cap = cap2;
    slot2->cap = cap1;
    slot1->mdb = slot2->mdb;
    slot2->mdb = mdb1;
    // The two slots may be neighbours: fix each node's links after both are in place,
    // using the moved nodes themselves so that self-references come out right.
    struct cte *p1 = mdb_prev(slot1), *n1 = mdb_next(slot1);
    struct cte *p2 = mdb_prev(slot2), *n2 = mdb_next(slot2);
    if (p1 == slot1) {
        mdb_set_prev(slot1, slot2);
    }
    if (n1 == slot1) {
        mdb_set_next(slot1, slot2);
    }
    if (p2 == slot2) {
        mdb_set_prev(slot2, slot1);
    }
    if (n2 == slot2) {
        mdb_set_next(slot2, slot1);
    }
    mdb_relink(slot1);
    mdb_relink(slot2);
}

// ---- the parent relation -----------------------------------------------------------------

bool is_mdb_parent_of(const struct cte *a, const struct cte *b)
{
    if (!mdb_revocable(a)) {
        return false;
    }
    if (!same_region_as(a->cap, b->cap)) {
        return false;
    }
    switch (cap_type(a->cap)) {
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION: {
        // An unbadged cap is the parent of every cap to its object; a badged one only of
        // copies with its badge that do not start a new badged subtree themselves.
        word_t badge = cap_ipc_badge(a->cap);
        if (badge == 0) {
            return true;
        }
        return badge == cap_ipc_badge(b->cap) && !mdb_first_badged(b);
    }
    default:
        return true;
    }
}

bool cdt_has_children(const struct cte *slot)
{
    const struct cte *next = mdb_next(slot);
    return next != NULL && is_mdb_parent_of(slot, next);
}

bool cap_is_final(const struct cte *slot)
{
    const struct cte *prev = mdb_prev(slot);
    const struct cte *next = mdb_next(slot);

    // Copies of one object are always adjacent in the list, so checking the two
    // neighbours is enough.
    if (prev != NULL && same_object_as(prev->cap, slot->cap)) {
        return false;
    }
    return next == NULL || !same_object_as(slot->cap, next->cap);
}

// ---- preemption --------------------------------------------------------------------------

static word_t preempt_countdown;

exception_t preemption_point(void)
{
    ks_work_units++;
    if (preempt_countdown != 0 && --preempt_countdown == 0) {
        return EXC_PREEMPTED; // host tests only: a forced preemption
    }
    // Asking the interrupt controller costs an MMIO read: only every so many units
    // (seL4 preemptionPoint). The caller is left in Restart and re-executes the system
    // call after the interrupt has been taken on the way back to user mode.
    if (ks_work_units % CONFIG_MAX_NUM_WORK_UNITS_PER_PREEMPTION == 0 && arch_irq_pending()) {
        return EXC_PREEMPTED;
    }
    return EXC_NONE;
}

#ifdef CAIRN_HOST_TEST
void preemption_force_after(word_t n)
{
    preempt_countdown = n;
}
#endif

// ---- deletion ----------------------------------------------------------------------------

// The first of the slots a zombie still has to empty (a CNode's slots or a TCB's).
static struct cte *zombie_slots(cap_t z)
{
    if (cap_zombie_is_tcb(z)) {
        return tcb_slot(tcb_from_pptr(cap_ptr(z)), TCB_CTABLE);
    }
    return (struct cte *)cap_ptr(z);
}

// Unlink the slot's cap from the tree and clear the slot. The next cap inherits the
// first-badged mark, so a badged subtree keeps its boundary.
static void empty_slot(struct cte *slot)
{
    if (cap_is_null(slot->cap)) {
        return;
    }
    struct cte *next = mdb_next(slot);
    mdb_join(mdb_prev(slot), next);
    if (next) {
        mdb_set_flags(next, mdb_revocable(next), mdb_first_badged(next) || mdb_first_badged(slot));
    }
    slot->cap = cap_null();
    mdb_clear(slot);
}

// finalise_cap's remainder may be dropped: nothing left, or a zombie that has only
// itself left to clear.
static bool cap_removable(cap_t cap, const struct cte *slot)
{
    if (cap_is_null(cap)) {
        return true;
    }
    kassert(cap_type(cap) == CAP_ZOMBIE);
    word_t n = cap_zombie_remaining(cap);
    return n == 0 || (n == 1 && zombie_slots(cap) == slot);
}

static bool cap_is_cyclic_zombie(cap_t cap, const struct cte *slot)
{
    return cap_type(cap) == CAP_ZOMBIE && zombie_slots(cap) == slot;
}

static bool zombies_same_kind(cap_t a, cap_t b)
{
    return cap_zombie_is_tcb(a) == cap_zombie_is_tcb(b) && cap_zombie_bits(a) == cap_zombie_bits(b);
}

// Swap two slots' caps for deletion (the zombie moves into the slot it must clear).
static void swap_for_delete(struct cte *a, struct cte *b)
{
    if (a != b) {
        cte_swap(a->cap, a, b->cap, b);
    }
}

/*
 * Clear one more slot of the zombie in `slot`. Exposed (user-visible) zombies delete their
 * last remaining slot and count down; zombies found inside another object's slots are
 * swapped into their own first slot so they become cyclic and can be finished there.
 */
static exception_t reduce_zombie(struct cte *slot, bool exposed)
{
    cap_t z = slot->cap;
    struct cte *slots = zombie_slots(z);
    word_t n = cap_zombie_remaining(z);

    kassert(cap_type(z) == CAP_ZOMBIE && n > 0);

    if (!exposed) {
        kassert(slots != slot);
        if (cap_type(slots->cap) == CAP_ZOMBIE) {
            kassert(zombie_slots(slots->cap) != slots);
        }
        swap_for_delete(slots, slot);
        return EXC_NONE;
    }

    struct cte *end = &slots[n - 1];
    exception_t status = cte_delete(end, false);
    if (status != EXC_NONE) {
        return status;
    }

    cap_t now = slot->cap;
    if (cap_is_null(now)) {
        return EXC_NONE;
    }
    kassert(cap_type(now) == CAP_ZOMBIE);
    if (zombie_slots(now) == slots && cap_zombie_remaining(now) == n && zombies_same_kind(now, z)) {
        kassert(cap_is_null(end->cap));
        slot->cap = cap_zombie_set_remaining(now, n - 1);
    } else {
        // Deleting `end` swapped a cyclic zombie into this slot.
        kassert(zombie_slots(now) == slot && slots != slot);
    }
    return EXC_NONE;
}

// One step of a long operation ended with `status`: on success, a preemption point.
static exception_t then_preemption_point(exception_t status)
{
    return status != EXC_NONE ? status : preemption_point();
}

/*
 * Finalise the cap in slot until what is left can be dropped. *success tells whether the
 * slot may now be emptied (false: an unexposed cyclic zombie was left for the caller).
 */
static exception_t finalise_slot(struct cte *slot, bool exposed, bool *success)
{
    *success = false;
    while (!cap_is_null(slot->cap)) {
        bool final = cap_is_final(slot);
        cap_t remainder = finalise_cap(slot->cap, final);

        if (cap_removable(remainder, slot)) {
            *success = true;
            return EXC_NONE;
        }
        slot->cap = remainder;

        if (!exposed && cap_is_cyclic_zombie(remainder, slot)) {
            return EXC_NONE;
        }

        exception_t status = then_preemption_point(reduce_zombie(slot, exposed));
        if (status != EXC_NONE) {
            return status;
        }
    }
    *success = true;
    return EXC_NONE;
}

exception_t cte_delete(struct cte *slot, bool exposed)
{
    bool success;
    exception_t status = finalise_slot(slot, exposed, &success);
    if (status != EXC_NONE) {
        return status;
    }
    if (exposed || success) {
        empty_slot(slot);
    }
    return EXC_NONE;
}

void cte_delete_one(struct cte *slot)
{
    if (cap_is_null(slot->cap)) {
        return;
    }
    cap_t remainder = finalise_cap(slot->cap, cap_is_final(slot));
    kassert(cap_removable(remainder, slot));
    empty_slot(slot);
}

exception_t cte_revoke(struct cte *slot)
{
    // Children directly follow their parent in the list, so deleting the next entry
    // until it is no longer a child removes the whole subtree.
    for (struct cte *next = mdb_next(slot); next != NULL && is_mdb_parent_of(slot, next);
         next = mdb_next(slot)) {
        exception_t status = then_preemption_point(cte_delete(next, true));
        if (status != EXC_NONE) {
            return status;
        }
    }
    return EXC_NONE;
}
