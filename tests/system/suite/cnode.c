// SPDX-License-Identifier: BSD-2-Clause
// CNODE tests: the CNode invocations (Copy, Mint, Move, Mutate, Rotate, Delete, Revoke,
// SaveCaller, CancelBadgedSends) on the root CNode and on small CNodes the test retypes.
// One accepted call, then one call per rejection in seL4's check order (decodeCNodeInvocation,
// lookupSlotForCNodeOp, resolveAddressBits; docs/design/abi.md §3.4, §5, §9), each with
// the exact error and its message registers.

#include <sel4/sel4.h>

#include "invoke.h"
#include "test.h"

#define ROOT_BITS CONFIG_ROOT_CNODE_SIZE_BITS
#define ROOT_GUARD_BITS (seL4_WordBits - ROOT_BITS)

/* Failed-lookup reply words: MR0 source?, MR1 failure type, MR2.. details (§3.4). */
#define ASSERT_LOOKUP_MISSING(source, bits_left)                                                   \
    do {                                                                                           \
        ASSERT_MR(0, source);                                                                      \
        ASSERT_MR(1, seL4_MissingCapability);                                                      \
        ASSERT_MR(2, bits_left);                                                                   \
    } while (0)
#define ASSERT_LOOKUP_DEPTH(source, bits_left, bits_found)                                         \
    do {                                                                                           \
        ASSERT_MR(0, source);                                                                      \
        ASSERT_MR(1, seL4_DepthMismatch);                                                          \
        ASSERT_MR(2, bits_left);                                                                   \
        ASSERT_MR(3, bits_found);                                                                  \
    } while (0)
#define ASSERT_LOOKUP_GUARD(source, bits_left, guard_found, bits_found)                            \
    do {                                                                                           \
        ASSERT_MR(0, source);                                                                      \
        ASSERT_MR(1, seL4_GuardMismatch);                                                          \
        ASSERT_MR(2, bits_left);                                                                   \
        ASSERT_MR(3, guard_found);                                                                 \
        ASSERT_MR(4, bits_found);                                                                  \
    } while (0)

static seL4_Uint32 tag(seL4_CPtr slot)
{
    return seL4_DebugCapIdentify(slot);
}

/* Shorthands for root-CNode slot operands. */
static seL4_Error copy(struct test_env *env, seL4_CPtr dest, seL4_CPtr src, seL4_CapRights_t r)
{
    return seL4_CNode_Copy(env->cnode, dest, env->depth, env->cnode, src, env->depth, r);
}

static seL4_Error mint(struct test_env *env, seL4_CPtr dest, seL4_CPtr src, seL4_CapRights_t r,
                       seL4_Word badge)
{
    return seL4_CNode_Mint(env->cnode, dest, env->depth, env->cnode, src, env->depth, r, badge);
}

static seL4_Error move(struct test_env *env, seL4_CPtr dest, seL4_CPtr src)
{
    return seL4_CNode_Move(env->cnode, dest, env->depth, env->cnode, src, env->depth);
}

static seL4_Error mutate(struct test_env *env, seL4_CPtr dest, seL4_CPtr src, seL4_Word data)
{
    return seL4_CNode_Mutate(env->cnode, dest, env->depth, env->cnode, src, env->depth, data);
}

TEST(CNODE0001, "Copy makes a second cap to the same object; the source stays")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr dest = test_alloc_slot(env);
    ASSERT_EQ(tag(dest), seL4_CapTag_Null);
    ASSERT_OK(copy(env, dest, ep, seL4_AllRights));
    ASSERT_EQ(tag(dest), seL4_CapTag_Endpoint);
    ASSERT_EQ(tag(ep), seL4_CapTag_Endpoint);

    /* Copies of boot caps work the same way (a frame, the ASID pool, our own TCB). */
    seL4_CPtr boot[] = {seL4_CapInitThreadTCB, seL4_CapInitThreadASIDPool,
                        seL4_CapInitThreadIPCBuffer, seL4_CapDomain};
    seL4_Uint32 tags[] = {seL4_CapTag_TCB, seL4_CapTag_ASIDPool, seL4_CapTag_Frame,
                          seL4_CapTag_Domain};
    for (int i = 0; i < 4; i++) {
        seL4_CPtr s = test_alloc_slot(env);
        ASSERT_OK(copy(env, s, boot[i], seL4_AllRights));
        ASSERT_EQ(tag(s), tags[i]);
    }
}

