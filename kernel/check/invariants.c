// SPDX-License-Identifier: BSD-2-Clause
// The invariant checker (see invariants.h): find every reachable slot, thread and object,
// then check each invariant over them. Scratch space is static (no allocator); a pointer
// set with a generation number needs no clearing between checks.
#include "check/invariants.h"

#include "assert.h"
#include "util.h"
#include "config.h"
#include "state.h"
#include "arch/api.h"
#include "cspace/cdt.h"
#include "object/asid.h"
#include "object/endpoint.h"
#include "object/frame.h"
#include "object/irq.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "vm/pt_walk.h"
#ifdef CONFIG_KERNEL_MCS
#include "object/reply.h"
#include "sched/sched.h"
// MCS: a thread is queued to run iff it is schedulable (runnable, with a configured context,
// not waiting for a refill).
#define MAY_RUN(t) sched_is_schedulable(t)
// MCS: a Reply cap names a Reply object, which may link a thread (or none).
#define REPLY_THREAD(c) (reply_from_cap(c)->tcb)
#else
#define MAY_RUN(t) thread_is_runnable(t)
#define REPLY_THREAD(c) tcb_from_pptr(cap_ptr(c))
#endif

#if CONFIG_CHECK_INVARIANTS || defined(CAIRN_HOST_TEST)

#define MAX_SLOTS 32768   // live caps the checker can hold
#define MAX_THREADS 4096  // threads
#define MAX_PENDING 16384 // containers (CNodes, TCBs) waiting to be scanned
#define SET_BITS 17       // the pointer set: 2^17 entries, kept at most half full

// Keys in the pointer set: a pointer plus a tag in its low (alignment) bits.
// Every pointer keyed is at least 8-byte aligned, so tags below 8 never collide.
enum tag { TAG_SLOT = 0, TAG_CONTAINER, TAG_THREAD, TAG_TABLE, TAG_READY, TAG_IPC };

struct set_entry {
    word_t key, gen;
};
static struct set_entry set[1u << SET_BITS];
static word_t set_gen, set_used;

// One object a cap names: its memory and the slot of (one of) its caps.
struct object {
    pptr_t base;
    word_t bytes;
    const struct cte *slot;
};

static const struct cte *slots[MAX_SLOTS];
static word_t nslots;
static struct tcb *threads[MAX_THREADS];
static word_t nthreads;
static struct {
    struct cte *first;
    word_t count;
} pending[MAX_PENDING];
static word_t npending;
static struct object objects[MAX_SLOTS];
static word_t nobjects;

static word_t set_hash(word_t key)
{
    return (key * 0x9e3779b97f4a7c15ull) >> (64 - SET_BITS);
}

// Add key; false if it was already there.
static bool set_add(const void *p, enum tag tag)
{
    word_t key = (word_t)p + tag;
    for (word_t h = set_hash(key);; h = (h + 1) & MASK(SET_BITS)) {
        if (set[h].gen != set_gen) {
            if (++set_used > BIT(SET_BITS - 1)) {
                panic("invariant checker: more than %lu pointers", (word_t)BIT(SET_BITS - 1));
            }
            set[h] = (struct set_entry){key, set_gen};
            return true;
        }
        if (set[h].key == key) {
            return false;
        }
    }
}

static bool set_has(const void *p, enum tag tag)
{
    word_t key = (word_t)p + tag;
    for (word_t h = set_hash(key);; h = (h + 1) & MASK(SET_BITS)) {
        if (set[h].gen != set_gen) {
            return false;
        }
        if (set[h].key == key) {
            return true;
        }
    }
}

// ---- finding the state ------------------------------------------------------------------

static void add_container(struct cte *first, word_t count)
{
    if (!set_add(first, TAG_CONTAINER)) {
        return;
    }
    if (npending == MAX_PENDING) {
        panic("invariant checker: more than %u CNodes and TCBs", MAX_PENDING);
    }
    pending[npending].first = first;
    pending[npending].count = count;
    npending++;
}

static void add_thread(struct tcb *t);

// The threads queued on an endpoint or notification (guarded against a cycle).
static void add_queue(struct tcb *head)
{
    word_t n = 0;
    for (struct tcb *t = head; t != NULL && n < MAX_THREADS; t = t->ep_next, n++) {
        add_thread(t);
    }
}

