// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6, "Spawning a Thread": a second thread in the root task's own CSpace and VSpace,
// made with the runtime's cairn_thread_create (TCB, stack, IPC buffer, TLS), and the two
// threads talking: first through a notification (the start state, STEP=6.0), then through
// an endpoint with a label (6.A), message registers (6.B) and Call/Reply (6.C). Priorities
// fix the order of events: the root task runs at 255, the new thread at 0. With no STEP the
// program is the whole chapter (the same as 6.C). See README.md and
// docs/tutorial/spawn-thread.md.

#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

/* Steps are cumulative: step N runs everything of the steps before it. */
#if defined(STEP_6_0)
#define STEP_N 0
#elif defined(STEP_6_A)
#define STEP_N 1
#elif defined(STEP_6_B)
#define STEP_N 2
#else
#define STEP_N 3 /* 6.C, which is also the complete chapter */
#endif
#define AT_LEAST(n) (STEP_N >= (n))

/* The secondary thread's priority. The root task runs at seL4_MaxPrio (255). */
#define SECONDARY_PRIORITY 0

#define HELLO_LABEL 123

/*
 * A tiny object allocator, as in chapters 3 to 5: objects come from the largest ordinary
 * untyped, caps go to the next empty slot of the root CNode.
 */
static seL4_CPtr alloc_untyped;
static seL4_CPtr alloc_next_slot;
static seL4_CPtr alloc_end_slot;

static void alloc_init(const seL4_BootInfo *bi)
{
    alloc_untyped = cairn_largest_untyped(bi);
    alloc_next_slot = bi->empty.start;
    alloc_end_slot = bi->empty.end;
    if (alloc_untyped == seL4_CapNull)
        panic("no untyped memory");
}

static seL4_CPtr alloc_object(seL4_Word type, seL4_Word size_bits)
{
    if (alloc_next_slot >= alloc_end_slot)
        panic("out of empty slots");
    seL4_CPtr slot = alloc_next_slot++;
    CHECK(seL4_Untyped_Retype(alloc_untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot,
                              1));
    return slot;
}

/*
 * The secondary thread's stack, IPC buffer and TLS block. Static, so it is part of the
 * image: the IPC buffer page then has a frame cap in BootInfo's userImageFrames.
 */
static cairn_thread_t secondary;

/* The cap the two threads share: a notification in 6.0, an endpoint from 6.A on. */
static seL4_CPtr channel;

/* The secondary thread's code. When it returns, the thread suspends itself. */
static void secondary_main(void *arg)
{
    (void)arg;
    printf("In secondary thread\n");

#if !AT_LEAST(1)
    /* 6.0: wake the root task. */
    seL4_Signal(channel);
#elif !AT_LEAST(2)
    /* 6.A: an empty message; only its label says anything. */
    seL4_Send(channel, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 0));
#elif !AT_LEAST(3)
    /* 6.B: two words in message registers 0 and 1. */
    seL4_SetMR(0, 456);
    seL4_SetMR(1, 789);
    seL4_Send(channel, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 2));
#else
    /* 6.C: the same message, but wait for an answer. */
    seL4_SetMR(0, 456);
    seL4_SetMR(1, 789);
    seL4_MessageInfo_t reply = seL4_Call(channel, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 2));
    if (seL4_MessageInfo_get_length(reply) != 1 || seL4_GetMR(0) != 0xabc)
        panic("unexpected reply: length %lu, MR0 0x%lx",
              (unsigned long)seL4_MessageInfo_get_length(reply), (unsigned long)seL4_GetMR(0));
    printf("secondary thread got reply 0x%lx\n", (unsigned long)seL4_GetMR(0));
#endif
}

int main(const seL4_BootInfo *bi)
{
    alloc_init(bi);

    /* 6.0: a notification (6.A on: an endpoint), and a TCB for the secondary thread. */
#if !AT_LEAST(1)
    channel = alloc_object(seL4_NotificationObject, 0);
#else
    channel = alloc_object(seL4_EndpointObject, 0);
#endif
    seL4_CPtr tcb = alloc_object(seL4_TCBObject, 0);

    /* Configure it (our CNode and VSpace, no fault endpoint), give it a stack, an IPC
     * buffer and TLS, and make it runnable. It does not run yet: we have the higher
     * priority, and we are not blocked. */
    CHECK(cairn_thread_create(&secondary, tcb, SECONDARY_PRIORITY, secondary_main, NULL));
    printf("In primary thread\n");

#if !AT_LEAST(1)
    /* 6.0: blocking here is what lets the secondary thread run. */
    seL4_Word badge;
    seL4_Wait(channel, &badge);
#else
    /* 6.A: receive one message; the sender's badge is 0 (an unbadged cap). */
    seL4_Word badge;
    seL4_MessageInfo_t msg = seL4_Recv(channel, &badge);
    if (seL4_MessageInfo_get_label(msg) != HELLO_LABEL)
        panic("expected label %d, got %lu", HELLO_LABEL,
              (unsigned long)seL4_MessageInfo_get_label(msg));
#endif

#if AT_LEAST(2)
    /* 6.B: the length says how many message registers came; read them before any other
     * IPC overwrites them. */
    if (seL4_MessageInfo_get_length(msg) != 2 || seL4_GetMR(0) != 456 || seL4_GetMR(1) != 789)
        panic("unexpected message: length %lu, MR0 %lu, MR1 %lu",
              (unsigned long)seL4_MessageInfo_get_length(msg), (unsigned long)seL4_GetMR(0),
              (unsigned long)seL4_GetMR(1));
#endif

#if AT_LEAST(3)
    /* 6.C: the Call left a reply capability in our TCB; Reply uses (and consumes) it. */
    seL4_SetMR(0, 0xabc);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
#endif

    printf("TEST_PASS\n");
    return 0;
}
