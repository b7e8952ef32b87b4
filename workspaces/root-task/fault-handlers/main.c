// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6c, "Fault Handlers": your file. It starts as a complete program, the chapter's
// start state (6c.0): a thread (the faulter) waits on a notification that is already
// signalled, so it runs to its end. The exercises make it fault, catch the fault in the root
// task, read it, fix its cause and resume the faulter. Do them in order, each where its
// comment stands; every step keeps what the ones before it added. After an exercise: `make
// simulate` runs this file, `make check` says which steps its output completes and where it
// first differs, and solution/main.c is one way to do it (each step a block, up to the line
// `if (step_is("6c.C"))` for 6c.C). The text is docs/tutorial/fault-handlers.md.

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

    /* EXERCISE 6c.E (docs/tutorial/fault-handlers.md, "6c.E: a VM fault"): print
     * "faulter: reading 0x30000000", load a word from that address (nothing is mapped
     * there) and print "faulter: read <the value>". */
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

    /* The slot the faulter waits on holds a notification, already signalled, so its Wait
     * returns at once. */
    cairn_notification_t notification = cairn_alloc_notification();
    CHECK(
        cairn_cnode_copy(cairn_cspath(target_slot), cairn_cspath_of(notification), seL4_AllRights));
    cairn_notification_signal(notification);
    /* EXERCISE 6c.A (docs/tutorial/fault-handlers.md, "6c.A: make it fault"): leave the
     * slot empty (take out the notification above) and read the kernel's report.
     * EXERCISE 6c.B ("6c.B: a fault endpoint"): give the faulter a fault endpoint: a new
     * endpoint, a copy of its cap minted with the badge 0xfa into a new slot, and that slot
     * named as the faulter's fault endpoint with TCB_SetSpace (its CSpace and VSpace stay
     * ours). */

    /* Let the faulter run: it is ready, and from here on it has the higher priority. */
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, HANDLER_PRIORITY));

    /* EXERCISE 6c.B: receive the fault message on the endpoint and print "handler: message
     * from badge 0x<badge>, label <label> (cap fault)".
     * EXERCISE 6c.C ("6c.C: reading the fault message"): print "handler: cap fault on CPtr
     * 0x<cptr>, pc 0x<pc>, receive phase, lookup failure <type> (missing capability)", all
     * from the message (seL4_getFault and the seL4_Fault_CapFault_get_* getters).
     * EXERCISE 6c.D ("6c.D: fix the cause, then reply"): put a notification cap into the
     * slot the faulter waits on and signal it; print "handler: put a signalled notification
     * in slot 0x<cptr>; replying" and reply with an empty message.
     * EXERCISE 6c.E ("6c.E: a VM fault"): receive the next fault, print "handler: VM fault
     * at 0x<addr>, data access, FSR 0x<fsr>", map a new frame at that page, store 42 at the
     * address, print "handler: mapped a frame at 0x<page>; replying" and reply. */

    printf("TEST_PASS\n");
    return 0;
}
