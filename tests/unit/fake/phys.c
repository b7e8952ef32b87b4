// SPDX-License-Identifier: BSD-2-Clause
// The fake physical arena behind paddr_to_pptr/pptr_to_paddr for host unit tests.
#include "phys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "arch/api.h"

#define ARENA_BYTES (1ull << PHYS_ARENA_BITS)

static unsigned char *arena;
static word_t used; // bump pointer (bytes from the arena start)
static unsigned char *snapshot;
static word_t snapshot_len;

void phys_reset(void)
{
    if (arena == NULL) {
        arena = aligned_alloc(ARENA_BYTES, ARENA_BYTES);
        snapshot = malloc(ARENA_BYTES);
        if (arena == NULL || snapshot == NULL) {
            fprintf(stderr, "phys: cannot allocate the arena\n");
            abort();
        }
    }
    memset(arena, 0, used ? used : ARENA_BYTES);
    used = 0;
    snapshot_len = 0;
}

pptr_t phys_arena(void)
{
    return (pptr_t)arena;
}

void *phys_alloc(unsigned bits)
{
    word_t at = ALIGN_UP(used, bits);
    if (bits > PHYS_ARENA_BITS || at + BIT(bits) > ARENA_BYTES) {
        fprintf(stderr, "phys: arena full (want 2^%u bytes)\n", bits);
        abort();
    }
    used = at + BIT(bits);
    memset(arena + at, 0, BIT(bits));
    return arena + at;
}

void phys_snapshot_take(void)
{
    snapshot_len = used;
    memcpy(snapshot, arena, used);
}

bool phys_snapshot_unchanged(void)
{
    return memcmp(snapshot, arena, snapshot_len) == 0;
}

pptr_t paddr_to_pptr(paddr_t pa)
{
    if (pa < PHYS_BASE || pa - PHYS_BASE >= ARENA_BYTES) {
        fprintf(stderr, "phys: paddr_to_pptr(%#lx) outside the arena\n", (unsigned long)pa);
        abort();
    }
    return (pptr_t)arena + (pa - PHYS_BASE);
}

paddr_t pptr_to_paddr(pptr_t p)
{
    if (p < (pptr_t)arena || p - (pptr_t)arena >= ARENA_BYTES) {
        fprintf(stderr, "phys: pptr_to_paddr(%#lx) outside the arena\n", (unsigned long)p);
        abort();
    }
    return PHYS_BASE + (p - (pptr_t)arena);
}
