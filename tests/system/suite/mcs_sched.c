// SPDX-License-Identifier: BSD-2-Clause
// MCS scheduling tests (built only with make MCS=1; tests/system/build.mk, SUITE_SRCS_MCS):
// budgets enforced by sporadic-server refills (docs/design/mcs-scheduling.md): two threads'
// shares of the CPU, a thread that runs out of budget and waits for its refill, timeout
// faults with seL4's message and their replies, SchedContext_Consumed and YieldTo with each
// rejection, and scheduling-context donation through NBSendRecv and bound notifications.
//
// QEMU's clock follows the host's, so a loaded host stretches or stalls guest time: the
// measured assertions compare ratios with wide margins, and the test prints its figures.
// A "clock" thread of high priority with a tiny budget wakes once per period (a Yield gives
// up its budget until its next refill) and signals the root task after a number of periods.

#include <stdio.h>

#include <sel4/sel4.h>

#include "invoke.h"
#include "test.h"
#include "threads.h"

#define PERIOD_US 10000 /* 10 ms */
#define LOW_PRIO 100    /* below the workers: runs only when they have no budget */
#define WORKER_PRIO 200 /* the threads whose budgets are measured */
#define CLOCK_PRIO 250  /* the clock thread: above the workers */
#define ROOT_PRIO 255   /* the root task's own priority */
#define SC_BITS 8       /* room for 6 extra refills */

/* Give t a scheduling context of budget/period microseconds (badge, flags as for
 * SchedControl_ConfigureFlags) and start it. */
static seL4_CPtr start_with_budget(struct test_env *env, struct test_thread *t, seL4_Word budget_us,
                                   seL4_Word period_us, seL4_Word badge, seL4_Word flags)
{
    seL4_CPtr sc = test_alloc_object(env, seL4_SchedContextObject, SC_BITS);
    ASSERT_OK(seL4_SchedControl_ConfigureFlags(env->bi->schedcontrol.start, sc, budget_us,
                                               period_us, 2, badge, flags));
    ASSERT_OK(seL4_SchedContext_Bind(sc, t->tcb));
    t->sc = sc;
    ASSERT_OK(seL4_TCB_Resume(t->tcb));
    return sc;
}

static seL4_Word consumed(seL4_CPtr sc)
{
    seL4_SchedContext_Consumed_t c = seL4_SchedContext_Consumed(sc);
    ASSERT_OK(c.error);
    return c.consumed;
}

/* Child: count in out[0] for ever. */
static void spin(struct test_thread *self)
{
    for (;;)
        self->out[0]++;
}

/* Child clock: wake arg[1] times, once per period of its context, then signal arg[0]. */
static void clock_thread(struct test_thread *self)
{
    for (seL4_Word i = 0; i < self->arg[1]; i++) {
        self->out[0] = i;
        seL4_Yield(); /* gives up the rest of the budget: back at the next refill */
    }
    seL4_Signal(self->arg[0]);
    for (;;)
        seL4_Yield();
}

/* Block the root task for `periods` clock periods (thread slot `index`). */
static void wait_periods(struct test_env *env, int index, seL4_Word periods)
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *c = test_thread_create(env, index, 0, CLOCK_PRIO, clock_thread);
    c->arg[0] = ntfn;
    c->arg[1] = periods;
    start_with_budget(env, c, 100, PERIOD_US, 0, 0);
    seL4_Word badge;
    seL4_Wait(ntfn, &badge);
    ASSERT_OK(seL4_TCB_Suspend(c->tcb));
}

TEST(BUDGET0001, "Two threads with budgets of 2 ms and 6 ms every 10 ms share the CPU 1:3")
{
    struct test_thread *a = test_thread_create(env, 0, 0, WORKER_PRIO, spin);
    struct test_thread *b = test_thread_create(env, 1, 0, WORKER_PRIO, spin);
    start_with_budget(env, a, 2000, PERIOD_US, 0, 0);
    start_with_budget(env, b, 6000, PERIOD_US, 0, 0);
    wait_periods(env, 2, 50);
    ASSERT_OK(seL4_TCB_Suspend(a->tcb));
    ASSERT_OK(seL4_TCB_Suspend(b->tcb));

    seL4_Word na = a->out[0], nb = b->out[0];
    seL4_Word ca = consumed(a->sc), cb = consumed(b->sc);
    printf("BUDGET0001: 50 periods: counts a %lu b %lu (b/a x100 = %lu), consumed a %lu us "
           "b %lu us (b/a x100 = %lu)\n",
           na, nb, na ? nb * 100 / na : 0, ca, cb, ca ? cb * 100 / ca : 0);
    ASSERT_TRUE(na > 0 && ca > 0);
    /* 3:1 expected; the margins absorb a loaded host's stalls. */
    ASSERT_TRUE(nb * 10 >= na * 20 && nb * 10 <= na * 45);
    ASSERT_TRUE(cb * 10 >= ca * 20 && cb * 10 <= ca * 45);
}

