// SPDX-License-Identifier: BSD-2-Clause
// A capability slot (CTE): the cap plus its node in the capability derivation tree.
// 32 bytes = 1 << seL4_SlotBits, so a CNode of 2^radix slots is 2^(radix + 5) bytes.
#pragma once

#include "abi.h"
#include "cspace/cap.h"

/*
 * The derivation tree is kept as one doubly-linked list in depth-first order (as seL4
 * does): a cap's descendants follow it directly, before its next sibling. Who is whose
 * parent follows from list order plus the rules in cdt.c (same object, badges,
 * revocable bit).
 *
 *   prev   full pointer to the previous cte (NULL at the head)
 *   next   pointer to the next cte | bit 0 revocable | bit 1 first_badged
 */
struct mdb_node {
    word_t prev;
    word_t next_and_flags;
};

struct cte {
    cap_t cap;
    struct mdb_node mdb;
};

_Static_assert(sizeof(struct cte) == (1u << seL4_SlotBits), "a CTE is one seL4 slot");

#define MDB_REVOCABLE 0x1u
#define MDB_FIRST_BADGED 0x2u
#define MDB_FLAGS 0x3u

static inline struct cte *mdb_prev(const struct cte *c)
{
    return (struct cte *)c->mdb.prev;
}
static inline struct cte *mdb_next(const struct cte *c)
{
    return (struct cte *)(c->mdb.next_and_flags & ~(word_t)MDB_FLAGS);
}
static inline bool mdb_revocable(const struct cte *c)
{
    return c->mdb.next_and_flags & MDB_REVOCABLE;
}
static inline bool mdb_first_badged(const struct cte *c)
{
    return c->mdb.next_and_flags & MDB_FIRST_BADGED;
}
static inline void mdb_set_prev(struct cte *c, struct cte *p)
{
    c->mdb.prev = (word_t)p;
}
static inline void mdb_set_next(struct cte *c, struct cte *n)
{
    c->mdb.next_and_flags = (word_t)n | (c->mdb.next_and_flags & MDB_FLAGS);
}
static inline void mdb_set_flags(struct cte *c, bool revocable, bool first_badged)
{
    c->mdb.next_and_flags = (c->mdb.next_and_flags & ~(word_t)MDB_FLAGS) |
                            (revocable ? MDB_REVOCABLE : 0) | (first_badged ? MDB_FIRST_BADGED : 0);
}
