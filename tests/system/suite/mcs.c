// SPDX-License-Identifier: BSD-2-Clause
// MCS tests (built only with make MCS=1; tests/system/build.mk, SUITE_SRCS): the MCS
// BootInfo and initial caps, SchedContext and Reply objects, and IPC through Reply objects:
// Recv/ReplyRecv name a Reply cap, a Call links it, a Send on it answers; NBSendRecv,
// NBSendWait, Wait/NBWait; a Reply object deleted or reused mid-call; SchedControl_ConfigureFlags
// and SchedContext_Bind/Unbind/UnbindObject/Consumed with each rejection; TCB_SetSpace,
// SetSchedParams and SetTimeoutEndpoint in their MCS forms; a fault through the fault
// endpoint cap, answered through a Reply object (docs/design/abi.md
// §0.1, §1.2, §2.2, §6, §7).

#include <sel4/sel4.h>

#include "invoke.h"
#include "test.h"
#include "threads.h"

#define PRIO 255 /* the root task's own priority: children run when it yields or blocks */

TEST(MCS0001, "BootInfo: slot 14 is a SchedContext, schedcontrol one SchedControl cap before the "
              "image frames")
{
    const seL4_BootInfo *bi = env->bi;
    ASSERT_EQ(seL4_DebugCapIdentify(seL4_CapInitThreadSC), seL4_CapTag_SchedContext);
    ASSERT_EQ(bi->schedcontrol.end, bi->schedcontrol.start + 1);
    ASSERT_EQ(seL4_DebugCapIdentify(bi->schedcontrol.start), seL4_CapTag_SchedControl);
    ASSERT_EQ(bi->userImageFrames.start, bi->schedcontrol.end);
    /* seL4's order: the paging caps, the extra BootInfo frames (the device tree), then
     * SchedControl. */
    seL4_Word after = bi->extraBIPages.end > bi->extraBIPages.start ? bi->extraBIPages.end
                                                                    : bi->userImagePaging.end;
    ASSERT_EQ(bi->extraBIPages.end > bi->extraBIPages.start
                  ? bi->extraBIPages.start == bi->userImagePaging.end
                  : 1,
              1);
    ASSERT_EQ(after, bi->schedcontrol.start);
}

TEST(
    MCS0002,
    "Retype SchedContext (2^7, 2^8) and Reply objects; a SchedContext of 2^6 is InvalidArgument(1)")
{
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, seL4_MinSchedContextBits);
    ASSERT_EQ(seL4_DebugCapIdentify(sc), seL4_CapTag_SchedContext);
    seL4_CPtr sc8 = test_alloc_object(env, seL4_SchedContextObject, 8);
    ASSERT_EQ(seL4_DebugCapIdentify(sc8), seL4_CapTag_SchedContext);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    ASSERT_EQ(seL4_DebugCapIdentify(reply), seL4_CapTag_Reply);

    seL4_CPtr untyped = test_alloc_untyped(env, 12);
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_ERR(seL4_Untyped_Retype(untyped, seL4_SchedContextObject, seL4_MinSchedContextBits - 1,
                                   env->cnode, 0, 0, slot, 1),
               seL4_InvalidArgument);
    ASSERT_MR(0, 1);

    /* Copies of both are ordinary caps: copy, then delete the original and the copy. */
    seL4_CPtr copy = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Copy(env->cnode, copy, env->depth, env->cnode, reply, env->depth,
                              seL4_AllRights));
    ASSERT_EQ(seL4_DebugCapIdentify(copy), seL4_CapTag_Reply);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, copy, env->depth));
    ASSERT_OK(
        seL4_CNode_Copy(env->cnode, copy, env->depth, env->cnode, sc, env->depth, seL4_AllRights));
    ASSERT_EQ(seL4_DebugCapIdentify(copy), seL4_CapTag_SchedContext);
}

/* Child server: one Recv with the Reply cap arg[1] on endpoint arg[0], then answer with
 * MR0 + 1 and label 7 by a Send on the Reply cap. */
static void reply_server(struct test_thread *self)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(self->arg[0], &badge, self->arg[1]);
    self->out[0] = badge;
    self->out[1] = seL4_MessageInfo_get_label(info);
    seL4_SetMR(0, seL4_GetMR(0) + 1);
    seL4_Send(self->arg[1], seL4_MessageInfo_new(7, 0, 0, 1));
}

