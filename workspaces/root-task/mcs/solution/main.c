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
 * worker, the server and the hog run above it, the hog and the client start below it. */
#define MAIN_PRIORITY 100
#define WORKER_PRIORITY 200
#define SERVER_PRIORITY 150
#define HOG_PRIORITY 200
#define START_PRIORITY 50
/* 7c.C: the hog's budget, 1 ms every 10 ms (microseconds). */
#define BUDGET_US 1000
#define PERIOD_US 10000
/* 7c.D: the client's, 10 ms every 100 ms: room for its call and the server's first line,
 * far too little for its request. */
#define CLIENT_BUDGET_US 10000
#define CLIENT_PERIOD_US 100000
/* 7c.D: the badge of the client's scheduling context, which its timeout faults carry. */
#define CLIENT_SC_DATA 7
/* 7c.D: the client's request, far more work than one budget. */
#define BIG_REQUEST 100000000UL

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

/* 7c.C: the hog never blocks: it counts, for ever. */
static cairn_thread_t hog;
static volatile seL4_Word hog_count;

static void hog_main(void *arg)
{
    (void)arg;
    for (;;)
        hog_count++;
}

/* 7c.D: the client asks the server for a big sum. */
static cairn_thread_t client;

static void client_main(void *arg)
{
    (void)arg;
    printf("client: asking for the sum of 1..%lu\n", BIG_REQUEST);
    seL4_SetMR(0, BIG_REQUEST);
    seL4_Call(endpoint, seL4_MessageInfo_new(0, 0, 0, 1));
    printf("client: the sum is %lu\n", (unsigned long)seL4_GetMR(0));
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

    /* 7c.C: a budget. The hog starts below main, gets a budget of 1 ms every 10 ms, and is
     * then raised above main: it runs at once, and main runs only while the hog waits for
     * its next 1 ms. Each change of hog_count that main sees is one more budget used up. */
    CHECK(cairn_thread_create(&hog, seL4_CapNull, START_PRIORITY, hog_main, NULL));
    CHECK(seL4_SchedControl_ConfigureFlags(sched_control, hog.sc, BUDGET_US, PERIOD_US, 0, 0,
                                           seL4_SchedContext_NoFlag));
    CHECK(seL4_TCB_SetPriority(hog.tcb, seL4_CapInitThreadTCB, HOG_PRIORITY));
    for (int k = 1; k <= ROUNDS; k++) {
        printf("main: the hog has used up its budget (%d)\n", k);
        seL4_Word seen = hog_count;
        while (hog_count == seen)
            ;
    }
    CHECK(seL4_SchedContext_Unbind(hog.sc));
    printf("main: the hog has no scheduling context now\n");
    /* The kernel kept count: at least ROUNDS budgets (main saw the hog run out once more
     * before it unbound it). */
    seL4_SchedContext_Consumed_t used = seL4_SchedContext_Consumed(hog.sc);
    CHECK(used.error);
    printf("main: the hog has used %s %d ms\n",
           used.consumed >= ROUNDS * BUDGET_US ? "at least" : "less than", ROUNDS);
    if (step_is("7c.C"))
        return;

    /* 7c.D: a timeout fault. The client gets a budget of 10 ms every 100 ms, with
     * CLIENT_SC_DATA as its scheduling context's badge, and asks the passive server for a
     * big sum: the server works on the client's time, and when the client's budget runs out,
     * the kernel sends the server's timeout fault to the server's timeout endpoint. main
     * waits there; it is above the client, so the client runs only once main waits. */
    seL4_CPtr timeout_endpoint = cairn_retype(seL4_EndpointObject, 0);
    seL4_CPtr main_reply = cairn_retype(seL4_ReplyObject, 0);
    if (timeout_endpoint == seL4_CapNull || main_reply == seL4_CapNull)
        panic("no endpoint or Reply object: %s", seL4_strerror(cairn_retype_error()));
    CHECK(seL4_TCB_SetTimeoutEndpoint(server.tcb, timeout_endpoint));
    CHECK(cairn_thread_create(&client, seL4_CapNull, START_PRIORITY, client_main, NULL));
    CHECK(seL4_SchedControl_ConfigureFlags(sched_control, client.sc, CLIENT_BUDGET_US,
                                           CLIENT_PERIOD_US, 0, CLIENT_SC_DATA,
                                           seL4_SchedContext_NoFlag));
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_Recv(timeout_endpoint, &badge, main_reply);
    if (seL4_MessageInfo_get_label(info) != seL4_Fault_Timeout)
        panic("expected a timeout fault, got label %lu",
              (unsigned long)seL4_MessageInfo_get_label(info));
    printf("main: timeout fault from the server, on the scheduling context with badge %lu\n",
           (unsigned long)seL4_GetMR(seL4_Timeout_Data));
    if (step_is("7c.D"))
        return;
}

int main(const seL4_BootInfo *bi)
{
    sched_control = bi->schedcontrol.start;
    chapter();
    printf("TEST_PASS\n");
    return 0;
}