// Whom a notification leads to: its waiters and its bound thread.
static void add_notification(const struct notification *n)
{
    if ((n->tail_and_state & 0x3u) == NTFN_WAITING) {
        add_queue(n->head);
    }
    add_thread(n->bound_tcb);
}

static void add_thread(struct tcb *t)
{
    if (t == NULL || !set_add(t, TAG_THREAD)) {
        return;
    }
    if (nthreads == MAX_THREADS) {
        panic("invariant checker: more than %u threads", MAX_THREADS);
    }
    threads[nthreads++] = t;
    add_container(t->slots, TCB_SLOT_COUNT);
    // A blocked thread leads to the others in its queue; a bound one to its notification.
    if (t->state == TS_BLOCKED_ON_SEND || t->state == TS_BLOCKED_ON_RECEIVE) {
        add_queue(((struct endpoint *)t->blocked_on)->head);
    } else if (t->state == TS_BLOCKED_ON_NOTIFICATION) {
        add_notification((struct notification *)t->blocked_on);
    }
    if (t->bound_notification != 0) {
        add_notification((struct notification *)t->bound_notification);
    }
}

// A non-empty slot: record it, and what its cap leads to.
static void record(const struct cte *s)
{
    if (nslots == MAX_SLOTS) {
        panic("invariant checker: more than %u caps", MAX_SLOTS);
    }
    slots[nslots++] = s;
    cap_t c = s->cap;
    switch (cap_type(c)) {
    case CAP_CNODE:
        add_container((struct cte *)cap_ptr(c), BIT(cap_cnode_radix(c)));
        break;
    case CAP_THREAD:
        add_thread(tcb_from_pptr(cap_ptr(c)));
        break;
    case CAP_REPLY:
        add_thread(REPLY_THREAD(c));
        break;
    case CAP_ENDPOINT:
        add_queue(((struct endpoint *)cap_ptr(c))->head);
        break;
    case CAP_NOTIFICATION:
        add_notification((struct notification *)cap_ptr(c));
        break;
    default:
        break;
    }
}

// Record the slot and every slot on its derivation list (walked once per list).
static void visit(const struct cte *s)
{
    if (cap_is_null(s->cap)) {
        if (mdb_prev(s) != NULL || mdb_next(s) != NULL) {
            BROKEN("cdt-links", "an empty slot is linked", s, mdb_next(s));
        }
        return;
    }
    if (set_has(s, TAG_SLOT)) {
        return;
    }
    const struct cte *head = s;
    for (word_t n = 0; mdb_prev(head) != NULL; n++) {
        if (n > MAX_SLOTS || set_has(mdb_prev(head), TAG_SLOT)) {
            BROKEN("cdt-links", "a list runs back into itself", s, head);
        }
        head = mdb_prev(head);
    }
    for (const struct cte *c = head; c != NULL; c = mdb_next(c)) {
        if (!set_add(c, TAG_SLOT)) {
            BROKEN("cdt-links", "a list runs into itself", s, c);
        }
        if (cap_is_null(c->cap)) {
            BROKEN("cdt-links", "an empty slot is on a list", c, head);
        }
        record(c);
    }
}

static void find_state(void)
{
    // Every thread that exists (even one blocked for good) roots what its CSpace reaches.
    word_t count = 0;
    for (struct tcb *t = ks_debug_tcbs; t != NULL; t = t->debug_next) {
        if (++count > MAX_THREADS || (t->debug_next != NULL && t->debug_next->debug_prev != t)) {
            BROKEN("sched-queues", "the list of all threads is broken", t, count);
        }
        add_thread(t);
    }
    add_thread(ks_cur_thread);
    for (word_t p = 0; p < CONFIG_NUM_PRIORITIES; p++) {
        word_t n = 0;
        for (struct tcb *t = ks_ready_head[p]; t != NULL && n < MAX_THREADS; t = t->sched_next) {
            add_thread(t);
            n++;
        }
    }
    for (word_t irq = 0; irq <= IRQ_MAX; irq++) {
        visit(irq_notification_slot(irq));
    }
    for (word_t i = 0; i < npending; i++) {
        for (word_t j = 0; j < pending[i].count; j++) {
            visit(&pending[i].first[j]);
        }
    }
}

// ---- objects ----------------------------------------------------------------------------

