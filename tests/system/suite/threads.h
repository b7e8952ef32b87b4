// SPDX-License-Identifier: BSD-2-Clause
// Child threads for system tests: a TCB retyped from the test's pool, sharing the root
// task's CSpace and VSpace, with its own stack, IPC buffer page and TLS block from a small
// static set in the suite image. Only libsel4 calls, so it also runs on upstream seL4.
#pragma once

#include <sel4/sel4.h>

#include "test.h"

#define TEST_THREADS 3

struct test_thread {
    seL4_CPtr tcb;       /* TCB cap in the root CNode */
    seL4_IPCBuffer *ipc; /* the thread's IPC buffer (also readable by the root task) */
#ifdef CONFIG_KERNEL_MCS
    seL4_CPtr sc; /* MCS: its scheduling context (test_thread_start only), else 0 */
#endif
    void (*fn)(struct test_thread *self);
    seL4_Word arg[4];          /* free for the test */
    volatile seL4_Word out[8]; /* results the thread leaves for the root task */
    volatile seL4_Word done;   /* set to 1 when fn returns (then the thread suspends) */
};

/*
 * Create thread number `index` (0..TEST_THREADS-1): retype a TCB, configure it with the
 * root CSpace and VSpace, the fault handler CPtr `fault_ep` (0 = none; MCS: the thread keeps a
 * copy of that endpoint cap, given with TCB_SetSpace) and its IPC buffer,
 * set its priority to `prio`, and start it at fn(self). Set arg[] first with
 * test_thread_create + test_thread_resume when the thread reads it.
 * Fails the test on any error. The thread runs when the scheduler picks it.
 */
struct test_thread *test_thread_start(struct test_env *env, int index, seL4_Word fault_ep,
                                      seL4_Word prio, void (*fn)(struct test_thread *self));

/* As test_thread_start, but the thread is configured and left stopped (not resumed); MCS: it
 * has no scheduling context. */
struct test_thread *test_thread_create(struct test_env *env, int index, seL4_Word fault_ep,
                                       seL4_Word prio, void (*fn)(struct test_thread *self));

/*
 * Start a thread made by test_thread_create (MCS: with a scheduling context of its own, as
 * test_thread_start gives). Set the thread's arg[] before this call: once resumed, a thread
 * of the root task's priority may run at the next timer tick.
 */
void test_thread_resume(struct test_env *env, struct test_thread *t);

/* Let every ready thread at the root task's priority run once (a few seL4_Yield calls). */
void test_yield(void);

/*
 * A server's receive, ReplyRecv and reply in either configuration: MCS names the Reply object
 * `reply` (a Call links it, the answer is a Send on it); non-MCS answers through the caller
 * cap in the TCB and `reply` is unused (seL4_CapNull). test_reply_object gives a server its
 * Reply object (non-MCS: seL4_CapNull).
 */
static inline seL4_MessageInfo_t test_recv(seL4_CPtr ep, seL4_Word *badge, seL4_CPtr reply)
{
#ifdef CONFIG_KERNEL_MCS
    return seL4_Recv(ep, badge, reply);
#else
    (void)reply;
    return seL4_Recv(ep, badge);
#endif
}

static inline seL4_MessageInfo_t test_reply_recv(seL4_CPtr ep, seL4_MessageInfo_t info,
                                                 seL4_Word *badge, seL4_CPtr reply)
{
#ifdef CONFIG_KERNEL_MCS
    return seL4_ReplyRecv(ep, info, badge, reply);
#else
    (void)reply;
    return seL4_ReplyRecv(ep, info, badge);
#endif
}

static inline void test_reply(seL4_CPtr reply, seL4_MessageInfo_t info)
{
#ifdef CONFIG_KERNEL_MCS
    seL4_Send(reply, info);
#else
    (void)reply;
    seL4_Reply(info);
#endif
}

seL4_CPtr test_reply_object(struct test_env *env);

/* MCS: t, which must be waiting in a receive, gives up its scheduling context and serves from
 * now on as a passive server, on its callers' contexts (lent by each Call, given back by the
 * reply). Non-MCS: nothing happens. */
void test_thread_make_passive(struct test_thread *t);

/*
 * Serve two Calls queued on ep, one message word each way, with the Reply object `reply`
 * (test_reply_object): receive the first (its MR0 must be want0), answer it with reply0 by
 * ReplyRecv, which must receive the second (MR0 want1), answer that with reply1 by a reply;
 * then test_yield so that both callers take their replies.
 */
void test_serve_two_calls(seL4_CPtr ep, seL4_CPtr reply, seL4_Word want0, seL4_Word reply0,
                          seL4_Word want1, seL4_Word reply1);