TEST(CNODE0002, "Copy/Mint/Move/Mutate onto an occupied slot: seL4_DeleteFirst")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    ASSERT_ERR(copy(env, ntfn, ep, seL4_AllRights), seL4_DeleteFirst);
    ASSERT_ERR(mint(env, ntfn, ep, seL4_AllRights, 1), seL4_DeleteFirst);
    ASSERT_ERR(move(env, ntfn, ep), seL4_DeleteFirst);
    ASSERT_ERR(mutate(env, ntfn, ep, 0), seL4_DeleteFirst);
    /* Moving a slot onto itself is the same check (the C tutorial's emptiness probe). */
    ASSERT_ERR(move(env, ep, ep), seL4_DeleteFirst);
    ASSERT_EQ(tag(ntfn), seL4_CapTag_Notification);
    ASSERT_EQ(tag(ep), seL4_CapTag_Endpoint);
}

TEST(CNODE0003, "empty source: seL4_FailedLookup(source, MissingCapability, bitsLeft = depth)")
{
    seL4_CPtr empty = test_alloc_slot(env);
    seL4_CPtr dest = test_alloc_slot(env);
    ASSERT_ERR(copy(env, dest, empty, seL4_AllRights), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(1, seL4_WordBits);
    ASSERT_ERR(mint(env, dest, empty, seL4_AllRights, 0), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(1, seL4_WordBits);
    ASSERT_ERR(move(env, dest, empty), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(1, seL4_WordBits);
    ASSERT_ERR(mutate(env, dest, empty, 0), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(1, seL4_WordBits);
}

TEST(CNODE0004, "depth outside [1, 64] for any slot operand: seL4_RangeError(1, 64)")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr dest = test_alloc_slot(env);
    seL4_Uint8 bad[] = {0, seL4_WordBits + 1, 255};
    for (int i = 0; i < 3; i++) {
        ASSERT_RANGE(
            seL4_CNode_Copy(env->cnode, dest, bad[i], env->cnode, ep, env->depth, seL4_AllRights),
            1, seL4_WordBits);
        ASSERT_RANGE(
            seL4_CNode_Copy(env->cnode, dest, env->depth, env->cnode, ep, bad[i], seL4_AllRights),
            1, seL4_WordBits);
        ASSERT_RANGE(seL4_CNode_Delete(env->cnode, dest, bad[i]), 1, seL4_WordBits);
        ASSERT_RANGE(seL4_CNode_Revoke(env->cnode, ep, bad[i]), 1, seL4_WordBits);
#ifndef CONFIG_KERNEL_MCS /* MCS has no SaveCaller (CNODE0015) */
        ASSERT_RANGE(seL4_CNode_SaveCaller(env->cnode, dest, bad[i]), 1, seL4_WordBits);
#endif
        ASSERT_RANGE(seL4_CNode_CancelBadgedSends(env->cnode, ep, bad[i]), 1, seL4_WordBits);
    }
    ASSERT_EQ(tag(dest), seL4_CapTag_Null);
}

TEST(CNODE0005, "guard mismatch in the root CNode: FailedLookup(GuardMismatch) with its MRs")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr dest = test_alloc_slot(env);

    /* Fewer bits than the root CNode's guard: the guard cannot even be read. */
    ASSERT_ERR(seL4_CNode_Copy(env->cnode, dest, 32, env->cnode, ep, env->depth, seL4_AllRights),
               seL4_FailedLookup);
    ASSERT_LOOKUP_GUARD(0, 32, 0, ROOT_GUARD_BITS);

    /* An index with bits set above the radix: the guard (all zero) does not match. */
    seL4_Word high = (seL4_Word)1 << ROOT_BITS | dest;
    ASSERT_ERR(
        seL4_CNode_Copy(env->cnode, high, env->depth, env->cnode, ep, env->depth, seL4_AllRights),
        seL4_FailedLookup);
    ASSERT_LOOKUP_GUARD(0, seL4_WordBits, 0, ROOT_GUARD_BITS);

    /* The same on the source side reports MR0 = 1. */
    ASSERT_ERR(seL4_CNode_Copy(env->cnode, dest, env->depth, env->cnode, (seL4_Word)1 << 63 | ep,
                               env->depth, seL4_AllRights),
               seL4_FailedLookup);
    ASSERT_LOOKUP_GUARD(1, seL4_WordBits, 0, ROOT_GUARD_BITS);
    ASSERT_EQ(tag(dest), seL4_CapTag_Null);
}

TEST(CNODE0006, "depth mismatch and invalid root: FailedLookup with their MRs")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr dest = test_alloc_slot(env);

    /* Guard matched, but the level needs more bits than remain. */
    ASSERT_ERR(seL4_CNode_Copy(env->cnode, 0, ROOT_GUARD_BITS + 4, env->cnode, ep, env->depth,
                               seL4_AllRights),
               seL4_FailedLookup);
    ASSERT_LOOKUP_DEPTH(0, ROOT_GUARD_BITS + 4, seL4_WordBits);

    /* A 16-slot CNode addressed with 8 bits: 4 resolve to a slot that holds no CNode, 4
     * are left over: DepthMismatch(bitsLeft 4, bitsFound 0). */
    seL4_CPtr sub = test_alloc_object(env, seL4_CapTableObject, 4);
    ASSERT_ERR(seL4_CNode_Copy(sub, 0x21, 8, env->cnode, ep, env->depth, seL4_AllRights),
               seL4_FailedLookup);
    ASSERT_LOOKUP_DEPTH(0, 4, 0);
    ASSERT_ERR(seL4_CNode_Copy(env->cnode, dest, env->depth, sub, 0x21, 8, seL4_AllRights),
               seL4_FailedLookup);
    ASSERT_LOOKUP_DEPTH(1, 4, 0);

    /* A source root that is not a CNode: InvalidRoot, no further words. */
    ASSERT_ERR(seL4_CNode_Copy(env->cnode, dest, env->depth, ep, 0, env->depth, seL4_AllRights),
               seL4_FailedLookup);
    ASSERT_MR(0, 1);
    ASSERT_MR(1, seL4_InvalidRoot);
    /* ... and an empty one. */
    seL4_CPtr empty = test_alloc_slot(env);
    ASSERT_ERR(seL4_CNode_Move(env->cnode, dest, env->depth, empty, 0, env->depth),
               seL4_FailedLookup);
    ASSERT_MR(0, 1);
    ASSERT_MR(1, seL4_InvalidRoot);
    ASSERT_EQ(tag(dest), seL4_CapTag_Null);
}

TEST(CNODE0007, "two-level and guarded addressing through CNodes the test made")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr outer = test_alloc_object(env, seL4_CapTableObject, 4);
    seL4_CPtr inner = test_alloc_object(env, seL4_CapTableObject, 4);
    seL4_CPtr back = test_alloc_slot(env);

    /* outer[1] = inner; then outer:0x13/8 is inner[3]. */
    ASSERT_OK(seL4_CNode_Copy(outer, 1, 4, env->cnode, inner, env->depth, seL4_AllRights));
    ASSERT_OK(seL4_CNode_Copy(outer, 0x13, 8, env->cnode, ep, env->depth, seL4_AllRights));
    ASSERT_ERR(seL4_CNode_Copy(inner, 3, 4, env->cnode, ep, env->depth, seL4_AllRights),
               seL4_DeleteFirst);
    ASSERT_OK(seL4_CNode_Move(env->cnode, back, env->depth, inner, 3, 4));
    ASSERT_EQ(tag(back), seL4_CapTag_Endpoint);

    /* A copy of inner with guard 0x5 of 4 bits: 8 bits per lookup, guard first. */
    seL4_CPtr guarded = test_alloc_slot(env);
    seL4_Word data = 0x5 << 6 | 4; /* seL4_CNode_CapData: guard << 6 | guard size */
    ASSERT_OK(mint(env, guarded, inner, seL4_AllRights, data));
    ASSERT_OK(seL4_CNode_Move(guarded, 0x52, 8, env->cnode, back, env->depth));
    ASSERT_EQ(tag(back), seL4_CapTag_Null);
    ASSERT_ERR(seL4_CNode_Move(env->cnode, back, env->depth, guarded, 0x62, 8), seL4_FailedLookup);
    ASSERT_LOOKUP_GUARD(1, 8, 0x5, 4);
    ASSERT_ERR(seL4_CNode_Move(env->cnode, back, env->depth, guarded, 0x5, 4), seL4_FailedLookup);
    ASSERT_LOOKUP_DEPTH(1, 4, 8);
    ASSERT_OK(seL4_CNode_Move(env->cnode, back, env->depth, inner, 2, 4));
    ASSERT_EQ(tag(back), seL4_CapTag_Endpoint);
}

