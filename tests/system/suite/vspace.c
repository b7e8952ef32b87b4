// SPDX-License-Identifier: BSD-2-Clause
// VSPACE tests: frames, page tables, VSpaces and ASIDs through the seL4 ABI alone (facts
// sheet §9, §11). One accepted call, then each rejection in seL4's check order with the exact
// error and detail MRs. What needs a fault handler (a write to a read-only page, a read after
// Unmap, ExecuteNever) is in vspace_faults.c, where the root task handles a child's faults.
//
// Memory layout used in the root VSpace: everything lives at TEST_VA and above (level-0
// entry 2, far from the image), so each test starts with no tables there and the driver's
// revoke of the memory pool (which deletes the tables and frames) leaves none behind.

#include <sel4/sel4.h>

#include "test.h"

#define VS seL4_CapInitThreadVSpace
#define TEST_VA 0x10000000000UL /* 1 TiB: level-0 index 2 */
#define PAGE 0x1000UL
#define LARGE 0x200000UL
#define ATTRS seL4_ARM_Default_VMAttributes

static volatile unsigned char *at(seL4_Word va)
{
    return (volatile unsigned char *)va;
}

/* An invocation with a hand-made message tag (for TruncatedMessage): MR0-MR2 as given. The
 * reply's MR0-MR3 are copied into the IPC buffer so ASSERT_MR sees them, as the stubs do. */
static seL4_Error raw_invoke(seL4_CPtr cap, seL4_Word label, seL4_Word extra_caps, seL4_Word length,
                             seL4_Word a, seL4_Word b, seL4_Word c)
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
static void add_tables(struct test_env *env, seL4_CPtr vspace, seL4_Word va, int count)
{
    for (int i = 0; i < count; i++) {
        seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
        ASSERT_OK(seL4_ARM_PageTable_Map(pt, vspace, va, ATTRS));
    }
}

/* A frame of the given type mapped read-write at va in the root VSpace, tables added. */
static seL4_CPtr mapped_page(struct test_env *env, seL4_Word va)
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    add_tables(env, VS, va, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, va, seL4_ReadWrite, ATTRS));
    return frame;
}

/* A copy of `cap` with `rights`, in a new slot. */
static seL4_CPtr copy_cap(struct test_env *env, seL4_CPtr cap, seL4_CapRights_t rights)
{
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Copy(env->cnode, slot, env->depth, env->cnode, cap, env->depth, rights));
    return slot;
}

/* A new ASID pool (from a fresh 4 KiB untyped) in a new slot. */
static seL4_CPtr new_pool(struct test_env *env)
{
    seL4_CPtr ut = test_alloc_untyped(env, seL4_ASIDPoolBits);
    seL4_CPtr pool = test_alloc_slot(env);
    ASSERT_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, pool, env->depth));
    return pool;
}

/* A new VSpace, given an ASID from `pool` unless pool is seL4_CapNull. */
static seL4_CPtr new_vspace(struct test_env *env, seL4_CPtr pool)
{
    seL4_CPtr vs = test_alloc_object(env, seL4_ARM_VSpaceObject, 0);
    if (pool != seL4_CapNull)
        ASSERT_OK(seL4_ARM_ASIDPool_Assign(pool, vs));
    return vs;
}

static void assert_failed_lookup(seL4_Error err, seL4_Word type, seL4_Word bits_left)
{
    ASSERT_ERR(err, seL4_FailedLookup);
    ASSERT_MR(0, 0); /* not a source lookup */
    ASSERT_MR(1, type);
    if (type == seL4_MissingCapability)
        ASSERT_MR(2, bits_left);
}

/* ---- Page_Map ------------------------------------------------------------------------ */

