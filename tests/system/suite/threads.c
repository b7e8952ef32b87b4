// SPDX-License-Identifier: BSD-2-Clause
// Child threads for system tests (see threads.h): static stacks, IPC buffer pages and TLS
// blocks in the suite image; TCBs retyped from the test's pool.

#include <stdint.h>
#include <string.h>

#include <cairn/bootinfo.h>
#include <sel4/sel4.h>

#include "threads.h"

#define STACK_BYTES (16 * 1024)
#define TLS_BYTES 1024

/* From runtime/root-task.ld: absolute symbols, use the address as the value. */
extern char __cairn_tls_size[], __cairn_tls_align[];

static struct {
    char stack[STACK_BYTES] __attribute__((aligned(16)));
    seL4_IPCBuffer ipc __attribute__((aligned(4096)));
    char ipc_pad[4096 - sizeof(seL4_IPCBuffer)];
    char tls[TLS_BYTES] __attribute__((aligned(64)));
} storage[TEST_THREADS] __attribute__((aligned(4096)));

static struct test_thread threads[TEST_THREADS];

/* The first code a child runs: x0 = its descriptor. */
static void thread_main(struct test_thread *self)
{
#ifdef CONFIG_KERNEL_MCS
    cairn_set_reply_cap(self->reply);
#endif
    /* Tests fill in arg[] right after test_thread_start returns. If the root task's time
     * slice ran out meanwhile (likely on a slow kernel, e.g. CHECK_INVARIANTS=1: the timer
     * interrupt is taken as the Start returns), the child runs first; one Yield puts it
     * behind the root task, which then stores the arguments before the child reads them. */
    seL4_Yield();
    self->fn(self);
    self->done = 1;
    seL4_TCB_Suspend(self->tcb);
    for (;;)
        seL4_Yield();
}

static uintptr_t align_up(uintptr_t v, uintptr_t a)
{
    return (v + a - 1) & ~(a - 1);
}

/* A TLS block for a child: a copy of the root task's, with its own IPC buffer pointer. */
static uintptr_t make_tls(int index, seL4_IPCBuffer *ipc)
{
    uintptr_t main_tp;
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(main_tp));
    uintptr_t align = (uintptr_t)__cairn_tls_align < 16 ? 16 : (uintptr_t)__cairn_tls_align;
    uintptr_t bytes = align_up(16, align) + (uintptr_t)__cairn_tls_size;
    uintptr_t tp = align_up((uintptr_t)storage[index].tls, align);
    if (tp + bytes > (uintptr_t)storage[index].tls + TLS_BYTES)
        test_fail(__FILE__, __LINE__, "TLS block of %lu bytes does not fit", (unsigned long)bytes);
    memcpy((void *)tp, (void *)main_tp, bytes);
    uintptr_t offset = (uintptr_t)&__sel4_ipc_buffer - main_tp;
    *(seL4_IPCBuffer **)(tp + offset) = ipc;
    return tp;
}

static struct test_thread *setup(struct test_env *env, int index, seL4_Word fault_ep,
                                 seL4_Word prio, void (*fn)(struct test_thread *self), bool resume)
{
    if (index < 0 || index >= TEST_THREADS)
        test_fail(__FILE__, __LINE__, "thread index %d out of range", index);
    struct test_thread *t = &threads[index];
    memset((void *)t, 0, sizeof(*t));
    t->fn = fn;
    t->ipc = &storage[index].ipc;
    memset(t->ipc, 0, sizeof(*t->ipc));
    t->tcb = test_alloc_object(env, seL4_TCBObject, 0);

    seL4_CPtr frame = cairn_image_frame_slot(env->bi, (uintptr_t)t->ipc);
    ASSERT_NE(frame, seL4_CapNull);
#ifdef CONFIG_KERNEL_MCS
    /* MCS: Configure has no fault endpoint; SetSpace gives the thread a copy of the cap. The
     * thread gets a Reply object of its own (its cairn_reply_cap, set by thread_main). */
    ASSERT_OK(test_tcb_configure(t->tcb, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
                                 (seL4_Word)t->ipc, frame));
    if (fault_ep != 0)
        ASSERT_OK(seL4_TCB_SetSpace(t->tcb, fault_ep, seL4_CapInitThreadCNode, 0,
                                    seL4_CapInitThreadVSpace, 0));
    t->reply = test_alloc_object(env, seL4_ReplyObject, 0);
#else
    ASSERT_OK(seL4_TCB_Configure(t->tcb, fault_ep, seL4_CapInitThreadCNode, 0,
                                 seL4_CapInitThreadVSpace, 0, (seL4_Word)t->ipc, frame));
#endif
    ASSERT_OK(seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, prio));

    seL4_UserContext regs;
    memset(&regs, 0, sizeof(regs));
    regs.pc = (seL4_Word)thread_main;
    regs.sp = (seL4_Word)storage[index].stack + STACK_BYTES;
    regs.x0 = (seL4_Word)t;
    regs.tpidr_el0 = make_tls(index, t->ipc);
    ASSERT_OK(seL4_TCB_WriteRegisters(t->tcb, false, 0, sizeof(regs) / sizeof(seL4_Word), &regs));
    if (resume)
        test_thread_resume(env, t);
    return t;
}

