// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6, "Spawning a Thread": your file. It starts as a complete program, the chapter's
// start state (6.0): the root task (priority 255) makes a thread at priority 0 and waits on a
// notification; only then does the new thread run, print and signal. The exercises turn the
// notification into an endpoint and a conversation. After an exercise: `make simulate` runs
// this file, `make check` says which steps its output completes and where it first differs,
// and solution/main.c is one way to do it (each step a block, up to the line `if
// (step_is("6.B"))` for 6.B). The text is docs/tutorial/spawn-thread.md.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

/* The secondary thread's priority. The root task runs at seL4_MaxPrio (255). */
#define SECONDARY_PRIORITY 0

#define HELLO_LABEL 123

/*
 * The secondary thread's stack, IPC buffer and TLS block. Static, so it is part of the
 * image: the IPC buffer page then has a frame cap in BootInfo's userImageFrames.
 */
static cairn_thread_t secondary;

/* The cap the two threads share: a notification in 6.0, an endpoint from 6.A on. */
static cairn_notification_t channel;

/* The secondary thread's code. When it returns, the thread suspends itself. */
static void secondary_main(void *arg)
{
    (void)arg;
    printf("In secondary thread\n");

    /* 6.0: wake the root task. */
    cairn_notification_signal(channel);

    /* EXERCISE 6.A (docs/tutorial/spawn-thread.md, "6.A: an endpoint and a label"): make
     * the channel an endpoint (cairn_endpoint_t, cairn_alloc_endpoint in main) and send an
     * empty message with label HELLO_LABEL here (cairn_endpoint_send) instead of the
     * signal; main receives it (cairn_endpoint_recv), checks the label and prints
     * "received label 123".
     * EXERCISE 6.B ("6.B: message registers"): send 456 and 789 in MR0 and MR1; main
     * checks them and prints "received 2 words: 456, 789".
     * EXERCISE 6.C ("6.C: Call and Reply"): Call instead of Send; main replies 0xabc in
     * MR0; check the reply and print "secondary thread got reply 0xabc". */
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;

    /* 6.0: a notification (6.A on: an endpoint), and a TCB for the secondary thread, from
     * the runtime's allocator (typed caps from cairn_alloc_<kind>(); chapter 3 shows how
     * such an allocator works). */
    channel = cairn_alloc_notification();
    cairn_tcb_t tcb = cairn_alloc_tcb();
    if (cairn_cap_is_null(channel) || cairn_cap_is_null(tcb))
        panic("retype failed: %s", seL4_strerror(cairn_retype_error()));

    /* Configure it (our CNode and VSpace, no fault endpoint), give it a stack, an IPC
     * buffer and TLS, and make it runnable. It does not run yet: we have the higher
     * priority, and we are not blocked. */
    CHECK(
        cairn_thread_create(&secondary, cairn_cptr(tcb), SECONDARY_PRIORITY, secondary_main, NULL));
    printf("In primary thread\n");

    /* 6.0: blocking here is what lets the secondary thread run. */
    seL4_Word badge;
    cairn_notification_wait(channel, &badge);

    /* EXERCISES 6.A-6.C: the receiving side of the messages above (Recv, check the label,
     * then the two message registers, then Reply). */

    printf("TEST_PASS\n");
    return 0;
}
