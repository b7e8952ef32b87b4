// SPDX-License-Identifier: BSD-2-Clause
// IPC and notification benchmarks. Every partner thread runs at the root task's priority
// (255), so a Call switches to the server and the reply switches back, as in seL4's own
// IPC benchmark; a one-way Send or a Signal leaves the root task running, and a Yield
// afterwards lets the partner block again before the next iteration.
//
//   ipc_call_<n>w         seL4_Call with n message words to a server in the same VSpace that
//                         answers with seL4_ReplyRecv (n words back): one round trip
//   ipc_call_1w_vspace    the same, server in another VSpace (its own ASID)
//   ipc_send_1w           seL4_Send of 1 word to a thread waiting in seL4_Recv
//   signal_idle           seL4_Signal on a notification nobody waits on
//   signal_waiter         seL4_Signal that wakes a thread waiting in seL4_Wait
//
// MCS (make bench MCS=1): every partner has a scheduling context of its own (the runtime's
// cairn_thread_create gives one), and a server receives with a Reply object and answers
// through it; so the round trips above go the general way (seL4's MCS fastpath takes only a
// server without a context). Added there:
//   ipc_call_<n>w_passive the round trip with a passive server: it has no scheduling context
//                         and runs on the caller's, lent by the Call and given back by the reply
#include <stdint.h>
#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/runtime.h>
#include <cairn/thread.h>
#include <cairn/vspace.h>
#include "bench.h"

#define PRIORITY 255

struct partner {
    seL4_CPtr cap;   /* endpoint or notification it waits on */
    seL4_Word words; /* reply length (servers) */
#ifdef CONFIG_KERNEL_MCS
    seL4_CPtr reply; /* MCS: the Reply object it receives with */
#endif
};

#ifdef CONFIG_KERNEL_MCS
#define RECV(p, badge) seL4_Recv((p)->cap, (badge), (p)->reply)
#define REPLY_RECV(p, info, badge) seL4_ReplyRecv((p)->cap, (info), (badge), (p)->reply)
#else
#define RECV(p, badge) seL4_Recv((p)->cap, (badge))
#define REPLY_RECV(p, info, badge) seL4_ReplyRecv((p)->cap, (info), (badge))
#endif

static void server(void *arg)
{
    const struct partner *p = arg;
    seL4_Word badge;
    RECV(p, &badge);
    for (;;) {
        REPLY_RECV(p, seL4_MessageInfo_new(0, 0, 0, p->words), &badge);
    }
}

static void receiver(void *arg)
{
    const struct partner *p = arg;
    for (;;) {
        RECV(p, NULL);
    }
}

static void waiter(void *arg)
{
    const struct partner *p = arg;
    for (;;) {
        seL4_Wait(p->cap, NULL);
    }
}

static cairn_thread_t threads[8];
static struct partner partners[8];
static unsigned thread_count;

// Start fn on a new thread at the root task's priority, waiting on a new object of `type`.
static struct partner *start(void (*fn)(void *), seL4_Word type, seL4_Word words)
{
    unsigned i = thread_count++;
    partners[i] = (struct partner){.cap = alloc_object(type, 0), .words = words};
#ifdef CONFIG_KERNEL_MCS
    partners[i].reply = alloc_object(seL4_ReplyObject, 0);
#endif
    CHECK(cairn_thread_create(&threads[i], seL4_CapNull, PRIORITY, fn, &partners[i]));
    return &partners[i];
}

static seL4_CPtr new_table(seL4_Word type, seL4_Word size_bits)
{
    return alloc_object(type, size_bits);
}

// A VSpace of its own (new ASID) that maps every image page the way the root task's does,
// through copies of BootInfo's frame caps: the same code, data and stacks, other tables.
static seL4_CPtr image_vspace(const seL4_BootInfo *bi)
{
    seL4_CPtr vspace = alloc_object(seL4_ARM_VSpaceObject, 0);
    CHECK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, vspace));
    uintptr_t va = (uintptr_t)__executable_start & ~(uintptr_t)(CAIRN_GRANULE_BYTES - 1);
    for (seL4_CPtr f = bi->userImageFrames.start; f < bi->userImageFrames.end; f++) {
        seL4_CPtr copy = cairn_slot_alloc();
        CHECK(seL4_CNode_Copy(seL4_CapInitThreadCNode, copy, seL4_WordBits, seL4_CapInitThreadCNode,
                              f, seL4_WordBits, seL4_AllRights));
        CHECK(cairn_map_with_tables(vspace, copy, va, seL4_ReadWrite, seL4_ARM_Default_VMAttributes,
                                    new_table));
        va += CAIRN_GRANULE_BYTES;
    }
    return vspace;
}