TEST(CNODE0008, "Mint badges an unbadged endpoint or notification once; Mutate cannot badge")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr b1 = test_alloc_slot(env), b2 = test_alloc_slot(env), b3 = test_alloc_slot(env);

    ASSERT_OK(mint(env, b1, ep, seL4_AllRights, 0x1337));
    ASSERT_EQ(tag(b1), seL4_CapTag_Endpoint);
    /* Badging a badged cap (with any badge, even 0): the new cap would be invalid. */
    ASSERT_ERR(mint(env, b2, b1, seL4_AllRights, 0x42), seL4_IllegalOperation);
    ASSERT_ERR(mint(env, b2, b1, seL4_AllRights, 0), seL4_IllegalOperation);
    /* Copy of a badged cap keeps the badge and is fine. */
    ASSERT_OK(copy(env, b2, b1, seL4_AllRights));
    /* Mutate (and Rotate) preserve badges: endpoints and notifications are refused. */
    ASSERT_ERR(mutate(env, b3, ep, 0), seL4_IllegalOperation);
    ASSERT_ERR(mutate(env, b3, ntfn, 7), seL4_IllegalOperation);
    ASSERT_EQ(tag(ep), seL4_CapTag_Endpoint);
    ASSERT_EQ(tag(b3), seL4_CapTag_Null);
    ASSERT_OK(mint(env, b3, ntfn, seL4_AllRights, 0x1));
    ASSERT_EQ(tag(b3), seL4_CapTag_Notification);

    /* Other cap types ignore the badge word. */
    seL4_CPtr ut = test_alloc_untyped(env, 12), ut2 = test_alloc_slot(env);
    ASSERT_OK(mint(env, ut2, ut, seL4_AllRights, 0xdead));
    ASSERT_EQ(tag(ut2), seL4_CapTag_Untyped);
}

