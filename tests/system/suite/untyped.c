// SPDX-License-Identifier: BSD-2-Clause
// UNTYPED tests: seL4_Untyped_Retype for every object type, sizes, alignment and the
// watermark, the device-memory rule, every rejection in decodeUntypedInvocation's order
// (docs/design/abi.md §9) with its error and MRs, reuse of the memory after a revoke, and
// that new objects are zeroed (a frame mapped at ZERO_VA, read through the mapping).

#include <cairn/alloc.h>
#include <sel4/sel4.h>

#include "invoke.h"
#include "test.h"
#include "vspace_common.h"

#define ZERO_VA 0x18000000000UL /* level-0 index 3: no tables there until a test adds them */

static seL4_Uint32 tag(seL4_CPtr slot)
{
    return seL4_DebugCapIdentify(slot);
}

/* Retype `num` objects from ut into the root CNode at slot (node_depth 0). */
static seL4_Error retype(struct test_env *env, seL4_CPtr ut, seL4_Word type, seL4_Word bits,
                         seL4_CPtr slot, seL4_Word num)
{
    return seL4_Untyped_Retype(ut, type, bits, env->cnode, 0, 0, slot, num);
}

/* `n` consecutive new slots; returns the first. */
static seL4_CPtr slots(struct test_env *env, int n)
{
    seL4_CPtr first = test_alloc_slot(env);
    for (int i = 1; i < n; i++)
        test_alloc_slot(env);
    return first;
}

static seL4_Word paddr_of(seL4_CPtr frame)
{
    seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(frame);
    ASSERT_OK(r.error);
    return r.paddr;
}

/* The bytes still free in ut (of 2^ut_bits bytes): MR0 of the NotEnoughMemory answer to a
 * request that can never fit, an untyped twice ut's size. */
static seL4_Word bytes_free(struct test_env *env, seL4_CPtr ut, seL4_Word ut_bits)
{
    seL4_CPtr s = test_alloc_slot(env);
    seL4_Error err = retype(env, ut, seL4_UntypedObject, ut_bits + 1, s, 1);
    ASSERT_ERR(err, seL4_NotEnoughMemory);
    return seL4_GetMR(0);
}

TEST(UNTYPED0001, "Retype makes every object type, each with its cap type")
{
    static const struct {
        seL4_Word type, bits;
        seL4_Uint32 tag;
    } objects[] = {
        {seL4_UntypedObject, seL4_MinUntypedBits, seL4_CapTag_Untyped},
        {seL4_UntypedObject, 20, seL4_CapTag_Untyped},
        {seL4_TCBObject, 0, seL4_CapTag_TCB},
        {seL4_EndpointObject, 0, seL4_CapTag_Endpoint},
        {seL4_NotificationObject, 0, seL4_CapTag_Notification},
        {seL4_CapTableObject, 1, seL4_CapTag_CNode},
        {seL4_CapTableObject, 10, seL4_CapTag_CNode},
        {seL4_ARM_SmallPageObject, 0, seL4_CapTag_Frame},
        {seL4_ARM_LargePageObject, 0, seL4_CapTag_Frame},
        {seL4_ARM_PageTableObject, 0, seL4_CapTag_PageTable},
        {seL4_ARM_VSpaceObject, 0, seL4_CapTag_VSpace},
    };
    for (unsigned i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        seL4_CPtr s = test_alloc_object(env, objects[i].type, objects[i].bits);
        if (tag(s) != objects[i].tag)
            test_fail(__FILE__, __LINE__, "type %lu: cap tag %u, expected %u",
                      (unsigned long)objects[i].type, tag(s), objects[i].tag);
    }
    /* Fixed-size types ignore size_bits (below 64). */
    seL4_CPtr e = test_alloc_object(env, seL4_EndpointObject, 40);
    ASSERT_EQ(tag(e), seL4_CapTag_Endpoint);
    /* A huge page needs 2^30 bytes: a 2^21-byte untyped has too little, all of it free. */
    seL4_CPtr ut = test_alloc_untyped(env, 21);
    ASSERT_ERR(retype(env, ut, seL4_ARM_HugePageObject, 0, test_alloc_slot(env), 1),
               seL4_NotEnoughMemory);
    ASSERT_MR(0, 1UL << 21);
}

