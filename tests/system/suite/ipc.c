// SPDX-License-Identifier: BSD-2-Clause
// IPC tests: endpoint Send/Recv/Call/Reply/ReplyRecv between the root task and child
// threads, message registers beyond the four in registers, badges, cap transfer with and
// without Grant, unwrapping, Call without a reply right, NBSend/NBRecv, and a signal on a
// bound notification (docs/design/abi.md §2.2-2.4, §5.2).

#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define PRIO 255 /* the root task's own priority: children run when it yields or blocks */

/* A copy of cap `src` in a new slot, with `rights` and `badge`. */
static seL4_CPtr mint(struct test_env *env, seL4_CPtr src, seL4_Word rights, seL4_Word badge)
{
    return test_mint(
        env, src, seL4_CapRights_new(rights >> 3 & 1, rights >> 2 & 1, rights >> 1 & 1, rights & 1),
        badge);
}

/* Child: send arg[1] MRs (MRi = 0x100 + i) with label 0x42 on endpoint arg[0]. */
static void sender(struct test_thread *self)
{
    seL4_Word n = self->arg[1];
    for (seL4_Word i = 0; i < n; i++)
        seL4_SetMR((int)i, 0x100 + i);
    seL4_Send(self->arg[0], seL4_MessageInfo_new(0x42, 0, 0, n));
}

TEST(IPC0001, "Send/Recv: badge, label and 10 MRs (4 in registers, 6 in the buffer)")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = mint(env, ep, seL4_AllRights.words[0], 0x77);
    struct test_thread *t = test_thread_run(env, 0, PRIO, sender, badged, 10);

    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(badge, 0x77);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 0x42);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 10);
    ASSERT_EQ(seL4_MessageInfo_get_extraCaps(info), 0);
    for (int i = 0; i < 10; i++)
        ASSERT_MR(i, 0x100 + i);
    test_yield();
    ASSERT_EQ(t->done, 1);
}

/* Child server: receive one Call on arg[0], reply with length+1 MRs, each MR + 1. */
static void echo_server(struct test_thread *self)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = test_recv(self->arg[0], &badge);
    seL4_Word n = seL4_MessageInfo_get_length(info);
    self->out[0] = badge;
    self->out[1] = seL4_MessageInfo_get_label(info);
    for (seL4_Word i = 0; i < n; i++)
        seL4_SetMR((int)i, seL4_GetMR((int)i) + 1);
    seL4_SetMR((int)n, 0xfeed);
    test_reply(seL4_MessageInfo_new(0x9, 0, 0, n + 1));
}

TEST(IPC0002, "Call/Reply: the server gets a reply cap; the reply carries 7 MRs and its label")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr client = mint(env, ep, seL4_AllRights.words[0], 5);
    struct test_thread *t = test_thread_run(env, 0, PRIO, echo_server, ep);
    test_yield(); /* the server waits in Recv */

    for (int i = 0; i < 6; i++)
        seL4_SetMR(i, 10 * (seL4_Word)i);
    seL4_MessageInfo_t info = seL4_Call(client, seL4_MessageInfo_new(0x33, 0, 0, 6));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 0x9);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 7);
    for (int i = 0; i < 6; i++)
        ASSERT_MR(i, 10 * (seL4_Word)i + 1);
    ASSERT_MR(6, 0xfeed);
    ASSERT_EQ(t->out[0], 5);
    ASSERT_EQ(t->out[1], 0x33);
}

TEST(IPC0003, "NBRecv with nothing queued gives badge 0; NBSend with no receiver is dropped")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = mint(env, ep, seL4_AllRights.words[0], 9);
    seL4_Word badge = 0x1234;
    test_nbrecv(ep, &badge);
    ASSERT_EQ(badge, 0);

    seL4_SetMR(0, 1);
    seL4_NBSend(badged, seL4_MessageInfo_new(0, 0, 0, 1));
    badge = 0x1234;
    test_nbrecv(ep, &badge);
    ASSERT_EQ(badge, 0);
}

