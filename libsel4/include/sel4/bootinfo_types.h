// SPDX-License-Identifier: BSD-2-Clause
// The BootInfo frame the kernel hands the root task (x0 at entry), the fixed slots of
// the root CNode and the extra-bootinfo chunk header (docs/design/abi.md §7).
// Pure header: the kernel fills exactly this struct, so offsets are asserted below.
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>
#include <sel4/shared_types.h>
#include <sel4/sel4_arch/constants.h>

// Length of untypedList; part of the layout, so both sides must agree (seL4 default).
#ifndef CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS
#define CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS 230
#endif

// Slots of the root CNode that the kernel fills at boot. Slots 7, 8, 12, 13 and 15 stay
// empty in Cairn (x86 I/O, SMMU and SMC caps); slot 14 holds the initial thread's
// scheduling context in the MCS configuration and is empty otherwise.
enum seL4_RootCNodeCapSlots {
    seL4_CapNull = 0,
    seL4_CapInitThreadTCB = 1,
    seL4_CapInitThreadCNode = 2,
    seL4_CapInitThreadVSpace = 3,
    seL4_CapIRQControl = 4,
    seL4_CapASIDControl = 5,
    seL4_CapInitThreadASIDPool = 6,
    seL4_CapIOPortControl = 7,
    seL4_CapIOSpace = 8,
    seL4_CapBootInfoFrame = 9,
    seL4_CapInitThreadIPCBuffer = 10,
    seL4_CapDomain = 11,
    seL4_CapSMMUSIDControl = 12,
    seL4_CapSMMUCBControl = 13,
    seL4_CapInitThreadSC = 14,
    seL4_CapSMC = 15,
    // First slot the kernel hands out dynamically.
    seL4_NumInitialCaps = 16,
};

// Older code calls the root VSpace a page directory.
#define seL4_CapInitThreadPD seL4_CapInitThreadVSpace

typedef seL4_Word seL4_SlotPos;

// A half-open range of root-CNode slots: [start, end).
typedef struct seL4_SlotRegion {
    seL4_SlotPos start;
    seL4_SlotPos end;
} seL4_SlotRegion;

// One untyped cap's memory: 2^sizeBits bytes at paddr; isDevice is 1 for device memory.
typedef struct seL4_UntypedDesc {
    seL4_Word paddr;
    seL4_Uint8 sizeBits;
    seL4_Uint8 isDevice;
    seL4_Uint8 padding[sizeof(seL4_Word) - 2 * sizeof(seL4_Uint8)];
} seL4_UntypedDesc;

/*
 * Layout (non-MCS, 230 untypeds = 3848 bytes, within one 4 KiB frame; MCS puts
 * schedcontrol at 0x098, so untyped is at 0x0a8 and the list at 0x0b8, 3864 bytes):
 *   0x000 extraLen  0x008 nodeID  0x010 numNodes  0x018 numIOPTLevels  0x020 ipcBuffer
 *   0x028 empty  0x038 sharedFrames  0x048 userImageFrames  0x058 userImagePaging
 *   0x068 ioSpaceCaps  0x078 extraBIPages  0x088 initThreadCNodeSizeBits
 *   0x090 initThreadDomain  0x098 untyped  0x0a8 untypedList[230]
 */
typedef struct seL4_BootInfo {
    seL4_Word extraLen;                // bytes of extra bootinfo after this frame
    seL4_NodeId nodeID;                // 0: single core
    seL4_Word numNodes;                // 1
    seL4_Word numIOPTLevels;           // 0: no IOMMU
    seL4_IPCBuffer *ipcBuffer;         // root task's IPC buffer vaddr
    seL4_SlotRegion empty;             // free slots of the root CNode
    seL4_SlotRegion sharedFrames;      // unused, {0, 0}
    seL4_SlotRegion userImageFrames;   // one frame cap per 4 KiB page of the image
    seL4_SlotRegion userImagePaging;   // page-table caps covering the image
    seL4_SlotRegion ioSpaceCaps;       // unused, {0, 0}
    seL4_SlotRegion extraBIPages;      // frames backing the extra bootinfo
    seL4_Word initThreadCNodeSizeBits; // root CNode has 2^n slots
    seL4_Domain initThreadDomain;      // 0
#ifdef CONFIG_KERNEL_MCS
    seL4_SlotRegion schedcontrol; // one SchedControl cap per node (MCS only)
#endif
    seL4_SlotRegion untyped; // untyped caps, described by untypedList
    // untypedList[i] describes slot untyped.start + i. Kept last (upstream rule).
    seL4_UntypedDesc untypedList[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS];
} seL4_BootInfo;

