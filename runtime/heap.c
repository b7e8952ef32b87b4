// SPDX-License-Identifier: BSD-2-Clause
// malloc/free/calloc/realloc over the static arena cairn_root_task_heap (its size is set with
// CAIRN_ROOT_TASK_HEAP_SIZE, default 64 KiB). First fit over a free list kept in address
// order, so that free can merge a block with both neighbours. Single-threaded.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cairn/heap.h>
#include <cairn/panic.h>

/*
 * Every block, free or in use, starts with a 16-byte header; the payload follows, so it is
 * 16-byte aligned like the arena. `bytes` counts header + payload and is a multiple of 16.
 *
 *   +---------+---------+----------------------------+
 *   | bytes   | next    | payload (bytes - 16)       |
 *   +---------+---------+----------------------------+
 *   next: following free block in address order while free; HEAP_IN_USE while allocated.
 */
struct block {
    size_t bytes;
    struct block *next;
};

#define HEADER_BYTES sizeof(struct block)
#define MIN_BLOCK_BYTES (2 * HEADER_BYTES) /* a split leaves at least 16 bytes of payload */
#define HEAP_IN_USE ((struct block *)0x1)  /* marks allocated blocks; catches double frees */

/* The arena (runtime.h / heap_default.c) and its bounds from root-task.ld. */
extern char cairn_root_task_heap[];
extern char __cairn_heap_end[];

static struct block *free_list;
static bool initialised;

static void heap_init(void)
{
    uintptr_t start = (uintptr_t)cairn_root_task_heap;
    size_t bytes = ((uintptr_t)__cairn_heap_end - start) & ~(HEADER_BYTES - 1);
    initialised = true;
    if (bytes < MIN_BLOCK_BYTES)
        return;
    free_list = (struct block *)start;
    free_list->bytes = bytes;
    free_list->next = NULL;
}

static bool in_arena(const void *p)
{
    return (uintptr_t)p >= (uintptr_t)cairn_root_task_heap &&
           (uintptr_t)p < (uintptr_t)__cairn_heap_end;
}

void *malloc(size_t size)
{
    if (!initialised)
        heap_init();
    if (size == 0 || size > SIZE_MAX / 2)
        return NULL;
    size_t need = HEADER_BYTES + ((size + HEADER_BYTES - 1) & ~(HEADER_BYTES - 1));

    for (struct block **link = &free_list; *link != NULL; link = &(*link)->next) {
        struct block *b = *link;
        if (b->bytes < need)
            continue;
        if (b->bytes - need >= MIN_BLOCK_BYTES) {
            /* Split: the tail stays free, in b's place in the list. */
            struct block *rest = (struct block *)((char *)b + need);
            rest->bytes = b->bytes - need;
            rest->next = b->next;
            *link = rest;
            b->bytes = need;
        } else {
            *link = b->next;
        }
        b->next = HEAP_IN_USE;
        return b + 1;
    }
    return NULL;
}

void free(void *ptr)
{
    if (ptr == NULL)
        return;
    struct block *b = (struct block *)ptr - 1;
    if (!in_arena(ptr) || ((uintptr_t)ptr & (HEADER_BYTES - 1)) != 0 || b->next != HEAP_IN_USE)
        panic("free(%p): not a block from malloc, or freed twice", ptr);

    /* Find the free neighbours: prev < b < next in address order. */
    struct block *prev = NULL;
    struct block *next = free_list;
    while (next != NULL && next < b) {
        prev = next;
        next = next->next;
    }

    b->next = next;
    if (next != NULL && (char *)b + b->bytes == (char *)next) {
        b->bytes += next->bytes;
        b->next = next->next;
    }
    if (prev == NULL) {
        free_list = b;
    } else if ((char *)prev + prev->bytes == (char *)b) {
        prev->bytes += b->bytes;
        prev->next = b->next;
    } else {
        prev->next = b;
    }
}

void *calloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    void *p = malloc(n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

void *realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return malloc(size);
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    struct block *b = (struct block *)ptr - 1;
    if (!in_arena(ptr) || b->next != HEAP_IN_USE)
        panic("realloc(%p): not a block from malloc", ptr);
    size_t have = b->bytes - HEADER_BYTES;
    if (size <= have)
        return ptr;
    void *fresh = malloc(size);
    if (fresh == NULL)
        return NULL;
    memcpy(fresh, ptr, have);
    free(ptr);
    return fresh;
}

void cairn_heap_stats(struct cairn_heap_stats *out)
{
    if (!initialised)
        heap_init();
    out->arena_bytes = (size_t)((uintptr_t)__cairn_heap_end - (uintptr_t)cairn_root_task_heap);
    out->free_bytes = 0;
    out->free_blocks = 0;
    for (struct block *b = free_list; b != NULL; b = b->next) {
        out->free_bytes += b->bytes;
        out->free_blocks++;
    }
}
