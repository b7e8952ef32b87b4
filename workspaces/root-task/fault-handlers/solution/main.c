// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6c, "Fault Handlers": the solution, every step in order. The build compiles it once
// per step and the program ends after that step (workspaces/step.h): each step is a block in
// chapter() that begins with a comment naming it and ends in `if (step_is(...))`. `make
// simulate STEP=6c.C` runs it up to the end of 6c.C. The learner's file is main.c in the
// chapter's folder; the text is docs/tutorial/fault-handlers.md.

#include <stdint.h>
#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

#include "step.h"

/* The faulter runs above the root task once the root task has lowered itself (see main). */
#define FAULTER_PRIORITY 200
#define HANDLER_PRIORITY 100

/* The badge of the faulter's fault endpoint: it tells the handler whose fault arrived. */
#define FAULTER_BADGE 0xfa

/* An address nothing is mapped at (the same level-1 entry as the image, far above it). */
#define UNMAPPED_VADDR 0x30000000UL
#define HANDLER_VALUE 42

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
    if (step_before("6c.E"))
        return;

    /* 6c.E: a load from a page that is not mapped. */
    printf("faulter: reading 0x%lx\n", UNMAPPED_VADDR);
    seL4_Word value = *(volatile seL4_Word *)UNMAPPED_VADDR;
    printf("faulter: read %lu\n", (unsigned long)value);
}

static const char *fault_name(seL4_Word label)
{
    switch (label) {
    case seL4_Fault_CapFault:
        return "cap fault";
    case seL4_Fault_VMFault:
        return "VM fault";
    case seL4_Fault_UnknownSyscall:
        return "unknown syscall";
    case seL4_Fault_UserException:
        return "user exception";
    default:
        return "another fault";
    }
}

/* Wait for the next fault message on `fault_ep`; check it came from the faulter. */
static seL4_Fault_t receive_fault(cairn_endpoint_t fault_ep)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = cairn_endpoint_recv(fault_ep, &badge);
    seL4_Word label = seL4_MessageInfo_get_label(info);
    printf("handler: message from badge 0x%lx, label %lu (%s)\n", (unsigned long)badge,
           (unsigned long)label, fault_name(label));
    if (badge != FAULTER_BADGE)
        panic("a message with badge 0x%lx", (unsigned long)badge);
    return seL4_getFault(info);
}

/* 6c.B: the faulter's fault endpoint: an endpoint, minted with a badge into a slot of the
 * faulter's CSpace (which is ours), named in its TCB. Returns the endpoint (the original,
 * without the badge) that the faults arrive on. */
static cairn_endpoint_t give_fault_endpoint(cairn_tcb_t tcb)
{
    cairn_endpoint_t endpoint = cairn_alloc_endpoint();
    cairn_endpoint_t fault_ep = cairn_as_endpoint(cairn_slot_alloc());
    CHECK(cairn_cnode_mint(cairn_cspath_of(fault_ep), cairn_cspath_of(endpoint), seL4_AllRights,
                           FAULTER_BADGE));
    CHECK(
        cairn_tcb_set_space(tcb, cairn_cptr(fault_ep), CAIRN_INIT_CNODE, 0, CAIRN_INIT_VSPACE, 0));
    return endpoint;
}

