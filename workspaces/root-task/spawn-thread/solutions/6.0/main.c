// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6, "Spawning a Thread":
// the solution of step 6.0, the whole program as it stands after that step.
// 6.0: The start state: the root task (priority 255) starts a thread at priority 0 and waits
// on a notification; only then does the new thread run, print and signal.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/spawn-thread.md. `make simulate STEP=6.0` runs this; diff it with the
// previous step's solution to see the step alone.

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

    printf("TEST_PASS\n");
    return 0;
}
