// SPDX-License-Identifier: BSD-2-Clause
// FUZZ0001: a seeded flood of random invocations (random labels, lengths, message words and
// extra caps) on caps the test made itself, mixed with controlled operations that widen what
// exists: badged and guarded copies, ASID pools with assigned VSpaces, IRQ handlers, signals,
// and non-blocking sends carrying caps. It asserts nothing about the answers, only that
// the kernel survives them all (the harness fails the run on any panic or fault report) and
// that the root task's own caps are untouched afterwards.
//
// What keeps the flood from legitimately killing the suite itself: the invoked caps are the
// test's own (an untyped, CNodes, notifications, frames, page tables, VSpaces, untypeds
// from the pool); endpoints are never invoked (a Call would block for ever) and TCBs only
// with labels that cannot make them run (a running thread without a VSpace would fault);
// the root CNode, TCB and VSpace are never
// passed as extra caps. CNode operations therefore only ever reach the test's own CNodes,
// and the driver's revoke of the memory pool destroys everything the flood made.
// Reproduce a run with the seed and count it prints: make fuzz SEED=<seed> COUNT=<count>.

#include <stdio.h>

#include <sel4/sel4.h>

#include "invoke.h"
#include "rng.h"
#include "test.h"

#ifndef FUZZ_SEED
#define FUZZ_SEED 0x5eed0f0cafe1e55UL
#endif
#ifdef FUZZ_COUNT
#define FUZZ_CALLS FUZZ_COUNT
#else
#define FUZZ_CALLS 5000
#endif
#define FUZZ_SLOTS 40 /* root-CNode slots the flood owns */

/* A message word biased towards values that get past the first checks. */
static seL4_Word word(void)
{
    static const seL4_Word depths[] = {0, 1, 2, 3, 4, 6, 8, 12, 52, 60, 63, 64, 65, 255};
    switch (pick(6)) {
    case 0:
        return pick(64); /* slot indices, small counts */
    case 1:
        return depths[pick(sizeof depths / sizeof depths[0])];
    case 2:
        return pick(16); /* object types, rights */
    case 3:
        return pick(48); /* size bits */
    case 4:
        return (seL4_Word)1 << pick(64);
    default:
        return rnd();
    }
}

/* TCB invocations that never make the thread runnable (no Resume, no register writes
 * that resume it): the flood's threads stay inactive, so none can fault. */
static const seL4_Word tcb_labels[] = {
    TCBReadRegisters,    TCBConfigure,          TCBSetPriority, TCBSetMCPriority,
    TCBSetSchedParams,   TCBSetIPCBuffer,       TCBSetSpace,    TCBSuspend,
    TCBBindNotification, TCBUnbindNotification, TCBSetTLSBase,  TCBSetFlags,
};

/* Labels worth trying for a cap type; any label is tried a third of the time (a TCB only
 * ever gets one of tcb_labels). */
static seL4_Word label_for(seL4_Uint32 tag)
{
    if (tag == seL4_CapTag_TCB)
        return tcb_labels[pick(sizeof tcb_labels / sizeof tcb_labels[0])];
    if (pick(3) == 0)
        return pick(56);
    return pick_label_for_tag(tag, 56);
}

