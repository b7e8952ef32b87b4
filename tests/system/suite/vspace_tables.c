// SPDX-License-Identifier: BSD-2-Clause
// VSPACE tests, second part: PageTable_Map/Unmap, what deleting frame, page-table and VSpace
// caps does, ASIDControl_MakePool and ASIDPool_Assign, each rejection in seL4's check order
// with the exact error and detail MRs (docs/design/abi.md §9, §11). Frames are in vspace.c.

#include <sel4/sel4.h>

#include "test.h"
#include "vspace_common.h"

TEST(VSPACE0019, "PageTable_Map: every rejection in seL4's order, then DeleteFirst when full")
{
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr bare = new_vspace(env, seL4_CapNull);
    seL4_SetCap(0, VS);
    ASSERT_ERR(raw_invoke_words(pt, ARMPageTableMap, 1, 1, TEST_VA, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke_words(pt, ARMPageTableMap, 0, 2, TEST_VA, 0, 0), seL4_TruncatedMessage);
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
    ASSERT_ERR(
        raw_invoke_words(seL4_CapASIDControl, ARMASIDControlMakePool, 2, 1, dest, env->depth, 0),
        seL4_TruncatedMessage);
    seL4_SetCap(0, ut);
    ASSERT_ERR(
        raw_invoke_words(seL4_CapASIDControl, ARMASIDControlMakePool, 1, 2, dest, env->depth, 0),
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
    ASSERT_ERR(raw_invoke_words(seL4_CapASIDControl, ARMPageUnmap, 0, 0, 0, 0, 0),
               seL4_IllegalOperation);
}

TEST(VSPACE0025, "ASIDPool_Assign: TruncatedMessage, InvalidCapability(1) for non-VSpace or "
                 "assigned VSpace")
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = test_alloc_object(env, seL4_ARM_VSpaceObject, 0);
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(raw_invoke_words(pool, ARMASIDPoolAssign, 0, 0, 0, 0, 0), seL4_TruncatedMessage);
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(pool, pt), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_OK(seL4_ARM_ASIDPool_Assign(pool, vs));
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(pool, vs), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, VS), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* Other labels on a pool: IllegalOperation. */
    ASSERT_ERR(raw_invoke_words(pool, ARMPageUnmap, 0, 0, 0, 0, 0), seL4_IllegalOperation);
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
