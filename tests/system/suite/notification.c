// SPDX-License-Identifier: BSD-2-Clause
// NTFN tests: notification Signal, Wait and Poll on the root task's own thread, badges
// (OR-ed into the word, cleared by the receive), and the rights rules: a signal needs the
// write right, and a refused signal through seL4_Call reports InvalidCapability(0). Waiting
// on a cap without the read right is a cap fault, so it is not tested here (it would stop
// the suite); the kernel-objects chapter's 3.F expect file covers the refused Signal.

#include <sel4/sel4.h>

#include "invoke.h"
#include "test.h"

TEST(NTFN0001, "Signal then Wait returns at once; Poll with nothing pending returns 0")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    ASSERT_EQ(test_polled(ntfn), 0);
    seL4_CPtr b = test_mint(env, ntfn, seL4_AllRights, 0x1337);
    seL4_Signal(b);
    ASSERT_EQ(test_waited(ntfn), 0x1337);
    /* The receive cleared the word. */
    ASSERT_EQ(test_polled(ntfn), 0);
}

TEST(NTFN0002, "badges of several signals are OR-ed together until the next receive")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr a = test_mint(env, ntfn, seL4_AllRights, 0x1);
    seL4_CPtr b = test_mint(env, ntfn, seL4_AllRights, 0x4);
    seL4_CPtr c = test_mint(env, ntfn, seL4_AllRights, 0x104);
    seL4_Signal(a);
    seL4_Signal(b);
    seL4_Signal(b);
    seL4_Signal(c);
    ASSERT_EQ(test_polled(ntfn), 0x105);
    /* Poll and Wait through a badged cap with read rights receive the same word. */
    seL4_Signal(a);
    ASSERT_EQ(test_waited(b), 0x1);
}

TEST(NTFN0003, "a signal needs the write right: read-only and no-rights copies are refused")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr ro = test_mint(env, ntfn, seL4_CanRead, 0x10);
    seL4_CPtr none = test_mint(env, ntfn, seL4_NoRights, 0x20);
    seL4_CPtr wo = test_mint(env, ntfn, seL4_CapRights_new(0, 0, 0, 1), 0x40);

    /* seL4_Signal reports nothing; seL4_Call shows the refusal. */
    seL4_Signal(ro);
    seL4_Signal(none);
    ASSERT_EQ(test_polled(ntfn), 0);
    ASSERT_ERR(raw_invoke(ro, 0, 0, NULL, 0, NULL), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
    ASSERT_ERR(raw_invoke(none, 0, 0, NULL, 0, NULL), seL4_InvalidCapability);
    ASSERT_MR(0, 0);

    /* Write alone is enough; any label signals. */
    seL4_Signal(wo);
    ASSERT_EQ(test_polled(ntfn), 0x40);
    ASSERT_ERR(raw_invoke(wo, CNodeCopy, 3, (seL4_Word[]){1, 2, 3}, 0, NULL), seL4_NoError);
    ASSERT_EQ(test_polled(ntfn), 0x40);
}

TEST(NTFN0004, "Copy masks notification rights; a copy of a badged cap keeps its badge")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr b = test_mint(env, ntfn, seL4_AllRights, 0x8);
    seL4_CPtr c = test_alloc_slot(env), ro = test_alloc_slot(env);
    ASSERT_OK(
        seL4_CNode_Copy(env->cnode, c, env->depth, env->cnode, b, env->depth, seL4_AllRights));
    ASSERT_OK(seL4_CNode_Copy(env->cnode, ro, env->depth, env->cnode, c, env->depth, seL4_CanRead));
    seL4_Signal(c);
    ASSERT_EQ(test_polled(ntfn), 0x8);
    /* Rights only shrink: a copy of the read-only cap asking for all rights is read-only. */
    seL4_CPtr again = test_alloc_slot(env);
    ASSERT_OK(
        seL4_CNode_Copy(env->cnode, again, env->depth, env->cnode, ro, env->depth, seL4_AllRights));
    ASSERT_ERR(raw_invoke(again, 0, 0, NULL, 0, NULL), seL4_InvalidCapability);
}

TEST(NTFN0005, "a pending signal survives until received; deleting the object ends it")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr b = test_mint(env, ntfn, seL4_AllRights, 0x2);
    seL4_Signal(b);
    /* Revoking the original deletes the badged copy; the object and its word remain. */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ntfn, env->depth));
    ASSERT_EQ(seL4_DebugCapIdentify(b), seL4_CapTag_Null);
    ASSERT_EQ(test_polled(ntfn), 0x2);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, ntfn, env->depth));
    ASSERT_ERR(raw_invoke(ntfn, 0, 0, NULL, 0, NULL), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}