struct test_thread *test_thread_start(struct test_env *env, int index, seL4_Word fault_ep,
                                      seL4_Word prio, void (*fn)(struct test_thread *self))
{
    return setup(env, index, fault_ep, prio, fn, true);
}

struct test_thread *test_thread_create(struct test_env *env, int index, seL4_Word fault_ep,
                                       seL4_Word prio, void (*fn)(struct test_thread *self))
{
    return setup(env, index, fault_ep, prio, fn, false);
}

void test_thread_give_sc(struct test_env *env, struct test_thread *t)
{
#ifdef CONFIG_KERNEL_MCS
    /* MCS: a thread runs only with a scheduling context; each started thread gets one of
     * its own, round robin with 10 ms time slices (the non-MCS kernel's slice): budgets are
     * enforced in QEMU's time, which follows a possibly busy host, and a slice much shorter
     * could end in the middle of a test's step (a thread stalled past it restarts its
     * system call later, behind others). */
    t->sc = test_alloc_object(env, seL4_SchedContextObject, seL4_MinSchedContextBits);
    ASSERT_OK(seL4_SchedControl_ConfigureFlags(env->bi->schedcontrol.start, t->sc, 10000, 10000, 0,
                                               0, 0));
    ASSERT_OK(seL4_SchedContext_Bind(t->sc, t->tcb));
#else
    (void)env;
    (void)t;
#endif
}

void test_thread_resume(struct test_env *env, struct test_thread *t)
{
    test_thread_give_sc(env, t);
    ASSERT_OK(seL4_TCB_Resume(t->tcb));
}

void test_thread_make_passive(struct test_thread *t)
{
#ifdef CONFIG_KERNEL_MCS
    ASSERT_OK(seL4_SchedContext_UnbindObject(t->sc, t->tcb));
#else
    (void)t;
#endif
}

struct test_thread *test_thread_run_args(struct test_env *env, int index, seL4_Word fault_ep,
                                         seL4_Word prio, void (*fn)(struct test_thread *self),
                                         const seL4_Word *args, unsigned n)
{
    struct test_thread *t = setup(env, index, fault_ep, prio, fn, false);
    if (n > sizeof(t->arg) / sizeof(t->arg[0]))
        test_fail(__FILE__, __LINE__, "%u thread arguments, at most 4", n);
    for (unsigned i = 0; i < n; i++)
        t->arg[i] = args[i];
    test_thread_resume(env, t);
    return t;
}

void test_yield(void)
{
    for (int i = 0; i < 8; i++)
        seL4_Yield();
}

void test_serve_two_calls(seL4_CPtr ep, seL4_Word want0, seL4_Word reply0, seL4_Word want1,
                          seL4_Word reply1)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, want0);
    seL4_SetMR(0, reply0);
    info = test_reply_recv(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 1);
    ASSERT_MR(0, want1);
    seL4_SetMR(0, reply1);
    test_reply(seL4_MessageInfo_new(0, 0, 0, 1));
    test_yield();
}
