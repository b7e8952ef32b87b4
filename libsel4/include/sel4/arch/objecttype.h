// SPDX-License-Identifier: BSD-2-Clause
// Arm object types (4 KiB and 2 MiB frames, page tables) and seL4_ObjectTypeCount;
// including this header gives the complete seL4_ObjectType numbering (docs/design/abi.md §6.1).
// Pure header.
#pragma once

#include <sel4/objecttype_generic.h>
#include <sel4/sel4_arch/objecttype.h>

typedef enum _object {
    seL4_ARM_SmallPageObject = seL4_ModeObjectTypeCount, // 7 (MCS: 9)
    seL4_ARM_LargePageObject,                            // 8 (MCS: 10)
    seL4_ARM_PageTableObject,                            // 9 (MCS: 11): any intermediate level
    seL4_ObjectTypeCount                                 // 10 (MCS: 12)
} seL4_ArchObjectType;

typedef seL4_Word object_t;

// Types that do not exist in this configuration get values Retype always rejects.
#define seL4_ARM_VCPUObject 0xfffe
#define seL4_ARM_IOPageTableObject 0xffff

// Since 13.0.0 every intermediate level is a plain page table and the top level is
// the VSpace; the old per-level names remain as aliases.
#define seL4_ARM_PageDirectoryObject seL4_ARM_PageTableObject
#define seL4_ARM_PageUpperDirectoryObject seL4_ARM_PageTableObject
#define seL4_ARM_PageGlobalDirectoryObject seL4_ARM_VSpaceObject