TEST(CNODE0009, "Mint/Mutate of a CNode cap: guard size + radix above 64 is IllegalOperation")
{
    seL4_CPtr sub = test_alloc_object(env, seL4_CapTableObject, 4);
    seL4_CPtr a = test_alloc_slot(env), b = test_alloc_slot(env);
    ASSERT_ERR(mint(env, a, sub, seL4_AllRights, 61), seL4_IllegalOperation);
    ASSERT_EQ(tag(a), seL4_CapTag_Null);
    ASSERT_OK(mint(env, a, sub, seL4_AllRights, 60));
    ASSERT_EQ(tag(a), seL4_CapTag_CNode);
    ASSERT_ERR(mutate(env, b, a, 63), seL4_IllegalOperation);
    ASSERT_EQ(tag(a), seL4_CapTag_CNode);
    ASSERT_OK(mutate(env, b, a, 0));
    ASSERT_EQ(tag(a), seL4_CapTag_Null);
    ASSERT_EQ(tag(b), seL4_CapTag_CNode);
}

TEST(CNODE0010, "Move and Mutate move the cap: the source slot is empty afterwards")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr a = test_alloc_slot(env), b = test_alloc_slot(env);
    ASSERT_OK(move(env, a, ep));
    ASSERT_EQ(tag(ep), seL4_CapTag_Null);
    ASSERT_EQ(tag(a), seL4_CapTag_Endpoint);
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    ASSERT_OK(mutate(env, b, ut, 0x1234)); /* the data word means nothing to an untyped */
    ASSERT_EQ(tag(ut), seL4_CapTag_Null);
    ASSERT_EQ(tag(b), seL4_CapTag_Untyped);
    /* The moved untyped is still the parent of what it makes. */
    seL4_CPtr n = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(b, seL4_NotificationObject, 0, env->cnode, 0, 0, n, 1));
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, b, env->depth));
    ASSERT_EQ(tag(n), seL4_CapTag_Null);
}