TEST(VSPACE0001, "Page_Map of a new 4 KiB frame: reads zero, writes read back, GetAddress")
{
    seL4_CPtr frame = mapped_page(env, TEST_VA);
    ASSERT_EQ(*at(TEST_VA), 0);
    ASSERT_EQ(*at(TEST_VA + PAGE - 1), 0);
    *at(TEST_VA + 8) = 0xa5;
    ASSERT_EQ(*at(TEST_VA + 8), 0xa5);
    seL4_ARM_Page_GetAddress_t ga = seL4_ARM_Page_GetAddress(frame);
    ASSERT_OK(ga.error);
    ASSERT_NE(ga.paddr, 0);
    ASSERT_EQ(ga.paddr % PAGE, 0);
}

TEST(VSPACE0002, "Page_Map with fewer than 3 MRs or no VSpace cap: seL4_TruncatedMessage")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    add_tables(env, VS, TEST_VA, 3);
    seL4_SetCap(0, VS);
    ASSERT_ERR(raw_invoke(frame, ARMPageMap, 1, 2, TEST_VA, seL4_ReadWrite.words[0], ATTRS),
               seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(frame, ARMPageMap, 0, 3, TEST_VA, seL4_ReadWrite.words[0], ATTRS),
               seL4_TruncatedMessage);
    /* Truncation is checked first: even with a misaligned address. */
    ASSERT_ERR(raw_invoke(frame, ARMPageMap, 0, 3, TEST_VA + 1, 0, 0), seL4_TruncatedMessage);
    seL4_SetCap(0, VS);
    ASSERT_ERR(raw_invoke(frame, ARMPageMap, 1, 3, TEST_VA, seL4_ReadWrite.words[0], ATTRS),
               seL4_NoError);
}

TEST(VSPACE0003, "Page_Map into a non-VSpace cap or a VSpace without ASID: InvalidCapability(1)")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr bare = new_vspace(env, seL4_CapNull);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, pt, TEST_VA, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, env->cnode, TEST_VA, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* Checked before alignment: the VSpace check wins over a misaligned address. */
    ASSERT_ERR(seL4_ARM_Page_Map(frame, bare, TEST_VA + 1, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
}

TEST(VSPACE0004, "Page_Map into a VSpace whose ASID pool is gone: FailedLookup(InvalidRoot)")
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = new_vspace(env, pool);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, pool, env->depth));
    assert_failed_lookup(seL4_ARM_Page_Map(frame, vs, TEST_VA, seL4_ReadWrite, ATTRS),
                         seL4_InvalidRoot, 0);
    /* The ASID lookup comes before alignment. */
    assert_failed_lookup(seL4_ARM_Page_Map(frame, vs, TEST_VA + 1, seL4_ReadWrite, ATTRS),
                         seL4_InvalidRoot, 0);
}

TEST(VSPACE0005, "Page_Map through a stale VSpace cap whose ASID now names another VSpace: "
                 "InvalidCapability(1)")
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr old_vs = new_vspace(env, pool);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, pool, env->depth));
    /* The new pool takes the freed pool index, so the new VSpace gets old_vs's ASID. */
    seL4_CPtr pool2 = new_pool(env);
    seL4_CPtr new_vs = new_vspace(env, pool2);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, old_vs, TEST_VA, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    (void)new_vs;
}

TEST(VSPACE0006, "Page_Map at an address not aligned to the frame size: seL4_AlignmentError")
{
    seL4_CPtr small = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    /* No tables exist at TEST_VA: alignment is checked before the walk. */
    ASSERT_ERR(seL4_ARM_Page_Map(small, VS, TEST_VA + 0x800, seL4_ReadWrite, ATTRS),
               seL4_AlignmentError);
    ASSERT_ERR(seL4_ARM_Page_Map(large, VS, TEST_VA + PAGE, seL4_ReadWrite, ATTRS),
               seL4_AlignmentError);
    /* ... and before the user-top check. */
    ASSERT_ERR(seL4_ARM_Page_Map(small, VS, 0x800000000001UL, seL4_ReadWrite, ATTRS),
               seL4_AlignmentError);
}

