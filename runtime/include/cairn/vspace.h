// SPDX-License-Identifier: BSD-2-Clause
// Address-space helpers for root tasks: the granule size, which BootInfo frame cap backs an
// image address, a "map and add whatever tables are missing" helper, and Cairn's VSpace
// picture (a debug syscall).
// Everything except cairn_vspace_dump is plain seL4 ABI and works the same on upstream seL4.
//
// An AArch64 VSpace as seL4 builds it (4 KiB granule, 48-bit user half, four levels):
//
//   vaddr bits  47..39      38..30      29..21      20..12      11..0
//               L0 index    L1 index    L2 index    L3 index    offset in the 4 KiB page
//               (VSpace)    (PageTable) (PageTable) (PageTable)
//   bits left   39          30          21          12
//
//   a 1 GiB frame is an L1 entry, a 2 MiB frame an L2 entry, a 4 KiB frame an L3 entry.
//   "bits left" is what a failed Page_Map reports in MR2 (seL4_MappingFailedLookupLevel):
//   39 = the L1 table is missing, 30 = the L2 table, 21 = the L3 table.
#pragma once

#include <stdint.h>

#include <cairn/bootinfo.h>
#include <cairn/caps.h>
#include <sel4/sel4.h>

/* The smallest frame (the "granule"): 4 KiB, seL4_ARM_SmallPageObject. */
#define CAIRN_GRANULE_BITS seL4_PageBits
#define CAIRN_GRANULE_BYTES (1UL << CAIRN_GRANULE_BITS)

/* Bits a Page_Map leaves unresolved when the table at that level is missing (MR2). */
#define CAIRN_MISSING_L1 SEL4_MAPPING_LOOKUP_NO_PUD /* 39 */
#define CAIRN_MISSING_L2 SEL4_MAPPING_LOOKUP_NO_PD  /* 30 */
#define CAIRN_MISSING_L3 SEL4_MAPPING_LOOKUP_NO_PT  /* 21 */

/*
 * cairn_image_frame_slot(bi, vaddr) is declared in <cairn/bootinfo.h> (included above): the
 * BootInfo userImageFrames cap backing the image page that holds vaddr, found by counting
 * pages from the linker's __executable_start; seL4_CapNull if vaddr is outside the image.
 */

/*
 * The typed frame and page-table invocations (cairn_frame_map, cairn_frame_unmap,
 * cairn_frame_get_address, cairn_page_table_map, ...) are in <cairn/caps.h>, included above.
 * Errors of a Page_Map: seL4_FailedLookup when a table is missing (see cairn_map_with_tables),
 * seL4_AlignmentError, seL4_InvalidArgument for a second address or past seL4_UserTop,
 * seL4_InvalidCapability for a wrong VSpace cap. Mapping the same cap again at the same vaddr
 * changes rights/attributes (a remap).
 */

/*
 * Where cairn_map_with_tables gets its page tables: a new object of `type`
 * (seL4_ARM_PageTableObject) in a new slot, or seL4_CapNull when none can be made.
 */
typedef seL4_CPtr (*cairn_object_alloc_fn)(seL4_Word type, seL4_Word size_bits);

/*
 * Map `frame` at vaddr, adding page tables as needed: try Page_Map; while it fails with
 * seL4_FailedLookup, allocate one seL4_ARM_PageTableObject with alloc_fn, map it (it lands
 * at the level seL4_MappingFailedLookupLevel() named) and try again. At most three tables
 * are added. Returns the last Page_Map's error, the PageTable_Map error, or
 * seL4_NotEnoughMemory if alloc_fn returned seL4_CapNull. The tables stay mapped on failure.
 */
seL4_Error cairn_map_with_tables(seL4_ARM_VSpace vspace, seL4_ARM_Page frame, uintptr_t vaddr,
                                 seL4_CapRights_t rights, seL4_ARM_VMAttributes attrs,
                                 cairn_object_alloc_fn alloc_fn);

/*
 * cairn_map_with_tables for typed caps, in Page_Map's argument order, with the page tables
 * from the runtime's allocator (cairn_retype).
 */
static inline seL4_Error cairn_granule_map_with_tables(cairn_granule_t frame, cairn_vspace_t vspace,
                                                       seL4_Word vaddr, seL4_CapRights_t rights,
                                                       seL4_ARM_VMAttributes attrs)
{
    return cairn_map_with_tables(vspace.cptr, frame.cptr, vaddr, rights, attrs, cairn_retype);
}

/*
 * CAIRN ONLY, NOT seL4: print the translation tree of the VSpace cap `vspace` on the kernel
 * console (levels, tables, runs of frames with their rights and attributes). It is Cairn's
 * one extra debug system call, number -64 (x7 = -64, x0 = the cap). Upstream seL4 has no
 * such call: there it raises an UnknownSyscall fault, which kills a root task without a
 * fault handler. Do not use it in code meant to run on seL4.
 */
void cairn_vspace_dump(seL4_CPtr vspace);

/* The system-call number cairn_vspace_dump uses (kernel/api/syscall.h has the same value). */
#define CAIRN_SYS_DEBUG_DUMP_VSPACE (-64)
