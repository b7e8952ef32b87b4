// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3, "Allocating Kernel Objects": the solution, every step in order. The build
// compiles it once per step and the program ends after that step (workspaces/step.h): each
// step is a block in chapter() that begins with a comment naming it and ends in
// `if (step_is(...))`. `make simulate STEP=3.C` runs it up to the end of 3.C. The learner's
// file is main.c in the chapter's folder; the text is docs/tutorial/kernel-objects.md.

#include <stdbool.h>
#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

#include "step.h"

/* The chapter's steps in order; returns after the step this program is built for (3.F's
 * wait never returns). */
static void chapter(const seL4_BootInfo *bi)
{
    /* 3.A: every untyped cap the kernel handed over, as BootInfo describes it: device
     * untypeds (MMIO) first, then ordinary RAM. */
    printf("untyped:\n");
    cairn_for_each_untyped(bi, slot, desc) {
        (void)slot;
        printf("    paddr: 0x%lx, size bits: %u, is device: %s\n", (unsigned long)desc->paddr,
               (unsigned)desc->sizeBits, desc->isDevice ? "true" : "false");
    }
    if (step_is("3.A"))
        return;

    /* 3.B: the largest untyped of ordinary RAM, named by its slot. Device untypeds cover
     * MMIO; only frames can be made from them, so they are no use for kernel objects. */
    seL4_CPtr largest = seL4_CapNull;
    unsigned largest_bits = 0;
    cairn_for_each_untyped(bi, slot, desc) {
        if (!desc->isDevice && desc->sizeBits > largest_bits) {
            largest = slot;
            largest_bits = desc->sizeBits;
        }
    }
    if (largest == seL4_CapNull)
        panic("no ordinary untyped memory");
    printf("largest kernel untyped: Untyped(%lu)\n", (unsigned long)largest);
    if (step_is("3.B"))
        return;

    /* 3.C: the empty slots of our CNode, handed out in order. */
    seL4_CPtr next_free = bi->empty.start;
    seL4_CPtr ntfn = next_free++;

    /* Retype one notification into that slot (CHECK would panic if it failed). The
     * destination CNode is our own root CNode itself (node_index ignored, node_depth 0), and
     * node_offset is the slot number. */
    printf("allocating notification\n");
    CHECK(seL4_Untyped_Retype(largest, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              ntfn, 1));
    if (step_is("3.C"))
        return;

    /* 3.D: signal first, so the wait finds the notification already active and returns at
     * once. */
    printf("signaling notification\n");
    seL4_Signal(ntfn);
    printf("waiting on notification\n");
    seL4_Word badge;
    seL4_Wait(ntfn, &badge);
    if (step_is("3.D"))
        return;

    /* 3.E-3.G: a copy of the notification cap with badge 0x1337, signalled through; the wait
     * on the original cap returns the badge. The three steps differ only in the copy's
     * rights. 3.E gives it all rights. 3.F gives it none, so the kernel refuses the signal
     * (printing why; a Send reports no error to the sender) and the wait blocks for ever.
     * 3.G gives it exactly the right a signal needs: write. */
    seL4_CPtr badged = next_free++;
    seL4_CapRights_t rights = seL4_AllRights;
    if (step_is("3.F"))
        rights = seL4_NoRights;
    if (step_is("3.G"))
        rights = seL4_CapRights_new(0, 0, 0, 1); /* write only */
    printf("minting badged capability for notification\n");
    CHECK(seL4_CNode_Mint(seL4_CapInitThreadCNode, badged, seL4_WordBits, seL4_CapInitThreadCNode,
                          ntfn, seL4_WordBits, rights, 0x1337));
    if (step_is("3.G"))
        printf("the badged copy has the write right only\n");
    printf("signaling badged notification\n");
    seL4_Signal(badged);
    printf("waiting on notification\n");
    seL4_Wait(ntfn, &badge);
    printf("observed badge = 0x%lx\n", (unsigned long)badge);
    if (badge != 0x1337)
        panic("expected badge 0x1337");
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
