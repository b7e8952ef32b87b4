// SPDX-License-Identifier: BSD-2-Clause
// VSPACE0030+: a VSpace whose ASID pool was deleted. Its cap keeps the (now stale) ASID, the
// objects mapped in it keep their mappings in their caps, and a page table deleted while
// its ASID could not be found stays linked in the dead tree (as in seL4). Every later
// invocation must answer as seL4 does, and no kernel walk may start from such a VSpace:
// its tree can link memory that user space has retyped and written since.
#include <cairn/vspace.h>

#include "vspace_common.h"

#define DEAD_VA 0x8000000000UL           /* level-0 index 1: a fresh L0 entry in any new VSpace */
#define OUTSIDE_RAM_TABLE 0x4000000003UL /* a table descriptor for physical 256 GiB */

/* A VSpace with an ASID from a new pool (in *pool_out: the caller deletes it). */
static seL4_CPtr dead_vspace(struct test_env *env, seL4_CPtr *pool_out)
{
    seL4_CPtr pool = new_pool(env);
    seL4_CPtr vs = new_vspace(env, pool);
    if (pool_out)
        *pool_out = pool;
    return vs;
}

/* dead_vspace with a table mapped at DEAD_VA (in *l1_out), the levels below it and a frame
 * mapped there (in *frame_out); then its pool is deleted. */
static seL4_CPtr dead_mapped_vspace(struct test_env *env, seL4_CPtr *l1_out, seL4_CPtr *frame_out)
{
    seL4_CPtr pool;
    seL4_CPtr vs = dead_vspace(env, &pool);
    seL4_CPtr l1 = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_OK(seL4_ARM_PageTable_Map(l1, vs, DEAD_VA, ATTRS));
    add_tables(env, vs, DEAD_VA, 2);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(frame, vs, DEAD_VA, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, pool, env->depth));
    *l1_out = l1;
    *frame_out = frame;
    return vs;
}

TEST(VSPACE0030, "After its ASID pool is deleted: Map and PageTable_Map into the VSpace fail "
                 "the ASID lookup; Unmap, PageTable_Unmap succeed; flushes fail; no re-Assign")
{
    seL4_CPtr l1, frame;
    seL4_CPtr vs = dead_mapped_vspace(env, &l1, &frame);

    /* Mapping anything into it: FailedLookup (not a source lookup, InvalidRoot). */
    seL4_CPtr f2 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    assert_failed_lookup(seL4_ARM_Page_Map(f2, vs, DEAD_VA + PAGE, seL4_ReadWrite, ATTRS),
                         seL4_InvalidRoot, 0);
    seL4_CPtr pt2 = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    assert_failed_lookup(seL4_ARM_PageTable_Map(pt2, vs, 2 * DEAD_VA, ATTRS), seL4_InvalidRoot, 0);
    /* Remapping the mapped frame there: the VSpace's ASID lookup fails first. */
    assert_failed_lookup(seL4_ARM_Page_Map(frame, vs, DEAD_VA, seL4_CanRead, ATTRS),
                         seL4_InvalidRoot, 0);
    /* A table still recorded as mapped cannot be mapped again: InvalidCapability(0). */
    ASSERT_ERR(seL4_ARM_PageTable_Map(l1, VS, TEST_VA, ATTRS), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
    /* Cache maintenance through the VSpace or the frame: FailedLookup. */
    assert_failed_lookup(seL4_ARM_VSpace_Clean_Data(vs, DEAD_VA, DEAD_VA + PAGE), seL4_InvalidRoot,
                         0);
    assert_failed_lookup(seL4_ARM_Page_Clean_Data(frame, 0, PAGE), seL4_InvalidRoot, 0);
    /* The VSpace keeps its stale ASID: it can never be assigned again. */
    seL4_CPtr pool2 = new_pool(env);
    ASSERT_ERR(seL4_ARM_ASIDPool_Assign(pool2, vs), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* Its cap can still be copied (it has an ASID) and identified. */
    copy_cap(env, vs, seL4_AllRights);

    /* Unmapping finds no VSpace and does nothing, but succeeds and clears the caps... */
    ASSERT_OK(seL4_ARM_Page_Unmap(frame));
    ASSERT_OK(seL4_ARM_PageTable_Unmap(l1));
    /* ... so both map again, in a live VSpace (the table comes back zeroed). */
    ASSERT_OK(seL4_ARM_PageTable_Map(l1, VS, TEST_VA, ATTRS));
    add_tables(env, VS, TEST_VA, 2);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    *at(TEST_VA) = 0x5a;
    ASSERT_EQ(*at(TEST_VA), 0x5a);
    /* The picture of the dead VSpace is refused, not walked. */
    cairn_vspace_dump(vs);
}

TEST(VSPACE0031, "A table deleted while its VSpace's ASID is dead stays linked there; its "
                 "memory retyped as a frame full of table descriptors is never walked")
{
    /* 1. A pool, a VSpace with an ASID from it, a page table from a 4 KiB untyped of its
     *    own, mapped into the VSpace. */
    seL4_CPtr pool;
    seL4_CPtr vs = dead_vspace(env, &pool);
    seL4_CPtr ut = test_alloc_untyped(env, seL4_PageBits);
    seL4_CPtr pt = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_ARM_PageTableObject, 0, env->cnode, 0, 0, pt, 1));
    ASSERT_OK(seL4_ARM_PageTable_Map(pt, vs, DEAD_VA, ATTRS));
    /* 2. Delete the pool; 3. delete the table (no VSpace for the ASID: stays linked). */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, pool, env->depth));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, pt, env->depth));
    /* 4. The same memory as a frame, mapped, filled with table descriptors. */
    seL4_CPtr frame = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_ARM_SmallPageObject, 0, env->cnode, 0, 0, frame, 1));
    add_tables(env, VS, TEST_VA, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    volatile seL4_Word *words = (volatile seL4_Word *)TEST_VA;
    for (int i = 0; i < 512; i++)
        words[i] = OUTSIDE_RAM_TABLE;
    /* 5. The VSpace picture of that VSpace: "Invalid vspace", the kernel lives on. */
    cairn_vspace_dump(vs);
    /* The dead VSpace still answers every invocation as in VSPACE0030. */
    seL4_CPtr f2 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    assert_failed_lookup(seL4_ARM_Page_Map(f2, vs, DEAD_VA, seL4_ReadWrite, ATTRS),
                         seL4_InvalidRoot, 0);
    /* A thread may still be given the VSpace (seL4 checks only that the cap has an ASID),
     * but it never runs in it: it stays suspended here. */
    seL4_CPtr tcb = test_alloc_object(env, seL4_TCBObject, 0);
    ASSERT_OK(seL4_TCB_SetSpace(tcb, 0, env->cnode, 0, vs, 0));
    ASSERT_EQ(words[0], OUTSIDE_RAM_TABLE);
}