TEST(CNODE0011, "Copy of an untyped with children: seL4_RevokeFirst; without children: allowed")
{
    seL4_CPtr ut = test_alloc_untyped(env, 12);
    seL4_CPtr a = test_alloc_slot(env), child = test_alloc_slot(env);
    ASSERT_OK(copy(env, a, ut, seL4_AllRights));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, a, env->depth));
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, env->cnode, 0, 0, child, 1));
    ASSERT_ERR(copy(env, a, ut, seL4_AllRights), seL4_RevokeFirst);
    ASSERT_ERR(mint(env, a, ut, seL4_AllRights, 0), seL4_RevokeFirst);
    ASSERT_EQ(tag(a), seL4_CapTag_Null);
    /* Move is not a derivation: it is allowed. */
    ASSERT_OK(move(env, a, ut));
    ASSERT_EQ(tag(a), seL4_CapTag_Untyped);
}

TEST(CNODE0012, "Rotate: dest <- pivot <- src, and each of its rejections")
{
    seL4_CPtr src = test_alloc_untyped(env, 12);
    seL4_CPtr pivot = test_alloc_object(env, seL4_CapTableObject, 1);
    seL4_CPtr dest = test_alloc_slot(env);
    seL4_CPtr empty = test_alloc_slot(env);
    seL4_CPtr cn = env->cnode;
    seL4_Uint8 d = env->depth;

    /* Pivot the same as source or destination: IllegalOperation. */
    ASSERT_ERR(seL4_CNode_Rotate(cn, dest, d, 0, cn, src, d, 0, cn, src, d), seL4_IllegalOperation);
    ASSERT_ERR(seL4_CNode_Rotate(cn, dest, d, 0, cn, dest, d, 0, cn, src, d),
               seL4_IllegalOperation);
    /* Destination occupied (and not the source): DeleteFirst. */
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    ASSERT_ERR(seL4_CNode_Rotate(cn, ep, d, 0, cn, pivot, d, 0, cn, src, d), seL4_DeleteFirst);
    /* Source empty: FailedLookup(source); pivot empty: FailedLookup(not source). */
    ASSERT_ERR(seL4_CNode_Rotate(cn, dest, d, 0, cn, pivot, d, 0, cn, empty, d), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(1, seL4_WordBits);
    ASSERT_ERR(seL4_CNode_Rotate(cn, dest, d, 0, cn, empty, d, 0, cn, src, d), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(0, seL4_WordBits);
    /* The pivot's depth is checked like any slot operand. */
    ASSERT_RANGE(seL4_CNode_Rotate(cn, dest, d, 0, cn, pivot, 0, 0, cn, src, d), 1, seL4_WordBits);
    /* An endpoint cannot take a data word when moved (badges are preserved). */
    ASSERT_ERR(seL4_CNode_Rotate(cn, dest, d, 0, cn, pivot, d, 0, cn, ep, d),
               seL4_IllegalOperation);
    ASSERT_ERR(seL4_CNode_Rotate(cn, dest, d, 0, cn, ep, d, 0, cn, src, d), seL4_IllegalOperation);

    /* The real thing: dest gets the pivot's cap, the pivot gets the source's. */
    ASSERT_EQ(tag(src), seL4_CapTag_Untyped);
    ASSERT_EQ(tag(pivot), seL4_CapTag_CNode);
    ASSERT_OK(seL4_CNode_Rotate(cn, dest, d, 0, cn, pivot, d, 0, cn, src, d));
    ASSERT_EQ(tag(dest), seL4_CapTag_CNode);
    ASSERT_EQ(tag(pivot), seL4_CapTag_Untyped);
    ASSERT_EQ(tag(src), seL4_CapTag_Null);
    /* src == dest swaps the two. */
    ASSERT_OK(seL4_CNode_Rotate(cn, dest, d, 0, cn, pivot, d, 0, cn, dest, d));
    ASSERT_EQ(tag(dest), seL4_CapTag_Untyped);
    ASSERT_EQ(tag(pivot), seL4_CapTag_CNode);
}

TEST(CNODE0013, "Revoke deletes the copies but keeps the cap; Delete empties the slot")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr a = test_alloc_slot(env), b = test_alloc_slot(env), c = test_alloc_slot(env);
    ASSERT_OK(copy(env, a, ep, seL4_AllRights));
    ASSERT_OK(copy(env, b, a, seL4_AllRights));        /* grandchild */
    ASSERT_OK(mint(env, c, ep, seL4_AllRights, 0x77)); /* badged child */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ep, env->depth));
    ASSERT_EQ(tag(a), seL4_CapTag_Null);
    ASSERT_EQ(tag(b), seL4_CapTag_Null);
    ASSERT_EQ(tag(c), seL4_CapTag_Null);
    ASSERT_EQ(tag(ep), seL4_CapTag_Endpoint);
    /* Revoke and Delete of an empty slot succeed and do nothing. */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, a, env->depth));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, a, env->depth));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, ep, env->depth));
    ASSERT_EQ(tag(ep), seL4_CapTag_Null);
    /* A revoked copy can no longer be invoked: the slot is empty. */
    ASSERT_ERR(seL4_CNode_Copy(a, 0, 1, env->cnode, ep, env->depth, seL4_AllRights),
               seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}