TEST(MCS0003,
     "Call to a server that received with a Reply object; its Send on the Reply cap answers")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *t = test_thread_run(env, 0, PRIO, reply_server, ep, reply);
    test_yield(); /* the server blocks in Recv first */

    seL4_SetMR(0, 41);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(5, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 7);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 42);
    ASSERT_EQ(t->out[1], 5);
    test_yield();
    ASSERT_EQ(t->done, 1);
}

/* Child client: arg[1] Calls on arg[0] with MR0 = i, recording each answer's MR0. */
static void client(struct test_thread *self)
{
    for (seL4_Word i = 0; i < self->arg[1]; i++) {
        seL4_SetMR(0, 100 + i);
        seL4_Call(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1));
        self->out[i] = seL4_GetMR(0);
    }
}

/* Answer the caller linked to `reply` with the one word `value`: a Send on the Reply cap. */
static void answer(seL4_CPtr reply, seL4_Word value)
{
    seL4_SetMR(0, value);
    seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 1));
}

/* An endpoint and a Reply object; a client making n Calls on the endpoint; the root task
 * receives the first Call with the Reply object. */
static struct test_thread *serve_client(struct test_env *env, seL4_Word n, seL4_CPtr *ep,
                                        seL4_CPtr *reply)
{
    *ep = test_alloc_object(env, seL4_EndpointObject, 0);
    *reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *t = test_thread_run(env, 0, PRIO, client, *ep, n);
    seL4_Word badge;
    seL4_Recv(*ep, &badge, *reply);
    return t;
}

TEST(MCS0004,
     "ReplyRecv and NBSendRecv: the root task serves three Calls, answering each with MR0 * 2")
{
    seL4_CPtr ep, reply;
    struct test_thread *t = serve_client(env, 3, &ep, &reply);
    seL4_Word badge;
    ASSERT_MR(0, 100);
    seL4_SetMR(0, 200);
    seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge, reply);
    ASSERT_MR(0, 101);
    seL4_SetMR(0, 202);
    seL4_NBSendRecv(reply, seL4_MessageInfo_new(0, 0, 0, 1), ep, &badge, reply);
    ASSERT_MR(0, 102);
    answer(reply, 204);
    test_yield();
    ASSERT_EQ(t->done, 1);
    ASSERT_EQ(t->out[0], 200);
    ASSERT_EQ(t->out[1], 202);
    ASSERT_EQ(t->out[2], 204);
}

TEST(MCS0005,
     "Deleting a Reply object mid-call frees the caller (Inactive): resumed, it calls again")
{
    seL4_CPtr ep, reply;
    struct test_thread *t = serve_client(env, 1, &ep, &reply);
    ASSERT_MR(0, 100);
    ASSERT_OK(seL4_CNode_Delete(env->cnode, reply, env->depth));
    test_yield();
    ASSERT_EQ(t->done, 0); /* no answer: the caller is Inactive, not running */

    /* Resumed, the caller restarts its Call; a new Reply object answers it. */
    ASSERT_OK(seL4_TCB_Resume(t->tcb));
    seL4_CPtr reply2 = test_alloc_object(env, seL4_ReplyObject, 0);
    seL4_Word badge;
    seL4_Recv(ep, &badge, reply2);
    ASSERT_MR(0, 100);
    answer(reply2, 7);
    test_yield();
    ASSERT_EQ(t->done, 1);
    ASSERT_EQ(t->out[0], 7);
}

TEST(MCS0006,
     "Receiving again with a Reply object that links an unanswered caller cancels that call")
{
    seL4_CPtr ep, reply;
    struct test_thread *t = serve_client(env, 1, &ep, &reply);
    seL4_Word badge;
    seL4_NBRecv(ep, &badge, reply); /* nothing queued; the pending call is cancelled */
    ASSERT_EQ(badge, 0);
    seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 1)); /* links nobody now: no effect */
    test_yield();
    ASSERT_EQ(t->done, 0);
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));
}

TEST(MCS0007, "Wait, NBWait, Poll and NBSendWait on a notification; a Send on an unlinked Reply "
              "cap does nothing")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    seL4_CPtr badged = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, badged, env->depth, env->cnode, ntfn, env->depth,
                              seL4_AllRights, 0x5));
    seL4_Word badge = 1;

    seL4_NBWait(ntfn, &badge);
    ASSERT_EQ(badge, 0);
    seL4_Signal(badged);
    ASSERT_EQ(test_waited(ntfn), 0x5);
    ASSERT_EQ(test_polled(ntfn), 0);

    seL4_Signal(badged);
    seL4_NBSendWait(reply, seL4_MessageInfo_new(0, 0, 0, 0), ntfn, &badge);
    ASSERT_EQ(badge, 0x5);
}