/* The chapter's steps in order; returns after the step this program is built for. */
static void chapter(const seL4_BootInfo *bi)
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

    /* 6c.0, the start state: the slot the faulter waits on holds a notification, already
     * signalled, so its Wait returns at once and the faulter runs to its end. From 6c.A on
     * the slot is left empty: the Wait is a cap fault. */
    if (step_is("6c.0")) {
        cairn_notification_t notification = cairn_alloc_notification();
        CHECK(cairn_cnode_copy(cairn_cspath(target_slot), cairn_cspath_of(notification),
                               seL4_AllRights));
        cairn_notification_signal(notification);
    }

    /* 6c.B: the faulter gets a fault endpoint. Without one (6c.A), a fault is reported on
     * the console and the faulter stops for good; we run again once it can no longer run. */
    cairn_endpoint_t endpoint = cairn_as_endpoint(seL4_CapNull);
    if (!step_before("6c.B"))
        endpoint = give_fault_endpoint(tcb);

    /* Let the faulter run: it is ready, and from here on it has the higher priority. */
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, HANDLER_PRIORITY));
    if (step_is("6c.0") || step_is("6c.A"))
        return;

    /* 6c.B: its fault arrives as a message on the endpoint. */
    seL4_Fault_t fault = receive_fault(endpoint);
    if (seL4_Fault_get_seL4_FaultType(fault) != seL4_Fault_CapFault)
        panic("expected a cap fault");
    if (step_is("6c.B"))
        return; /* the faulter stays blocked: it waits for a reply that never comes */

    /* 6c.C: what the message says: the CPtr, the faulting pc, the phase and the kind of
     * lookup failure. No reply yet, so the faulter stays blocked. */
    seL4_Word cptr = seL4_Fault_CapFault_get_Addr(fault);
    printf("handler: cap fault on CPtr 0x%lx, pc 0x%lx, %s phase, lookup failure %lu (%s)\n",
           (unsigned long)cptr, (unsigned long)seL4_Fault_CapFault_get_IP(fault),
           seL4_Fault_CapFault_get_InRecvPhase(fault) ? "receive" : "send",
           (unsigned long)seL4_Fault_CapFault_get_LookupFailureType(fault),
           seL4_Fault_CapFault_get_LookupFailureType(fault) == seL4_MissingCapability
               ? "missing capability"
               : "another lookup failure");
    if (cptr != target_slot ||
        seL4_Fault_CapFault_get_LookupFailureType(fault) != seL4_MissingCapability)
        panic("not the fault the faulter should have had");
    if (step_is("6c.C"))
        return;

    /* 6c.D: fix the cause (put a notification cap in the empty slot, and signal it so the
     * wait will not block), then reply: the faulter runs its Wait again, and it returns. */
    cairn_notification_t notification = cairn_alloc_notification();
    CHECK(cairn_cnode_copy(cairn_cspath(cptr), cairn_cspath_of(notification), seL4_AllRights));
    cairn_notification_signal(notification);
    printf("handler: put a signalled notification in slot 0x%lx; replying\n", (unsigned long)cptr);
    cairn_reply(seL4_MessageInfo_new(0, 0, 0, 0));
    if (step_is("6c.D"))
        return;

    /* 6c.E: the faulter then reads a page that is not mapped (faulter_main). A VM fault:
     * the address and the kind of access. */
    fault = receive_fault(endpoint);
    if (seL4_Fault_get_seL4_FaultType(fault) != seL4_Fault_VMFault)
        panic("expected a VM fault");
    seL4_Word addr = seL4_Fault_VMFault_get_Addr(fault);
    printf("handler: VM fault at 0x%lx, %s, FSR 0x%lx\n", (unsigned long)addr,
           seL4_Fault_VMFault_get_PrefetchFault(fault) ? "instruction fetch" : "data access",
           (unsigned long)seL4_Fault_VMFault_get_FSR(fault));

    /* Fix it: a fresh frame at that page (with the page tables it needs), with a value in
     * it. The faulter shares our VSpace, so we can write it there first. */
    cairn_granule_t frame = cairn_alloc_granule();
    seL4_Word page = addr & ~(CAIRN_GRANULE_BYTES - 1);
    CHECK(cairn_granule_map_with_tables(frame, CAIRN_INIT_VSPACE, page, seL4_ReadWrite,
                                        seL4_ARM_Default_VMAttributes));
    *(volatile seL4_Word *)addr = HANDLER_VALUE;
    printf("handler: mapped a frame at 0x%lx; replying\n", (unsigned long)page);
    cairn_reply(seL4_MessageInfo_new(0, 0, 0, 0));
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