TEST(UNTYPED0002, "objects are aligned to their size; the watermark only moves up")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr s = slots(env, 4);
    const seL4_Word ntfn = 1UL << seL4_NotificationBits;              /* 32 bytes; MCS: 64 */
    ASSERT_OK(retype(env, ut, seL4_EndpointObject, 0, s, 1));         /* [0, 16) */
    ASSERT_OK(retype(env, ut, seL4_NotificationObject, 0, s + 1, 1)); /* [ntfn, 2 ntfn) */
    ASSERT_EQ(bytes_free(env, ut, 12), PAGE - 2 * ntfn);
    ASSERT_OK(retype(env, ut, seL4_EndpointObject, 0, s + 2, 1)); /* +16: no going back */
    ASSERT_EQ(bytes_free(env, ut, 12), PAGE - 2 * ntfn - 16);
    ASSERT_OK(retype(env, ut, seL4_TCBObject, 0, s + 3, 1)); /* [2048, 4096) */
    ASSERT_EQ(bytes_free(env, ut, 12), 0);

    /* Frames: consecutive and size-aligned in physical memory. */
    seL4_CPtr ut2 = test_alloc_untyped(env, 14);
    seL4_CPtr f = slots(env, 3);
    ASSERT_OK(retype(env, ut2, seL4_EndpointObject, 0, f, 1));
    ASSERT_OK(retype(env, ut2, seL4_ARM_SmallPageObject, 0, f + 1, 2));
    seL4_Word p1 = paddr_of(f + 1), p2 = paddr_of(f + 2);
    ASSERT_EQ(p1 % PAGE, 0);
    ASSERT_EQ(p2, p1 + PAGE);
    ASSERT_EQ(bytes_free(env, ut2, 14), (1UL << 14) - 3 * PAGE);
}

TEST(UNTYPED0003, "NotEnoughMemory reports the bytes still free (MR0)")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr s = slots(env, 4);
    ASSERT_ERR(retype(env, ut, seL4_TCBObject, 0, s, 3), seL4_NotEnoughMemory);
    ASSERT_MR(0, PAGE);
    ASSERT_EQ(tag(s), seL4_CapTag_Null); /* nothing was made */
    ASSERT_OK(retype(env, ut, seL4_TCBObject, 0, s, 2));
    ASSERT_ERR(retype(env, ut, seL4_EndpointObject, 0, s + 2, 1), seL4_NotEnoughMemory);
    ASSERT_MR(0, 0);
    /* An untyped as large as its parent does not fit into a used parent. */
    seL4_CPtr ut2 = test_alloc_untyped(env, 13);
    ASSERT_OK(retype(env, ut2, seL4_EndpointObject, 0, s + 3, 1));
    ASSERT_ERR(retype(env, ut2, seL4_UntypedObject, 13, test_alloc_slot(env), 1),
               seL4_NotEnoughMemory);
    ASSERT_MR(0, (1UL << 13) - 16);
}

TEST(UNTYPED0004, "num_objects outside [1, 256]: RangeError(1, 256); 256 at once works")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr sub = test_alloc_object(env, seL4_CapTableObject, 9);
    ASSERT_RANGE(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 0, 0), 1, 256);
    ASSERT_RANGE(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 0, 257), 1, 256);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 0, 256));
    ASSERT_ERR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 256, 1),
               seL4_NotEnoughMemory);
    ASSERT_MR(0, 0);
    /* The objects really are in sub's slots: moving one out gives an endpoint. */
    seL4_CPtr out = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Move(env->cnode, out, env->depth, sub, 255, 9));
    ASSERT_EQ(tag(out), seL4_CapTag_Endpoint);
}

TEST(UNTYPED0005, "destination offset and window: RangeError(0, slots-1), RangeError(1, left)")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr sub = test_alloc_object(env, seL4_CapTableObject, 4);
    ASSERT_RANGE(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 16, 1), 0, 15);
    ASSERT_RANGE(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 15, 2), 1, 1);
    ASSERT_RANGE(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 4, 13), 1, 12);
    /* Fan-out is checked before the window. */
    ASSERT_ERR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 15, 300),
               seL4_RangeError);
    ASSERT_MR(1, 256);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, sub, 0, 0, 4, 12));
    /* In the root CNode: the offset is a slot number below 2^initThreadCNodeSizeBits. */
    seL4_Word slots_in_root = 1UL << env->bi->initThreadCNodeSizeBits;
    ASSERT_RANGE(retype(env, ut, seL4_EndpointObject, 0, slots_in_root, 1), 0, slots_in_root - 1);
}

