// SPDX-License-Identifier: BSD-2-Clause
// The system-test driver: collects the TEST() descriptors from the cairn_tests section,
// selects them by the compile-time pattern TESTS, runs each with fresh slots and memory,
// prints the marker lines tests/system/harness/run.py parses, and ends with the summary.
// Not here: the tests themselves (one file per area) and the assertion macros (test.h).
//
// Output, one test:
//     [TEST:START] BOOT0001 BootInfo is sane
//     [TEST:PASS] BOOT0001                       or  [TEST:FAIL] BOOT0001 boot.c:42 reason
// and at the end exactly one line "N passed, N failed".
//
// Resources (recycled, so the number of tests is not limited by the CNode size):
//   slots   every test gets the same window of WINDOW_SLOTS slots at the start of
//           BootInfo's empty region. After the test the driver deletes every slot the test
//           allocated (seL4_CNode_Delete). If a delete fails, the next test gets a window
//           after this one instead, so a broken delete cannot leak caps into other tests.
//   memory  the largest ordinary untyped is the pool. Tests retype from it through
//           test_alloc_*; afterwards the driver revokes it (seL4_CNode_Revoke), which
//           destroys everything the test made from it and resets the watermark. If the
//           revoke fails, later tests simply get memory further into the pool.
//   MCS     the root task's Reply object (cairn_reply_cap, for test_recv and test_reply) is
//           made once, before the first test, outside every window and the pool: in the
//           empty region's second-last slot, from another ordinary untyped.

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cairn/errors.h>
#include <cairn/setjmp.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#include "test.h"

/* Test selection: comma- or space-separated IDs; a trailing '*' matches a prefix. */
#ifndef TESTS
#define TESTS "*"
#endif

#define MAX_TESTS 1024
#define WINDOW_SLOTS 256

extern const struct test_case __start_cairn_tests[];
extern const struct test_case __stop_cairn_tests[];

static const struct test_case *selected[MAX_TESTS];
static const struct test_case *current;
static cairn_jmp_buf fail_jump;

/* ---- selection ---------------------------------------------------------------------- */

/* Does `id` match the pattern of length `len` (exact, or prefix when it ends in '*')? */
static bool pattern_matches(const char *pattern, size_t len, const char *id)
{
    if (len > 0 && pattern[len - 1] == '*')
        return strncmp(pattern, id, len - 1) == 0;
    return strlen(id) == len && strncmp(pattern, id, len) == 0;
}

static bool is_selected(const char *id)
{
    const char *p = TESTS;
    while (*p) {
        while (*p == ',' || *p == ' ')
            p++;
        size_t len = 0;
        while (p[len] && p[len] != ',' && p[len] != ' ')
            len++;
        if (len > 0 && pattern_matches(p, len, id))
            return true;
        p += len;
    }
    return false;
}

/* Select the matching tests, sorted by ID (the section holds them in link order). */
static int select_tests(void)
{
    int n = 0;
    for (const struct test_case *t = __start_cairn_tests; t < __stop_cairn_tests; t++) {
        if (!is_selected(t->id))
            continue;
        if (n == MAX_TESTS) {
            printf("suite: more than %d tests selected; raise MAX_TESTS\n", MAX_TESTS);
            break;
        }
        int i = n++;
        while (i > 0 && strcmp(selected[i - 1]->id, t->id) > 0) {
            selected[i] = selected[i - 1];
            i--;
        }
        selected[i] = t;
    }
    return n;
}

/* ---- failures and allocation (the API of test.h) ------------------------------------ */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    printf("[TEST:FAIL] %s %s:%d ", current->id, base_name(file), line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    cairn_longjmp(fail_jump, 1);
}

const char *test_error_name(seL4_Error err)
{
    return seL4_strerror(err);
}

seL4_CPtr test_alloc_slot(struct test_env *env)
{
    if (env->slot_next >= env->slot_end)
        test_fail(__FILE__, __LINE__, "test_alloc_slot: all %lu slots of the window used",
                  (unsigned long)(env->slot_end - env->slot_first));
    return env->slot_next++;
}

seL4_CPtr test_alloc_object(struct test_env *env, seL4_Word type, seL4_Word size_bits)
{
    if (env->pool == seL4_CapNull)
        test_fail(__FILE__, __LINE__, "test_alloc_object: no untyped memory pool");
    seL4_CPtr slot = test_alloc_slot(env);
    env->pool_used = true;
    seL4_Error err = seL4_Untyped_Retype(env->pool, type, size_bits, env->cnode, 0, 0, slot, 1);
    if (err != seL4_NoError)
        test_fail(__FILE__, __LINE__, "test_alloc_object(type %lu, %lu bits): retype gave %s",
                  (unsigned long)type, (unsigned long)size_bits, test_error_name(err));
    return slot;
}

