// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7c, "Scheduling Contexts" (seL4's MCS configuration): the solution, every step in
// order. The build compiles it once per step and the program ends after that step
// (workspaces/step.h): each step is a block in chapter() that begins with a comment naming
// it and ends in `if (step_is(...))`. `make simulate STEP=7c.B` runs it up to the end of
// 7c.B. The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/mcs.md.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#include "step.h"

#define ROUNDS 3
/* Priorities: main steps aside from seL4_MaxPrio (255) to MAIN_PRIORITY at once; the
 * worker and the server run above it. */
#define MAIN_PRIORITY 100
#define WORKER_PRIORITY 200
#define SERVER_PRIORITY 150

static seL4_CPtr sched_control; /* the SchedControl cap of our (only) core */

/* 7c.0: the worker waits for a signal, does a round of work (it says so), and waits
 * again, for ever. */
static cairn_thread_t worker;
static seL4_CPtr work; /* the notification main signals */

static void worker_main(void *arg)
{
    (void)arg;
    for (int round = 1;; round++) {
        seL4_Wait(work, NULL);
        printf("worker: round %d\n", round);
    }
}

/* 7c.B: the server adds up 1..n for its callers, slowly (a loop, one addition at a time). */
static cairn_thread_t server;
static seL4_CPtr endpoint;     /* the server's endpoint */
static seL4_CPtr server_reply; /* its Reply object: Recv names it, the Call links it */

static seL4_Word sum_to(seL4_Word n)
{
    volatile seL4_Word sum = 0;
    for (seL4_Word i = 1; i <= n; i++)
        sum += i;
    return sum;
}

static void server_main(void *arg)
{
    (void)arg;
    seL4_Word badge;
    seL4_Recv(endpoint, &badge, server_reply);
    for (;;) {
        seL4_Word n = seL4_GetMR(0);
        printf("server: adding up 1..%lu\n", (unsigned long)n);
        seL4_SetMR(0, sum_to(n));
        seL4_ReplyRecv(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &badge, server_reply);
    }
}

/* The chapter's steps in order; returns after the step this program is built for. */
static void chapter(void)
{
    /* 7c.0: the worker, with the scheduling context the runtime gives every thread (a
     * budget of 5 ms every 5 ms: all of the time), above main: main steps aside to 100, the
     * worker runs to its first Wait, and then each signal from main runs one round. */
    work = cairn_retype(seL4_NotificationObject, 0);
    if (work == seL4_CapNull)
        panic("no notification: %s", seL4_strerror(cairn_retype_error()));
    CHECK(cairn_thread_create(&worker, seL4_CapNull, WORKER_PRIORITY, worker_main, NULL));
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, MAIN_PRIORITY));
    for (int i = 1; i <= ROUNDS; i++) {
        printf("main: signal %d\n", i);
        seL4_Signal(work);
    }
    if (step_is("7c.0"))
        return;

    /* 7c.A: take the worker's scheduling context away: the signal makes it runnable, but
     * a thread without one never runs. Bound again, it runs at once. */
    CHECK(seL4_SchedContext_Unbind(worker.sc));
    printf("main: signal %d, to a worker without a scheduling context\n", ROUNDS + 1);
    seL4_Signal(work);
    printf("main: the worker has not run\n");
    CHECK(seL4_SchedContext_Bind(worker.sc, worker.tcb));
    printf("main: the worker has its scheduling context back\n");
    if (step_is("7c.A"))
        return;

    /* 7c.B: a passive server. It starts with the runtime's scheduling context and, being
     * above main, runs to its first Recv at once and waits there. Then main takes its
     * scheduling context away: from now on it runs only on the time of whoever calls it. */
    endpoint = cairn_retype(seL4_EndpointObject, 0);
    server_reply = cairn_retype(seL4_ReplyObject, 0);
    if (endpoint == seL4_CapNull || server_reply == seL4_CapNull)
        panic("no endpoint or Reply object: %s", seL4_strerror(cairn_retype_error()));
    CHECK(cairn_thread_create(&server, seL4_CapNull, SERVER_PRIORITY, server_main, NULL));
    CHECK(seL4_SchedContext_Unbind(server.sc));
    printf("main: the server waits for calls, without a scheduling context\n");
    for (seL4_Word n = 10; n <= 1000; n *= 10) {
        seL4_SetMR(0, n);
        seL4_Call(endpoint, seL4_MessageInfo_new(0, 0, 0, 1));
        printf("main: the sum of 1..%lu is %lu\n", (unsigned long)n, (unsigned long)seL4_GetMR(0));
    }
    if (step_is("7c.B"))
        return;
}

int main(const seL4_BootInfo *bi)
{
    sched_control = bi->schedcontrol.start;
    chapter();
    printf("TEST_PASS\n");
    return 0;
}
