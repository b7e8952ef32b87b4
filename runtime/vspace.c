// SPDX-License-Identifier: BSD-2-Clause
// Address-space helpers (see <cairn/vspace.h>): thin wrappers over the ARM frame and
// page-table invocations, the level-by-level "map with tables" loop, and the raw system
// call behind Cairn's VSpace picture. No state of its own.

#include <cairn/vspace.h>

seL4_Word cairn_frame_type_bits(seL4_Word frame_type)
{
    switch (frame_type) {
    case seL4_ARM_SmallPageObject:
        return seL4_PageBits;
    case seL4_ARM_LargePageObject:
        return seL4_LargePageBits;
    case seL4_ARM_HugePageObject:
        return seL4_HugePageBits;
    default:
        return 0;
    }
}

seL4_Error cairn_frame_map(seL4_ARM_Page frame, seL4_ARM_VSpace vspace, uintptr_t vaddr,
                           seL4_CapRights_t rights, seL4_ARM_VMAttributes attrs)
{
    return seL4_ARM_Page_Map(frame, vspace, vaddr, rights, attrs);
}

seL4_Error cairn_frame_unmap(seL4_ARM_Page frame)
{
    return seL4_ARM_Page_Unmap(frame);
}

seL4_Error cairn_frame_address(seL4_ARM_Page frame, seL4_Word *paddr)
{
    seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(frame);
    if (r.error == seL4_NoError && paddr != NULL)
        *paddr = r.paddr;
    return (seL4_Error)r.error;
}

seL4_Error cairn_page_table_map(seL4_ARM_PageTable table, seL4_ARM_VSpace vspace, uintptr_t vaddr)
{
    return seL4_ARM_PageTable_Map(table, vspace, vaddr, seL4_ARM_Default_VMAttributes);
}

/*
 * Each failed Page_Map names the highest missing level, and a PageTable_Map installs the
 * table exactly there, so the loop adds L1, then L2, then L3 as needed: three rounds at most.
 */
seL4_Error cairn_map_with_tables(seL4_ARM_VSpace vspace, seL4_ARM_Page frame, uintptr_t vaddr,
                                 seL4_CapRights_t rights, seL4_ARM_VMAttributes attrs,
                                 cairn_object_alloc_fn alloc_fn)
{
    seL4_Error err = cairn_frame_map(frame, vspace, vaddr, rights, attrs);
    for (int added = 0; err == seL4_FailedLookup && added < 3; added++) {
        seL4_CPtr table = alloc_fn(seL4_ARM_PageTableObject, 0);
        if (table == seL4_CapNull)
            return seL4_NotEnoughMemory;
        seL4_Error pt_err = cairn_page_table_map(table, vspace, vaddr);
        if (pt_err != seL4_NoError)
            return pt_err;
        err = cairn_frame_map(frame, vspace, vaddr, rights, attrs);
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