TEST(VSPACE0007, "Page_Map at or above the user top: InvalidArgument(0)")
{
    seL4_CPtr small = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    ASSERT_ERR(seL4_ARM_Page_Map(small, VS, seL4_UserTop + 1, seL4_ReadWrite, ATTRS),
               seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    ASSERT_ERR(seL4_ARM_Page_Map(small, VS, 0xffff000000000000UL, seL4_ReadWrite, ATTRS),
               seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    /* The last page below the top passes this check and fails at the walk instead. */
    assert_failed_lookup(
        seL4_ARM_Page_Map(small, VS, seL4_UserTop + 1 - PAGE, seL4_ReadWrite, ATTRS),
        seL4_MissingCapability, 39);
    assert_failed_lookup(
        seL4_ARM_Page_Map(large, VS, seL4_UserTop + 1 - LARGE, seL4_ReadWrite, ATTRS),
        seL4_MissingCapability, 39);
}

TEST(VSPACE0008, "Page_Map with missing tables: FailedLookup(MissingCapability) 39, 30, 21")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_Word expect[3] = {39, 30, 21};
    for (int i = 0; i < 3; i++) {
        assert_failed_lookup(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS),
                             seL4_MissingCapability, expect[i]);
        ASSERT_EQ(seL4_MappingFailedLookupLevel(), expect[i]);
        add_tables(env, VS, TEST_VA, 1);
    }
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0);
}

TEST(VSPACE0009, "Page_Map size mismatches: 2 MiB over an L3 table (12 left), 4 KiB under a "
                 "2 MiB block (21 left)")
{
    seL4_CPtr small = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    seL4_CPtr large2 = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    add_tables(env, VS, TEST_VA, 3);
    assert_failed_lookup(seL4_ARM_Page_Map(large, VS, TEST_VA, seL4_ReadWrite, ATTRS),
                         seL4_MissingCapability, 12);
    /* Next 2 MiB slot has no L3 table: the large frame maps as a block there. */
    ASSERT_OK(seL4_ARM_Page_Map(large2, VS, TEST_VA + LARGE, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA + LARGE + LARGE - 1), 0);
    assert_failed_lookup(
        seL4_ARM_Page_Map(small, VS, TEST_VA + LARGE + PAGE, seL4_ReadWrite, ATTRS),
        seL4_MissingCapability, 21);
}

TEST(VSPACE0010, "Page_Map of a mapped cap at a second address: InvalidArgument(0); "
                 "alignment is checked first")
{
    seL4_CPtr frame = mapped_page(env, TEST_VA);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, VS, TEST_VA + PAGE, seL4_ReadWrite, ATTRS),
               seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, VS, TEST_VA + PAGE + 4, seL4_ReadWrite, ATTRS),
               seL4_AlignmentError);
    /* Even above the user top, the double map is reported (the top check is skipped). */
    ASSERT_ERR(seL4_ARM_Page_Map(frame, VS, seL4_UserTop + 1, seL4_ReadWrite, ATTRS),
               seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    /* A copy of the cap is unmapped and may map at the second address: two aliases. */
    seL4_CPtr alias = copy_cap(env, frame, seL4_AllRights);
    ASSERT_OK(seL4_ARM_Page_Map(alias, VS, TEST_VA + PAGE, seL4_ReadWrite, ATTRS));
    *at(TEST_VA + 5) = 0x3c;
    ASSERT_EQ(*at(TEST_VA + PAGE + 5), 0x3c);
}

TEST(VSPACE0011, "Page_Map of a cap mapped in another VSpace: InvalidCapability(1)")
{
    seL4_CPtr frame = mapped_page(env, TEST_VA);
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = new_vspace(env, pool);
    add_tables(env, vs, TEST_VA, 3);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, vs, TEST_VA, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
}

TEST(VSPACE0012, "Page_Map of the same cap at the same address is a remap (rights, attributes)")
{
    seL4_CPtr frame = mapped_page(env, TEST_VA);
    *at(TEST_VA) = 0x77;
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_CanRead, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0x77);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite,
                                seL4_ARM_PageCacheable | seL4_ARM_ExecuteNever));
    *at(TEST_VA) = 0x78;
    ASSERT_EQ(*at(TEST_VA), 0x78);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0x78);
}