/* seL4's bounds on qemu-arm-virt: twice the 10 us kernel WCET, and an eighth of the largest
 * microsecond count that converts to 62.5 MHz ticks without overflow. */
#define MIN_BUDGET_US 20
#define MAX_PERIOD_US (~0ull / 62500 / 8)

TEST(MCS0008, "SchedControl_ConfigureFlags: one accepted call, then each rejection in seL4's order")
{
    seL4_CPtr ctrl = env->bi->schedcontrol.start;
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr sc8 = test_alloc_object(env, seL4_SchedContextObject, 8);
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);

    ASSERT_OK(seL4_SchedControl_ConfigureFlags(ctrl, sc, 1000, 1000, 0, 0x55, 0));
    ASSERT_OK(seL4_SchedControl_ConfigureFlags(ctrl, sc8, MIN_BUDGET_US, 5000, 8, 0,
                                               seL4_SchedContext_Sporadic));

    /* No SchedContext cap, or 4 MRs: TruncatedMessage. */
    seL4_Word mrs[5] = {1000, 1000, 0, 0, 0};
    ASSERT_ERR(raw_invoke(ctrl, SchedControlConfigureFlags, 5, mrs, 0, NULL),
               seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(ctrl, SchedControlConfigureFlags, 4, mrs, 1, &sc), seL4_TruncatedMessage);

    /* Budget or period beyond the largest period, or below twice the WCET, budget above
     * period: RangeError(20, max) (the last: RangeError(20, period)). */
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc, MAX_PERIOD_US + 1, 1000, 0, 0, 0),
               seL4_RangeError);
    ASSERT_MR(0, MIN_BUDGET_US);
    ASSERT_MR(1, MAX_PERIOD_US);
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc, 1000, MAX_PERIOD_US + 1, 0, 0, 0),
               seL4_RangeError);
    ASSERT_MR(1, MAX_PERIOD_US);
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc, MIN_BUDGET_US - 1, 1000, 0, 0, 0),
               seL4_RangeError);
    ASSERT_MR(0, MIN_BUDGET_US);
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc, 100, MIN_BUDGET_US - 1, 0, 0, 0),
               seL4_RangeError);
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc, 2000, 1000, 0, 0, 0), seL4_RangeError);
    ASSERT_MR(0, MIN_BUDGET_US);
    ASSERT_MR(1, 1000);

    /* Not a SchedContext cap: InvalidCapability(1). */
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, ep, 1000, 1000, 0, 0, 0),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);

    /* More extra refills than fit: RangeError(0, room): none in 2^7, 8 in 2^8. */
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc, 1000, 1000, 1, 0, 0), seL4_RangeError);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, 0);
    ASSERT_ERR(seL4_SchedControl_ConfigureFlags(ctrl, sc8, 1000, 1000, 9, 0, 0), seL4_RangeError);
    ASSERT_MR(1, 8);
    ASSERT_EQ(seL4_MaxExtraRefills(8), 8);

    /* Another label on the SchedControl cap: IllegalOperation. */
    ASSERT_ERR(raw_invoke(ctrl, SchedContextBind, 5, mrs, 1, &sc), seL4_IllegalOperation);
}

/* Child: wait on notification arg[0] (it blocks there). */
static void waiter(struct test_thread *self)
{
    seL4_Word badge;
    seL4_Wait(self->arg[0], &badge);
}