TEST(UNTYPED0006, "an occupied destination slot anywhere in the window: DeleteFirst")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr s = slots(env, 3);
    ASSERT_OK(retype(env, ut, seL4_NotificationObject, 0, s + 1, 1));
    ASSERT_ERR(retype(env, ut, seL4_EndpointObject, 0, s, 3), seL4_DeleteFirst);
    ASSERT_ERR(retype(env, ut, seL4_EndpointObject, 0, s + 1, 1), seL4_DeleteFirst);
    ASSERT_EQ(tag(s), seL4_CapTag_Null);
    ASSERT_EQ(tag(s + 2), seL4_CapTag_Null);
    /* Occupied slots are found before memory runs out. */
    ASSERT_ERR(retype(env, ut, seL4_TCBObject, 0, s, 3), seL4_DeleteFirst);
    ASSERT_ERR(retype(env, ut, seL4_UntypedObject, 13, s + 1, 1), seL4_DeleteFirst);
}

TEST(UNTYPED0007, "short message or no root cap: TruncatedMessage; other labels: IllegalOperation")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr s = test_alloc_slot(env);
    seL4_Word mrs[6] = {seL4_EndpointObject, 0, 0, 0, s, 1};
    seL4_CPtr root[1] = {env->cnode};
    ASSERT_ERR(raw_invoke(ut, UntypedRetype, 5, mrs, 1, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(ut, UntypedRetype, 6, mrs, 0, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(ut, CNodeCopy, 6, mrs, 1, root), seL4_IllegalOperation);
    ASSERT_ERR(raw_invoke(ut, 0, 6, mrs, 1, root), seL4_IllegalOperation);
    ASSERT_EQ(tag(s), seL4_CapTag_Null);
    ASSERT_ERR(raw_invoke(ut, UntypedRetype, 6, mrs, 1, root), seL4_NoError);
    ASSERT_EQ(tag(s), seL4_CapTag_Endpoint);
}

TEST(UNTYPED0008, "bad type and sizes: InvalidArgument(0), RangeError(0, 47), InvalidArgument(1)")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr s = test_alloc_slot(env);
    /* Unknown types, including the VCPU number when there is no hypervisor support. */
    seL4_Word bad_types[] = {seL4_ObjectTypeCount, seL4_ObjectTypeCount + 1, 0xfffe, 0xffff, ~0UL};
    for (unsigned i = 0; i < 5; i++) {
        ASSERT_ERR(retype(env, ut, bad_types[i], 0, s, 1), seL4_InvalidArgument);
        ASSERT_MR(0, 0);
    }
    /* The type is checked first: a bad type with a bad size is still InvalidArgument(0). */
    ASSERT_ERR(retype(env, ut, seL4_ObjectTypeCount, 64, s, 1), seL4_InvalidArgument);
    ASSERT_MR(0, 0);
    /* size_bits of 64 or more, or an object above 2^47 bytes. */
    struct {
        seL4_Word type, bits;
    } too_big[] = {
        {seL4_UntypedObject, 48},  {seL4_UntypedObject, 64},   {seL4_EndpointObject, 64},
        {seL4_CapTableObject, 43}, {seL4_UntypedObject, ~0UL}, {seL4_TCBObject, 1000},
    };
    for (unsigned i = 0; i < 6; i++) {
        ASSERT_RANGE(retype(env, ut, too_big[i].type, too_big[i].bits, s, 1), 0,
                     seL4_MaxUntypedBits);
    }
    /* A CNode of one slot, an untyped below 16 bytes: argument 1 (size_bits). */
    ASSERT_ERR(retype(env, ut, seL4_CapTableObject, 0, s, 1), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    ASSERT_ERR(retype(env, ut, seL4_UntypedObject, seL4_MinUntypedBits - 1, s, 1),
               seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    ASSERT_ERR(retype(env, ut, seL4_UntypedObject, 0, s, 1), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    /* Size errors come before destination errors. */
    ASSERT_ERR(retype(env, ut, seL4_UntypedObject, 0, 1UL << 40, 0), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    ASSERT_EQ(tag(s), seL4_CapTag_Null);
    ASSERT_EQ(bytes_free(env, ut, 12), PAGE); /* nothing was taken */
}

TEST(UNTYPED0009, "destination CNode lookup: FailedLookup and RangeError as for CNode operands")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr sub = test_alloc_object(env, seL4_CapTableObject, 2);
    /* node_depth != 0: node_index is looked up in root; a non-CNode there is
     * FailedLookup(dest, MissingCapability, bitsLeft = node_depth). */
    ASSERT_ERR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, env->cnode, ep, env->depth, 0, 1),
               seL4_FailedLookup);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, seL4_MissingCapability);
    ASSERT_MR(2, env->depth);
    /* Depth beyond 64. */
    ASSERT_RANGE(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, env->cnode, sub, 65, 0, 1), 1,
                 seL4_WordBits);
    /* Guard mismatch in the root CNode. */
    ASSERT_ERR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, env->cnode, 1UL << 62 | sub,
                                   env->depth, 0, 1),
               seL4_FailedLookup);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, seL4_GuardMismatch);
    ASSERT_MR(2, seL4_WordBits);
    /* node_depth 0 with a root that is no CNode: FailedLookup(MissingCapability, 0). */
    ASSERT_ERR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ep, 0, 0, 0, 1), seL4_FailedLookup);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, seL4_MissingCapability);
    ASSERT_MR(2, 0);
    /* node_depth != 0 with a root that is no CNode: InvalidRoot. */
    ASSERT_ERR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ep, 0, 4, 0, 1), seL4_FailedLookup);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, seL4_InvalidRoot);
    /* The accepted form: sub looked up at depth 64 in the root CNode. */
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, env->cnode, sub, env->depth, 3, 1));
    seL4_CPtr out = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Move(env->cnode, out, env->depth, sub, 3, 2));
    ASSERT_EQ(tag(out), seL4_CapTag_Endpoint);
}