TEST(CNODE0014, "revoking an untyped destroys everything made from it, however copied")
{
    seL4_CPtr ut = test_alloc_untyped(env, 16);
    seL4_CPtr ntfn = test_alloc_slot(env), sub = test_alloc_slot(env);
    seL4_CPtr copy1 = test_alloc_slot(env), moved = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_NotificationObject, 0, env->cnode, 0, 0, ntfn, 1));
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_CapTableObject, 2, env->cnode, 0, 0, sub, 1));
    ASSERT_OK(copy(env, copy1, ntfn, seL4_AllRights));
    ASSERT_OK(seL4_CNode_Copy(sub, 1, 2, env->cnode, ntfn, env->depth, seL4_AllRights));
    ASSERT_OK(mint(env, moved, ntfn, seL4_AllRights, 9));
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ut, env->depth));
    ASSERT_EQ(tag(ntfn), seL4_CapTag_Null);
    ASSERT_EQ(tag(sub), seL4_CapTag_Null);
    ASSERT_EQ(tag(copy1), seL4_CapTag_Null);
    ASSERT_EQ(tag(moved), seL4_CapTag_Null);
    ASSERT_EQ(tag(ut), seL4_CapTag_Untyped);
    /* Invoking what used to be a CNode: the slot is empty now. */
    ASSERT_ERR(seL4_CNode_Delete(sub, 1, 2), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}

#ifdef CONFIG_KERNEL_MCS
TEST(CNODE0015, "MCS has no SaveCaller: the label after CNodeRotate is IllegalOperation on a CNode")
{
    seL4_MessageInfo_t info = seL4_Call(env->cnode, seL4_MessageInfo_new(CNodeRotate + 1, 0, 0, 0));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_IllegalOperation);
    info = seL4_Call(env->cnode, seL4_MessageInfo_new(CNodeRevoke - 1, 0, 0, 0));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_IllegalOperation);
}
#else
TEST(CNODE0015, "SaveCaller: nothing to save is success; an occupied slot is DeleteFirst")
{
    seL4_CPtr dest = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_SaveCaller(env->cnode, dest, env->depth));
    ASSERT_EQ(tag(dest), seL4_CapTag_Null);
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    ASSERT_ERR(seL4_CNode_SaveCaller(env->cnode, ep, env->depth), seL4_DeleteFirst);
    ASSERT_EQ(tag(ep), seL4_CapTag_Endpoint);
}
#endif

TEST(CNODE0016, "CancelBadgedSends needs an endpoint cap with all rights, else IllegalOperation")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = test_alloc_slot(env), ro = test_alloc_slot(env),
              empty = test_alloc_slot(env);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    ASSERT_OK(mint(env, badged, ep, seL4_AllRights, 3));
    ASSERT_OK(copy(env, ro, ep, seL4_CanRead));
    ASSERT_OK(seL4_CNode_CancelBadgedSends(env->cnode, ep, env->depth));
    ASSERT_OK(seL4_CNode_CancelBadgedSends(env->cnode, badged, env->depth));
    ASSERT_ERR(seL4_CNode_CancelBadgedSends(env->cnode, ro, env->depth), seL4_IllegalOperation);
    ASSERT_ERR(seL4_CNode_CancelBadgedSends(env->cnode, ntfn, env->depth), seL4_IllegalOperation);
    ASSERT_ERR(seL4_CNode_CancelBadgedSends(env->cnode, empty, env->depth), seL4_IllegalOperation);
}