/* Child watcher at LOW_PRIO: count how often thread arg[0]'s counter moved between two of
 * its own looks (each move: the worker got a refill and ran again); stop after arg[1]. */
static void watcher(struct test_thread *self)
{
    const struct test_thread *w = (const struct test_thread *)self->arg[0];
    seL4_Word last = w->out[0];
    self->out[1] = 0;
    while (self->out[1] < self->arg[1]) {
        self->out[0]++; /* the watcher runs: the worker, runnable, is out of budget */
        seL4_Word now = w->out[0];
        if (now != last) {
            self->out[1]++;
            last = now;
        }
    }
    seL4_Signal(self->arg[2]);
    for (;;)
        seL4_Yield();
}

TEST(BUDGET0002, "A thread out of budget waits for its refill: a lower priority runs meanwhile, "
                 "then the thread runs again")
{
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *w = test_thread_create(env, 0, 0, WORKER_PRIO, spin);
    struct test_thread *low = test_thread_create(env, 1, 0, LOW_PRIO, watcher);
    low->arg[0] = (seL4_Word)w;
    low->arg[1] = 5;
    low->arg[2] = ntfn;
    start_with_budget(env, w, 1000, 20000, 0, 0);
    start_with_budget(env, low, 10000, 10000, 0, 0); /* round robin: always has budget */
    seL4_Word badge;
    seL4_Wait(ntfn, &badge);
    ASSERT_OK(seL4_TCB_Suspend(w->tcb));
    ASSERT_OK(seL4_TCB_Suspend(low->tcb));

    seL4_Word cw = consumed(w->sc), cl = consumed(low->sc);
    printf("BUDGET0002: worker 1 ms / 20 ms ran 5 times again after waiting; consumed worker "
           "%lu us, lower-priority thread %lu us\n",
           cw, cl);
    ASSERT_EQ(low->out[1], 5);
    ASSERT_TRUE(low->out[0] > 0 && w->out[0] > 0);
    /* 1 ms in 20 against the rest: the worker used far less than the watcher. */
    ASSERT_TRUE(cw * 3 < cl);
}

/* The thread's timeout endpoint: root receives its timeout faults on ep (minted badge). */
TEST(BUDGET0003, "Timeout fault: seL4's message (badge, consumed), a reply resumes the thread, "
                 "a reply with a label leaves it stopped; round robin has none")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr badged = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, badged, env->depth, env->cnode, ep, env->depth,
                              seL4_AllRights, 0x55));
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *t = test_thread_create(env, 0, 0, WORKER_PRIO, spin);
    ASSERT_OK(seL4_TCB_SetTimeoutEndpoint(t->tcb, badged));
    start_with_budget(env, t, 1000, PERIOD_US, 0x77, 0);

    /* Each timeout fault: seL4's message; a reply with label 0 resumes the thread (no
     * registers changed), which at its next refill runs out again. Until it has been seen to
     * run between two faults (a busy host may stall it past a whole budget). */
    seL4_Word badge = 0, count = 0, used[8];
    int faults = 0;
    for (;; faults++) {
        ASSERT_TRUE(faults < 8);
        seL4_MessageInfo_t info = seL4_Recv(ep, &badge, reply);
        ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_Timeout);
        ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_Timeout_Length);
        ASSERT_EQ(badge, 0x55);
        ASSERT_MR(seL4_Timeout_Data, 0x77);
        /* What was used since the last report: the whole budget (less the minimum) the
         * first time; later ones may be smaller, when a stalled run overran its budget and
         * the overrun was charged to the next refill. */
        used[faults] = seL4_GetMR(seL4_Timeout_Consumed);
        ASSERT_TRUE(used[faults] >= (faults == 0 ? 950 : 1));
        if (count > 0 && t->out[0] > count)
            break; /* it ran again after being resumed */
        count = t->out[0];
        seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 0));
    }
    printf("BUDGET0003: budget 1000 us: %d timeout faults, reporting consumed %lu us, then "
           "%lu us\n",
           faults + 1, used[0], used[1]);

    /* A reply with a label leaves the thread stopped: it never counts again. */
    seL4_Send(reply, seL4_MessageInfo_new(1, 0, 0, 0));
    count = t->out[0];
    wait_periods(env, 1, 3);
    ASSERT_EQ(t->out[0], count);
    ASSERT_EQ(consumed(t->sc), 0); /* reported by the second fault, not run since */

    /* A round-robin context (budget == period) ends its time slices without timeout faults. */
    struct test_thread *rr = test_thread_create(env, 2, 0, ROOT_PRIO, spin);
    ASSERT_OK(seL4_TCB_SetTimeoutEndpoint(rr->tcb, badged));
    start_with_budget(env, rr, 1000, 1000, 0x88, 0);
    test_yield();
    ASSERT_TRUE(rr->out[0] > 0);
    seL4_NBRecv(ep, &badge, reply);
    ASSERT_EQ(badge, 0); /* nothing was sent */
    ASSERT_OK(seL4_TCB_Suspend(rr->tcb));
}

