// SPDX-License-Identifier: BSD-2-Clause
// The in-QEMU system test framework: TEST() registration, the per-test environment and the
// assertion macros. Tests use only libsel4 and the Cairn runtime, so the suite can also be
// built against upstream seL4 to check that both kernels give the same answers.
// The driver (main.c) runs the tests and prints the markers the harness parses.
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include <sel4/sel4.h>

/*
 * What a test gets (fresh for every test; see main.c for how it is recycled):
 *
 *   bi      the BootInfo the kernel handed the root task (read-only)
 *   cnode   the root CNode (seL4_CapInitThreadCNode); slot CPtrs resolve in it at
 *   depth   seL4_WordBits, the depth to pass with root-CNode slot operands
 *
 * Slots and memory come from test_alloc_slot / test_alloc_untyped / test_alloc_object. The
 * driver owns the rest of the CSpace: a test must not write slots it did not allocate, and
 * must not retype BootInfo untypeds (it would leak their memory into later tests).
 */
struct test_env {
    const seL4_BootInfo *bi;
    seL4_CPtr cnode;
    seL4_Uint8 depth;

    /* Driver-private bookkeeping. */
    seL4_CPtr slot_first; /* first slot of this test's window */
    seL4_CPtr slot_next;  /* next slot test_alloc_slot hands out */
    seL4_CPtr slot_end;   /* first slot after the window */
    seL4_CPtr pool;       /* untyped the test's objects come from (seL4_CapNull: none) */
    bool pool_used;       /* the test retyped from the pool; revoke it afterwards */
};

/* One registered test. Lives in the "cairn_tests" section, in no particular order. */
struct test_case {
    const char *id;          /* e.g. "CNODE0007": area in capitals, four digits */
    const char *description; /* one line, printed after the START marker */
    void (*run)(struct test_env *env);
    const char *file;
    int line;
};

/*
 * TEST(ID, "description") { body }
 *
 * Defines and registers a test. ID is a bare identifier (BOOT0001); the descriptor is a
 * global symbol cairn_test_<ID>, so a duplicate ID anywhere in the suite fails to link.
 * The body sees `struct test_env *env`.
 */
#define TEST(ID, DESC)                                                                             \
    static void cairn_test_body_##ID(struct test_env *env);                                        \
    const struct test_case cairn_test_##ID                                                         \
        __attribute__((section("cairn_tests"), used, aligned(8))) = {                              \
            .id = #ID,                                                                             \
            .description = DESC,                                                                   \
            .run = cairn_test_body_##ID,                                                           \
            .file = __FILE__,                                                                      \
            .line = __LINE__,                                                                      \
    };                                                                                             \
    static void cairn_test_body_##ID(struct test_env *env __attribute__((unused)))

/*
 * Fail the running test: print "[TEST:FAIL] <ID> <file>:<line> <reason>" and jump back to
 * the driver, which goes on with the next test. Usable from helpers at any call depth, but
 * only on the root task's own thread (the jump target is on its stack).
 */
_Noreturn void test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Name of an seL4_Error value ("seL4_InvalidCapability"), for messages. */
const char *test_error_name(seL4_Error err);

/* A new empty slot in the root CNode, private to this test. Fails the test if none is left. */
seL4_CPtr test_alloc_slot(struct test_env *env);

/*
 * A fresh untyped cap of 2^size_bits bytes (ordinary memory, watermark 0) in a new slot,
 * retyped from the test's memory pool. Fails the test if the pool cannot supply it.
 */
seL4_CPtr test_alloc_untyped(struct test_env *env, seL4_Word size_bits);

/* One new kernel object of `type` (size_bits as for seL4_Untyped_Retype) in a new slot. */
seL4_CPtr test_alloc_object(struct test_env *env, seL4_Word type, seL4_Word size_bits);

/* A copy of the cap in root CNode slot `src` with `rights` and `badge` (seL4_CNode_Mint), in a
 * new slot. Fails the test on any error. */
seL4_CPtr test_mint(struct test_env *env, seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge);

/* ---- assertions: on failure, print the marker with file:line and leave the test ---- */

#define ASSERT_TRUE(cond)                                                                          \
    do {                                                                                           \
        if (!(cond))                                                                               \
            test_fail(__FILE__, __LINE__, "ASSERT_TRUE(%s) is false", #cond);                      \
    } while (0)

/* Both sides are compared as seL4_Word (so pointers, enums and signed values work). */
#define ASSERT_EQ(a, b)                                                                            \
    do {                                                                                           \
        seL4_Word test_a_ = (seL4_Word)(a), test_b_ = (seL4_Word)(b);                              \
        if (test_a_ != test_b_)                                                                    \
            test_fail(__FILE__, __LINE__, "ASSERT_EQ(%s, %s): 0x%lx != 0x%lx", #a, #b,             \
                      (unsigned long)test_a_, (unsigned long)test_b_);                             \
    } while (0)

#define ASSERT_NE(a, b)                                                                            \
    do {                                                                                           \
        seL4_Word test_a_ = (seL4_Word)(a), test_b_ = (seL4_Word)(b);                              \
        if (test_a_ == test_b_)                                                                    \
            test_fail(__FILE__, __LINE__, "ASSERT_NE(%s, %s): both 0x%lx", #a, #b,                 \
                      (unsigned long)test_a_);                                                     \
    } while (0)

/* expr (an seL4_Error, e.g. an invocation) must return exactly `err`. */
#define ASSERT_ERR(expr, err)                                                                      \
    do {                                                                                           \
        seL4_Error test_got_ = (expr), test_want_ = (err);                                         \
        if (test_got_ != test_want_)                                                               \
            test_fail(__FILE__, __LINE__, "%s returned %s (%d), expected %s (%d)", #expr,          \
                      test_error_name(test_got_), (int)test_got_, test_error_name(test_want_),     \
                      (int)test_want_);                                                            \
    } while (0)

#define ASSERT_OK(expr) ASSERT_ERR(expr, seL4_NoError)

/* After a failed invocation: MR i (error detail, docs/design/abi.md §5.2) must equal value. */
#define ASSERT_MR(i, value)                                                                        \
    do {                                                                                           \
        seL4_Word test_mr_ = seL4_GetMR(i), test_v_ = (seL4_Word)(value);                          \
        if (test_mr_ != test_v_)                                                                   \
            test_fail(__FILE__, __LINE__, "MR%d is 0x%lx, expected %s = 0x%lx", (int)(i),          \
                      (unsigned long)test_mr_, #value, (unsigned long)test_v_);                    \
    } while (0)

/* expr must fail with RangeError and the range [lo, hi] in MR0, MR1. */
#define ASSERT_RANGE(expr, lo, hi)                                                                 \
    do {                                                                                           \
        ASSERT_ERR(expr, seL4_RangeError);                                                         \
        ASSERT_MR(0, lo);                                                                          \
        ASSERT_MR(1, hi);                                                                          \
    } while (0)

/* The badge word a Poll (test_polled) or Wait (test_waited) on ntfn receives. The variable
 * starts at ~0, so a receive that does not write it shows. */
static inline seL4_Word test_polled(seL4_CPtr ntfn)
{
    seL4_Word badge = ~(seL4_Word)0;
    seL4_Poll(ntfn, &badge);
    return badge;
}

static inline seL4_Word test_waited(seL4_CPtr ntfn)
{
    seL4_Word badge = ~(seL4_Word)0;
    seL4_Wait(ntfn, &badge);
    return badge;
}
