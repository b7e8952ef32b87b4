// SPDX-License-Identifier: BSD-2-Clause
// Shared helpers of the VSPACE tests (vspace.c: frames; vspace_tables.c: page tables, deletion
// and ASIDs; vspace_faults.c, vspace_stale.c) and of every other test that maps memory:
// addresses they use, raw invocations, and small builders.
#pragma once

#include <sel4/sel4.h>

#include "test.h"

#define VS seL4_CapInitThreadVSpace
#define TEST_VA 0x10000000000UL /* 1 TiB: level-0 index 2 */
#define PAGE 0x1000UL
#define LARGE 0x200000UL
#define ATTRS seL4_ARM_Default_VMAttributes

static inline volatile unsigned char *at(seL4_Word va)
{
    return (volatile unsigned char *)va;
}

/* An invocation with a hand-made message tag (for TruncatedMessage): MR0-MR2 as given, in
 * registers (invoke.h's raw_invoke sends an array through the IPC buffer). The reply's
 * MR0-MR3 are copied into the IPC buffer so ASSERT_MR sees them, as the stubs do. */
static inline seL4_Error raw_invoke_words(seL4_CPtr cap, seL4_Word label, seL4_Word extra_caps,
                                          seL4_Word length, seL4_Word a, seL4_Word b, seL4_Word c)
{
    seL4_Word m0 = a, m1 = b, m2 = c, m3 = 0;
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(label, 0, extra_caps, length);
    seL4_MessageInfo_t reply = seL4_CallWithMRs(cap, tag, &m0, &m1, &m2, &m3);
    seL4_SetMR(0, m0);
    seL4_SetMR(1, m1);
    seL4_SetMR(2, m2);
    seL4_SetMR(3, m3);
    return (seL4_Error)seL4_MessageInfo_get_label(reply);
}

/* Map page tables until a 4 KiB page at va can be mapped in vspace (at most three). */
static inline void add_tables(struct test_env *env, seL4_CPtr vspace, seL4_Word va, int count)
{
    for (int i = 0; i < count; i++) {
        seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
        ASSERT_OK(seL4_ARM_PageTable_Map(pt, vspace, va, ATTRS));
    }
}

/* A frame of the given type mapped read-write at va in the root VSpace, tables added. */
static inline seL4_CPtr mapped_page(struct test_env *env, seL4_Word va)
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    add_tables(env, VS, va, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, va, seL4_ReadWrite, ATTRS));
    return frame;
}

/* A copy of `cap` with `rights`, in a new slot. */
static inline seL4_CPtr copy_cap(struct test_env *env, seL4_CPtr cap, seL4_CapRights_t rights)
{
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Copy(env->cnode, slot, env->depth, env->cnode, cap, env->depth, rights));
    return slot;
}

/* A new ASID pool (from a fresh 4 KiB untyped) in a new slot. */
static inline seL4_CPtr new_pool(struct test_env *env)
{
    seL4_CPtr ut = test_alloc_untyped(env, seL4_ASIDPoolBits);
    seL4_CPtr pool = test_alloc_slot(env);
    ASSERT_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, pool, env->depth));
    return pool;
}

/* A new VSpace, given an ASID from `pool` unless pool is seL4_CapNull. */
static inline seL4_CPtr new_vspace(struct test_env *env, seL4_CPtr pool)
{
    seL4_CPtr vs = test_alloc_object(env, seL4_ARM_VSpaceObject, 0);
    if (pool != seL4_CapNull)
        ASSERT_OK(seL4_ARM_ASIDPool_Assign(pool, vs));
    return vs;
}

static inline void assert_failed_lookup(seL4_Error err, seL4_Word type, seL4_Word bits_left)
{
    ASSERT_ERR(err, seL4_FailedLookup);
    ASSERT_MR(0, 0); /* not a source lookup */
    ASSERT_MR(1, type);
    if (type == seL4_MissingCapability)
        ASSERT_MR(2, bits_left);
}

/* ---- Page_Map ------------------------------------------------------------------------ */