TEST(VSPACE0013, "Page_Map rights are masked by the cap's rights, never refused")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    add_tables(env, VS, TEST_VA, 3);
    seL4_CPtr ro = copy_cap(env, frame, seL4_CanRead);
    ASSERT_OK(seL4_ARM_Page_Map(ro, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0); /* readable (a write would fault: see chapter step 4.H) */
    seL4_CPtr none = copy_cap(env, frame, seL4_NoRights);
    ASSERT_OK(seL4_ARM_Page_Map(none, VS, TEST_VA + PAGE, seL4_AllRights, ATTRS));
    /* Write-only: accepted, and gives a mapping user code cannot touch. */
    seL4_CPtr wo = copy_cap(env, frame, seL4_AllRights);
    ASSERT_OK(seL4_ARM_Page_Map(wo, VS, TEST_VA + 2 * PAGE, seL4_CanWrite, ATTRS));
    /* Rights argument of 0: also accepted. */
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA + 3 * PAGE, seL4_NoRights, ATTRS));
    /* Grant bits are irrelevant. */
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA + 3 * PAGE, seL4_AllRights, ATTRS));
    ASSERT_EQ(*at(TEST_VA + 3 * PAGE), 0);
}

TEST(VSPACE0014, "Page_Map over another frame's mapping silently replaces it; the old cap's "
                 "Unmap is then a no-op")
{
    seL4_CPtr a = mapped_page(env, TEST_VA);
    *at(TEST_VA) = 0xaa;
    seL4_CPtr b = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(b, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0); /* b's zeroes */
    *at(TEST_VA) = 0xbb;
    ASSERT_OK(seL4_ARM_Page_Unmap(a)); /* the slot holds b now: nothing happens */
    ASSERT_EQ(*at(TEST_VA), 0xbb);
    ASSERT_OK(seL4_ARM_Page_Map(a, VS, TEST_VA + PAGE, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA + PAGE), 0xaa); /* a kept its contents */
}

TEST(VSPACE0015, "Page_Unmap: never fails, clears the cap's mapping so it can map elsewhere")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Unmap(frame)); /* not mapped: no-op */
    add_tables(env, VS, TEST_VA, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    *at(TEST_VA) = 0x42;
    ASSERT_OK(seL4_ARM_Page_Unmap(frame));
    ASSERT_OK(seL4_ARM_Page_Unmap(frame));
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA + PAGE, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA + PAGE), 0x42);
    /* A page-table cap does not understand frame labels: IllegalOperation. */
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(seL4_ARM_Page_Unmap(pt), seL4_IllegalOperation);
}

TEST(VSPACE0016, "Page_GetAddress: frame base, same for copies, 2 MiB aligned for large frames")
{
    seL4_CPtr small = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    seL4_ARM_Page_GetAddress_t s = seL4_ARM_Page_GetAddress(small);
    seL4_ARM_Page_GetAddress_t c = seL4_ARM_Page_GetAddress(copy_cap(env, small, seL4_CanRead));
    seL4_ARM_Page_GetAddress_t l = seL4_ARM_Page_GetAddress(large);
    ASSERT_OK(s.error);
    ASSERT_OK(c.error);
    ASSERT_OK(l.error);
    ASSERT_EQ(s.paddr, c.paddr);
    ASSERT_EQ(s.paddr % PAGE, 0);
    ASSERT_EQ(l.paddr % LARGE, 0);
    ASSERT_NE(s.paddr, l.paddr);
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(seL4_ARM_Page_GetAddress(pt).error, seL4_IllegalOperation);
}