TEST(MCS0009, "SchedContext_Bind/UnbindObject/Unbind of TCBs and notifications, each rejection")
{
    seL4_CPtr ctrl = env->bi->schedcontrol.start;
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr sc2 = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr ntfn2 = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, waiter);
    struct test_thread *b = test_thread_run(env, 1, PRIO, waiter, ntfn2);
    test_yield();                                             /* b blocks in Wait */
    ASSERT_OK(seL4_SchedContext_UnbindObject(b->sc, b->tcb)); /* b: blocked, no context */

    /* A stopped thread binds to a context that has no budget yet. */
    ASSERT_OK(seL4_SchedContext_Bind(sc, a->tcb));
    ASSERT_ERR(seL4_SchedContext_Bind(sc, b->tcb), seL4_IllegalOperation);  /* sc bound */
    ASSERT_ERR(seL4_SchedContext_Bind(sc2, a->tcb), seL4_IllegalOperation); /* tcb bound */
    /* A blocked thread needs a configured context. */
    ASSERT_ERR(seL4_SchedContext_Bind(sc2, b->tcb), seL4_IllegalOperation);
    ASSERT_OK(seL4_SchedControl_ConfigureFlags(ctrl, sc2, 1000, 1000, 0, 0, 0));
    ASSERT_OK(seL4_SchedContext_Bind(sc2, b->tcb));

    ASSERT_OK(seL4_SchedContext_Bind(sc, ntfn));
    ASSERT_ERR(seL4_SchedContext_Bind(sc, ntfn2), seL4_IllegalOperation); /* sc bound */
    ASSERT_ERR(seL4_SchedContext_Bind(sc2, ntfn), seL4_IllegalOperation); /* ntfn bound */
    ASSERT_ERR(seL4_SchedContext_Bind(sc, ep), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(raw_invoke(sc, SchedContextBind, 0, NULL, 0, NULL), seL4_TruncatedMessage);

    /* UnbindObject: only what is bound, never the caller's own context. */
    ASSERT_ERR(seL4_SchedContext_UnbindObject(sc, b->tcb), seL4_IllegalOperation);
    ASSERT_ERR(seL4_SchedContext_UnbindObject(sc, ntfn2), seL4_IllegalOperation);
    ASSERT_ERR(seL4_SchedContext_UnbindObject(sc, ep), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(raw_invoke(sc, SchedContextUnbindObject, 0, NULL, 0, NULL), seL4_TruncatedMessage);
    ASSERT_ERR(seL4_SchedContext_UnbindObject(seL4_CapInitThreadSC, seL4_CapInitThreadTCB),
               seL4_IllegalOperation);
    ASSERT_OK(seL4_SchedContext_UnbindObject(sc, a->tcb));
    ASSERT_OK(seL4_SchedContext_UnbindObject(sc, ntfn));
    ASSERT_OK(seL4_SchedContext_Bind(sc, a->tcb)); /* both free again */
    ASSERT_OK(seL4_SchedContext_Bind(sc, ntfn));

    /* Unbind lets go of everything, except the caller's own context. */
    ASSERT_ERR(seL4_SchedContext_Unbind(seL4_CapInitThreadSC), seL4_IllegalOperation);
    ASSERT_OK(seL4_SchedContext_Unbind(sc));
    ASSERT_OK(seL4_SchedContext_Bind(sc, ntfn));

    /* Not a SchedContext label: IllegalOperation. */
    ASSERT_ERR(raw_invoke(sc, SchedControlConfigureFlags, 0, NULL, 0, NULL), seL4_IllegalOperation);
    seL4_Signal(ntfn2);
    test_yield();
}

TEST(MCS0010,
     "Consumed answers with one MR; deleting a bound TCB, notification or SchedContext unbinds it")
{
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr sc2 = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, waiter);

    seL4_SchedContext_Consumed_t c = seL4_SchedContext_Consumed(sc);
    ASSERT_OK(c.error);

    ASSERT_OK(seL4_SchedContext_Bind(sc, a->tcb));
    ASSERT_OK(seL4_SchedContext_Bind(sc, ntfn));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, sc, env->depth)); /* the last cap: unbinds both */
    ASSERT_OK(seL4_SchedContext_Bind(sc2, a->tcb));
    ASSERT_OK(seL4_SchedContext_Bind(sc2, ntfn));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, a->tcb, env->depth));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, ntfn, env->depth));
    struct test_thread *b = test_thread_create(env, 1, 0, PRIO, waiter);
    ASSERT_OK(seL4_SchedContext_Bind(sc2, b->tcb)); /* sc2 was let go by both */
}

/* A copy of cap `src` in a new slot with only the Write right (not a valid fault handler). */
static seL4_CPtr write_only(struct test_env *env, seL4_CPtr src)
{
    seL4_CPtr slot = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, slot, env->depth, env->cnode, src, env->depth,
                              seL4_CapRights_new(0, 0, 0, 1), 0));
    return slot;
}

