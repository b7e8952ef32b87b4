// SPDX-License-Identifier: BSD-2-Clause
// The "VSpace picture": print a user VSpace's translation tree on the kernel console, so a
// reader can see which levels exist, which entries are tables and which map frames, with
// their rights and attributes. A debugging aid (no seL4 counterpart); it changes nothing.
#pragma once

#include "types.h"
#include "cspace/cap.h"

// Print the tree under the VSpace that `vspace_cap` names, one line per table and one per
// run of frames that are contiguous in both virtual and physical memory with equal rights
// and attributes, indented by level, then a summary line. Example:
//
//   VSpace 0x40123000 ASID 1
//     L0[  0] table 0x40124000 va 0x0-0x7fffffffff
//       L1[  0] table 0x40125000 va 0x0-0x3fffffff
//         L2[  2] table 0x40126000 va 0x400000-0x5fffff
//           L3[  0..  9] 10 x 4K va 0x400000-0x409fff -> pa 0x40200000 rwx cached
//   summary: 3 tables, 10 x 4K, 0 x 2M, 0 x 1G
//
// Rights are r (user read), w (user write), x (user execute; not XN), '-' otherwise;
// "cached" is Normal write-back memory, "device" Device-nGnRnE. A cap that is not a VSpace
// cap prints one line saying so; a VSpace whose ASID no longer names it (its pool or ASID
// was deleted) prints one line starting "Invalid vspace" and is not walked. Reads kernel
// state only.
void vspace_dump(cap_t vspace_cap);
