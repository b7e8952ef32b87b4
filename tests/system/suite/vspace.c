// SPDX-License-Identifier: BSD-2-Clause
// VSPACE tests, first part: frames (Page_Map/Unmap/GetAddress, cache operations) through the
// seL4 ABI alone (docs/design/abi.md §9, §11). One accepted call, then each rejection in seL4's
// check order with the exact error and detail MRs. What needs a fault handler (a write to a
// read-only page, a read after Unmap, ExecuteNever) is in vspace_faults.c, where the root
// task handles a child's faults.
//
// Memory layout used in the root VSpace: everything lives at TEST_VA and above (level-0
// entry 2, far from the image), so each test starts with no tables there and the driver's
// revoke of the memory pool (which deletes the tables and frames) leaves none behind.

#include <sel4/sel4.h>

#include "test.h"
#include "vspace_common.h"

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
    ASSERT_ERR(raw_invoke_words(frame, ARMPageMap, 1, 2, TEST_VA, seL4_ReadWrite.words[0], ATTRS),
               seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke_words(frame, ARMPageMap, 0, 3, TEST_VA, seL4_ReadWrite.words[0], ATTRS),
               seL4_TruncatedMessage);
    /* Truncation is checked first: even with a misaligned address. */
    ASSERT_ERR(raw_invoke_words(frame, ARMPageMap, 0, 3, TEST_VA + 1, 0, 0), seL4_TruncatedMessage);
    seL4_SetCap(0, VS);
    ASSERT_ERR(raw_invoke_words(frame, ARMPageMap, 1, 3, TEST_VA, seL4_ReadWrite.words[0], ATTRS),
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
    ASSERT_ERR(raw_invoke_words(frame, ARMPageClean_Data, 0, 1, 0, 0, 0), seL4_TruncatedMessage);
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
    ASSERT_ERR(raw_invoke_words(VS, ARMVSpaceClean_Data, 0, 1, 0, 0, 0), seL4_TruncatedMessage);
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
    ASSERT_RANGE(seL4_ARM_VSpace_Clean_Data(VS, TEST_VA + 8, TEST_VA + PAGE + 8), TEST_VA + 8,
                 TEST_VA + PAGE - 1);
}

/* ---- PageTable_Map / Unmap ------------------------------------------------------------ */
