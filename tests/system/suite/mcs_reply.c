// SPDX-License-Identifier: BSD-2-Clause
// MCS tests of receives and Reply objects at their edges (built only with make MCS=1;
// tests/system/build.mk): a receive whose x6 names no Reply cap, and a caller deleted while
// it waits for its reply, with and without a lent scheduling context (docs/design/abi.md
// §0.1; seL4's lookupReply and reply_remove_tcb).

#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define PRIO 255
#define FAULT_BADGE 0xfa

/* Child: Recv on arg[0] naming arg[1] in x6 (arg[2] = 1: NBRecv, 2: ReplyRecv); if it
 * returns, the badge goes to out[0]. */
static void recv_bad_reply(struct test_thread *self)
{
    seL4_Word badge = 0;
    if (self->arg[2] == 1)
        seL4_NBRecv(self->arg[0], &badge, self->arg[1]);
    else if (self->arg[2] == 2)
        seL4_ReplyRecv(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 0), &badge, self->arg[1]);
    else
        seL4_Recv(self->arg[0], &badge, self->arg[1]);
    self->out[0] = badge;
}

TEST(MCS0016, "Recv, NBRecv, ReplyRecv whose x6 names no Reply cap: a receive-phase CapFault on "
              "x6; a Recv on a notification does not look at x6")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr fep = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, fep, env->depth, env->cnode, ep, env->depth,
                              seL4_AllRights, FAULT_BADGE));
    seL4_CPtr server_ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr empty = test_alloc_slot(env);
    /* An endpoint cap and an empty slot resolve, but to no Reply cap: MissingCapability with
     * 0 bits left (seL4 leaves the lookup failure it recorded last; see
     * docs/design/abi-deviations.md). A CPtr with a bit above the root CNode's radix (its
     * guard is 0) does not resolve: that lookup's own failure, GuardMismatch. */
    const seL4_CPtr bad = (seL4_CPtr)1 << 60;
    /* NBRecv looks x6 up as Recv does; ReplyRecv first invokes x6 as its reply (an empty
     * slot: an error nobody receives), then looks it up for the receive. */
    const struct {
        seL4_CPtr x6;
        seL4_Word call, type, bits_left;
    } cases[] = {
        {server_ep, 0, seL4_MissingCapability, 0},   {empty, 0, seL4_MissingCapability, 0},
        {bad, 0, seL4_GuardMismatch, seL4_WordBits}, {empty, 1, seL4_MissingCapability, 0},
        {empty, 2, seL4_MissingCapability, 0},
    };
    for (int i = 0; i < 5; i++) {
        struct test_thread *t =
            test_thread_create(env, i % TEST_THREADS, fep, PRIO, recv_bad_reply);
        t->arg[0] = server_ep;
        t->arg[1] = cases[i].x6;
        t->arg[2] = cases[i].call;
        test_thread_resume(env, t);
        seL4_Word badge = 0;
        seL4_MessageInfo_t info = test_recv(ep, &badge);
        ASSERT_EQ(badge, FAULT_BADGE);
        ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_CapFault);
        ASSERT_MR(seL4_CapFault_Addr, cases[i].x6);
        ASSERT_MR(seL4_CapFault_InRecvPhase, 1);
        ASSERT_MR(seL4_CapFault_LookupFailureType, cases[i].type);
        ASSERT_MR(seL4_CapFault_BitsLeft, cases[i].bits_left);
        if (cases[i].type == seL4_GuardMismatch) { /* the CNode's guard, as seL4 reports it */
            ASSERT_MR(seL4_CapFault_GuardMismatch_GuardFound, 0);
            ASSERT_MR(seL4_CapFault_GuardMismatch_BitsFound,
                      seL4_WordBits - env->bi->initThreadCNodeSizeBits);
        }
        ASSERT_EQ(t->out[0], 0);
        ASSERT_OK(seL4_TCB_Suspend(t->tcb));
    }

    /* On a notification the receive takes no Reply object: x6 is not looked at. */
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr signaller = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, signaller, env->depth, env->cnode, ntfn, env->depth,
                              seL4_AllRights, 0x5));
    struct test_thread *t = test_thread_create(env, 0, fep, PRIO, recv_bad_reply);
    t->arg[0] = ntfn;
    t->arg[1] = server_ep;
    test_thread_resume(env, t);
    test_yield(); /* it waits on the notification */
    seL4_Signal(signaller);
    test_yield();
    ASSERT_EQ(t->out[0], 0x5);
    ASSERT_EQ(t->done, 1);
}

/* Child client: one Call on arg[0]; out[0] = 1 if it ever returns. */
static void one_call(struct test_thread *self)
{
    seL4_SetMR(0, 1);
    seL4_Call(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1));
    self->out[0] = 1;
}

TEST(MCS0017, "Deleting a caller that waits for its reply unlinks the Reply object: a Send on it "
              "does nothing, and it serves the next call")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, one_call);
    a->arg[0] = ep;
    test_thread_resume(env, a);
    seL4_Word badge;
    seL4_Recv(ep, &badge, reply);
    ASSERT_MR(0, 1);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, a->tcb, env->depth)); /* the caller goes */
    seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 0));           /* links nobody now */

    struct test_thread *b = test_thread_create(env, 1, 0, PRIO, one_call);
    b->arg[0] = ep;
    test_thread_resume(env, b);
    seL4_Recv(ep, &badge, reply);
    ASSERT_MR(0, 1);
    seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 0));
    test_yield();
    ASSERT_EQ(b->out[0], 1);
    ASSERT_EQ(b->done, 1);
}

/* Child server: Recv on arg[0] with Reply cap arg[1]; out[0] = 1; wait on notification
 * arg[2]; out[1] = 1; then answer by a Send on the Reply cap (linking nobody by then). */
static void server_then_wait(struct test_thread *self)
{
    seL4_Word badge;
    seL4_Recv(self->arg[0], &badge, self->arg[1]);
    self->out[0] = 1;
    seL4_Wait(self->arg[2], &badge);
    self->out[1] = 1;
    seL4_Send(self->arg[1], seL4_MessageInfo_new(0, 0, 0, 0));
}

TEST(MCS0018, "Deleting a caller whose context a passive server runs on: the server keeps the "
              "context and runs on")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *s = test_thread_create(env, 0, 0, PRIO, server_then_wait);
    s->arg[0] = ep;
    s->arg[1] = reply;
    s->arg[2] = ntfn;
    test_thread_resume(env, s);
    test_yield();
    ASSERT_OK(seL4_SchedContext_UnbindObject(s->sc, s->tcb)); /* passive */

    struct test_thread *c = test_thread_create(env, 1, 0, PRIO, one_call);
    c->arg[0] = ep;
    test_thread_resume(env, c);
    test_yield();
    ASSERT_EQ(s->out[0], 1); /* the server took the call, on the client's context */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, c->tcb, env->depth));
    /* The context stays with the server (bound to it, so not to be bound again)... */
    seL4_CPtr other = test_alloc_object(env, seL4_TCBObject, 0);
    ASSERT_ERR(seL4_SchedContext_Bind(c->sc, other), seL4_IllegalOperation);
    /* ... and the server runs on it. */
    seL4_Signal(ntfn);
    test_yield();
    ASSERT_EQ(s->out[1], 1);
    ASSERT_EQ(s->done, 1);
    ASSERT_OK(seL4_SchedContext_UnbindObject(c->sc, s->tcb));
}
