// SPDX-License-Identifier: BSD-2-Clause
// IPC fastpath tests (kernel/api/fastpath.c): Call and ReplyRecv in the common case, and
// every condition under which the fastpath hands the syscall to the general path, each
// asserting the general path's exact results (badge, message info, MRs, who runs next,
// reply caps). The suite also runs on a FASTPATH=0 kernel (make test-fastpath), where the
// same assertions hold with every IPC taking the general path.
//
// MCS (make test-mcs runs them on MCS kernels with and without the fastpath): servers receive
// and answer through their Reply objects (threads.h, test_recv ...). The MCS fastpath takes
// only a passive server's round trip, so the servers of the tests that use the fastpath are
// made passive once they wait (start_server, test_thread_make_passive; non-MCS: nothing);
// those that must run on after their reply (FASTPATH0005, 0007) keep their own context, and
// their IPC is the general path's. MCS only: FASTPATH0008, nested passive servers;
// FASTPATH0010, a passive server waiting without a Reply object; FASTPATH0011, a ReplyRecv
// naming a Reply object not on top of the call stack; FASTPATH0012, a caller given a context
// of its own while it waits for its reply.

#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define PRIO 255

/* Order in which threads reached their marks (FASTPATH0005). */
static volatile seL4_Word sequence;

/*
 * Server: Recv on arg[0], then arg[1] times: record badge, label, length and MR0..3 of the
 * message in out[], answer with length (length + 1) % 5, label + 1, MRi + 0x10, through
 * ReplyRecv.
 */
static void echo(struct test_thread *self)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = test_recv(self->arg[0], &badge);
    for (seL4_Word round = 0; round < self->arg[1]; round++) {
        seL4_Word n = seL4_MessageInfo_get_length(info);
        self->out[0] = badge;
        self->out[1] = seL4_MessageInfo_get_label(info);
        self->out[2] = n;
        for (int i = 0; i < 4; i++)
            self->out[3 + i] = seL4_GetMR(i);
        self->out[7] = ++sequence;
        for (int i = 0; i < 4; i++)
            seL4_SetMR(i, seL4_GetMR(i) + 0x10);
        info = test_reply_recv(
            self->arg[0],
            seL4_MessageInfo_new(seL4_MessageInfo_get_label(info) + 1, 0, 0, (n + 1) % 5), &badge);
    }
}

/* Start server fn (thread `index`, priority prio) with arg[0] = ep and arg[1] = arg1, and let
 * it wait in its Recv; MCS: a passive server from then on. */
static struct test_thread *start_server(struct test_env *env, int index, seL4_Word prio,
                                        void (*fn)(struct test_thread *self), seL4_CPtr ep,
                                        seL4_Word arg1)
{
    struct test_thread *s = test_thread_run(env, index, prio, fn, ep, arg1);
    test_yield(); /* the server waits in Recv */
    test_thread_make_passive(s);
    return s;
}

TEST(FASTPATH0001,
     "Call/ReplyRecv in registers: badge, label, lengths 0-4, MRs past the length kept")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = test_mint(env, ep, seL4_AllRights, 0x5a);
    struct test_thread *s = start_server(env, 0, PRIO, echo, ep, 5);
    for (seL4_Word n = 0; n <= 4; n++) {
        for (int i = 0; i < 4; i++)
            seL4_SetMR(i, 0x100 * (n + 1) + (seL4_Word)i);
        seL4_MessageInfo_t info = seL4_Call(badged, seL4_MessageInfo_new(0x30 + n, 0, 0, n));
        ASSERT_EQ(s->out[0], 0x5a);
        ASSERT_EQ(s->out[1], 0x30 + n);
        ASSERT_EQ(s->out[2], n);
        ASSERT_EQ(seL4_MessageInfo_get_label(info), 0x31 + n);
        ASSERT_EQ(seL4_MessageInfo_get_length(info), (n + 1) % 5);
        ASSERT_EQ(seL4_MessageInfo_get_extraCaps(info), 0);
        ASSERT_EQ(seL4_MessageInfo_get_capsUnwrapped(info), 0);
        for (seL4_Word i = 0; i < 4; i++) {
            /* The server saw its own registers past the length; the caller gets back what
             * the server sent within the reply's length, and keeps its own past it. */
            if (i < n)
                ASSERT_EQ(s->out[3 + i], 0x100 * (n + 1) + i);
            ASSERT_MR(i, i < (n + 1) % 5 ? s->out[3 + i] + 0x10 : 0x100 * (n + 1) + i);
        }
    }
}

