// SPDX-License-Identifier: BSD-2-Clause
// The root task's slot allocator over BootInfo's empty region, object sizes, cairn_retype
// (one object from the best-fitting ordinary untyped, with a copy of the kernel's
// watermark per untyped), and cap type names for seL4_DebugCapIdentify.

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/print.h>
#include <cairn/runtime.h>

/* ---- slots ---------------------------------------------------------------------------- */

static struct {
    bool ready;
    seL4_CPtr next, end;                  /* never-used part of bi->empty: [next, end) */
    seL4_CPtr freed[CAIRN_SLOT_FREE_MAX]; /* slots given back, reused last-in first-out */
    size_t nfreed;
} slots;

static void slots_init(void)
{
    const seL4_BootInfo *bi = cairn_bootinfo();
    slots.next = bi->empty.start;
    slots.end = bi->empty.end;
    slots.nfreed = 0;
    slots.ready = true;
}

seL4_CPtr cairn_slot_alloc(void)
{
    if (!slots.ready)
        slots_init();
    if (slots.nfreed > 0)
        return slots.freed[--slots.nfreed];
    if (slots.next >= slots.end)
        return seL4_CapNull;
    return slots.next++;
}

void cairn_slot_free(seL4_CPtr slot)
{
    if (!slots.ready)
        slots_init();
    if (slot == seL4_CapNull || slots.nfreed == CAIRN_SLOT_FREE_MAX)
        return;
    slots.freed[slots.nfreed++] = slot;
}

size_t cairn_slots_left(void)
{
    if (!slots.ready)
        slots_init();
    return (size_t)(slots.end - slots.next) + slots.nfreed;
}

/* ---- objects -------------------------------------------------------------------------- */

seL4_Word cairn_object_size_bits(seL4_Word type, seL4_Word size_bits)
{
    switch (type) {
    case seL4_UntypedObject:
        return size_bits;
    case seL4_TCBObject:
        return seL4_TCBBits;
    case seL4_EndpointObject:
        return seL4_EndpointBits;
    case seL4_NotificationObject:
        return seL4_NotificationBits;
    case seL4_CapTableObject:
        return size_bits + seL4_SlotBits;
    case seL4_ARM_SmallPageObject:
        return seL4_PageBits;
    case seL4_ARM_LargePageObject:
        return seL4_LargePageBits;
    case seL4_ARM_HugePageObject:
        return seL4_HugePageBits;
    case seL4_ARM_PageTableObject:
        return seL4_PageTableBits;
    case seL4_ARM_VSpaceObject:
        return seL4_VSpaceBits;
#ifdef CONFIG_KERNEL_MCS
    case seL4_SchedContextObject:
        return size_bits;
    case seL4_ReplyObject:
        return seL4_ReplyBits;
#endif
    default:
        return 0;
    }
}

seL4_CPtr cairn_untyped_find(const seL4_BootInfo *bi, seL4_Word object_bits)
{
    seL4_CPtr best = seL4_CapNull;
    unsigned best_bits = 0;
    cairn_for_each_untyped(bi, slot, desc) {
        if (desc->isDevice || desc->sizeBits < object_bits)
            continue;
        if (best == seL4_CapNull || desc->sizeBits < best_bits) {
            best = slot;
            best_bits = desc->sizeBits;
        }
    }
    return best;
}

/*
 * Bytes of each BootInfo untyped that cairn_retype has used: the kernel's watermark as far
 * as the runtime knows it (objects are placed at the watermark rounded up to their size).
 * FULL marks an untyped the kernel refused with NotEnoughMemory although our count said
 * it had room (the program retyped from it by hand): it is skipped from then on.
 */
#define FULL ((seL4_Word)-1)
static seL4_Word used[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS];
static seL4_Error retype_error;

static seL4_Word align_up(seL4_Word x, seL4_Word bits)
{
    seL4_Word mask = ((seL4_Word)1 << bits) - 1;
    return (x + mask) & ~mask;
}

