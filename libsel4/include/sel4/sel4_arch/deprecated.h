// SPDX-License-Identifier: BSD-2-Clause
// Old AArch64 names from before 13.0.0, when each translation level had its own cap
// type and invocations. All intermediate levels are now page tables.
#pragma once

#include <sel4/sel4_arch/constants.h>
#include <sel4/arch/types.h>
#include <sel4/arch/invocation.h>
#include <sel4/sel4_client.h>

#define seL4_ARM_PageDirectory_Map seL4_ARM_PageTable_Map
#define seL4_ARM_PageDirectory_Unmap seL4_ARM_PageTable_Unmap
#define seL4_ARM_PageUpperDirectory_Map seL4_ARM_PageTable_Map
#define seL4_ARM_PageUpperDirectory_Unmap seL4_ARM_PageTable_Unmap
#define ARMPageDirectoryMap ARMPageTableMap
#define ARMPageDirectoryUnmap ARMPageTableUnmap

#define seL4_PageDirBits seL4_PageTableBits
#define seL4_PageDirEntryBits seL4_PageTableEntryBits
#define seL4_PageDirIndexBits seL4_PageTableIndexBits
#define seL4_PUDEntryBits 3
#define seL4_PUDBits 12
#define seL4_PUDIndexBits 9
#define seL4_PGDBits 12
#define seL4_PGDEntryBits 3
#define seL4_PGDIndexBits 9