TEST(BUDGET0004, "SchedContext_Consumed: microseconds used since the last report, then 0")
{
    /* The root task's own context has run since its last report. */
    seL4_Word before = consumed(seL4_CapInitThreadSC);
    ASSERT_TRUE(before > 0);
    seL4_MessageInfo_t info =
        seL4_Call(seL4_CapInitThreadSC, seL4_MessageInfo_new(SchedContextConsumed, 0, 0, 0));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 0);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);

    /* A thread that ran: its time; asked again before it runs: exactly 0. */
    struct test_thread *t = test_thread_create(env, 0, 0, ROOT_PRIO, spin);
    seL4_CPtr sc = start_with_budget(env, t, 1000, 1000, 0, 0);
    test_yield();
    seL4_Word used = consumed(sc);
    ASSERT_TRUE(used > 0);
    ASSERT_EQ(consumed(sc), 0);
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));

    /* A context that never ran has nothing to report. */
    seL4_CPtr idle = test_alloc_object(env, seL4_SchedContextObject, seL4_MinSchedContextBits);
    ASSERT_EQ(consumed(idle), 0);
}

/* Child: try a YieldTo on context arg[0]; its error in out[0]. */
static void try_yield_to(struct test_thread *self)
{
    self->out[0] = seL4_SchedContext_YieldTo(self->arg[0]).error;
    seL4_Signal(self->arg[1]);
}

TEST(BUDGET0005, "SchedContext_YieldTo: each rejection; a thread of the caller's priority runs "
                 "its time slice first, a lower one only moves to the head of its queue")
{
    /* Not bound to a thread, the caller's own: IllegalOperation. */
    seL4_CPtr unbound = test_alloc_object(env, seL4_SchedContextObject, seL4_MinSchedContextBits);
    ASSERT_ERR(seL4_SchedContext_YieldTo(unbound).error, seL4_IllegalOperation);
    ASSERT_ERR(seL4_SchedContext_YieldTo(seL4_CapInitThreadSC).error, seL4_IllegalOperation);

    /* A thread of the root task's priority: it runs first, the answer is its consumed time. */
    struct test_thread *t = test_thread_create(env, 0, 0, ROOT_PRIO, spin);
    seL4_CPtr sc = start_with_budget(env, t, 1000, 1000, 0, 0);
    test_yield(); /* past its first Yield */
    (void)consumed(sc);
    /* Until it is seen to count during one (a busy host may stall it past a whole slice). */
    seL4_SchedContext_YieldTo_t y;
    for (int tries = 0;; tries++) {
        ASSERT_TRUE(tries < 5);
        seL4_Word count = t->out[0];
        y = seL4_SchedContext_YieldTo(sc);
        ASSERT_OK(y.error);
        if (t->out[0] > count)
            break;
    }
    printf("BUDGET0005: YieldTo a 1 ms round-robin thread: it used %lu us\n", y.consumed);
    ASSERT_TRUE(y.consumed >= 900);
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));

    /* A lower-priority thread: the answer comes at once and it has not run. */
    struct test_thread *low = test_thread_create(env, 1, 0, LOW_PRIO, spin);
    seL4_CPtr low_sc = start_with_budget(env, low, 1000, 1000, 0, 0);
    y = seL4_SchedContext_YieldTo(low_sc);
    ASSERT_OK(y.error);
    ASSERT_EQ(y.consumed, 0);
    ASSERT_EQ(low->out[0], 0);

    /* A caller whose MCP is below the target's priority: IllegalOperation. */
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    struct test_thread *c = test_thread_create(env, 2, 0, ROOT_PRIO, try_yield_to);
    ASSERT_OK(seL4_TCB_SetMCPriority(c->tcb, seL4_CapInitThreadTCB, LOW_PRIO - 1));
    c->arg[0] = low_sc;
    c->arg[1] = ntfn;
    start_with_budget(env, c, 1000, 1000, 0, 0);
    seL4_Word badge;
    seL4_Wait(ntfn, &badge);
    ASSERT_EQ(c->out[0], seL4_IllegalOperation);
    ASSERT_OK(seL4_TCB_Suspend(low->tcb));
}