// Inlined with a constant word count, so setting the MRs is straight-line code.
static inline __attribute__((always_inline)) seL4_Error call(seL4_CPtr ep, seL4_Word words)
{
    for (seL4_Word i = 0; i < words; i++) {
        seL4_SetMR((int)i, i);
    }
    seL4_Call(ep, seL4_MessageInfo_new(0, 0, 0, words));
    return seL4_NoError;
}

static seL4_Error send(seL4_CPtr ep)
{
    seL4_SetMR(0, 1);
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    return seL4_NoError;
}

static seL4_Error signal(seL4_CPtr ntfn)
{
    seL4_Signal(ntfn);
    return seL4_NoError;
}

static inline __attribute__((always_inline)) void round_trips(const char *name, const char *what,
                                                              seL4_CPtr ep, seL4_Word words)
{
    struct stat s = {0};
    call(ep, words); /* warm up: first contact */
    for (int i = 0; i < ITERATIONS; i++) {
        TIME(s, call(ep, words));
    }
    report(name, what, &s);
}

void bench_ipc(const seL4_BootInfo *bi)
{
    struct partner *s0 = start(server, seL4_EndpointObject, 0);
    struct partner *s1 = start(server, seL4_EndpointObject, 1);
    struct partner *s4 = start(server, seL4_EndpointObject, 4);
    struct partner *sv = start(server, seL4_EndpointObject, 1);
    CHECK(seL4_TCB_SetSpace(threads[thread_count - 1].tcb, seL4_CapNull, seL4_CapInitThreadCNode, 0,
                            image_vspace(bi), 0));
    struct partner *rx = start(receiver, seL4_EndpointObject, 0);
    struct partner *wt = start(waiter, seL4_NotificationObject, 0);
#ifdef CONFIG_KERNEL_MCS
    struct partner *p1 = start(server, seL4_EndpointObject, 1);
    struct partner *p4 = start(server, seL4_EndpointObject, 4);
#endif
    seL4_CPtr idle = alloc_object(seL4_NotificationObject, 0);
    seL4_Yield(); /* every partner runs up to its first wait */

    round_trips("ipc_call_0w", "Call/ReplyRecv round trip, 0 words", s0->cap, 0);
    round_trips("ipc_call_1w", "Call/ReplyRecv round trip, 1 word", s1->cap, 1);
    round_trips("ipc_call_4w", "Call/ReplyRecv round trip, 4 words", s4->cap, 4);
    round_trips("ipc_call_1w_vspace", "the same, 1 word, server in another VSpace", sv->cap, 1);
#ifdef CONFIG_KERNEL_MCS
    /* The last two servers, waiting in Recv, give up their contexts: passive from now on. */
    for (unsigned i = thread_count - 2; i < thread_count; i++)
        CHECK(seL4_TCB_SetSchedParams(threads[i].tcb, seL4_CapInitThreadTCB, PRIORITY, PRIORITY,
                                      seL4_CapNull, seL4_CapNull));
    round_trips("ipc_call_1w_passive", "the same, 1 word, passive server", p1->cap, 1);
    round_trips("ipc_call_4w_passive", "the same, 4 words, passive server", p4->cap, 4);
#endif

    struct stat s_send = {0}, s_idle = {0}, s_wake = {0};
    for (int i = 0; i < ITERATIONS; i++) {
        TIME(s_send, send(rx->cap));
        seL4_Yield();
        TIME(s_idle, signal(idle));
        TIME(s_wake, signal(wt->cap));
        seL4_Yield();
    }
    report("ipc_send_1w", "Send, 1 word, to a waiting receiver", &s_send);
    report("signal_idle", "Signal, nobody waiting", &s_idle);
    report("signal_waiter", "Signal that wakes a waiting thread", &s_wake);
}