TEST(VSPACE0017, "Page cache operations: every rejection in seL4's order")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    /* length < 2 first, then "not mapped". */
    ASSERT_ERR(raw_invoke(frame, ARMPageClean_Data, 0, 1, 0, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(seL4_ARM_Page_Clean_Data(frame, 0, PAGE), seL4_IllegalOperation);
    add_tables(env, VS, TEST_VA, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_ARM_Page_Clean_Data(frame, 0, PAGE));
    ASSERT_OK(seL4_ARM_Page_Invalidate_Data(frame, 64, 128));
    ASSERT_OK(seL4_ARM_Page_CleanInvalidate_Data(frame, 0, 1));
    ASSERT_OK(seL4_ARM_Page_Unify_Instruction(frame, 0, PAGE));
    /* end <= start: InvalidArgument(1), before the in-frame check. */
    ASSERT_ERR(seL4_ARM_Page_Clean_Data(frame, 8, 8), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_Page_Clean_Data(frame, PAGE * 2, PAGE), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    /* Outside the frame: InvalidArgument(0). */
    ASSERT_ERR(seL4_ARM_Page_Clean_Data(frame, 0, PAGE + 1), seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    ASSERT_ERR(seL4_ARM_Page_Clean_Data(frame, PAGE, PAGE + 8), seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    /* Invalidate on a read-only mapping: IllegalOperation; Clean is fine. */
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_CanRead, ATTRS));
    ASSERT_ERR(seL4_ARM_Page_Invalidate_Data(frame, 0, PAGE), seL4_IllegalOperation);
    ASSERT_OK(seL4_ARM_Page_Clean_Data(frame, 0, PAGE));
    /* A cap whose mapping was taken over by another frame: InvalidCapability(0). */
    seL4_CPtr other = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(other, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_ERR(seL4_ARM_Page_Clean_Data(frame, 0, PAGE), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}

TEST(VSPACE0018, "VSpace cache operations: every rejection in seL4's order")
{
    seL4_CPtr bare = new_vspace(env, seL4_CapNull);
    ASSERT_ERR(raw_invoke(VS, ARMVSpaceClean_Data, 0, 1, 0, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(seL4_ARM_VSpace_Clean_Data(VS, TEST_VA, TEST_VA), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_VSpace_Clean_Data(VS, TEST_VA, seL4_UserTop + 1), seL4_IllegalOperation);
    /* The range checks come before the VSpace's ASID check. */
    ASSERT_ERR(seL4_ARM_VSpace_Clean_Data(bare, 8, 8), seL4_InvalidArgument);
    ASSERT_ERR(seL4_ARM_VSpace_Clean_Data(bare, TEST_VA, TEST_VA + 8), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
    /* Nothing mapped at start: success, nothing to do. */
    ASSERT_OK(seL4_ARM_VSpace_Clean_Data(VS, TEST_VA, TEST_VA + 2 * PAGE));
    mapped_page(env, TEST_VA);
    ASSERT_OK(seL4_ARM_VSpace_Clean_Data(VS, TEST_VA, TEST_VA + PAGE));
    ASSERT_OK(seL4_ARM_VSpace_Invalidate_Data(VS, TEST_VA + 64, TEST_VA + 128));
    ASSERT_OK(seL4_ARM_VSpace_CleanInvalidate_Data(VS, TEST_VA, TEST_VA + 1));
    ASSERT_OK(seL4_ARM_VSpace_Unify_Instruction(VS, TEST_VA, TEST_VA + PAGE));
    /* Crossing the end of the frame: RangeError(start, last byte of the frame). */
    ASSERT_ERR(seL4_ARM_VSpace_Clean_Data(VS, TEST_VA + 8, TEST_VA + PAGE + 8), seL4_RangeError);
    ASSERT_MR(0, TEST_VA + 8);
    ASSERT_MR(1, TEST_VA + PAGE - 1);
}

/* ---- PageTable_Map / Unmap ------------------------------------------------------------ */

TEST(VSPACE0019, "PageTable_Map: every rejection in seL4's order, then DeleteFirst when full")
{
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr bare = new_vspace(env, seL4_CapNull);
    seL4_SetCap(0, VS);
    ASSERT_ERR(raw_invoke(pt, ARMPageTableMap, 1, 1, TEST_VA, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(pt, ARMPageTableMap, 0, 2, TEST_VA, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, frame, TEST_VA, ATTRS), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, bare, TEST_VA, ATTRS), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, VS, seL4_UserTop + 1, ATTRS), seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    /* No alignment needed: the address is rounded down to the table's span. */
    ASSERT_OK(seL4_ARM_PageTable_Map(pt, VS, TEST_VA + 0x1234, ATTRS));
    /* Already mapped (checked before the VSpace cap): InvalidCapability(0). */
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, bare, TEST_VA, ATTRS), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
    add_tables(env, VS, TEST_VA, 2);
    seL4_CPtr extra = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(seL4_ARM_PageTable_Map(extra, VS, TEST_VA, ATTRS), seL4_DeleteFirst);
    /* A 2 MiB block occupying the level-2 slot: DeleteFirst as well. */
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(large, VS, TEST_VA + LARGE, seL4_ReadWrite, ATTRS));
    ASSERT_ERR(seL4_ARM_PageTable_Map(extra, VS, TEST_VA + LARGE, ATTRS), seL4_DeleteFirst);
    /* A page-table cap without a mapping cannot be copied; a mapped one can. */
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_ERR(seL4_CNode_Copy(env->cnode, slot, env->depth, env->cnode, extra, env->depth,
                               seL4_AllRights),
               seL4_IllegalOperation);
    ASSERT_OK(
        seL4_CNode_Copy(env->cnode, slot, env->depth, env->cnode, pt, env->depth, seL4_AllRights));
}

TEST(VSPACE0020, "PageTable_Unmap: RevokeFirst with copies; detaches the table; remappable")
{
    seL4_CPtr l1 = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr l2 = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr l3 = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_PageTable_Unmap(l3)); /* not mapped: no-op */
    ASSERT_OK(seL4_ARM_PageTable_Map(l1, VS, TEST_VA, ATTRS));
    ASSERT_OK(seL4_ARM_PageTable_Map(l2, VS, TEST_VA, ATTRS));
    ASSERT_OK(seL4_ARM_PageTable_Map(l3, VS, TEST_VA, ATTRS));
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    *at(TEST_VA) = 0x99;
    seL4_CPtr copy = copy_cap(env, l3, seL4_AllRights);
    ASSERT_ERR(seL4_ARM_PageTable_Unmap(l3), seL4_RevokeFirst);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, copy, env->depth));
    ASSERT_OK(seL4_ARM_PageTable_Unmap(l3));
    /* The level-3 table is gone from the walk: the frame (same cap, same address) cannot map. */
    assert_failed_lookup(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS),
                         seL4_MissingCapability, 21);
    /* The unmapped table can go back, zeroed; then the frame maps again with its data. */
    ASSERT_OK(seL4_ARM_PageTable_Map(l3, VS, TEST_VA, ATTRS));
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0x99);
    /* Unmapping a middle level takes everything below it out of the walk. */
    ASSERT_OK(seL4_ARM_PageTable_Unmap(l1));
    assert_failed_lookup(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS),
                         seL4_MissingCapability, 39);
}

