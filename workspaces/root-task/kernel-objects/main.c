// SPDX-License-Identifier: BSD-2-Clause
// Chapter 3, "Allocating Kernel Objects": list the untyped memory BootInfo describes, pick
// the largest ordinary untyped, retype a notification out of it into the first empty slot,
// signal and wait on it, then mint badged copies with different rights. The steps build on
// each other: STEP=3.C contains 3.A and 3.B. Without STEP you get the whole chapter (3.G).
// See README.md here and docs/tutorial/kernel-objects.md.

#include <stdbool.h>
#include <stdio.h>

#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

/* Which step this build is: 1 for 3.A ... 7 for 3.G (and the default build). */
#if defined(STEP_3_A)
#define STEP_NUMBER 1
#elif defined(STEP_3_B)
#define STEP_NUMBER 2
#elif defined(STEP_3_C)
#define STEP_NUMBER 3
#elif defined(STEP_3_D)
#define STEP_NUMBER 4
#elif defined(STEP_3_E)
#define STEP_NUMBER 5
#elif defined(STEP_3_F)
#define STEP_NUMBER 6
#else
#define STEP_NUMBER 7
#endif

int main(const seL4_BootInfo *bi)
{
    /* 3.A: every untyped cap the kernel handed over, as BootInfo describes it. */
    printf("untyped:\n");
    cairn_for_each_untyped(bi, slot, desc) {
        (void)slot;
        printf("    paddr: 0x%lx, size bits: %u, is device: %s\n", (unsigned long)desc->paddr,
               (unsigned)desc->sizeBits, desc->isDevice ? "true" : "false");
    }

#if STEP_NUMBER >= 2
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
#endif

#if STEP_NUMBER >= 3
    /* 3.C: the empty slots of our CNode, handed out in order. */
    seL4_CPtr next_free = bi->empty.start;
    seL4_CPtr ntfn = next_free++;

    /* Retype one notification into that slot. The destination CNode is our own root CNode
     * itself (node_index ignored, node_depth 0), and node_offset is the slot number. */
    printf("allocating notification\n");
    CHECK(seL4_Untyped_Retype(largest, seL4_NotificationObject, 0, seL4_CapInitThreadCNode, 0, 0,
                              ntfn, 1));
#endif

#if STEP_NUMBER >= 4
    /* 3.D: signal first, so the wait finds the notification already active. */
    printf("signaling notification\n");
    seL4_Signal(ntfn);
    printf("waiting on notification\n");
    seL4_Word badge;
    seL4_Wait(ntfn, &badge);
#endif

#if STEP_NUMBER >= 5
    /* 3.E-3.G: a copy of the notification cap with a badge, signalled through; the wait on
     * the original cap returns the badge. 3.F gives the copy no rights at all, so the kernel
     * refuses the signal (a Send reports no error to the sender) and the wait blocks
     * forever; 3.G gives it exactly the right a signal needs: write. */
    seL4_CPtr badged = next_free++;
#if STEP_NUMBER == 5
    seL4_CapRights_t rights = seL4_AllRights;
#elif STEP_NUMBER == 6
    seL4_CapRights_t rights = seL4_NoRights;
#else
    seL4_CapRights_t rights = seL4_CapRights_new(0, 0, 0, 1); /* write only */
#endif
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
#endif

    printf("TEST_PASS\n");
    return 0;
}