/* Child passive server: Recv on arg[0] with Reply arg[1], then for ever: count, answer MR0 + 1
 * by NBSendRecv to arg[2] (lending the context back) and receive again. */
static void nbsendrecv_server(struct test_thread *self)
{
    seL4_Word badge;
    seL4_Recv(self->arg[0], &badge, self->arg[1]);
    for (;;) {
        self->out[0]++;
        seL4_SetMR(0, seL4_GetMR(0) + 1);
        seL4_NBSendRecv(self->arg[2], seL4_MessageInfo_new(0, 0, 0, 1), self->arg[0], &badge,
                        self->arg[1]);
    }
}

TEST(BUDGET0006, "NBSendRecv lends the sender's context to a passive receiver, which lends it "
                 "back the same way")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr back = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    seL4_CPtr my_reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *s = test_thread_create(env, 0, 0, ROOT_PRIO, nbsendrecv_server);
    s->arg[0] = ep;
    s->arg[1] = reply;
    s->arg[2] = back;
    test_thread_resume(env, s);
    test_yield();                                             /* it waits in Recv */
    ASSERT_OK(seL4_SchedContext_UnbindObject(s->sc, s->tcb)); /* and is passive now */

    for (seL4_Word i = 1; i <= 2; i++) {
        seL4_Word badge;
        seL4_SetMR(0, 10 * i);
        /* Without the lent context the server could not run and this would never return. */
        seL4_NBSendRecv(ep, seL4_MessageInfo_new(0, 0, 0, 1), back, &badge, my_reply);
        ASSERT_MR(0, 10 * i + 1);
        ASSERT_EQ(s->out[0], i);
        /* The context came back: it is the root task's own again. */
        ASSERT_ERR(seL4_SchedContext_UnbindObject(seL4_CapInitThreadSC, seL4_CapInitThreadTCB),
                   seL4_IllegalOperation);
    }
}

/* Child passive server with a bound notification: Recv on arg[0] (Reply arg[1]) for ever,
 * counting wake-ups in out[0] and the last badge in out[1]. */
static void notified_server(struct test_thread *self)
{
    for (;;) {
        seL4_Word badge;
        seL4_Recv(self->arg[0], &badge, self->arg[1]);
        self->out[0]++;
        self->out[1] = badge;
    }
}