TEST(CNODE0017, "labels and message lengths: IllegalOperation and TruncatedMessage, in order")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr dest = test_alloc_slot(env);
    seL4_Word d = env->depth;
    seL4_CPtr root[] = {env->cnode, env->cnode};

    /* A label outside the CNode range. */
    seL4_Word mrs[8] = {dest, d, ep, d, seL4_AllRights.words[0], 0, 0, 0};
    ASSERT_ERR(raw_invoke(env->cnode, UntypedRetype, 6, mrs, 1, root), seL4_IllegalOperation);
    ASSERT_ERR(raw_invoke(env->cnode, 0, 2, mrs, 0, root), seL4_IllegalOperation);
    /* Fewer than 2 words: no index and depth. */
    ASSERT_ERR(raw_invoke(env->cnode, CNodeDelete, 1, mrs, 0, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(env->cnode, CNodeRevoke, 0, mrs, 0, root), seL4_TruncatedMessage);
    /* Copy family: fewer than 4 words, or no source root cap. */
    ASSERT_ERR(raw_invoke(env->cnode, CNodeCopy, 3, mrs, 1, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(env->cnode, CNodeMove, 4, mrs, 0, root), seL4_TruncatedMessage);
    /* Copy without the rights word, Mint without the badge, Mutate without the data. */
    ASSERT_ERR(raw_invoke(env->cnode, CNodeCopy, 4, mrs, 1, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(env->cnode, CNodeMint, 5, mrs, 1, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(env->cnode, CNodeMutate, 4, mrs, 1, root), seL4_TruncatedMessage);
    /* ... but the destination and source are checked before those words are missed. */
    seL4_Word occupied[4] = {ep, d, ep, d};
    ASSERT_ERR(raw_invoke(env->cnode, CNodeCopy, 4, occupied, 1, root), seL4_DeleteFirst);
    seL4_Word from_empty[4] = {dest, d, dest, d};
    ASSERT_ERR(raw_invoke(env->cnode, CNodeMint, 4, from_empty, 1, root), seL4_FailedLookup);
    ASSERT_LOOKUP_MISSING(1, seL4_WordBits);
    /* Rotate: 8 words and two caps. */
    ASSERT_ERR(raw_invoke(env->cnode, CNodeRotate, 7, mrs, 2, root), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(env->cnode, CNodeRotate, 8, mrs, 1, root), seL4_TruncatedMessage);
    /* A move with a well-formed message still works (and proves the words above were
     * read as the stubs send them). */
    ASSERT_ERR(raw_invoke(env->cnode, CNodeMove, 4, mrs, 1, root), seL4_NoError);
    ASSERT_EQ(tag(dest), seL4_CapTag_Endpoint);
}

TEST(CNODE0018, "deleting the last cap to a CNode deletes the caps inside it")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr sub = test_alloc_object(env, seL4_CapTableObject, 3);
    seL4_CPtr watch = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Copy(sub, 5, 3, env->cnode, ep, env->depth, seL4_AllRights));
    /* Deleting sub deletes the copy inside it; ep itself is untouched. */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, sub, env->depth));
    ASSERT_EQ(tag(sub), seL4_CapTag_Null);
    ASSERT_OK(copy(env, watch, ep, seL4_AllRights));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, ep, env->depth));
    ASSERT_EQ(tag(watch), seL4_CapTag_Endpoint); /* the object lives on while a cap is left */
}

TEST(CNODE0019, "a cap to the root CNode works as a root; Copy masks endpoint rights")
{
    seL4_CPtr alias = test_alloc_slot(env), ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ro = test_alloc_slot(env);
    ASSERT_OK(copy(env, alias, seL4_CapInitThreadCNode, seL4_AllRights));
    ASSERT_EQ(tag(alias), seL4_CapTag_CNode);
    ASSERT_OK(seL4_CNode_Copy(alias, ro, env->depth, alias, ep, env->depth, seL4_CanRead));
    /* A send needs the write right: without it the invocation is refused, not delivered. */
    ASSERT_ERR(raw_invoke(ro, 0, 0, NULL, 0, NULL), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}