TEST(FUZZ0001, "thousands of random invocations on the test's own caps never panic the kernel")
{
    rng_state = FUZZ_SEED;
    printf("fuzz: seed %lu, %lu calls (make fuzz SEED=%lu COUNT=%lu repeats it)\n",
           (unsigned long)FUZZ_SEED, (unsigned long)FUZZ_CALLS, (unsigned long)FUZZ_SEED,
           (unsigned long)FUZZ_CALLS);

    /* The flood's slots: a big untyped, and some objects to start from. */
    seL4_CPtr s[FUZZ_SLOTS];
    for (int i = 0; i < FUZZ_SLOTS; i++)
        s[i] = test_alloc_slot(env);
    seL4_CPtr ut = test_alloc_untyped(env, 22);
    static const struct {
        seL4_Word type, bits;
    } seed_objects[] = {
        {seL4_CapTableObject, 6},      {seL4_CapTableObject, 4},     {seL4_CapTableObject, 2},
        {seL4_NotificationObject, 0},  {seL4_NotificationObject, 0}, {seL4_EndpointObject, 0},
        {seL4_UntypedObject, 16},      {seL4_UntypedObject, 12},     {seL4_ARM_SmallPageObject, 0},
        {seL4_ARM_PageTableObject, 0}, {seL4_ARM_VSpaceObject, 0},   {seL4_TCBObject, 0},
#ifdef CONFIG_KERNEL_MCS
        {seL4_SchedContextObject, 8},  {seL4_ReplyObject, 0},
#endif
        {seL4_ARM_LargePageObject, 0},
    };
    for (unsigned i = 0; i < sizeof seed_objects / sizeof seed_objects[0]; i++)
        ASSERT_OK(seL4_Untyped_Retype(ut, seed_objects[i].type, seed_objects[i].bits, env->cnode, 0,
                                      0, s[i], 1));

    unsigned counts[seL4_NumErrors + 1] = {0};
    unsigned skipped = 0;
    for (unsigned long call = 0; call < (unsigned long)FUZZ_CALLS;) {
        seL4_Word mrs[12];
        seL4_CPtr caps[3];

        /* Now and then, a controlled root-CNode operation inside the flood's own slots, so
         * that caps made inside its CNodes come out where they can be invoked. */
        if (pick(10) == 0) {
            call++;
            seL4_CPtr dest = s[pick(FUZZ_SLOTS)];
            seL4_CPtr src = s[pick(FUZZ_SLOTS)];
            seL4_Uint32 src_tag = seL4_DebugCapIdentify(src);
            switch (pick(8)) {
            case 0:
                seL4_CNode_Move(env->cnode, dest, env->depth, s[pick(3)], pick(64),
                                (seL4_Uint8)word());
                break;
            case 1:
                seL4_CNode_Delete(env->cnode, dest, env->depth);
                break;
            case 2:
                /* Only an untyped: the same call on an endpoint would be a blocking send. */
                seL4_Untyped_Retype(pick(2) || src_tag != seL4_CapTag_Untyped ? ut : src, pick(12),
                                    pick(24), env->cnode, 0, 0, dest, 1);
                break;
            case 3:
                /* A copy with a badge or a guard: badged IPC caps, guarded CNodes that the
                 * flood's CNode operations then address through (multi-level lookups). */
                seL4_CNode_Mint(env->cnode, dest, env->depth, env->cnode, src, env->depth,
                                seL4_AllRights, word());
                break;
            case 4:
                /* A new ASID pool and a VSpace given an ASID from it: maps into that VSpace
                 * succeed, and deleting the pool or the VSpace leaves live mappings behind. */
                if (seL4_Untyped_Retype(ut, seL4_UntypedObject, seL4_ASIDPoolBits, env->cnode, 0, 0,
                                        src, 1) == seL4_NoError &&
                    seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, src, env->cnode, dest,
                                                  env->depth) == seL4_NoError)
                    seL4_ARM_ASIDPool_Assign(dest, s[pick(FUZZ_SLOTS)]);
                break;
            case 5:
                /* Signals through (badged) notification caps, maybe bound to a thread (then
                 * only that thread may wait on it: a Poll here would be a cap fault). */
                if (src_tag == seL4_CapTag_Notification)
                    seL4_Signal(src);
                break;
            case 6:
                /* A handler for an SPI no device raises, for the flood to bind, Ack, Clear. */
                seL4_IRQControl_Get(seL4_CapIRQControl, 48 + pick(64), env->cnode, dest,
                                    env->depth);
                break;
            default:
                /* A message with a cap and a badge to an endpoint nobody waits on: NBSend
                 * never blocks, the message is dropped. */
                if (src_tag == seL4_CapTag_Endpoint) {
                    seL4_SetCap(0, s[pick(FUZZ_SLOTS)]);
                    seL4_NBSend(src, seL4_MessageInfo_new(pick(64), 0, 1, pick(4)));
                }
                break;
            }
            continue;
        }

        seL4_CPtr target = pick(8) == 0 ? ut : s[pick(FUZZ_SLOTS)];
        seL4_Uint32 tag = seL4_DebugCapIdentify(target);
        if (tag == seL4_CapTag_Endpoint || tag == seL4_CapTag_Reply) {
            skipped++;
            continue;
        }
        if (tag == seL4_CapTag_Null && pick(10) != 0)
            continue; /* empty slots: one try in ten is plenty */
        call++;
        seL4_Word label = label_for(tag);
        seL4_Word length = pick(4) == 0 ? pick(13) : 2 + pick(7);
        for (int i = 0; i < 12; i++)
            mrs[i] = word();
        seL4_Word ncaps = pick(3);
        for (seL4_Word i = 0; i < ncaps; i++)
            caps[i] = pick(6) == 0 ? ut : s[pick(FUZZ_SLOTS)];
        seL4_Error err = raw_invoke(target, label, length, mrs, ncaps, caps);
        counts[(unsigned)err <= seL4_NumErrors ? (unsigned)err : seL4_NumErrors]++;
    }

    printf("fuzz: %u accepted, %u skipped (endpoint or reply); errors:", counts[0], skipped);
    for (int e = 1; e < seL4_NumErrors; e++)
        printf(" %d:%u", e, counts[e]);
    printf(" other:%u\n", counts[seL4_NumErrors]);

    /* The root task's own caps are where they were. */
    ASSERT_EQ(seL4_DebugCapIdentify(seL4_CapInitThreadTCB), seL4_CapTag_TCB);
    ASSERT_EQ(seL4_DebugCapIdentify(seL4_CapInitThreadCNode), seL4_CapTag_CNode);
    ASSERT_EQ(seL4_DebugCapIdentify(seL4_CapInitThreadVSpace), seL4_CapTag_VSpace);
    ASSERT_EQ(seL4_DebugCapIdentify(seL4_CapASIDControl), seL4_CapTag_ASIDControl);
    /* And the flood's untyped can be emptied and used again. */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ut, env->depth));
    for (int i = 0; i < FUZZ_SLOTS; i++)
        ASSERT_OK(seL4_CNode_Delete(env->cnode, s[i], env->depth));
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_UntypedObject, 22, env->cnode, 0, 0, s[0], 1));
}