TEST(BUDGET0007, "A passive thread bound to a notification runs on the notification's context "
                 "when signalled and gives it back when it waits again")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr badged = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Mint(env->cnode, badged, env->depth, env->cnode, ntfn, env->depth,
                              seL4_AllRights, 0x9));
    struct test_thread *s = test_thread_create(env, 0, 0, ROOT_PRIO, notified_server);
    s->arg[0] = ep;
    s->arg[1] = reply;
    ASSERT_OK(seL4_TCB_BindNotification(s->tcb, ntfn));
    test_thread_resume(env, s);
    test_yield();                                             /* it waits in Recv */
    ASSERT_OK(seL4_SchedContext_UnbindObject(s->sc, s->tcb)); /* passive */
    seL4_CPtr nsc = test_alloc_object(env, seL4_SchedContextObject, seL4_MinSchedContextBits);
    ASSERT_OK(
        seL4_SchedControl_ConfigureFlags(env->bi->schedcontrol.start, nsc, 1000, 1000, 0, 0, 0));
    ASSERT_OK(seL4_SchedContext_Bind(nsc, ntfn));

    for (seL4_Word i = 1; i <= 2; i++) {
        seL4_Signal(badged);
        test_yield();
        ASSERT_EQ(s->out[0], i);
        ASSERT_EQ(s->out[1], 0x9);
        /* Waiting again, it gave the context back to the notification. */
        ASSERT_ERR(seL4_SchedContext_UnbindObject(nsc, s->tcb), seL4_IllegalOperation);
    }
    /* Without the notification's context a signal finds nobody to run it. */
    ASSERT_OK(seL4_SchedContext_UnbindObject(nsc, ntfn));
    seL4_Signal(badged);
    test_yield();
    ASSERT_EQ(s->out[0], 2);
}

/* Child: one Send on arg[0] (a badged endpoint cap), or one Wait on arg[1] whose badge it
 * keeps in out[0]. */
static void send_once(struct test_thread *self)
{
    seL4_Send(self->arg[0], seL4_MessageInfo_new(0, 0, 0, 0));
}

static void wait_once(struct test_thread *self)
{
    seL4_Word badge = 0;
    seL4_Wait(self->arg[1], &badge);
    self->out[0] = badge;
}

/* Three threads of the root task's priority queue up on `object` (fn), then get priorities
 * 100, 200 and 150 while they wait. */
static void queue_three(struct test_env *env, struct test_thread *t[3],
                        void (*fn)(struct test_thread *self), seL4_CPtr ep, seL4_CPtr ntfn)
{
    static const seL4_Word prio[3] = {100, 200, 150};
    for (int i = 0; i < 3; i++) {
        t[i] = test_thread_create(env, i, 0, ROOT_PRIO, fn);
        t[i]->arg[0] = test_alloc_slot(env);
        t[i]->arg[1] = ntfn;
        ASSERT_OK(seL4_CNode_Mint(env->cnode, t[i]->arg[0], env->depth, env->cnode, ep, env->depth,
                                  seL4_AllRights, i + 1));
        test_thread_resume(env, t[i]);
        test_yield(); /* it runs and blocks: the queue is t[0], t[1], t[2] */
    }
    for (int i = 0; i < 3; i++)
        ASSERT_OK(seL4_TCB_SetPriority(t[i]->tcb, seL4_CapInitThreadTCB, prio[i]));
}

TEST(BUDGET0008, "MCS endpoint and notification queues are in priority order, and a waiting "
                 "thread given a new priority moves to its new place")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr reply = test_alloc_object(env, seL4_ReplyObject, 0);
    struct test_thread *t[3];
    queue_three(env, t, send_once, ep, 0);
    static const seL4_Word want[3] = {2, 3, 1}; /* priorities 200, 150, 100 */
    for (int i = 0; i < 3; i++) {
        seL4_Word badge = 0;
        seL4_Recv(ep, &badge, reply);
        ASSERT_EQ(badge, want[i]);
    }
    for (int i = 0; i < 3; i++)
        ASSERT_OK(seL4_TCB_Suspend(t[i]->tcb)); /* before their slots are used again */

    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    queue_three(env, t, wait_once, ep, ntfn);
    /* Each signal wakes the first waiter with its own badge. */
    for (seL4_Word bit = 1; bit <= 4; bit <<= 1) {
        seL4_CPtr badged = test_alloc_slot(env);
        ASSERT_OK(seL4_CNode_Mint(env->cnode, badged, env->depth, env->cnode, ntfn, env->depth,
                                  seL4_AllRights, bit));
        seL4_Signal(badged);
    }
    /* Below them for a moment, the root task lets them record what they got. */
    ASSERT_OK(seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 50));
    seL4_Yield();
    ASSERT_OK(seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, ROOT_PRIO));
    ASSERT_EQ(t[1]->out[0], 1); /* priority 200: woken first */
    ASSERT_EQ(t[2]->out[0], 2);
    ASSERT_EQ(t[0]->out[0], 4);
}