TEST(FASTPATH0002,
     "general path: 5 MRs, an extra cap (unwrapped), a read-only cap (InvalidCapability(0))")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = test_mint(env, ep, seL4_AllRights, 0x61);
    seL4_CPtr read_only = test_mint(env, ep, seL4_CanRead, 0);
    struct test_thread *s = start_server(env, 0, PRIO, echo, ep, 2);

    for (int i = 0; i < 5; i++)
        seL4_SetMR(i, 0x200 + (seL4_Word)i);
    seL4_MessageInfo_t info = seL4_Call(badged, seL4_MessageInfo_new(1, 0, 0, 5));
    ASSERT_EQ(s->out[2], 5);
    ASSERT_EQ(s->out[6], 0x203);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0x210);

    seL4_SetCap(0, badged); /* the endpoint itself: only its badge travels */
    info = seL4_Call(badged, seL4_MessageInfo_new(2, 0, 1, 1));
    ASSERT_EQ(s->out[1], 2);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 2);

    info = seL4_Call(read_only, seL4_MessageInfo_new(3, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}

/* Client: Call arg[0] with MR0 = arg[1]; out[0] = 1 and out[1] = MR0 of the reply. */
static void client(struct test_thread *self)
{
    seL4_SetMR(0, self->arg[1]);
    seL4_Call(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1));
    self->out[0] = 1;
    self->out[1] = seL4_GetMR(0);
}

TEST(FASTPATH0003,
     "no receiver waiting: Call queues; ReplyRecv with a sender queued receives it at once")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, client);
    struct test_thread *b = test_thread_create(env, 1, 0, PRIO, client);
    a->arg[0] = b->arg[0] = ep;
    a->arg[1] = 0xa;
    b->arg[1] = 0xb;
    test_thread_resume(env, a);
    test_yield(); /* a Calls: nobody receives, it queues */
    test_thread_resume(env, b);
    test_yield(); /* b queues behind it */

    test_serve_two_calls(ep, 0xa, 0xa1, 0xb, 0xb1);
    ASSERT_EQ(a->out[1], 0xa1);
    ASSERT_EQ(b->out[1], 0xb1);
}

/* Ready thread of FASTPATH0004: note when it ran. */
static void mark(struct test_thread *self)
{
    self->out[7] = ++sequence;
}

TEST(FASTPATH0004,
     "lower-priority destination while a higher thread is ready: the ready one runs first")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *s = start_server(env, 0, PRIO, echo, ep, 1);
    ASSERT_OK(seL4_TCB_SetPriority(s->tcb, seL4_CapInitThreadTCB, 100));
    struct test_thread *r = test_thread_start(env, 1, 0, 200, mark);
    sequence = 0;
    seL4_SetMR(0, 7);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_EQ(r->out[7], 1); /* priority 200 ran before the server at 100 */
    ASSERT_EQ(s->out[7], 2);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 2);
    ASSERT_MR(0, 0x17);
}

/* Server bound to a notification: Recv, signal its own notification, ReplyRecv (the
 * pending signal beats any message: badge into out[0]). */
static void bound_server(struct test_thread *self)
{
    seL4_Word badge;
    test_recv(self->arg[0], &badge);
    self->out[1] = seL4_GetMR(0);
    seL4_Signal(self->arg[1]);
    seL4_SetMR(0, 0x99);
    test_reply_recv(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    self->out[0] = badge;
}

TEST(FASTPATH0005,
     "receiver with a bound notification; ReplyRecv with its signal pending returns it")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *s = test_thread_create(env, 0, 0, PRIO, bound_server);
    ASSERT_OK(seL4_TCB_BindNotification(s->tcb, ntfn));
    s->arg[0] = ep;
    s->arg[1] = test_mint(env, ntfn, seL4_CanWrite, 0x44);
    test_thread_resume(env, s);
    test_yield();
    seL4_SetMR(0, 0x55);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0x99);
    test_yield();
    ASSERT_EQ(s->out[1], 0x55);
    ASSERT_EQ(s->out[0], 0x44);
    ASSERT_EQ(s->done, 1);
}

