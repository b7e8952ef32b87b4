// SPDX-License-Identifier: BSD-2-Clause
// Address-space helpers (see <cairn/vspace.h>): the level-by-level "map with tables" loop,
// and the raw system call behind Cairn's VSpace picture. No state of its own.

#include <cairn/vspace.h>

/*
 * Each failed Page_Map names the highest missing level, and a PageTable_Map installs the
 * table exactly there, so the loop adds L1, then L2, then L3 as needed: three rounds at most.
 */
seL4_Error cairn_map_with_tables(seL4_ARM_VSpace vspace, seL4_ARM_Page frame, uintptr_t vaddr,
                                 seL4_CapRights_t rights, seL4_ARM_VMAttributes attrs,
                                 cairn_object_alloc_fn alloc_fn)
{
    seL4_Error err = seL4_ARM_Page_Map(frame, vspace, vaddr, rights, attrs);
    for (int added = 0; err == seL4_FailedLookup && added < 3; added++) {
        seL4_CPtr table = alloc_fn(seL4_ARM_PageTableObject, 0);
        if (table == seL4_CapNull)
            return seL4_NotEnoughMemory;
        seL4_Error pt_err =
            seL4_ARM_PageTable_Map(table, vspace, vaddr, seL4_ARM_Default_VMAttributes);
        if (pt_err != seL4_NoError)
            return pt_err;
        err = seL4_ARM_Page_Map(frame, vspace, vaddr, rights, attrs);
    }
    return err;
}

/*
 * The raw call: x7 = -64, x0 = the VSpace cap. The kernel prints and returns to the next
 * instruction with every register kept; "memory" stops the compiler from moving console
 * output of ours across it.
 */
void cairn_vspace_dump(seL4_CPtr vspace)
{
    register seL4_Word cap __asm__("x0") = vspace;
    register seL4_Word number __asm__("x7") = (seL4_Word)CAIRN_SYS_DEBUG_DUMP_VSPACE;
    __asm__ volatile("svc #0" : "+r"(cap) : "r"(number) : "memory");
}