/* Child: send cap arg[2] as an extra cap through endpoint cap arg[0]. */
static void cap_sender(struct test_thread *self)
{
    seL4_SetCap(0, self->arg[2]);
    seL4_SetMR(0, 0xca);
    seL4_Send(self->arg[0], seL4_MessageInfo_new(0, 0, 1, 1));
}

/* Receive one message on ep into `slot` of the root CNode. */
static seL4_MessageInfo_t recv_into(struct test_env *env, seL4_CPtr ep, seL4_CPtr slot)
{
    seL4_SetCapReceivePath(env->cnode, slot, env->depth);
    seL4_Word badge;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    seL4_SetCapReceivePath(0, 0, 0);
    return info;
}

/* A cap_sender child sends `cap` through endpoint cap `via`; receive it on ep into a new
 * slot (*slot). */
static seL4_MessageInfo_t transfer_cap(struct test_env *env, seL4_CPtr ep, seL4_CPtr via,
                                       seL4_CPtr cap, seL4_CPtr *slot)
{
    test_thread_run(env, 0, PRIO, cap_sender, via, 0, cap);
    *slot = test_alloc_slot(env);
    return recv_into(env, ep, *slot);
}

TEST(IPC0004, "cap transfer with Grant: one cap arrives in the receive slot, extraCaps 1")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr slot; /* sent through ep itself: all rights, Grant included */
    seL4_MessageInfo_t info = transfer_cap(env, ep, ep, ntfn, &slot);
    ASSERT_EQ(seL4_MessageInfo_get_extraCaps(info), 1);
    ASSERT_EQ(seL4_MessageInfo_get_capsUnwrapped(info), 0);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0xca);
    ASSERT_EQ(seL4_DebugCapIdentify(slot), 6); /* notification cap */
}

TEST(IPC0005, "cap transfer without Grant: the cap is dropped silently, extraCaps 0")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr no_grant = mint(env, ep, seL4_ReadWrite.words[0], 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr slot;
    seL4_MessageInfo_t info = transfer_cap(env, ep, no_grant, ntfn, &slot);
    ASSERT_EQ(seL4_MessageInfo_get_extraCaps(info), 0);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0xca);
    ASSERT_EQ(seL4_DebugCapIdentify(slot), 0);
}

TEST(IPC0006, "a cap to the endpoint itself is unwrapped: badge in caps_or_badges, bit set")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = mint(env, ep, seL4_AllRights.words[0], 0x5a5a);
    seL4_CPtr slot;
    seL4_MessageInfo_t info = transfer_cap(env, ep, ep, badged, &slot);
    ASSERT_EQ(seL4_MessageInfo_get_extraCaps(info), 1);
    ASSERT_EQ(seL4_MessageInfo_get_capsUnwrapped(info), 1);
    ASSERT_EQ(seL4_GetBadge(0), 0x5a5a);
    ASSERT_EQ(seL4_DebugCapIdentify(slot), 0); /* nothing was put in the slot */
}

/* Child client: Call through arg[0]; record that the call returned. */
static void caller(struct test_thread *self)
{
    seL4_SetMR(0, 0x77);
    seL4_MessageInfo_t info = seL4_Call(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1));
    self->out[0] = 1;
    self->out[1] = seL4_MessageInfo_get_length(info);
    self->out[2] = seL4_GetMR(0);
}

TEST(IPC0007, "Call through a cap without Grant/GrantReply: delivered, but no reply cap")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr write_only = mint(env, ep, seL4_CanWrite.words[0], 0);
    struct test_thread *t = test_thread_run(env, 0, PRIO, caller, write_only);

    seL4_Word badge;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0x77);
    seL4_SetMR(0, 0x88);
    test_reply(seL4_MessageInfo_new(0, 0, 0, 1)); /* nobody to reply to: a no-op */
    test_yield();
    ASSERT_EQ(t->out[0], 0); /* the caller is stuck (Inactive) */
}

