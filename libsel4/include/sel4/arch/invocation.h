// SPDX-License-Identifier: BSD-2-Clause
// Arm invocation labels (page tables, frames, ASIDs, IRQ triggers), continuing the
// AArch64 numbering; including this header gives every label (docs/design/abi.md §4.2).
// Pure header.
#pragma once

#include <sel4/sel4_arch/invocation.h>

enum arch_invocation_label {
    ARMPageTableMap = nSeL4ArchInvocationLabels, // 38
    ARMPageTableUnmap,                           // 39
    ARMPageMap,                                  // 40
    ARMPageUnmap,                                // 41
    ARMPageClean_Data,                           // 42
    ARMPageInvalidate_Data,                      // 43
    ARMPageCleanInvalidate_Data,                 // 44
    ARMPageUnify_Instruction,                    // 45
    ARMPageGetAddress,                           // 46
    ARMASIDControlMakePool,                      // 47
    ARMASIDPoolAssign,                           // 48
    ARMIRQIssueIRQHandlerTrigger,                // 49
    ARMIRQIssueSGISignal,                        // 50: non-SMP only
    nArchInvocationLabels                        // 51
};
