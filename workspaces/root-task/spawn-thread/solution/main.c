// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6, "Spawning a Thread": the solution, every step in order. The build compiles it
// once per step and the program ends after that step (workspaces/step.h). Each step changes
// the message the thread sends and adds to what the root task checks: the thread's side is
// one branch per step in secondary_main, the root task's side blocks in chapter() that end
// in `if (step_is(...))`. `make simulate STEP=6.B` runs the program of 6.B. The learner's
// file is main.c in the chapter's folder; the text is docs/tutorial/spawn-thread.md.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#include "step.h"

/* The secondary thread's priority. The root task runs at seL4_MaxPrio (255). */
#define SECONDARY_PRIORITY 0

#define HELLO_LABEL 123

/*
 * The secondary thread's stack, IPC buffer and TLS block. Static, so it is part of the
 * image: the IPC buffer page then has a frame cap in BootInfo's userImageFrames.
 */
static cairn_thread_t secondary;

/* The cap the two threads share: a notification in 6.0, an endpoint from 6.A on. */
static cairn_notification_t wakeup;
static cairn_endpoint_t channel;

/* The secondary thread's code. When it returns, the thread suspends itself. */
static void secondary_main(void *arg)
{
    (void)arg;
    printf("In secondary thread\n");

    if (step_is("6.0")) {
        /* 6.0: wake the root task. */
        cairn_notification_signal(wakeup);
    } else if (step_is("6.A")) {
        /* 6.A: an empty message; only its label says anything. */
        cairn_endpoint_send(channel, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 0));
    } else if (step_is("6.B")) {
        /* 6.B: two words in message registers 0 and 1. */
        seL4_SetMR(0, 456);
        seL4_SetMR(1, 789);
        cairn_endpoint_send(channel, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 2));
    } else {
        /* 6.C: the same message, but wait for an answer. The thread, priority 0, runs on
         * only once the root task has replied and ended. */
        seL4_SetMR(0, 456);
        seL4_SetMR(1, 789);
        seL4_MessageInfo_t reply =
            cairn_endpoint_call(channel, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 2));
        if (seL4_MessageInfo_get_length(reply) != 1 || seL4_GetMR(0) != 0xabc)
            panic("unexpected reply: length %lu, MR0 0x%lx",
                  (unsigned long)seL4_MessageInfo_get_length(reply), (unsigned long)seL4_GetMR(0));
        printf("secondary thread got reply 0x%lx\n", (unsigned long)seL4_GetMR(0));
    }
}

/* The root task's side of the steps; returns after the step this program is built for. */
static void chapter(const seL4_BootInfo *bi)
{
    (void)bi;

    /* 6.0: a notification (6.A on: an endpoint), and a TCB for the secondary thread, from
     * the runtime's allocator (typed caps from cairn_alloc_<kind>(); chapter 3 shows how
     * such an allocator works). */
    if (step_is("6.0"))
        wakeup = cairn_alloc_notification();
    else
        channel = cairn_alloc_endpoint();
    cairn_tcb_t tcb = cairn_alloc_tcb();
    if ((cairn_cap_is_null(wakeup) && cairn_cap_is_null(channel)) || cairn_cap_is_null(tcb))
        panic("retype failed: %s", seL4_strerror(cairn_retype_error()));

    /* Configure it (our CNode and VSpace, no fault endpoint), give it a stack, an IPC
     * buffer and TLS, and make it runnable. It does not run yet: we have the higher
     * priority, and we are not blocked. */
    CHECK(
        cairn_thread_create(&secondary, cairn_cptr(tcb), SECONDARY_PRIORITY, secondary_main, NULL));
    printf("In primary thread\n");

    /* 6.0: blocking here is what lets the secondary thread run. */
    seL4_Word badge;
    if (step_is("6.0")) {
        cairn_notification_wait(wakeup, &badge);
        return;
    }

    /* 6.A: receive one message; the sender's badge is 0 (an unbadged cap). A wrong label
     * panics. */
    seL4_MessageInfo_t msg = cairn_endpoint_recv(channel, &badge);
    if (seL4_MessageInfo_get_label(msg) != HELLO_LABEL)
        panic("expected label %d, got %lu", HELLO_LABEL,
              (unsigned long)seL4_MessageInfo_get_label(msg));
    printf("received label %lu\n", (unsigned long)seL4_MessageInfo_get_label(msg));
    if (step_is("6.A"))
        return;

    /* 6.B: the length says how many message registers came; read them before any other
     * IPC overwrites them. */
    if (seL4_MessageInfo_get_length(msg) != 2 || seL4_GetMR(0) != 456 || seL4_GetMR(1) != 789)
        panic("unexpected message: length %lu, MR0 %lu, MR1 %lu",
              (unsigned long)seL4_MessageInfo_get_length(msg), (unsigned long)seL4_GetMR(0),
              (unsigned long)seL4_GetMR(1));
    printf("received %lu words: %lu, %lu\n", (unsigned long)seL4_MessageInfo_get_length(msg),
           (unsigned long)seL4_GetMR(0), (unsigned long)seL4_GetMR(1));
    if (step_is("6.B"))
        return;

    /* 6.C: the Call left a reply capability in our TCB; Reply uses (and consumes) it: 0xabc
     * in MR0, length 1. */
    seL4_SetMR(0, 0xabc);
    cairn_reply(seL4_MessageInfo_new(0, 0, 0, 1));
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