TEST(IPC0008, "Call through a GrantReply-only cap: reply arrives; ReplyRecv serves the next")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr gr = mint(env, ep, seL4_CanWrite.words[0] | seL4_CanGrantReply.words[0], 0);
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, caller);
    struct test_thread *b = test_thread_create(env, 1, 0, PRIO, caller);
    a->arg[0] = gr;
    b->arg[0] = gr;
    test_thread_resume(env, a);
    test_thread_resume(env, b);

    test_serve_two_calls(ep, 0x77, 0x1001, 0x77, 0x1002);
    ASSERT_EQ(a->out[0], 1);
    ASSERT_EQ(b->out[0], 1);
    ASSERT_EQ(a->out[1], 1);
    ASSERT_EQ(a->out[2] + b->out[2], 0x1001 + 0x1002);
}

TEST(IPC0009, "Recv with a pending signal on the bound notification returns the signal")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr signaller = mint(env, ntfn, seL4_CanWrite.words[0], 0x30);
    ASSERT_OK(seL4_TCB_BindNotification(seL4_CapInitThreadTCB, ntfn));
    seL4_Signal(signaller);
    seL4_Word badge = 0;
    test_recv(ep, &badge);
    ASSERT_EQ(badge, 0x30);
    ASSERT_OK(seL4_TCB_UnbindNotification(seL4_CapInitThreadTCB));
}

#ifndef CONFIG_KERNEL_MCS
/* Classic only: MCS has no CNode_SaveCaller; the Reply object a server receives with is
 * already a cap it keeps and answers with a Send (MCS0003). */

/* Child: reply cap saved with CNode_SaveCaller, then invoked with Send. */
static void saving_server(struct test_thread *self)
{
    seL4_Word badge;
    test_recv(self->arg[0], &badge);
    self->out[0] = seL4_CNode_SaveCaller(seL4_CapInitThreadCNode, self->arg[1], seL4_WordBits);
    seL4_SetMR(0, 0xabc);
    seL4_Send(self->arg[1], seL4_MessageInfo_new(0, 0, 0, 1));
}

TEST(IPC0010, "a saved reply cap (CNode_SaveCaller) answers the Call when invoked with Send")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *t = test_thread_create(env, 0, 0, PRIO, saving_server);
    t->arg[0] = ep;
    t->arg[1] = test_alloc_slot(env);
    test_thread_resume(env, t);
    test_yield();
    seL4_SetMR(0, 1);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_EQ(t->out[0], seL4_NoError);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0xabc);
}
#endif

TEST(IPC0011, "sender without an IPC buffer: only MR0-3 arrive and the length says 4")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *t = test_thread_create(env, 0, 0, PRIO, sender);
    t->arg[0] = ep;
    t->arg[1] = 6;
    ASSERT_OK(seL4_TCB_SetIPCBuffer(t->tcb, 0, seL4_CapNull));
    test_thread_resume(env, t);
    seL4_Word badge;
    seL4_SetMR(4, 0xdead);
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 0x42);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 4);
    for (int i = 0; i < 4; i++)
        ASSERT_MR(i, 0x100 + i);
    ASSERT_MR(4, 0xdead); /* the receiver's buffer beyond MR3 is untouched */
}

TEST(IPC0012, "a length field above 120 is clamped: 120 MRs arrive")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    test_thread_run(env, 0, PRIO, sender, ep, 127);
    seL4_Word badge;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_MsgMaxLength);
    ASSERT_MR(4, 0x104);
    ASSERT_MR(119, 0x100 + 119);
}

TEST(IPC0013, "receive slot occupied: the cap stays with the sender, extraCaps 0")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr occupied = test_alloc_object(env, seL4_EndpointObject, 0);
    test_thread_run(env, 0, PRIO, cap_sender, ep, 0, ntfn);
    seL4_MessageInfo_t info = recv_into(env, ep, occupied);
    ASSERT_EQ(seL4_MessageInfo_get_extraCaps(info), 0);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_EQ(seL4_DebugCapIdentify(occupied), 4); /* still the endpoint */
}