/* A device untyped of at least 2^bits bytes from BootInfo, or seL4_CapNull. */
static seL4_CPtr device_untyped(const seL4_BootInfo *bi, unsigned bits)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (d->isDevice && d->sizeBits >= bits && d->paddr >= 0x10000000UL)
            return s;
    }
    return seL4_CapNull;
}

TEST(UNTYPED0010, "device untyped: frames and untypeds only, else InvalidArgument(1)")
{
    seL4_CPtr dev = device_untyped(env->bi, 21);
    ASSERT_NE(dev, seL4_CapNull);
    seL4_CPtr s = slots(env, 3);
    static const seL4_Word kernel_types[] = {seL4_TCBObject,           seL4_EndpointObject,
                                             seL4_NotificationObject,  seL4_CapTableObject,
                                             seL4_ARM_PageTableObject, seL4_ARM_VSpaceObject};
    for (unsigned i = 0; i < 6; i++) {
        ASSERT_ERR(retype(env, dev, kernel_types[i], 4, s, 1), seL4_InvalidArgument);
        ASSERT_MR(0, 1);
    }
    /* A device child untyped is device memory too. The memory check comes first. */
    ASSERT_OK(retype(env, dev, seL4_UntypedObject, 12, s, 1));
    ASSERT_ERR(retype(env, s, seL4_EndpointObject, 0, s + 1, 1), seL4_InvalidArgument);
    ASSERT_MR(0, 1);
    ASSERT_ERR(retype(env, s, seL4_TCBObject, 0, s + 1, 3), seL4_NotEnoughMemory);
    ASSERT_OK(retype(env, s, seL4_ARM_SmallPageObject, 0, s + 1, 1));
    ASSERT_EQ(tag(s + 1), seL4_CapTag_Frame);
    ASSERT_OK(retype(env, dev, seL4_ARM_LargePageObject, 0, s + 2, 1));
    ASSERT_EQ(tag(s + 2), seL4_CapTag_Frame);
    /* Give the BootInfo untyped back its memory: no children left after the revoke. */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, dev, env->depth));
    ASSERT_EQ(tag(s), seL4_CapTag_Null);
}

TEST(UNTYPED0011, "after a revoke (or deleting every child) retype starts again at offset 0")
{
    seL4_CPtr ut = test_alloc_untyped(env, 13);
    seL4_CPtr f = slots(env, 2);
    ASSERT_OK(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 2));
    seL4_Word first = paddr_of(f);
    ASSERT_EQ(bytes_free(env, ut, 13), 0);
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ut, env->depth));
    ASSERT_EQ(tag(f), seL4_CapTag_Null);
    ASSERT_EQ(tag(f + 1), seL4_CapTag_Null);
    ASSERT_OK(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 2));
    ASSERT_EQ(paddr_of(f), first);
    ASSERT_EQ(paddr_of(f + 1), first + PAGE);
    /* Deleting the children one by one has the same effect once the last one is gone. */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, f, env->depth));
    ASSERT_ERR(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 1), seL4_NotEnoughMemory);
    ASSERT_MR(0, 0);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, f + 1, env->depth));
    ASSERT_OK(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 1));
    ASSERT_EQ(paddr_of(f), first);
    /* A copy of a frame still counts as a child of the untyped. */
    seL4_CPtr c = test_alloc_slot(env);
    ASSERT_OK(
        seL4_CNode_Copy(env->cnode, c, env->depth, env->cnode, f, env->depth, seL4_AllRights));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, f, env->depth));
    ASSERT_OK(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 1));
    ASSERT_EQ(paddr_of(f), first + PAGE);
}

