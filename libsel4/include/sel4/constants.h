// SPDX-License-Identifier: BSD-2-Clause
// Architecture-independent ABI constants: priorities, message limits, rights width,
// lookup-failure types and TCB flags (docs/design/abi.md §2.4, §3.2, §3.4, §8.1).
// Pure header: the kernel includes it to agree with user space on these numbers.
#pragma once

#include <sel4/macros.h>

#define seL4_MsgMaxExtraCaps (LIBSEL4_BIT(seL4_MsgExtraCapBits) - 1)
#define seL4_CapRightsBits 4

#ifndef __ASSEMBLER__

enum priorityConstants {
    seL4_InvalidPrio = -1,
    seL4_MinPrio = 0,
    seL4_MaxPrio = 255,
};

// A message has a 7-bit length field (clamped to 120 words) and a 2-bit extra-cap count.
enum seL4_MsgLimits {
    seL4_MsgLengthBits = 7,
    seL4_MsgExtraCapBits = 2,
    seL4_MsgMaxLength = 120,
};

// The type word of a lookup failure in error replies and cap faults (kernel tag + 1).
typedef enum {
    seL4_NoFailure = 0,
    seL4_InvalidRoot,
    seL4_MissingCapability,
    seL4_DepthMismatch,
    seL4_GuardMismatch,
    SEL4_FORCE_LONG_ENUM(seL4_LookupFailureType),
} seL4_LookupFailureType;

// Bits for seL4_TCB_SetFlags; only the FPU switch exists.
typedef enum {
    seL4_TCBFlag_NoFlag = 0x0,
    seL4_TCBFlag_fpuDisabled = 0x1,
    SEL4_FORCE_LONG_ENUM(seL4_TCBFlag),
    seL4_TCBFlag_MASK = seL4_TCBFlag_fpuDisabled,
} seL4_TCBFlag;

#endif // !__ASSEMBLER__
