// SPDX-License-Identifier: BSD-2-Clause
// Preemption by the kernel timer: threads that never block or yield still share the CPU
// round robin within their priority (seL4 non-MCS: a 5-tick time slice of 2 ms ticks).

#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define ROOT_PRIO 255 /* the root task's priority from boot */
#define SPIN_PRIO 100
/* Upper bound on the root's polling loop: at any plausible QEMU speed this is far more
 * than the three time slices (30 ms) the children need, and far less than the suite's
 * 30 s per-test timeout. */
#define POLL_LIMIT 100000000ul

static void spin(struct test_thread *self)
{
    for (;;)
        self->out[0]++;
}

TEST(PREEMPT0001,
     "timer preemption: two spinning threads and the root share one priority round robin")
{
    struct test_thread *a = test_thread_start(env, 0, 0, SPIN_PRIO, spin);
    struct test_thread *b = test_thread_start(env, 1, 0, SPIN_PRIO, spin);
    /* Below the root's priority the children cannot have run yet. */
    seL4_Word a_before = a->out[0], b_before = b->out[0];

    /* Join them at their priority, then never block or yield: only the timer can take
     * the CPU away from the root and give it back. */
    seL4_Error lowered =
        seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, SPIN_PRIO);
    seL4_Word polls = 0;
    if (lowered == seL4_NoError) {
        while ((a->out[0] == 0 || b->out[0] == 0) && polls < POLL_LIMIT)
            polls++;
    }
    seL4_Word a_seen = a->out[0], b_seen = b->out[0];

    /* Clean up before asserting: a failed assertion must not leave the root at the
     * children's priority with two spinners beside it. */
    seL4_Error a_stop = seL4_TCB_Suspend(a->tcb);
    seL4_Error b_stop = seL4_TCB_Suspend(b->tcb);
    seL4_Error restored =
        seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, ROOT_PRIO);

    ASSERT_EQ(a_before, 0);
    ASSERT_EQ(b_before, 0);
    ASSERT_OK(lowered);
    ASSERT_OK(a_stop);
    ASSERT_OK(b_stop);
    ASSERT_OK(restored);
    if (a_seen == 0 || b_seen == 0)
        test_fail(__FILE__, __LINE__, "after %lu polls: counters %lu and %lu (no preemption)",
                  (unsigned long)polls, (unsigned long)a_seen, (unsigned long)b_seen);
}