TEST(MCS0011,
     "TCB_SetSpace, SetTimeoutEndpoint and SetSchedParams in their MCS forms, each rejection")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ep_w = write_only(env, ep);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr sc2 = test_alloc_object(env, seL4_SchedContextObject, 7);
    seL4_CPtr low = test_alloc_object(env, seL4_TCBObject, 0); /* MCP 0 */
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, waiter);
    struct test_thread *b = test_thread_create(env, 1, 0, PRIO, waiter);
    seL4_CPtr cnode = seL4_CapInitThreadCNode, vspace = seL4_CapInitThreadVSpace;

    /* SetSpace: the space first, then the fault endpoint (send and grant, or null). */
    ASSERT_OK(seL4_TCB_SetSpace(a->tcb, ep, cnode, 0, vspace, 0));
    ASSERT_OK(seL4_TCB_SetSpace(a->tcb, seL4_CapNull, cnode, 0, vspace, 0));
    ASSERT_ERR(seL4_TCB_SetSpace(a->tcb, ep_w, ep, 0, vspace, 0), seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_SetSpace(a->tcb, ep_w, cnode, 0, vspace, 0), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    seL4_CPtr caps[3] = {ep, cnode, vspace};
    seL4_Word mrs[2] = {0, 0};
    ASSERT_ERR(raw_invoke(a->tcb, TCBSetSpace, 1, mrs, 3, caps), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(a->tcb, TCBSetSpace, 2, mrs, 2, caps), seL4_TruncatedMessage);

    /* SetTimeoutEndpoint. */
    ASSERT_OK(seL4_TCB_SetTimeoutEndpoint(a->tcb, ep));
    ASSERT_ERR(seL4_TCB_SetTimeoutEndpoint(a->tcb, ep_w), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(raw_invoke(a->tcb, TCBSetTimeoutEndpoint, 0, NULL, 0, NULL), seL4_TruncatedMessage);

    /* SetSchedParams: authority, MCP, priority, then the context, then the fault endpoint. */
    seL4_CPtr root = seL4_CapInitThreadTCB;
    ASSERT_OK(seL4_TCB_SetSchedParams(a->tcb, root, PRIO, PRIO, sc, ep));
    ASSERT_OK(seL4_TCB_SetSchedParams(a->tcb, root, PRIO, PRIO, sc, ep)); /* the same context */
    ASSERT_ERR(seL4_TCB_SetSchedParams(a->tcb, ep, PRIO, PRIO, sc, ep), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_ERR(seL4_TCB_SetSchedParams(a->tcb, low, 1, 0, sc, ep), seL4_RangeError);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, 0);
    ASSERT_ERR(seL4_TCB_SetSchedParams(a->tcb, low, 0, 1, sc, ep), seL4_RangeError);
    ASSERT_ERR(seL4_TCB_SetSchedParams(b->tcb, root, PRIO, PRIO, sc, ep), seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_SetSchedParams(a->tcb, root, PRIO, PRIO, sc2, ep), seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_SetSchedParams(a->tcb, root, PRIO, PRIO, ntfn, ep), seL4_InvalidCapability);
    ASSERT_MR(0, 2);
    ASSERT_ERR(seL4_TCB_SetSchedParams(a->tcb, root, PRIO, PRIO, sc, ep_w), seL4_InvalidCapability);
    ASSERT_MR(0, 3);
    ASSERT_ERR(seL4_TCB_SetSchedParams(root, root, PRIO, PRIO, seL4_CapNull, seL4_CapNull),
               seL4_IllegalOperation);
    seL4_CPtr two[2] = {root, sc};
    seL4_Word prios[2] = {PRIO, PRIO};
    ASSERT_ERR(raw_invoke(a->tcb, TCBSetSchedParams, 2, prios, 2, two), seL4_TruncatedMessage);

    /* A null context unbinds: sc is free again. */
    ASSERT_OK(seL4_TCB_SetSchedParams(a->tcb, root, PRIO, PRIO, seL4_CapNull, seL4_CapNull));
    ASSERT_OK(seL4_SchedContext_Bind(sc, b->tcb));
}

/* Child: an unknown system call (x7 = 0x1234) with x0 = 7; x0 afterwards goes to out[0]. */
static void unknown_syscall(struct test_thread *self)
{
    register seL4_Word x0 __asm__("x0") = 7;
    register seL4_Word x7 __asm__("x7") = 0x1234;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
    self->out[0] = x0;
}

TEST(MCS0012,
     "A fault goes to the fault endpoint cap; a Send on the handler's Reply cap resumes the thread")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, badged, env->depth, env->cnode, ep, env->depth,
                              seL4_AllRights, 0x33));
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *t = test_thread_start(env, 0, badged, PRIO, unknown_syscall);

    seL4_Word badge = 0;
    seL4_MessageInfo_t info = seL4_Recv(ep, &badge, reply);
    ASSERT_EQ(badge, 0x33);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_UnknownSyscall);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_UnknownSyscall_Length);
    ASSERT_MR(seL4_UnknownSyscall_X0, 7);
    ASSERT_MR(seL4_UnknownSyscall_Syscall, 0x1234);

    /* Resume after the svc with x0 = 99. */
    seL4_SetMR(seL4_UnknownSyscall_X0, 99);
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + 4);
    seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, seL4_UnknownSyscall_SPSR + 1));
    test_yield();
    ASSERT_EQ(t->done, 1);
    ASSERT_EQ(t->out[0], 99);
}

