// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3b, "Capabilities":
// the solution of step 3b.E, the whole program as it stands after that step.
// 3b.E: Revoking the original TCB cap deletes both copies: moving out of either finds
// nothing.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/capabilities.md. `make simulate STEP=3b.E` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

/* Print what an invocation returned, by name; give the error back. */
static seL4_Error report(const char *what, seL4_Error err)
{
    printf("%s: %s\n", what, seL4_strerror(err));
    return err;
}

int main(const seL4_BootInfo *bi)
{
    /* 3b.A: the root CNode has 2^initThreadCNodeSizeBits slots of 2^seL4_SlotBits bytes. */
    seL4_Word slots = 1UL << bi->initThreadCNodeSizeBits;
    printf("Initial CNode is %lu slots in size\n", (unsigned long)slots);
    printf("The CNode is %lu bytes in size\n", (unsigned long)(slots << seL4_SlotBits));

    seL4_CPtr first_free = bi->empty.start;
    seL4_CPtr last_slot = bi->empty.end - 1;

    /* 3b.B: invoking an empty slot. The kernel names the slot in its debug line and the
     * call fails with seL4_InvalidCapability; MR0 = 0 says it was the invoked cap. */
    seL4_Error err = report("resume through the last slot", seL4_TCB_Resume(last_slot));
    if (err != seL4_InvalidCapability || seL4_GetMR(0) != 0)
        panic("expected seL4_InvalidCapability with MR0 = 0");

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

    /* 3b.D: Move never overwrites: the destination must be empty. */
    err = report("move first free slot onto last slot",
                 seL4_CNode_Move(seL4_CapInitThreadCNode, last_slot, seL4_WordBits,
                                 seL4_CapInitThreadCNode, first_free, seL4_WordBits));
    if (err != seL4_DeleteFirst)
        panic("expected seL4_DeleteFirst");

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

    printf("TEST_PASS\n");
    return 0;
}