#define seL4_BootInfoFrameSize LIBSEL4_BIT(seL4_BootInfoFrameBits)

// Extra bootinfo starts seL4_BootInfoFrameSize bytes after the BootInfo and is a
// sequence of chunks, each headed by seL4_BootInfoHeader. On Arm only FDT occurs.
typedef enum {
    SEL4_BOOTINFO_HEADER_PADDING = 0,
    SEL4_BOOTINFO_HEADER_X86_VBE = 1,
    SEL4_BOOTINFO_HEADER_X86_MBMMAP = 2,
    SEL4_BOOTINFO_HEADER_X86_ACPI_RSDP = 3,
    SEL4_BOOTINFO_HEADER_X86_FRAMEBUFFER = 4,
    SEL4_BOOTINFO_HEADER_X86_TSC_FREQ = 5,
    SEL4_BOOTINFO_HEADER_FDT = 6,
    SEL4_BOOTINFO_HEADER_NUM,
    SEL4_FORCE_LONG_ENUM(seL4_BootInfoID)
} seL4_BootInfoID;

typedef struct seL4_BootInfoHeader {
    seL4_Word id;  // a seL4_BootInfoID
    seL4_Word len; // bytes of this chunk, header included
} seL4_BootInfoHeader;

#define SEL4_BI_AT(field, off)                                                                     \
    SEL4_COMPILE_ASSERT(seL4_BootInfo_##field, __builtin_offsetof(seL4_BootInfo, field) == (off))
SEL4_BI_AT(extraLen, 0x000)
SEL4_BI_AT(nodeID, 0x008)
SEL4_BI_AT(numNodes, 0x010)
SEL4_BI_AT(numIOPTLevels, 0x018)
SEL4_BI_AT(ipcBuffer, 0x020)
SEL4_BI_AT(empty, 0x028)
SEL4_BI_AT(sharedFrames, 0x038)
SEL4_BI_AT(userImageFrames, 0x048)
SEL4_BI_AT(userImagePaging, 0x058)
SEL4_BI_AT(ioSpaceCaps, 0x068)
SEL4_BI_AT(extraBIPages, 0x078)
SEL4_BI_AT(initThreadCNodeSizeBits, 0x088)
SEL4_BI_AT(initThreadDomain, 0x090)
#ifdef CONFIG_KERNEL_MCS
SEL4_BI_AT(schedcontrol, 0x098)
#define SEL4_BI_LIST_ 0x0b8
#else
#define SEL4_BI_LIST_ 0x0a8
#endif
SEL4_BI_AT(untyped, SEL4_BI_LIST_ - 0x10)
SEL4_BI_AT(untypedList, SEL4_BI_LIST_)
#undef SEL4_BI_AT

SEL4_COMPILE_ASSERT(seL4_UntypedDesc_size, sizeof(seL4_UntypedDesc) == 2 * sizeof(seL4_Word))
SEL4_COMPILE_ASSERT(seL4_BootInfoHeader_size, sizeof(seL4_BootInfoHeader) == 2 * sizeof(seL4_Word))
SEL4_COMPILE_ASSERT(seL4_BootInfo_size,
                    sizeof(seL4_BootInfo) ==
                        SEL4_BI_LIST_ + 16 * CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS)
#if CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS == 230
SEL4_COMPILE_ASSERT(seL4_BootInfo_is_3848_or_3864_bytes,
                    sizeof(seL4_BootInfo) == SEL4_BI_LIST_ + 3680)
#endif
#undef SEL4_BI_LIST_
SEL4_COMPILE_ASSERT(seL4_BootInfo_fits_frame, sizeof(seL4_BootInfo) <= seL4_BootInfoFrameSize)