/* Child: count in out[0] for ever (never blocks). */
static void counter(struct test_thread *self)
{
    for (;;)
        self->out[0]++;
}

TEST(MCS0013, "Only a thread with a configured scheduling context runs: bound, configured, unbound")
{
    seL4_CPtr ctrl = env->bi->schedcontrol.start;
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, 7);
    struct test_thread *t = test_thread_create(env, 0, 0, PRIO, counter);

    ASSERT_OK(seL4_TCB_Resume(t->tcb));
    test_yield();
    ASSERT_EQ(t->out[0], 0); /* runnable, but no scheduling context */
    ASSERT_OK(seL4_SchedContext_Bind(sc, t->tcb));
    test_yield();
    ASSERT_EQ(t->out[0], 0); /* a context without budget */
    ASSERT_OK(seL4_SchedControl_ConfigureFlags(ctrl, sc, 1000, 1000, 0, 0, 0));
    test_yield();
    seL4_Word seen = t->out[0];
    ASSERT_NE(seen, 0); /* it ran */
    ASSERT_OK(seL4_SchedContext_Unbind(sc));
    seen = t->out[0];
    test_yield();
    ASSERT_EQ(t->out[0], seen); /* unbound: it stopped running */
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));
}

TEST(MCS0014, "A passive server (no scheduling context) runs on its caller's, lent over Call and "
              "given back by the reply")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *t = test_thread_run(env, 0, PRIO, reply_server, ep, reply);
    test_yield();                                             /* the server waits in Recv */
    ASSERT_OK(seL4_SchedContext_UnbindObject(t->sc, t->tcb)); /* and is passive now */

    seL4_SetMR(0, 41);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(5, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 7); /* it ran, on the root task's context */
    ASSERT_MR(0, 42);
    /* The context came back with the reply: it is the caller's own again. */
    ASSERT_ERR(seL4_SchedContext_UnbindObject(seL4_CapInitThreadSC, seL4_CapInitThreadTCB),
               seL4_IllegalOperation);
    test_yield();
    ASSERT_EQ(t->done, 0); /* without a context of its own the server does not run on */
    ASSERT_OK(seL4_SchedContext_Bind(t->sc, t->tcb));
    test_yield();
    ASSERT_EQ(t->done, 1);
}

/* Child server: Recv with Reply cap arg[1] on endpoint arg[0], then wait on notification
 * arg[2] without answering. */
static void holding_server(struct test_thread *self)
{
    seL4_Word badge;
    seL4_Recv(self->arg[0], &badge, self->arg[1]);
    self->out[0] = 1;
    seL4_Wait(self->arg[2], &badge);
}

TEST(MCS0015, "Deleting the Reply object of a call with a lent context gives the context back")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *s = test_thread_run(env, 0, PRIO, holding_server, ep, reply, ntfn);
    test_yield();
    ASSERT_OK(seL4_SchedContext_UnbindObject(s->sc, s->tcb)); /* passive */

    struct test_thread *c = test_thread_run(env, 1, PRIO, client, ep, 1);
    test_yield();
    ASSERT_EQ(s->out[0], 1); /* the server took the call, on the client's context */
    ASSERT_ERR(seL4_SchedContext_UnbindObject(c->sc, c->tcb), seL4_IllegalOperation);

    ASSERT_OK(seL4_CNode_Delete(env->cnode, reply, env->depth));
    ASSERT_OK(seL4_SchedContext_UnbindObject(c->sc, c->tcb)); /* it is the client's again */
}