/* Map frame at ZERO_VA in the root VSpace (adding the three tables), return the address. */
static volatile seL4_Word *map_at_zero_va(struct test_env *env, seL4_CPtr frame, bool tables)
{
    if (tables) {
        add_tables(env, VS, ZERO_VA, 3);
    }
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, ZERO_VA, seL4_ReadWrite, ATTRS));
    return (volatile seL4_Word *)ZERO_VA;
}

static void assert_page_zero(volatile seL4_Word *p)
{
    for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
        if (p[i] != 0)
            test_fail(__FILE__, __LINE__, "word %u of the new frame is 0x%lx", i,
                      (unsigned long)p[i]);
}

TEST(UNTYPED0012, "new objects are zeroed, also when an untyped's memory is used again")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr f = test_alloc_slot(env);
    ASSERT_OK(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 1));
    volatile seL4_Word *p = map_at_zero_va(env, f, true);
    assert_page_zero(p);
    for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
        p[i] = 0xa5a5a5a5a5a5a5a5UL ^ i;
    ASSERT_EQ(p[7], 0xa5a5a5a5a5a5a5a5UL ^ 7);
    ASSERT_OK(seL4_ARM_Page_Unmap(f));
    /* Delete the frame: the untyped has no children, so the next retype clears it. */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, f, env->depth));
    ASSERT_OK(retype(env, ut, seL4_ARM_SmallPageObject, 0, f, 1));
    p = map_at_zero_va(env, f, false);
    assert_page_zero(p);
    /* The same memory as a CNode: every slot empty. */
    for (unsigned i = 0; i < 16; i++)
        p[i] = ~0UL;
    ASSERT_OK(seL4_ARM_Page_Unmap(f));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, f, env->depth));
    seL4_CPtr cn = test_alloc_slot(env), out = test_alloc_slot(env);
    ASSERT_OK(retype(env, ut, seL4_CapTableObject, 7, cn, 1));
    ASSERT_ERR(seL4_CNode_Move(env->cnode, out, env->depth, cn, 0, 7), seL4_FailedLookup);
    ASSERT_MR(1, seL4_MissingCapability);
}

TEST(UNTYPED0013, "the runtime's cairn_retype and object sizes agree with the kernel")
{
    static const seL4_Word types[] = {seL4_TCBObject,           seL4_EndpointObject,
                                      seL4_NotificationObject,  seL4_ARM_SmallPageObject,
                                      seL4_ARM_PageTableObject, seL4_ARM_VSpaceObject};
    static const seL4_Word bits[] = {seL4_TCBBits,  seL4_EndpointBits,  seL4_NotificationBits,
                                     seL4_PageBits, seL4_PageTableBits, seL4_VSpaceBits};
    for (unsigned i = 0; i < 6; i++) {
        ASSERT_EQ(cairn_object_size_bits(types[i], 0), bits[i]);
        /* Exactly one object of that size fits an untyped of that size. */
        seL4_CPtr ut = test_alloc_untyped(env, bits[i] < 4 ? 4 : bits[i]);
        seL4_CPtr s = slots(env, 2);
        ASSERT_OK(retype(env, ut, types[i], 0, s, 1));
        ASSERT_ERR(retype(env, ut, types[i], 0, s + 1, 1), seL4_NotEnoughMemory);
    }
    ASSERT_EQ(cairn_object_size_bits(seL4_CapTableObject, 3), 3 + seL4_SlotBits);
    ASSERT_EQ(cairn_object_size_bits(seL4_UntypedObject, 17), 17);
#ifdef CONFIG_KERNEL_MCS
    ASSERT_EQ(cairn_object_size_bits(seL4_ReplyObject, 0), seL4_ReplyBits);
    ASSERT_EQ(cairn_object_size_bits(seL4_SchedContextObject, 9), 9);
#endif
    ASSERT_EQ(cairn_cap_type_name(seL4_CapTag_Notification)[0], 'n');
}