/* Index into untypedList of the smallest ordinary untyped with room, or -1. */
static long pick_untyped(const seL4_BootInfo *bi, seL4_Word object_bits)
{
    long best = -1;
    cairn_for_each_untyped(bi, slot, desc) {
        long i = (long)(slot - bi->untyped.start);
        if (desc->isDevice || used[i] == FULL || desc->sizeBits < object_bits)
            continue;
        if (align_up(used[i], object_bits) + ((seL4_Word)1 << object_bits) >
            ((seL4_Word)1 << desc->sizeBits))
            continue;
        if (best < 0 || desc->sizeBits < bi->untypedList[best].sizeBits)
            best = i;
    }
    return best;
}

seL4_CPtr cairn_retype(seL4_Word type, seL4_Word size_bits)
{
    const seL4_BootInfo *bi = cairn_bootinfo();
    seL4_Word object_bits = cairn_object_size_bits(type, size_bits);

    seL4_CPtr slot = cairn_slot_alloc();
    if (slot == seL4_CapNull) {
        retype_error = CAIRN_ERROR_NO_SLOTS;
        return seL4_CapNull;
    }

    /* A type or size the kernel will refuse still goes to the kernel, which names the
     * problem (InvalidArgument, RangeError) as it would for a hand-written Retype. */
    if (object_bits == 0 || object_bits >= 64) {
        retype_error = seL4_Untyped_Retype(cairn_largest_untyped(bi), type, size_bits,
                                           seL4_CapInitThreadCNode, 0, 0, slot, 1);
        if (retype_error == seL4_NoError)
            return slot;
        cairn_slot_free(slot);
        return seL4_CapNull;
    }

    long i;
    while ((i = pick_untyped(bi, object_bits)) >= 0) {
        retype_error = seL4_Untyped_Retype(bi->untyped.start + (seL4_CPtr)i, type, size_bits,
                                           seL4_CapInitThreadCNode, 0, 0, slot, 1);
        if (retype_error == seL4_NoError) {
            used[i] = align_up(used[i], object_bits) + ((seL4_Word)1 << object_bits);
            return slot;
        }
        if (retype_error != seL4_NotEnoughMemory)
            break;
        used[i] = FULL; /* the program retyped from it by hand: skip it from now on */
    }
    if (i < 0)
        retype_error = seL4_NotEnoughMemory;
    cairn_slot_free(slot);
    return seL4_CapNull;
}

seL4_Error cairn_retype_error(void)
{
    return retype_error;
}

/* ---- identifying caps ------------------------------------------------------------------ */

const char *cairn_cap_type_name(seL4_Uint32 tag)
{
    switch (tag) {
    case seL4_CapTag_Null:
        return "null";
    case seL4_CapTag_Frame:
        return "frame";
    case seL4_CapTag_Untyped:
        return "untyped";
    case seL4_CapTag_PageTable:
        return "page table";
    case seL4_CapTag_Endpoint:
        return "endpoint";
    case seL4_CapTag_Notification:
        return "notification";
    case seL4_CapTag_Reply:
        return "reply";
    case seL4_CapTag_VSpace:
        return "VSpace";
    case seL4_CapTag_CNode:
        return "CNode";
    case seL4_CapTag_ASIDControl:
        return "ASID control";
    case seL4_CapTag_TCB:
        return "TCB";
    case seL4_CapTag_ASIDPool:
        return "ASID pool";
    case seL4_CapTag_IRQControl:
        return "IRQ control";
    case seL4_CapTag_IRQHandler:
        return "IRQ handler";
    case seL4_CapTag_Zombie:
        return "zombie";
    case seL4_CapTag_Domain:
        return "domain";
    default:
        return "unknown";
    }
}

void cairn_cap_print(seL4_CPtr cptr)
{
    seL4_Uint32 tag = seL4_DebugCapIdentify(cptr);
    cairn_printf("cap #%lu: %s (tag %u)\n", (unsigned long)cptr, cairn_cap_type_name(tag),
                 (unsigned)tag);
}