TEST(VSPACE0032, "A new pool at the deleted pool's index: the old VSpace's ASID names the new "
                 "VSpace; Map into the old one is InvalidCapability(1); its objects unmap")
{
    seL4_CPtr pt, frame;
    seL4_CPtr old = dead_mapped_vspace(env, &pt, &frame);

    /* The next pool takes the same index, its first ASID is the old VSpace's. */
    seL4_CPtr pool2 = new_pool(env);
    seL4_CPtr fresh = new_vspace(env, pool2);
    add_tables(env, fresh, DEAD_VA, 3);
    seL4_CPtr f2 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(f2, fresh, DEAD_VA, seL4_ReadWrite, ATTRS));

    /* The old cap's ASID now names another VSpace: InvalidCapability(1) for Map ... */
    seL4_CPtr f3 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_ERR(seL4_ARM_Page_Map(f3, old, DEAD_VA + PAGE, seL4_ReadWrite, ATTRS),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    seL4_CPtr pt2 = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt2, old, 2 * DEAD_VA, ATTRS), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* ... and InvalidCapability(0) for the VSpace's own flushes. */
    ASSERT_ERR(seL4_ARM_VSpace_Clean_Data(old, DEAD_VA, DEAD_VA + PAGE), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
    /* The old frame and table unmap (the walk of the new VSpace does not find them). */
    ASSERT_OK(seL4_ARM_Page_Unmap(frame));
    ASSERT_OK(seL4_ARM_PageTable_Unmap(pt));
    /* The new VSpace's own mapping is still there: remapping it is a remap, not a move. */
    ASSERT_OK(seL4_ARM_Page_Map(f2, fresh, DEAD_VA, seL4_CanRead, ATTRS));
    ASSERT_OK(seL4_ARM_VSpace_Clean_Data(fresh, DEAD_VA, DEAD_VA + PAGE));
    cairn_vspace_dump(old);
    /* Deleting the old VSpace's cap leaves the ASID to the new VSpace. */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, old, env->depth));
    ASSERT_OK(seL4_ARM_VSpace_Clean_Data(fresh, DEAD_VA, DEAD_VA + PAGE));
}

TEST(VSPACE0033, "Revoking an ASID pool's untyped deletes the pool with every copy of its cap")
{
    seL4_CPtr ut = test_alloc_untyped(env, seL4_ASIDPoolBits);
    seL4_CPtr pool = test_alloc_slot(env);
    ASSERT_OK(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, ut, env->cnode, pool, env->depth));
    seL4_CPtr copy = copy_cap(env, pool, seL4_AllRights);
    seL4_CPtr vs = new_vspace(env, pool);
    add_tables(env, vs, DEAD_VA, 3);
    /* Deleting one of two pool caps keeps the pool. */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, pool, env->depth));
    seL4_CPtr f = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(f, vs, DEAD_VA, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ut, env->depth));
    ASSERT_EQ(seL4_DebugCapIdentify(copy), 0);
    seL4_CPtr f2 = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    assert_failed_lookup(seL4_ARM_Page_Map(f2, vs, DEAD_VA + PAGE, seL4_ReadWrite, ATTRS),
                         seL4_InvalidRoot, 0);
    ASSERT_OK(seL4_ARM_Page_Unmap(f));
    cairn_vspace_dump(vs);
}
