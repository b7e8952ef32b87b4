// SPDX-License-Identifier: BSD-2-Clause
// AArch64-specific object types: the 1 GiB frame and the top-level VSpace table.
// Pure header; continues the numbering of <sel4/objecttype_generic.h>.
#pragma once

#include <sel4/objecttype_generic.h>

typedef enum _mode_object {
    seL4_ARM_HugePageObject = seL4_NonArchObjectTypeCount, // 5 (MCS: 7)
    seL4_ARM_VSpaceObject,                                 // 6 (MCS: 8)
    seL4_ModeObjectTypeCount                               // 7 (MCS: 9)
} seL4_ModeObjectType;
