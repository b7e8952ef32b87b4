// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7c, "Scheduling Contexts" (seL4's MCS configuration): your file. It starts as a
// complete program, the chapter's start state (7c.0): a spinner thread and main take turns
// on the CPU. The chapter's Makefile says MCS := 1, so everything here is built for and
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

static seL4_CPtr sched_control; /* the SchedControl cap of our (only) core */

/* 7c.0: the spinner prints and yields, for ever. */
static cairn_thread_t spinner;

static void spinner_main(void *arg)
{
    (void)arg;
    for (int i = 0;; i++) {
        printf("spinner: yield %d\n", i);
        seL4_Yield();
    }
}

/* The chapter's steps in order. */
static void chapter(void)
{
    /* 7c.0: a spinner at main's own priority, with the scheduling context the runtime gives
     * every thread (a budget of 5 ms every 5 ms: all of the time); main and the spinner take
     * turns, each Yield letting the other run. */
    CHECK(cairn_thread_create(&spinner, seL4_CapNull, seL4_MaxPrio, spinner_main, NULL));
    for (int i = 0; i < ROUNDS; i++) {
        seL4_Yield();
        printf("main: tick %d\n", i);
    }

    /* EXERCISE 7c.A (docs/tutorial/mcs.md, "7c.A: no scheduling context, no running"): take
     * the spinner's scheduling context (spinner.sc) away with seL4_SchedContext_Unbind, print
     * "main: the spinner has no scheduling context now" and tick three more times. */

    /* EXERCISE 7c.B ("7c.B: a passive server"): start a server that adds up 1..n for its
     * callers, step aside below it, take its scheduling context away once it waits, and
     * call it with 10, 100 and 1000. */
}

int main(const seL4_BootInfo *bi)
{
    sched_control = bi->schedcontrol.start;
    chapter();
    printf("TEST_PASS\n");
    return 0;
}
