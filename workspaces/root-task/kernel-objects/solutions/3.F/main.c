// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3, "Allocating Kernel Objects":
// the solution of step 3.F, the whole program as it stands after that step.
// 3.F: The copy has no rights: the kernel refuses the Signal (printing why; a Send-type call
// reports no error to the caller) and the Wait that follows blocks for ever. The harness
// stops QEMU once the kernel's line has appeared and nothing forbidden followed it.
// The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/kernel-objects.md. `make simulate STEP=3.F` runs this; diff it with the
// previous step's solution to see the step alone.

#include <stdbool.h>
#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

int main(const seL4_BootInfo *bi)
{
    /* 3.A: every untyped cap the kernel handed over, as BootInfo describes it. */
    printf("untyped:\n");
    cairn_for_each_untyped(bi, slot, desc) {
        (void)slot;
        printf("    paddr: 0x%lx, size bits: %u, is device: %s\n", (unsigned long)desc->paddr,
               (unsigned)desc->sizeBits, desc->isDevice ? "true" : "false");
    }

    /* 3.B: the largest untyped of ordinary RAM. Device untypeds cover MMIO; only frames can
     * be made from them, so they are no use for kernel objects. */
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

    /* 3.C: the empty slots of our CNode, handed out in order. */
    seL4_CPtr next_free = bi->empty.start;
    seL4_CPtr ntfn = next_free++;

    /* Retype one notification into that slot. The destination CNode is our own root CNode
     * itself (node_index ignored, node_depth 0), and node_offset is the slot number. */
    printf("allocating notification\n");
    CHECK(seL4_Untyped_Retype(largest, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              ntfn, 1));

    /* 3.D: signal first, so the wait finds the notification already active. */
    printf("signaling notification\n");
    seL4_Signal(ntfn);
    printf("waiting on notification\n");
    seL4_Word badge;
    seL4_Wait(ntfn, &badge);

    /* 3.E-3.G: a copy of the notification cap with a badge, signalled through; the wait on
     * the original cap returns the badge. 3.F gives the copy no rights at all, so the kernel
     * refuses the signal (a Send reports no error to the sender) and the wait blocks
     * forever; 3.G gives it exactly the right a signal needs: write. */
    seL4_CPtr badged = next_free++;
    seL4_CapRights_t rights = seL4_NoRights;
    printf("minting badged capability for notification\n");
    CHECK(seL4_CNode_Mint(seL4_CapInitThreadCNode, badged, seL4_WordBits, seL4_CapInitThreadCNode,
                          ntfn, seL4_WordBits, rights, 0x1337));
    printf("signaling badged notification\n");
    seL4_Signal(badged);
    printf("waiting on notification\n");
    seL4_Wait(ntfn, &badge);
    printf("observed badge = 0x%lx\n", (unsigned long)badge);
    if (badge != 0x1337)
        panic("expected badge 0x1337");

    printf("TEST_PASS\n");
    return 0;
}
