// SPDX-License-Identifier: BSD-2-Clause
// FPU tests: the kernel switches FP/SIMD state lazily (kernel/sched/sched.h): a thread's
// registers move in on its first FP instruction after another thread used them. Each
// thread must still see only its own values, and a thread whose FPU is disabled
// (seL4_TCBFlag_fpuDisabled) still gets a UserException for an FP instruction.

#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define PRIO 255
#define ROUNDS 40

/* Put `v` into d8 and d31 and FPCR's rounding mode, Yield (other threads run and use the
 * FPU), and return whether all three still hold what was put there. */
static int fp_survives_yield(seL4_Word v)
{
    seL4_Word d8, d31, fpcr;
    seL4_Word rmode = (v & 3) << 22;
    __asm__ volatile("fmov d8, %3\n\t"
                     "fmov d31, %3\n\t"
                     "msr fpcr, %4\n\t"
                     "mov x7, %5\n\t" /* seL4_SysYield */
                     "svc #0\n\t"
                     "fmov %0, d8\n\t"
                     "fmov %1, d31\n\t"
                     "mrs %2, fpcr"
                     : "=&r"(d8), "=&r"(d31), "=&r"(fpcr)
                     : "r"(v), "r"(rmode), "i"(seL4_SysYield)
                     : "x7", "v8", "v31", "memory");
    __asm__ volatile("msr fpcr, xzr" ::: "memory");
    return d8 == v && d31 == v && (fpcr & (3 << 22)) == rmode;
}

/* Child: ROUNDS times a value of its own through a Yield; out[0] counts the mismatches. */
static void fp_user(struct test_thread *self)
{
    for (seL4_Word i = 0; i < ROUNDS; i++) {
        if (!fp_survives_yield(self->arg[0] + i))
            self->out[0]++;
        self->out[1]++;
    }
}

TEST(FPU0001, "FP/SIMD registers and FPCR stay with their thread across switches (lazy FPU)")
{
    struct test_thread *a = test_thread_create(env, 0, 0, PRIO, fp_user);
    struct test_thread *b = test_thread_create(env, 1, 0, PRIO, fp_user);
    a->arg[0] = 0xa000000000000001;
    b->arg[0] = 0xb000000000000002;
    test_thread_resume(env, a);
    test_thread_resume(env, b);
    seL4_Word mine = 0;
    for (seL4_Word i = 0; i < ROUNDS; i++) {
        if (!fp_survives_yield(0xc000000000000003 + i))
            mine++;
    }
    /* Until both are through (a slow kernel may take one off the CPU mid-round). */
    for (int i = 0; i < 1000 && (a->out[1] < ROUNDS || b->out[1] < ROUNDS); i++)
        seL4_Yield();
    ASSERT_EQ(mine, 0);
    ASSERT_EQ(a->out[1], ROUNDS);
    ASSERT_EQ(b->out[1], ROUNDS);
    ASSERT_EQ(a->out[0], 0);
    ASSERT_EQ(b->out[0], 0);
}

/* An FP instruction at a known place. */
static void fp_disabled_child(struct test_thread *self)
{
    __asm__ volatile(".global fp_insn\n"
                     "fp_insn: fmov d0, xzr" ::
                         : "v0");
    self->out[0] = 1;
}
extern char fp_insn[];

TEST(FPU0002,
     "a thread with seL4_TCBFlag_fpuDisabled gets a UserException (EC 7) for an FP instruction")
{
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    struct test_thread *t = test_thread_create(env, 0, ep, PRIO, fp_disabled_child);
    seL4_TCB_SetFlags_t r = seL4_TCB_SetFlags(t->tcb, 0, seL4_TCBFlag_fpuDisabled);
    ASSERT_EQ(r.error, seL4_NoError);
    test_thread_resume(env, t);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_UserException);
    ASSERT_MR(0, (seL4_Word)fp_insn);
    ASSERT_EQ(seL4_GetMR(3) >> 26, 0x07); /* EC: FP/SIMD access trapped */
    ASSERT_EQ(t->out[0], 0);
}