/* An unknown syscall at a known place, then a Send on arg[0] to wake the handler. */
static void faulting(struct test_thread *self)
{
    register seL4_Word x0 __asm__("x0") = 0x10;
    register seL4_Word x7 __asm__("x7") = 0x77;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x7)
                     :
                     : "x1", "x2", "x3", "x4", "x5", "x6", "memory");
    self->out[0] = x0;
    seL4_SetMR(0, 0xd0e);
    seL4_Send(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1));
}

TEST(FASTPATH0006, "fault endpoint: ReplyRecv answering a fault restarts the faulted thread")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr fault_ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr fep = test_mint(env, fault_ep, seL4_AllRights, 0xfa);
    struct test_thread *t = test_thread_run_handled(env, 0, fep, PRIO, faulting, ep);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(fault_ep, &badge);
    ASSERT_EQ(badge, 0xfa);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_UnknownSyscall);
    seL4_Word ip = seL4_GetMR(seL4_UnknownSyscall_FaultIP);
    seL4_SetMR(0, 0xbeef);
    for (int i = 1; i < 8; i++)
        seL4_SetMR(i, 0);
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, ip + 4);
    info = test_reply_recv(ep, seL4_MessageInfo_new(0, 0, 0, 9), &badge);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0xd0e);
    ASSERT_EQ(t->out[0], 0xbeef);
}

/* Server of FASTPATH0007: Recv, then wait on notification arg[1] mid-call (a notification
 * wait keeps the caller cap), then reply. */
static void waiting_server(struct test_thread *self)
{
    seL4_Word badge;
    test_recv(self->arg[0], &badge);
    seL4_Wait(self->arg[1], NULL);
    seL4_SetMR(0, 0x5e);
    test_reply_recv(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1), &badge);
}

/* Suspend and resume TCB arg[0] (it waits again), then signal notification arg[1]. */
static void suspender(struct test_thread *self)
{
    self->out[0] = seL4_TCB_Suspend(self->arg[0]);
    self->out[1] = seL4_TCB_Resume(self->arg[0]);
    seL4_Signal(self->arg[1]);
}

TEST(FASTPATH0007,
     "a server suspended mid-call still replies after Resume; a suspended caller gets nothing")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *s = test_thread_run(env, 0, PRIO, waiting_server, ep, ntfn);
    test_yield();
    struct test_thread *r = test_thread_run(env, 1, 200, suspender, s->tcb, ntfn);
    seL4_SetMR(0, 1);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_EQ(r->out[0], seL4_NoError);
    ASSERT_EQ(r->out[1], seL4_NoError);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0x5e);

    /* The client side: a caller suspended while it waits loses its reply cap, so the
     * next ReplyRecv only receives (here the Call of a second client). */
    seL4_CPtr ep2 = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *c = test_thread_run(env, 2, PRIO, client, ep2, 0xc);
    seL4_Word badge;
    test_recv(ep2, &badge);
    ASSERT_MR(0, 0xc);
    ASSERT_OK(seL4_TCB_Suspend(c->tcb));
    /* Slot 0: the server above waits in Recv for good; the suspender (slot 1) may not have
     * finished yet (it runs below the root task's priority). */
    test_thread_run(env, 0, 200, client, ep2, 0xd);
    seL4_SetMR(0, 0xcc);
    info = test_reply_recv(ep2, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0xd);
    seL4_SetMR(0, 0xdd);
    test_reply(seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_EQ(c->out[0], 0);
}

/* Receiver of FASTPATH0009: Recv on arg[0], then note when it ran. */
static void receive_mark(struct test_thread *self)
{
    seL4_Word badge;
    test_recv(self->arg[0], &badge);
    self->out[7] = ++sequence;
}

