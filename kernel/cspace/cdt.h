// SPDX-License-Identifier: BSD-2-Clause
// The capability derivation tree (CDT, seL4's MDB): insertion of copies and derived caps,
// moves and swaps, the parent relation, and deletion and revocation with their
// preemption points. Object-specific clean-up is delegated to finalise_cap (objecttype.c).
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "cspace/cte.h"

/*
 * Insert new_cap into the empty slot dest as a child of the cap in src (seL4 cteInsert):
 * dest is linked directly after src in the depth-first list, and marked revocable (and
 * first-badged) when cap_is_revocable(new_cap, src cap). Inserting an untyped cap of the
 * same region and size as its untyped parent marks the parent full, so it cannot be
 * retyped while the child exists. Precondition: dest is empty and unlinked.
 */
void cdt_insert(cap_t new_cap, struct cte *src, struct cte *dest);

/*
 * Place a freshly created object's cap in the empty slot `slot` as a revocable child of
 * `parent` (seL4 insertNewCap; used by Untyped_Retype and boot). Precondition: slot empty.
 */
void cdt_insert_new(struct cte *parent, struct cte *slot, cap_t cap);

/*
 * Move the cap in src to the empty slot dest, replacing it by new_cap (same object, maybe
 * new badge or guard), keeping its place in the tree (seL4 cteMove). src becomes empty.
 */
void cte_move(cap_t new_cap, struct cte *src, struct cte *dest);

/*
 * Exchange the caps of two slots, giving slot1 cap2 and slot2 cap1, each keeping its tree
 * position (seL4 cteSwap). Both slots must be non-empty.
 */
void cte_swap(cap_t cap1, struct cte *slot1, cap_t cap2, struct cte *slot2);

/*
 * Whether the cap in b is a CDT child of the cap in a, given that b directly follows a
 * (or one of a's descendants) in the list: a is revocable, b lies in a's region, and for
 * badged endpoint/notification caps the badges agree and b does not start a new badge.
 */
bool is_mdb_parent_of(const struct cte *a, const struct cte *b);

// Whether the cap in slot has any CDT children (seL4 ensureNoChildren fails).
bool cdt_has_children(const struct cte *slot);

/*
 * Delete the cap in slot (seL4 cteDelete). If it is the last cap to its object the
 * object is finalised first; CNodes and TCBs become zombies whose slots are emptied one
 * by one. exposed: the slot is user-visible and must end up empty (false only when
 * deleting inside a zombie). Returns EXC_NONE, or EXC_PREEMPTED having made progress
 * (the caller restarts the system call, which continues where it stopped).
 */
exception_t cte_delete(struct cte *slot, bool exposed);

/*
 * Delete a cap that needs no zombie (seL4 cteDeleteOne): reply caps, notification caps
 * in IRQ slots, and the like. Cannot be preempted.
 */
void cte_delete_one(struct cte *slot);

/*
 * Delete every CDT descendant of the cap in slot (seL4 cteRevoke); the cap itself stays.
 * Returns EXC_NONE or EXC_PREEMPTED (restartable: it continues with what is left).
 */
exception_t cte_revoke(struct cte *slot);

/*
 * A point in a long-running operation where pending interrupts may stop it. Returns
 * EXC_PREEMPTED when the operation must stop now (the caller's state must be consistent),
 * else EXC_NONE. Counts calls in ks_work_units.
 */
exception_t preemption_point(void);

#ifdef CAIRN_HOST_TEST
// Host tests: make the n-th next preemption point preempt (0 = never).
void preemption_force_after(word_t n);
#endif
