// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6c, "Fault Handlers":
// the solution of step 6c.A, the whole program as it stands after that step.
// 6c.A: the slot the faulter waits on is left empty: a cap fault. The faulter has no
// fault endpoint, so the kernel reports the fault and stops it.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/fault-handlers.md. `make simulate STEP=6c.A` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

/* The faulter runs above the root task once the root task has lowered itself (see main). */
#define FAULTER_PRIORITY 200
#define HANDLER_PRIORITY 100

static cairn_thread_t faulter;

/* The slot the faulter waits on: empty until the handler puts a notification cap there. */
static seL4_CPtr target_slot;

static void faulter_main(void *arg)
{
    (void)arg;
    /* Waiting on an empty slot is a cap fault (in the receive phase of the system call). */
    printf("faulter: waiting on slot 0x%lx\n", (unsigned long)target_slot);
    seL4_Wait(target_slot, NULL);
    printf("faulter: woken\n");
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    target_slot = cairn_slot_alloc();

    /* The faulter: a thread in our CSpace and VSpace (chapter 6). It starts at once, but
     * runs only when the root task gives up the processor. */
    cairn_tcb_t tcb = cairn_alloc_tcb();
    if (cairn_cap_is_null(tcb))
        panic("no TCB: %s", seL4_strerror(cairn_retype_error()));
    cairn_tcb_set_name(tcb, "faulter");
    CHECK(cairn_thread_create(&faulter, cairn_cptr(tcb), FAULTER_PRIORITY, faulter_main, NULL));

    /* With no fault endpoint, a fault is reported on the console and the faulter stops for
     * good; we run again once it can no longer run. */

    /* Let the faulter run: it is ready, and from here on it has the higher priority. */
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, HANDLER_PRIORITY));

    printf("TEST_PASS\n");
    return 0;
}