// The memory the cap's object occupies; false for caps without one (untyped caps are
// regions, not objects; reply caps and zombies name objects other caps cover).
static bool object_extent(cap_t c, struct object *o)
{
    unsigned bits;
    switch (cap_type(c)) {
    case CAP_FRAME:
        bits = frame_size_bits(cap_frame_size(c));
        break;
    case CAP_PAGE_TABLE:
        bits = seL4_PageTableBits;
        break;
    case CAP_VSPACE:
        bits = seL4_VSpaceBits;
        break;
    case CAP_ENDPOINT:
        bits = seL4_EndpointBits;
        break;
    case CAP_NOTIFICATION:
        bits = seL4_NotificationBits;
        break;
    case CAP_CNODE:
        bits = cap_cnode_radix(c) + seL4_SlotBits;
        break;
    case CAP_THREAD:
        bits = seL4_TCBBits;
        break;
    case CAP_ASID_POOL:
        bits = seL4_ASIDPoolBits;
        break;
    default:
        return false;
    }
    o->base = cap_ptr(c);
    o->bytes = BIT(bits);
    return true;
}

static bool object_before(const struct object *a, const struct object *b)
{
    return a->base < b->base || (a->base == b->base && a->bytes < b->bytes);
}

// Shell sort: no library, and the nearly sorted input of successive checks is cheap.
static void sort_objects(void)
{
    static const word_t gaps[] = {701, 301, 132, 57, 23, 10, 4, 1};
    for (unsigned g = 0; g < ARRAY_SIZE(gaps); g++) {
        for (word_t i = gaps[g]; i < nobjects; i++) {
            struct object o = objects[i];
            word_t j = i;
            for (; j >= gaps[g] && object_before(&o, &objects[j - gaps[g]]); j -= gaps[g]) {
                objects[j] = objects[j - gaps[g]];
            }
            objects[j] = o;
        }
    }
}

static void collect_objects(void)
{
    nobjects = 0;
    for (word_t i = 0; i < nslots; i++) {
        if (object_extent(slots[i]->cap, &objects[nobjects])) {
            objects[nobjects++].slot = slots[i];
        }
    }
    sort_objects();
}