/* ---- deletion ----------------------------------------------------------------------- */

TEST(VSPACE0021, "Deleting the cap that mapped a frame unmaps it; deleting an unmapped copy "
                 "does not")
{
    /* A 2 MiB block makes the mapping observable without touching memory: PageTable_Map at
     * that address is DeleteFirst while the block is there. */
    add_tables(env, VS, TEST_VA, 2);
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    seL4_CPtr copy = copy_cap(env, large, seL4_AllRights);
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(large, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    *at(TEST_VA) = 0x17;
    ASSERT_OK(seL4_CNode_Delete(env->cnode, copy, env->depth));
    ASSERT_EQ(*at(TEST_VA), 0x17); /* still mapped */
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, VS, TEST_VA, ATTRS), seL4_DeleteFirst);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, large, env->depth));
    ASSERT_OK(seL4_ARM_PageTable_Map(pt, VS, TEST_VA, ATTRS)); /* the slot is empty now */
}

TEST(VSPACE0022, "Revoking a frame's untyped unmaps the frame")
{
    add_tables(env, VS, TEST_VA, 2);
    seL4_CPtr ut = test_alloc_untyped(env, seL4_LargePageBits);
    seL4_CPtr large = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_ARM_LargePageObject, 0, env->cnode, 0, 0, large, 1));
    ASSERT_OK(seL4_ARM_Page_Map(large, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0);
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ut, env->depth));
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_OK(seL4_ARM_PageTable_Map(pt, VS, TEST_VA, ATTRS));
}

