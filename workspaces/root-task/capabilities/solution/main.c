// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3b, "Capabilities": the solution, every step in order. The build compiles it once
// per step and the program ends after that step (workspaces/step.h): each step is a block in
// chapter() that begins with a comment naming it and ends in `if (step_is(...))`. `make
// simulate STEP=3b.C` runs it up to the end of 3b.C. The learner's file is main.c in the
// chapter's folder; the text is docs/tutorial/capabilities.md.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

#include "step.h"

/* Print what an invocation returned, by name; give the error back. */
static seL4_Error report(const char *what, seL4_Error err)
{
    printf("%s: %s\n", what, seL4_strerror(err));
    return err;
}

/* The chapter's steps in order; returns after the step this program is built for (3b.H suspends
 * the thread: it never returns). */
static void chapter(const seL4_BootInfo *bi)
{
    /* 3b.A: the root CNode has 2^initThreadCNodeSizeBits slots of 2^seL4_SlotBits bytes. */
    seL4_Word slots = 1UL << bi->initThreadCNodeSizeBits;
    printf("Initial CNode is %lu slots in size\n", (unsigned long)slots);
    printf("The CNode is %lu bytes in size\n", (unsigned long)(slots << seL4_SlotBits));

    seL4_CPtr first_free = bi->empty.start;
    seL4_CPtr last_slot = bi->empty.end - 1;
    if (step_is("3b.A"))
        return;

    /* 3b.B: invoking an empty slot. The kernel names the slot in its debug line and the
     * call fails with seL4_InvalidCapability; MR0 = 0 says it was the invoked cap. */
    seL4_Error err = report("resume through the last slot", seL4_TCB_Resume(last_slot));
    if (err != seL4_InvalidCapability || seL4_GetMR(0) != 0)
        panic("expected seL4_InvalidCapability with MR0 = 0");
    if (step_is("3b.B"))
        return;

    /* 3b.C: copy our TCB cap into the first free and the last slot. Both copies name the
     * same thread; resuming a running thread is allowed and changes nothing. */
    CHECK(seL4_CNode_Copy(seL4_CapInitThreadCNode, first_free, seL4_WordBits,
                          seL4_CapInitThreadCNode, seL4_CapInitThreadTCB, seL4_WordBits,
                          seL4_AllRights));
    CHECK(seL4_CNode_Copy(seL4_CapInitThreadCNode, last_slot, seL4_WordBits,
                          seL4_CapInitThreadCNode, seL4_CapInitThreadTCB, seL4_WordBits,
                          seL4_AllRights));
    cairn_cap_print(first_free);
    cairn_cap_print(last_slot);
    report("resume through the last slot", seL4_TCB_Resume(last_slot));
    if (step_is("3b.C"))
        return;

    /* 3b.D: Move never overwrites: the destination must be empty. */
    err = report("move first free slot onto last slot",
                 seL4_CNode_Move(seL4_CapInitThreadCNode, last_slot, seL4_WordBits,
                                 seL4_CapInitThreadCNode, first_free, seL4_WordBits));
    if (err != seL4_DeleteFirst)
        panic("expected seL4_DeleteFirst");
    if (step_is("3b.D"))
        return;

    /* 3b.E: the copies are children of the original in the derivation tree, so revoking
     * the original deletes both (the original itself stays). Moving out of an emptied slot
     * is a failed lookup of the source: MR0 = 1 (source), MR1 = seL4_MissingCapability,
     * MR2 = the bits left to resolve (the whole depth). */
    CHECK(seL4_CNode_Revoke(seL4_CapInitThreadCNode, seL4_CapInitThreadTCB, seL4_WordBits));
    seL4_CPtr copies[] = {first_free, last_slot};
    for (int i = 0; i < 2; i++) {
        err = report("move out of a revoked copy",
                     seL4_CNode_Move(seL4_CapInitThreadCNode, bi->empty.start + 1, seL4_WordBits,
                                     seL4_CapInitThreadCNode, copies[i], seL4_WordBits));
        if (err != seL4_FailedLookup || seL4_GetMR(0) != 1 ||
            seL4_GetMR(1) != seL4_MissingCapability || seL4_GetMR(2) != seL4_WordBits)
            panic("expected a failed source lookup");
    }
    printf("both copies are gone\n");
    if (step_is("3b.E"))
        return;

    /* 3b.F: untyped memory. An untyped must be at least 2^seL4_MinUntypedBits bytes; ask
     * for less and argument 1 (size_bits) is refused. seL4_TCBBits + 1 bits is room for a
     * TCB, an endpoint and a notification. */
    seL4_CPtr untyped = cairn_largest_untyped(bi);
    seL4_CPtr child = first_free;
    err = report("retype a 2^0-byte untyped",
                 seL4_Untyped_Retype(untyped, seL4_UntypedObject, 0, seL4_CapInitThreadCNode, 0, 0,
                                     child, 1));
    if (err != seL4_InvalidArgument || seL4_GetMR(0) != 1)
        panic("expected seL4_InvalidArgument for argument 1");
    seL4_Word child_bits = seL4_TCBBits + 1;
    CHECK(seL4_Untyped_Retype(untyped, seL4_UntypedObject, child_bits, seL4_CapInitThreadCNode, 0,
                              0, child, 1));
    printf("child untyped of %lu bytes\n", 1UL << child_bits);
    if (step_is("3b.F"))
        return;

    /* 3b.G: a TCB, an endpoint and a notification from the child, in three slots after it. */
    seL4_CPtr tcb = child + 1, ep = child + 2, ntfn = child + 3;
    CHECK(seL4_Untyped_Retype(child, seL4_TCBObject, 0, seL4_CapInitThreadCNode, 0, 0, tcb, 1));
    CHECK(seL4_Untyped_Retype(child, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0, ep, 1));
    CHECK(seL4_Untyped_Retype(child, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              ntfn, 1));
    cairn_cap_print(tcb);
    cairn_cap_print(ep);
    cairn_cap_print(ntfn);

    /* The whole child as endpoints does not fit any more: MR0 = the bytes still free. */
    seL4_CPtr eps = child + 4;
    seL4_Word count = 1UL << (child_bits - seL4_EndpointBits);
    err = report("retype the child into endpoints",
                 seL4_Untyped_Retype(child, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0,
                                     eps, count));
    if (err != seL4_NotEnoughMemory)
        panic("expected seL4_NotEnoughMemory");
    printf("bytes left in the child: %lu\n", (unsigned long)seL4_GetMR(0));

    /* Revoke deletes every object made from the child; with no children left, the next
     * retype starts again at the child's first byte, so all of them fit now. */
    CHECK(seL4_CNode_Revoke(seL4_CapInitThreadCNode, child, seL4_WordBits));
    cairn_cap_print(tcb);
    CHECK(seL4_Untyped_Retype(child, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0, eps,
                              count));
    printf("created %lu endpoints after the revoke\n", (unsigned long)count);
    printf("Success\n");
    if (step_is("3b.G"))
        return;

    /* 3b.H: the end. Our own TCB cap suspends our own thread: nothing runs after this. */
    printf("Suspending current thread\n");
    seL4_TCB_Suspend(seL4_CapInitThreadTCB);
    panic("still running after suspending ourselves");
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