// Index of the first object at `base`, or nobjects.
static word_t first_object_at(pptr_t base)
{
    word_t lo = 0, hi = nobjects;
    while (lo < hi) {
        word_t mid = lo + (hi - lo) / 2;
        if (objects[mid].base < base) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

// Whether some cap of `type` names the object at `base` and records (asid, vaddr) as its
// mapping (asid and vaddr ignored when want_mapping is false; for pools, asid = the base).
static bool cap_exists(pptr_t base, enum cap_type type, bool want_mapping, word_t asid,
                       vptr_t vaddr)
{
    for (word_t i = first_object_at(base); i < nobjects && objects[i].base == base; i++) {
        cap_t c = objects[i].slot->cap;
        if (cap_type(c) != type) {
            continue;
        }
        if (!want_mapping) {
            return true;
        }
        switch (type) {
        case CAP_VSPACE:
            if (cap_vspace_has_asid(c) && cap_vspace_asid(c) == asid) {
                return true;
            }
            break;
        case CAP_ASID_POOL:
            if (cap_asid_pool_base(c) == asid) {
                return true;
            }
            break;
        default:
            if (cap_mapped_asid(c) == asid && cap_mapped_vaddr(c) == vaddr) {
                return true;
            }
            break;
        }
    }
    return false;
}

static void check_cdt(void)
{
    for (word_t i = 0; i < nslots; i++) {
        const struct cte *s = slots[i];
        if (mdb_next(s) != NULL && mdb_prev(mdb_next(s)) != s) {
            BROKEN("cdt-links", "next's prev is not this slot", s, mdb_next(s));
        }
        if (mdb_prev(s) != NULL && mdb_next(mdb_prev(s)) != s) {
            BROKEN("cdt-links", "prev's next is not this slot", s, mdb_prev(s));
        }
    }
    // Every descendant of an untyped (the run after it, as cte_revoke finds them) lies
    // below its watermark.
    for (word_t i = 0; i < nslots; i++) {
        const struct cte *u = slots[i];
        if (cap_type(u->cap) != CAP_UNTYPED) {
            continue;
        }
        pptr_t lo = cap_ptr(u->cap), top = lo + cap_untyped_free_index(u->cap);
        for (const struct cte *d = mdb_next(u); d != NULL && is_mdb_parent_of(u, d);
             d = mdb_next(d)) {
            struct object o;
            pptr_t b = cap_ptr(d->cap);
            word_t bytes = 0;
            if (cap_type(d->cap) == CAP_UNTYPED) {
                bytes = BIT(cap_untyped_size_bits(d->cap));
            } else if (object_extent(d->cap, &o)) {
                bytes = o.bytes;
            } else {
                continue;
            }
            if (b < lo || b + bytes > top) {
                BROKEN("untyped-watermark", "a descendant lies outside [base, watermark)", u, d);
            }
        }
    }
}

static void check_overlap(void)
{
    word_t widest = 0; // the object reaching furthest so far
    for (word_t i = 1; i < nobjects; i++) {
        const struct object *a = &objects[widest], *b = &objects[i];
        bool same = b->base == a->base && b->bytes == a->bytes &&
                    cap_type(a->slot->cap) == cap_type(b->slot->cap);
        if (b->base < a->base + a->bytes && !same) {
            BROKEN("object-overlap", "two live objects share memory", a->slot, b->slot);
        }
        if (b->base + b->bytes > a->base + a->bytes) {
            widest = i;
        }
    }
}

// ---- address spaces ---------------------------------------------------------------------

static void check_table(const pte_t *table, unsigned level, vptr_t base, word_t asid)
{
    unsigned shift = pt_level_shift(level);
    for (unsigned i = 0; i < PT_ENTRIES; i++) {
        pte_t p = table[i];
        vptr_t va = base + ((word_t)i << shift);
        if (!pte_is_valid(p)) {
            continue;
        }
        if (level < PT_LEVELS - 1 && pte_is_table(p, level)) {
            const pte_t *next = pt_next_table(p);
            if (!set_add(next, TAG_TABLE)) {
                BROKEN("pt-single-parent", "a table is linked twice", next, va);
            }
            if (!cap_exists((pptr_t)next, CAP_PAGE_TABLE, true, asid, va)) {
                BROKEN("pt-mapping", "no page-table cap records this link", next, va);
            }
            check_table(next, level + 1, va, asid);
        } else if (level > 0 && pte_is_frame(p, level)) {
            pptr_t frame = paddr_to_pptr(pte_paddr(p));
            bool found = false;
            for (word_t j = first_object_at(frame); j < nobjects && objects[j].base == frame; j++) {
                cap_t c = objects[j].slot->cap;
                found = found || (cap_type(c) == CAP_FRAME && objects[j].bytes == BIT(shift) &&
                                  cap_mapped_asid(c) == asid && cap_mapped_vaddr(c) == va);
            }
            if (!found) {
                BROKEN("frame-mapping", "no frame cap records this mapping", frame, va);
            }
        } else {
            BROKEN("pt-mapping", "an entry that is neither table nor frame", table, i);
        }
    }
}

static void check_asids(void)
{
    for (word_t hi = 0; hi < ASID_POOL_COUNT; hi++) {
        const struct asid_pool *pool = ks_asid_table[hi];
        if (pool == NULL) {
            continue;
        }
        word_t base = hi << ASID_LOW_BITS;
        if (!cap_exists((pptr_t)pool, CAP_ASID_POOL, true, base, 0)) {
            BROKEN("asid-table", "no live pool cap for a table entry", pool, base);
        }
        for (word_t lo = 0; lo < ASID_POOL_ENTRIES; lo++) {
            const pte_t *root = pool->vspace[lo];
            if (root == NULL) {
                continue;
            }
            if (!cap_exists((pptr_t)root, CAP_VSPACE, true, base + lo, 0)) {
                BROKEN("asid-table", "no VSpace cap records this ASID", root, base + lo);
            }
            check_table(root, 0, 0, base + lo);
        }
    }
}

// ---- threads ----------------------------------------------------------------------------

static void check_scheduler(void)
{
    for (word_t p = 0; p < CONFIG_NUM_PRIORITIES; p++) {
        bool bit = ks_ready_bitmap[p / 64] & BIT(p % 64);
        if (bit != (ks_ready_head[p] != NULL)) {
            BROKEN("sched-queues", "bitmap bit and queue disagree", p, ks_ready_head[p]);
        }
        struct tcb *prev = NULL;
        for (struct tcb *t = ks_ready_head[p]; t != NULL; prev = t, t = t->sched_next) {
            if (!set_add(t, TAG_READY)) {
                BROKEN("sched-queues", "a thread is queued twice", t, p);
            }
            if (t->sched_prev != prev || !t->in_ready_queue || t->priority != p || !MAY_RUN(t)) {
                BROKEN("sched-queues", "queued thread with wrong links, priority or state", t, p);
            }
        }
        if (ks_ready_tail[p] != prev) {
            BROKEN("sched-queues", "tail is not the last thread", p, ks_ready_tail[p]);
        }
    }
    if (ks_cur_thread != NULL && !MAY_RUN(ks_cur_thread)) {
        BROKEN("sched-runnable", "the current thread is not runnable", ks_cur_thread,
               ks_cur_thread->state);
    }
    for (word_t i = 0; i < nthreads; i++) {
        struct tcb *t = threads[i];
        if (t->in_ready_queue != set_has(t, TAG_READY)) {
            BROKEN("sched-queues", "in_ready_queue does not match the queues", t, t->state);
        }
        if (MAY_RUN(t) && t != ks_cur_thread && !t->in_ready_queue) {
            BROKEN("sched-runnable", "a runnable thread is not queued", t, t->state);
        }
    }
#ifdef CONFIG_KERNEL_MCS
    invariants_check_mcs(threads, nthreads);
#endif
}

// One endpoint or notification queue: threads in `state`, blocked on `object`.
static void check_queue(pptr_t object, struct tcb *head, struct tcb *tail, bool waiting,
                        enum thread_state state)
{
    if (!waiting && (head != NULL || tail != NULL)) {
        BROKEN("ipc-queues", "an idle object has queued threads", object, head);
    }
    struct tcb *prev = NULL;
    for (struct tcb *t = head; t != NULL; prev = t, t = t->ep_next) {
        if (!set_add(t, TAG_IPC)) {
            BROKEN("ipc-queues", "a thread is queued twice", t, object);
        }
        if (t->ep_prev != prev || t->state != state || t->blocked_on != object) {
            BROKEN("ipc-queues", "queued thread with wrong links or state", t, object);
        }
    }
    if (waiting && (head == NULL || tail != prev)) {
        BROKEN("ipc-queues", "head or tail is wrong", object, tail);
    }
}

static void check_ipc(void)
{
    for (word_t i = 0; i < nobjects; i++) {
        if (i > 0 && objects[i].base == objects[i - 1].base) {
            continue;
        }
        cap_t c = objects[i].slot->cap;
        if (cap_type(c) == CAP_ENDPOINT) {
            struct endpoint *ep = (struct endpoint *)cap_ptr(c);
            enum ep_state s = (enum ep_state)(ep->state_and_tail & 0x3u);
            check_queue((pptr_t)ep, ep->head, (struct tcb *)(ep->state_and_tail & ~(word_t)0x3u),
                        s != EP_IDLE, s == EP_SEND ? TS_BLOCKED_ON_SEND : TS_BLOCKED_ON_RECEIVE);
        } else if (cap_type(c) == CAP_NOTIFICATION) {
            struct notification *n = (struct notification *)cap_ptr(c);
            enum ntfn_state s = (enum ntfn_state)(n->tail_and_state & 0x3u);
            check_queue((pptr_t)n, s == NTFN_WAITING ? n->head : NULL,
                        s == NTFN_WAITING ? (struct tcb *)(n->tail_and_state & ~(word_t)0x3u)
                                          : NULL,
                        s == NTFN_WAITING, TS_BLOCKED_ON_NOTIFICATION);
            if (n->bound_tcb != NULL && n->bound_tcb->bound_notification != (pptr_t)n) {
                BROKEN("bound-notification", "the bound thread does not name it", n, n->bound_tcb);
            }
        }
    }
    for (word_t i = 0; i < nthreads; i++) {
        struct tcb *t = threads[i];
        bool blocked = t->state == TS_BLOCKED_ON_SEND || t->state == TS_BLOCKED_ON_RECEIVE ||
                       t->state == TS_BLOCKED_ON_NOTIFICATION;
        if (blocked && !set_has(t, TAG_IPC)) {
            BROKEN("ipc-queues", "a blocked thread is in no queue", t, t->blocked_on);
        }
        if (t->bound_notification != 0 &&
            ((struct notification *)t->bound_notification)->bound_tcb != t) {
            BROKEN("bound-notification", "the notification does not name its thread", t,
                   t->bound_notification);
        }
    }
}

void invariants_check(void)
{
    set_gen++;
    set_used = 0;
    nslots = nthreads = npending = 0;
    find_state();
    check_cdt();
    collect_objects();
    check_overlap();
    check_asids();
    check_scheduler();
    check_ipc();
}

#else

void invariants_check(void) {}

#endif