TEST(VSPACE0023, "Deleting a page-table cap detaches the table from the VSpace")
{
    mapped_page(env, TEST_VA);
    seL4_CPtr l1b = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr l2b = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr l3b = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr f2 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_Word va2 = TEST_VA + 0x8000000000UL; /* next level-0 entry: its own three tables */
    ASSERT_OK(seL4_ARM_PageTable_Map(l1b, VS, va2, ATTRS));
    ASSERT_OK(seL4_ARM_PageTable_Map(l2b, VS, va2, ATTRS));
    ASSERT_OK(seL4_ARM_PageTable_Map(l3b, VS, va2, ATTRS));
    ASSERT_OK(seL4_ARM_Page_Map(f2, VS, va2, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, l3b, env->depth));
    assert_failed_lookup(seL4_ARM_Page_Map(f2, VS, va2, seL4_ReadWrite, ATTRS),
                         seL4_MissingCapability, 21);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, l1b, env->depth));
    assert_failed_lookup(seL4_ARM_Page_Map(f2, VS, va2, seL4_ReadWrite, ATTRS),
                         seL4_MissingCapability, 39);
    /* The other tree is untouched. */
    ASSERT_EQ(*at(TEST_VA), 0);
}

/* ---- ASIDs and a second VSpace --------------------------------------------------------- */

TEST(VSPACE0024, "ASIDControl_MakePool: every rejection in seL4's order")
{
    seL4_CPtr ut = test_alloc_untyped(env, seL4_ASIDPoolBits);
    seL4_CPtr big = test_alloc_untyped(env, seL4_ASIDPoolBits + 1);
    seL4_CPtr dest = test_alloc_slot(env);
    seL4_CPtr taken = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_SetCap(0, ut);
    seL4_SetCap(1, env->cnode);
    ASSERT_ERR(raw_invoke(seL4_CapASIDControl, ARMASIDControlMakePool, 2, 1, dest, env->depth, 0),
               seL4_TruncatedMessage);
    seL4_SetCap(0, ut);
    ASSERT_ERR(raw_invoke(seL4_CapASIDControl, ARMASIDControlMakePool, 1, 2, dest, env->depth, 0),
               seL4_TruncatedMessage);
    /* Not an untyped, wrong size, device memory: InvalidCapability(1). */
    ASSERT_ERR(
        seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, taken, env->cnode, dest, env->depth),
        seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(
        seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, big, env->cnode, dest, env->depth),
        seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* An untyped with children: RevokeFirst (before the destination is looked at). */
    seL4_CPtr parent = test_alloc_untyped(env, seL4_ASIDPoolBits);
    seL4_CPtr child = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(parent, seL4_EndpointObject, 0, env->cnode, 0, 0, child, 1));
    ASSERT_ERR(
        seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, parent, env->cnode, taken, env->depth),
        seL4_RevokeFirst);
    /* Destination lookup errors, then an occupied destination: DeleteFirst. */
    ASSERT_ERR(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, dest, 0),
               seL4_RangeError);
    ASSERT_ERR(
        seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, taken, env->depth),
        seL4_DeleteFirst);
    ASSERT_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, dest, env->depth));
    /* The untyped is used up now (it has a child): RevokeFirst. */
    seL4_CPtr dest2 = test_alloc_slot(env);
    ASSERT_ERR(
        seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, dest2, env->depth),
        seL4_RevokeFirst);
    /* Any other label on ASIDControl: IllegalOperation. */
    ASSERT_ERR(raw_invoke(seL4_CapASIDControl, ARMPageUnmap, 0, 0, 0, 0, 0), seL4_IllegalOperation);
}

