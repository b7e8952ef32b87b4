// SPDX-License-Identifier: BSD-2-Clause
// AArch64 invocation labels (VSpace cache maintenance, SMC call), continuing the
// generic numbering (docs/design/abi.md §4.2). Pure header.
#pragma once

#include <sel4/invocation_generic.h>

enum sel4_arch_invocation_label {
    ARMVSpaceClean_Data = nInvocationLabels, // 33
    ARMVSpaceInvalidate_Data,                // 34
    ARMVSpaceCleanInvalidate_Data,           // 35
    ARMVSpaceUnify_Instruction,              // 36
    // Always numbered; the kernel accepts it only with CONFIG_ALLOW_SMC_CALLS.
    ARMSMCCall,               // 37
    nSeL4ArchInvocationLabels // 38
};
