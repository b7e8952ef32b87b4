// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7c, "Scheduling Contexts" (seL4's MCS configuration): your file. It starts as a
// complete program, the chapter's start state (7c.0): main wakes a worker thread three
// times. The chapter's Makefile says MCS := 1, so everything here is built for and
// booted on the MCS kernel. Do the exercises in order, each where its comment stands; every
// step keeps what the ones before it added. After an exercise: `make simulate` runs this
// file, `make check` says which steps its output completes and where it first differs, and
// solution/main.c is one way to do it. The text is docs/tutorial/mcs.md.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#define ROUNDS 3
/* main steps aside from seL4_MaxPrio (255) to MAIN_PRIORITY; the worker runs above it. */
#define MAIN_PRIORITY 100
#define WORKER_PRIORITY 200

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

/* The chapter's steps in order. */
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

    /* EXERCISE 7c.A (docs/tutorial/mcs.md, "7c.A: no scheduling context, no running"): take
     * the worker's scheduling context (worker.sc) away with seL4_SchedContext_Unbind, print
     * "main: signal 4, to a worker without a scheduling context", signal it, print "main:
     * the worker has not run"; then bind the context to it again (seL4_SchedContext_Bind)
     * and print "main: the worker has its scheduling context back". */

    /* EXERCISE 7c.B ("7c.B: a passive server"): start a server that adds up 1..n for its
     * callers, above main; take its scheduling context away once it waits, and call it with
     * 10, 100 and 1000. */

    /* EXERCISE 7c.C ("7c.C: a budget that runs out"): start a hog that counts for ever,
     * give it 1 ms every 10 ms, raise it above main and watch it use up its budget three
     * times; then unbind it. */

    /* EXERCISE 7c.D ("7c.D: a timeout fault"): give the server a timeout endpoint; a
     * client with 10 ms every 100 ms asks the server for a big sum; receive the server's
     * timeout fault and print the badge of the scheduling context it ran out on. */
}

int main(const seL4_BootInfo *bi)
{
    sched_control = bi->schedcontrol.start;
    chapter();
    printf("TEST_PASS\n");
    return 0;
}