TEST(VSPACE0025, "ASIDPool_Assign: TruncatedMessage, InvalidCapability(1) for non-VSpace or "
                 "assigned VSpace")
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = test_alloc_object(env, seL4_ARM_VSpaceObject, 0);
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(raw_invoke(pool, ARMASIDPoolAssign, 0, 0, 0, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(pool, pt), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_OK(seL4_ARM_ASIDPool_Assign(pool, vs));
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(pool, vs), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, VS), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* Other labels on a pool: IllegalOperation. */
    ASSERT_ERR(raw_invoke(pool, ARMPageUnmap, 0, 0, 0, 0, 0), seL4_IllegalOperation);
}

TEST(VSPACE0026, "A VSpace without an ASID: no maps into it, no copies of its cap")
{
    seL4_CPtr bare = new_vspace(env, seL4_CapNull);
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, bare, TEST_VA, ATTRS), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_Page_Map(frame, bare, TEST_VA, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_ERR(
        seL4_CNode_Copy(env->cnode, slot, env->depth, env->cnode, bare, env->depth, seL4_AllRights),
        seL4_IllegalOperation);
    /* Once assigned it can be copied. */
    seL4_CPtr pool = new_pool(env);
    ASSERT_OK(seL4_ARM_ASIDPool_Assign(pool, bare));
    ASSERT_OK(seL4_CNode_Copy(env->cnode, slot, env->depth, env->cnode, bare, env->depth,
                              seL4_AllRights));
}

TEST(VSPACE0027, "MakePool + Assign: a second VSpace maps frames; one frame in both VSpaces")
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = new_vspace(env, pool);
    seL4_CPtr frame = mapped_page(env, TEST_VA);
    *at(TEST_VA) = 0x5e;
    seL4_CPtr copy = copy_cap(env, frame, seL4_AllRights);
    assert_failed_lookup(seL4_ARM_Page_Map(copy, vs, 0x400000, seL4_ReadWrite, ATTRS),
                         seL4_MissingCapability, 39);
    add_tables(env, vs, 0x400000, 3);
    ASSERT_OK(seL4_ARM_Page_Map(copy, vs, 0x400000, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_ARM_Page_Clean_Data(copy, 0, PAGE)); /* its mapping is real */
    ASSERT_EQ(seL4_ARM_Page_GetAddress(copy).paddr, seL4_ARM_Page_GetAddress(frame).paddr);
    /* A second VSpace from the same pool gets another ASID and works the same. */
    seL4_CPtr vs2 = new_vspace(env, pool);
    add_tables(env, vs2, 0x400000, 3);
    seL4_CPtr f2 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(f2, vs2, 0x400000, seL4_ReadWrite, ATTRS));
    ASSERT_EQ(*at(TEST_VA), 0x5e);
}

TEST(VSPACE0028, "Deleting a VSpace frees its ASID and leaves its frames' caps harmless")
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = new_vspace(env, pool);
    add_tables(env, vs, 0x400000, 3);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(frame, vs, 0x400000, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, vs, env->depth));
    /* The frame's mapping is dead: flushing it fails the ASID lookup ... */
    assert_failed_lookup(seL4_ARM_Page_Clean_Data(frame, 0, PAGE), seL4_InvalidRoot, 0);
    /* ... Unmap is a no-op, after which it maps anywhere. */
    ASSERT_OK(seL4_ARM_Page_Unmap(frame));
    add_tables(env, VS, TEST_VA, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    /* The freed ASID goes to the next VSpace assigned from that pool. */
    seL4_CPtr vs2 = new_vspace(env, pool);
    add_tables(env, vs2, 0x400000, 3);
}
