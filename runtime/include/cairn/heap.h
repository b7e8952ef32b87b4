// SPDX-License-Identifier: BSD-2-Clause
// The root task's heap: malloc/free/calloc/realloc over one static arena whose size is set
// with CAIRN_ROOT_TASK_HEAP_SIZE (<cairn/runtime.h>). First fit over an address-ordered free
// list; freeing coalesces with both neighbours. Single-threaded: no locking.
#pragma once

#include <stddef.h>

/* At least size bytes, 16-byte aligned, or NULL when the arena has no room (or size is 0). */
void *malloc(size_t size);
/* Return a block from malloc/calloc/realloc. NULL is ignored; anything else panics if bad. */
void free(void *ptr);
/* n * size zeroed bytes; NULL on overflow or when there is no room. */
void *calloc(size_t n, size_t size);
/* Resize, keeping the contents up to the smaller size. realloc(NULL, n) = malloc(n);
 * realloc(p, 0) frees p and returns NULL. On failure p is left untouched and NULL returned. */
void *realloc(void *ptr, size_t size);

/* Arena statistics, for tests and curiosity. */
struct cairn_heap_stats {
    size_t arena_bytes; /* total size of the arena */
    size_t free_bytes;  /* bytes in free blocks, headers included */
    size_t free_blocks; /* number of free blocks */
};
void cairn_heap_stats(struct cairn_heap_stats *out);
