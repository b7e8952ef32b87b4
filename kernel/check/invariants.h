// SPDX-License-Identifier: BSD-2-Clause
// The invariant checker (build setting CHECK_INVARIANTS=1): after every kernel entry, verify
// the whole reachable kernel state and panic naming the first invariant that is broken.
// A debugging and testing aid: it changes nothing, and a normal build leaves it out.
#pragma once

#include "types.h"

/*
 * What is "the whole state": every thread that is current or queued to run, every IRQ
 * line's notification slot, every slot of every CNode and TCB reachable from those, every
 * cap linked with one of those slots in the derivation list, every thread queued on an
 * endpoint or notification found that way, and every VSpace in the ASID table. Memory
 * nothing reaches (a CNode whose only cap is inside itself) cannot be used any more and
 * is not looked at.
 *
 * The invariants, by the name a panic gives ("invariant <name> broken: <details>"):
 *
 *   cdt-links           each linked slot's neighbours point back at it; empty slots unlinked
 *   untyped-watermark   every descendant of an untyped cap lies inside it, below its
 *                       watermark (free index)
 *   object-overlap      no two live objects (other than untypeds) share memory unless they
 *                       are the same object
 *   asid-table          each ASID-table entry is a live pool whose cap has that base; each
 *                       pool entry a live VSpace whose cap records that ASID
 *   pt-single-parent    each page table is linked from at most one entry of the live trees
 *   pt-mapping          each table linked in a live VSpace has a cap recording exactly that
 *                       ASID and address
 *   frame-mapping       each frame mapped in a live VSpace has a cap recording where
 *   sched-queues        queue links consistent, each queued thread runnable with the queue's
 *                       priority, the bitmap matching the non-empty queues
 *   sched-runnable      every runnable thread other than the current one is queued
 *   ipc-queues          each endpoint/notification queue's threads are blocked on it in
 *                       the matching state, links consistent; each blocked thread is in
 *                       the queue of the object it is blocked on
 *   bound-notification  a thread's bound notification names it back, and the reverse
 *
 * MCS only (check/invariants_mcs.c; "runnable" above reads "schedulable" there):
 *
 *   release-queue       links consistent, each thread in it runnable with a context, not in
 *                       a ready queue, ordered by the time of its head refill; the flag of
 *                       every thread matching the queue
 *   sched-context       a thread's context names it back, and the reverse; the current
 *                       context is the current thread's; a configured context's refill
 *                       buffer within its object, the head refill at least the minimum budget
 */
void invariants_check(void);

#define BROKEN(name, what, a, b)                                                                   \
    panic("invariant %s broken: %s (%p, %p)", name, what, (void *)(word_t)(a), (void *)(word_t)(b))

#ifdef CONFIG_KERNEL_MCS
struct tcb;
// The MCS invariants over the threads the checker found.
void invariants_check_mcs(struct tcb *const *threads, word_t nthreads);
#endif