TEST(FASTPATH0009, "Send (general path) to a receiver of the sender's priority: the sender runs "
                   "on first, then the receiver")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *r = test_thread_create(env, 0, 0, PRIO, receive_mark);
    r->arg[0] = ep;
    test_thread_resume(env, r);
    test_yield(); /* the receiver waits in Recv */
    sequence = 0;
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 0, 0));
    seL4_Word mine = ++sequence;
    test_yield();
    ASSERT_EQ(mine, 1);
    ASSERT_EQ(r->out[7], 2);
}

#ifdef CONFIG_KERNEL_MCS
/* Passive server of FASTPATH0008: receive on arg[0]; for a message with MR0 != 0, Call
 * endpoint arg[1] (if any) with MR0 + 1 first; answer with MR0 + 0x10 of the nested reply (or
 * of its own message) by ReplyRecv; out[0] counts the messages. */
static void relay(struct test_thread *self)
{
    seL4_Word badge;
    test_recv(self->arg[0], &badge);
    for (;;) {
        self->out[0]++;
        seL4_Word mr0 = seL4_GetMR(0);
        if (mr0 != 0 && self->arg[1] != 0) {
            seL4_SetMR(0, mr0 + 1);
            seL4_Call(self->arg[1], seL4_MessageInfo_new(0, 0, 0, 1));
            mr0 = seL4_GetMR(0);
        }
        seL4_SetMR(0, mr0 + 0x10);
        test_reply_recv(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    }
}

TEST(FASTPATH0008, "MCS: nested passive servers: the call stack two deep, each reply gives the "
                   "context back one level")
{
    seL4_CPtr ep_a = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ep_b = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *b = start_server(env, 1, PRIO, relay, ep_b, 0);
    struct test_thread *a = start_server(env, 0, PRIO, relay, ep_a, ep_b);

    for (seL4_Word round = 1; round <= 3; round++) {
        /* Root -> a -> b on the root task's context, and back (the root task runs again: it
         * has its context back). */
        seL4_SetMR(0, 0x100 * round);
        seL4_MessageInfo_t info = seL4_Call(ep_a, seL4_MessageInfo_new(0, 0, 0, 1));
        ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
        ASSERT_MR(0, 0x100 * round + 1 + 0x10 + 0x10);
        ASSERT_EQ(a->out[0], round);
        ASSERT_EQ(b->out[0], round);
    }
    /* a answers without the nested call: one level. */
    seL4_SetMR(0, 0);
    seL4_Call(ep_a, seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_MR(0, 0x10);
    ASSERT_EQ(a->out[0], 4);
    ASSERT_EQ(b->out[0], 3);
}

/* Passive server of FASTPATH0010: waits on arg[0] without a Reply object (seL4_Wait), then
 * records the message's MR0. */
static void waiter(struct test_thread *self)
{
    seL4_Wait(self->arg[0], NULL);
    self->out[0] = 1;
    self->out[1] = seL4_GetMR(0);
}

TEST(FASTPATH0010, "MCS: Call to a passive server waiting without a Reply object: no context is "
                   "lent, the caller waits for ever, the server runs only with a context")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *s = start_server(env, 0, PRIO, waiter, ep, 0);
    struct test_thread *c = test_thread_create(env, 1, 0, PRIO, client);
    c->arg[0] = ep;
    c->arg[1] = 0x10a;
    test_thread_resume(env, c);
    test_yield();            /* the client Calls; the message is delivered, but nobody can answer */
    ASSERT_EQ(s->out[0], 0); /* no context came with the Call */
    ASSERT_EQ(c->out[0], 0);
    test_thread_give_sc(env, s);
    test_yield();
    ASSERT_EQ(s->out[0], 1);
    ASSERT_EQ(s->out[1], 0x10a);
    ASSERT_EQ(c->out[0], 0); /* Inactive: no reply will ever come */
}

/* Passive server of FASTPATH0011, arg[0] = ep, arg[1] = a second Reply object: a first Call
 * (received with its own Reply object, so on the caller's context), then a second one with
 * arg[1] while it still runs on the first caller's context, answered by a ReplyRecv naming
 * arg[1]; then the root task's Call (arg[1] again), answered by a Send on arg[1]; last the first
 * caller, by a ReplyRecv naming its own Reply object. Each reply: MR0 + 0x10. */
static void two_replies(struct test_thread *self)
{
    seL4_Word badge;
    seL4_CPtr second = self->arg[1];
    seL4_MessageInfo_t one = seL4_MessageInfo_new(0, 0, 0, 1);
    test_recv(self->arg[0], &badge);
    self->out[0] = seL4_GetMR(0);
    seL4_Recv(self->arg[0], &badge, second);
    self->out[1] = seL4_GetMR(0);
    seL4_SetMR(0, self->out[1] + 0x10);
    seL4_ReplyRecv(self->arg[0], one, &badge, second); /* not the top of the call stack */
    self->out[2] = seL4_GetMR(0);
    seL4_SetMR(0, self->out[2] + 0x10);
    seL4_Send(second, one);
    seL4_SetMR(0, self->out[0] + 0x10);
    test_reply_recv(self->arg[0], one, &badge); /* the top: the first caller's context back */
}

TEST(FASTPATH0011, "MCS: ReplyRecv naming a Reply object that is not the top of the running "
                   "context's call stack answers that caller; the context stays lent")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr second = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *s = start_server(env, 0, PRIO, two_replies, ep, second);
    /* c1 Calls: its context goes to s, which then waits for the next Call holding it. */
    struct test_thread *c1 = test_thread_run(env, 1, PRIO, client, ep, 0xc1);
    test_yield();
    ASSERT_EQ(s->out[0], 0xc1);
    ASSERT_EQ(c1->out[0], 0);
    /* c2 Calls (nothing lent: s has a context); s answers it naming `second`. */
    struct test_thread *c2 = test_thread_run(env, 2, PRIO, client, ep, 0xc2);
    test_yield();
    ASSERT_EQ(s->out[1], 0xc2);
    ASSERT_EQ(c2->out[0], 1);
    ASSERT_EQ(c2->out[1], 0xd2);
    ASSERT_EQ(c1->out[0], 0); /* still waiting: its Reply object was not the one named */
    ASSERT_ERR(seL4_SchedContext_UnbindObject(c1->sc, c1->tcb), seL4_IllegalOperation);
    /* The root task's Call is answered the same way; then c1 gets its answer and context. */
    seL4_SetMR(0, 0x77);
    seL4_MessageInfo_t info = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, 0x87);
    test_yield();
    ASSERT_EQ(c1->out[0], 1);
    ASSERT_EQ(c1->out[1], 0xd1);
    ASSERT_ERR(seL4_SchedContext_UnbindObject(c1->sc, s->tcb), seL4_IllegalOperation);
    ASSERT_OK(seL4_SchedContext_UnbindObject(c1->sc, c1->tcb));
}

TEST(FASTPATH0012, "MCS: a caller given a context of its own while it waits: the reply leaves "
                   "the lent context with the server, the caller runs on its new one")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *s = start_server(env, 0, PRIO, waiting_server, ep, ntfn);
    struct test_thread *c = test_thread_run(env, 1, PRIO, client, ep, 0x12);
    test_yield(); /* c Calls; s, on c's context, waits on ntfn mid-call */
    seL4_CPtr lent = c->sc;
    test_thread_give_sc(env, c); /* a new context for c, blocked on its reply */
    ASSERT_EQ(c->out[0], 0);
    seL4_Signal(ntfn);
    test_yield(); /* s answers; c runs on its new context */
    ASSERT_EQ(c->out[0], 1);
    ASSERT_EQ(c->out[1], 0x5e);
    /* The lent context stayed with s, which waits in its receive again, no longer passive. */
    ASSERT_ERR(seL4_SchedContext_UnbindObject(lent, c->tcb), seL4_IllegalOperation);
    ASSERT_OK(seL4_SchedContext_UnbindObject(c->sc, c->tcb));
    ASSERT_OK(seL4_SchedContext_UnbindObject(lent, s->tcb));
}
#endif
