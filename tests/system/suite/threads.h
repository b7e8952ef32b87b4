// SPDX-License-Identifier: BSD-2-Clause
// Child threads for system tests: a TCB retyped from the test's pool, sharing the root
// task's CSpace and VSpace, with its own stack, IPC buffer page and TLS block from a small
// static set in the suite image. Only libsel4 calls, so it also runs on upstream seL4.
#pragma once

#include <cairn/caps.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#include "test.h"

#define TEST_THREADS 3

struct test_thread {
    seL4_CPtr tcb;       /* TCB cap in the root CNode */
    seL4_IPCBuffer *ipc; /* the thread's IPC buffer (also readable by the root task) */
#ifdef CONFIG_KERNEL_MCS
    seL4_CPtr sc;    /* MCS: its scheduling context (test_thread_start only), else 0 */
    seL4_CPtr reply; /* MCS: its Reply object, the thread's cairn_reply_cap() */
#endif
    void (*fn)(struct test_thread *self);
    seL4_Word arg[4];          /* free for the test */
    volatile seL4_Word out[8]; /* results the thread leaves for the root task */
    volatile seL4_Word done;   /* set to 1 when fn returns (then the thread suspends) */
};

/*
 * Create thread number `index` (0..TEST_THREADS-1): retype a TCB, configure it with the
 * root CSpace and VSpace, the fault handler CPtr `fault_ep` (0 = none; MCS: the thread keeps a
 * copy of that endpoint cap, given with TCB_SetSpace) and its IPC buffer (MCS: and give it a
 * Reply object of its own for test_recv and test_reply),
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

/* test_thread_resume without the Resume: MCS binds the thread's scheduling context (a test
 * that resumes it in its own way calls this first); non-MCS does nothing. */
void test_thread_give_sc(struct test_env *env, struct test_thread *t);

/* MCS: t, which must be waiting in a receive, gives up its scheduling context and serves from
 * now on as a passive server, on its callers' contexts (lent by each Call, given back by the
 * reply; the MCS fastpath's case). Non-MCS: nothing happens. */
void test_thread_make_passive(struct test_thread *t);

/*
 * The usual start of a child: test_thread_create with no fault handler, arg[0..n-1] set to
 * the (up to four) values after fn, then test_thread_resume. The values are evaluated before
 * the thread is made, so objects they name must exist already.
 */
#define test_thread_run(env, index, prio, fn, ...)                                                 \
    test_thread_run_handled(env, index, 0, prio, fn, __VA_ARGS__)
/* The same with the fault handler CPtr `fault_ep` (as test_thread_create's). */
#define test_thread_run_handled(env, index, fault_ep, prio, fn, ...)                               \
    test_thread_run_args(env, index, fault_ep, prio, fn, (const seL4_Word[]){__VA_ARGS__},         \
                         sizeof((const seL4_Word[]){__VA_ARGS__}) / sizeof(seL4_Word))
struct test_thread *test_thread_run_args(struct test_env *env, int index, seL4_Word fault_ep,
                                         seL4_Word prio, void (*fn)(struct test_thread *self),
                                         const seL4_Word *args, unsigned n);

/* Let every ready thread at the root task's priority run once (a few seL4_Yield calls). */
void test_yield(void);

/*
 * Receiving and replying, one form for both configurations (docs/design/abi.md §0.1): the
 * runtime's calls (<cairn/caps.h>), which in MCS name the calling thread's Reply object,
 * cairn_reply_cap() (the root task's is made by main.c, a child's by test_thread_create), and
 * reply by a Send on it. A test of what differs between the two uses libsel4 itself.
 */
static inline seL4_MessageInfo_t test_recv(seL4_CPtr ep, seL4_Word *badge)
{
    return cairn_endpoint_recv(cairn_as_endpoint(ep), badge);
}

static inline seL4_MessageInfo_t test_nbrecv(seL4_CPtr ep, seL4_Word *badge)
{
    return cairn_endpoint_nb_recv(cairn_as_endpoint(ep), badge);
}

static inline seL4_MessageInfo_t test_reply_recv(seL4_CPtr ep, seL4_MessageInfo_t info,
                                                 seL4_Word *badge)
{
    return cairn_endpoint_reply_recv(cairn_as_endpoint(ep), info, badge);
}

/* Answer the Call (or fault) this thread received last; nothing happens if there is none. */
static inline void test_reply(seL4_MessageInfo_t info)
{
    cairn_reply(info);
}

/* TCB_Configure without a fault endpoint (MCS has none in Configure; non-MCS gets CPtr 0). */
static inline seL4_Error test_tcb_configure(seL4_CPtr tcb, seL4_CPtr cspace, seL4_Word cspace_data,
                                            seL4_CPtr vspace, seL4_Word vspace_data,
                                            seL4_Word buffer, seL4_CPtr buffer_frame)
{
#ifdef CONFIG_KERNEL_MCS
    return seL4_TCB_Configure(tcb, cspace, cspace_data, vspace, vspace_data, buffer, buffer_frame);
#else
    return seL4_TCB_Configure(tcb, 0, cspace, cspace_data, vspace, vspace_data, buffer,
                              buffer_frame);
#endif
}

/* TCB_SetSchedParams changing only the priorities: MCS also takes a scheduling context and a
 * fault endpoint, here both the null cap (no context bound; no fault endpoint), checked after
 * the authority and the two priorities, so the errors of those checks are the same. */
static inline seL4_Error test_tcb_set_sched_params(seL4_CPtr tcb, seL4_CPtr authority,
                                                   seL4_Word mcp, seL4_Word prio)
{
#ifdef CONFIG_KERNEL_MCS
    return seL4_TCB_SetSchedParams(tcb, authority, mcp, prio, seL4_CapNull, seL4_CapNull);
#else
    return seL4_TCB_SetSchedParams(tcb, authority, mcp, prio);
#endif
}

/*
 * Serve two Calls queued on ep, one message word each way: receive the first (its MR0 must be
 * want0), answer it with reply0 by ReplyRecv, which must receive the second (MR0 want1), answer
 * that with reply1 by Reply; then test_yield so that both callers take their replies.
 */
void test_serve_two_calls(seL4_CPtr ep, seL4_Word want0, seL4_Word reply0, seL4_Word want1,
                          seL4_Word reply1);