seL4_CPtr test_mint(struct test_env *env, seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge)
{
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_OK(
        seL4_CNode_Mint(env->cnode, slot, env->depth, env->cnode, src, env->depth, rights, badge));
    return slot;
}

seL4_CPtr test_alloc_untyped(struct test_env *env, seL4_Word size_bits)
{
    return test_alloc_object(env, seL4_UntypedObject, size_bits);
}

/* ---- running ------------------------------------------------------------------------ */

/* The largest non-device untyped: the memory pool. seL4_CapNull if there is none. */
static seL4_CPtr find_pool(const seL4_BootInfo *bi)
{
    seL4_CPtr best = seL4_CapNull;
    seL4_Uint8 best_bits = 0;
    for (seL4_CPtr slot = bi->untyped.start; slot < bi->untyped.end; slot++) {
        const seL4_UntypedDesc *d = &bi->untypedList[slot - bi->untyped.start];
        if (!d->isDevice && d->sizeBits > best_bits) {
            best = slot;
            best_bits = d->sizeBits;
        }
    }
    return best;
}

#ifdef CONFIG_KERNEL_MCS
/* MCS: the root task's own Reply object, in the empty region's second-last slot (the last one
 * stays empty for BOOT0003/BOOT0004), from the smallest ordinary untyped that is not the pool. */
static void make_root_reply(const seL4_BootInfo *bi, seL4_CPtr pool)
{
    seL4_CPtr from = seL4_CapNull;
    seL4_Uint8 from_bits = 0;
    for (seL4_CPtr slot = bi->untyped.start; slot < bi->untyped.end; slot++) {
        const seL4_UntypedDesc *d = &bi->untypedList[slot - bi->untyped.start];
        if (!d->isDevice && slot != pool && d->sizeBits >= seL4_ReplyBits &&
            (from == seL4_CapNull || d->sizeBits < from_bits)) {
            from = slot;
            from_bits = d->sizeBits;
        }
    }
    seL4_CPtr reply = bi->empty.end - 2;
    seL4_Error err =
        seL4_Untyped_Retype(from, seL4_ReplyObject, 0, seL4_CapInitThreadCNode, 0, 0, reply, 1);
    if (err != seL4_NoError)
        printf("suite: note: the root task's Reply object: retype gave %s\n", test_error_name(err));
    else
        cairn_set_reply_cap(reply);
}
#endif

/*
 * Give back what a test took. Returns true if its window is clean again (every allocated
 * slot deleted), false if the next test must get a new window.
 */
static bool cleanup(struct test_env *env)
{
    bool clean = true;
    if (env->pool_used) {
        seL4_Error err = seL4_CNode_Revoke(env->cnode, env->pool, env->depth);
        if (err != seL4_NoError)
            printf("suite: note: revoking the memory pool after %s gave %s\n", current->id,
                   test_error_name(err));
    }
    for (seL4_CPtr slot = env->slot_first; slot < env->slot_next; slot++) {
        seL4_Error err = seL4_CNode_Delete(env->cnode, slot, env->depth);
        if (err != seL4_NoError) {
            printf("suite: note: deleting slot %lu after %s gave %s; moving on to new slots\n",
                   (unsigned long)slot, current->id, test_error_name(err));
            clean = false;
            break;
        }
    }
    return clean;
}

/* Run one test; true if it passed. */
static bool run_one(const struct test_case *t, struct test_env *env)
{
    current = t;
    printf("[TEST:START] %s %s\n", t->id, t->description);
    if (cairn_setjmp(fail_jump) != 0)
        return false; /* test_fail printed the FAIL marker */
    t->run(env);
    printf("[TEST:PASS] %s\n", t->id);
    return true;
}

int main(const seL4_BootInfo *bi)
{
    int n = select_tests();
    printf("suite: %d of %d tests selected by TESTS=\"%s\"\n", n,
           (int)(__stop_cairn_tests - __start_cairn_tests), TESTS);

    seL4_CPtr window = bi->empty.start;
    seL4_CPtr pool = find_pool(bi);
#ifdef CONFIG_KERNEL_MCS
    make_root_reply(bi, pool);
#endif
    int passed = 0, failed = 0;
    for (int i = 0; i < n; i++) {
        struct test_env env = {
            .bi = bi,
            .cnode = seL4_CapInitThreadCNode,
            .depth = seL4_WordBits,
            .slot_first = window,
            .slot_next = window,
            .slot_end = window + WINDOW_SLOTS,
            .pool = pool,
            .pool_used = false,
        };
        if (env.slot_end > bi->empty.end)
            env.slot_end = bi->empty.end;
        if (run_one(selected[i], &env))
            passed++;
        else
            failed++;
        if (!cleanup(&env))
            window = env.slot_next;
    }
    current = NULL;
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
