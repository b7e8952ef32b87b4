// SPDX-License-Identifier: BSD-2-Clause
// The wall-time workload of `make bench-walltime`: what seL4's test FRAMEEXPORTS0001 does,
// for 2 MiB and then 4 KiB frames: retype a frame, map it (adding a page table when the
// lookup fails), write and read it, map it again at the same address (a remap), write and
// read again, unmap it; the frames stay allocated until the end of a pass, then everything
// is deleted. Two passes over the same memory; the second is timed. Under QEMU its cost is
// dominated by what the kernel makes the host do per frame (zeroing, cache and TLB maintenance),
// not by guest instructions, so bench/walltime.py times whole boots on the host. Only the seL4 ABI:
// it runs on upstream seL4 as well.

#include <stdint.h>
#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <sel4/sel4.h>

#define SCRATCH 0x20000000000UL /* level-0 entry 4: nothing else lives here */
#define ATTRS seL4_ARM_Default_VMAttributes

static const struct {
    seL4_Word type, bits, count;
} kinds[] = {
    {seL4_ARM_LargePageObject, seL4_LargePageBits, 192}, /* first: no page table in the way */
    {seL4_ARM_SmallPageObject, seL4_PageBits, 1024},
};

static seL4_CPtr untyped;
static seL4_CPtr slots[4096]; /* every cap one pass made, to delete them afterwards */
static unsigned nslots;

static seL4_CPtr retype(seL4_Word type, seL4_Word bits)
{
    seL4_CPtr slot = cairn_slot_alloc();
    if (slot == seL4_CapNull || nslots == sizeof(slots) / sizeof(slots[0]))
        panic("out of slots");
    CHECK(seL4_Untyped_Retype(untyped, type, bits, seL4_CapInitThreadCNode, 0, 0, slot, 1));
    slots[nslots++] = slot;
    return slot;
}

static void map(seL4_CPtr frame)
{
    seL4_Error e =
        seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, SCRATCH, seL4_AllRights, ATTRS);
    while (e == seL4_FailedLookup) {
        CHECK(seL4_ARM_PageTable_Map(retype(seL4_ARM_PageTableObject, 0), seL4_CapInitThreadVSpace,
                                     SCRATCH, ATTRS));
        e = seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, SCRATCH, seL4_AllRights, ATTRS);
    }
    CHECK(e);
}

static void touch(char old, char new)
{
    volatile char *data = (volatile char *)SCRATCH;
    if (*data != old)
        panic("frame holds %d, expected %d", *data, old);
    *data = new;
    if (*data != new)
        panic("write did not stick");
}

static seL4_Word pass(void)
{
    seL4_Word frames = 0;
    for (unsigned k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        for (seL4_Word i = 0; i < kinds[k].count; i++) {
            seL4_CPtr frame = retype(kinds[k].type, kinds[k].bits);
            map(frame);
            touch(0, 'U');
            CHECK(
                seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, SCRATCH, seL4_AllRights, ATTRS));
            touch('U', 'V');
            CHECK(seL4_ARM_Page_Unmap(frame));
            frames++;
        }
    }
    /* Free everything (the tables unmap as their caps go), so the next pass retypes the
     * same memory again. */
    while (nslots > 0) {
        seL4_CPtr slot = slots[--nslots];
        CHECK(seL4_CNode_Delete(seL4_CapInitThreadCNode, slot, seL4_WordBits));
        cairn_slot_free(slot);
    }
    return frames;
}

int main(const seL4_BootInfo *bi)
{
    untyped = cairn_largest_untyped(bi);
    /* The first pass brings the memory in (QEMU's host pages are allocated on first
     * write); bench/walltime.py times the second, from "warm" to "done". */
    pass();
    printf("walltime: warm\n");
    seL4_Word frames = pass();
    printf("walltime: %lu frames retyped, mapped, touched, remapped, unmapped, deleted\n",
           (unsigned long)frames);
    printf("walltime: done\n");
    return 0;
}
