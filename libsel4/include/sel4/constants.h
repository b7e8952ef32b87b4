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

#ifdef CONFIG_KERNEL_MCS
// Scheduling contexts (MCS only). A SchedContext object of 2^n bytes holds 10 words of
// state, the two 64-bit time values and two refills (the minimum), and extra refills of
// 16 bytes each in the rest; the smallest is 2^7 bytes.
#define seL4_MinSchedContextBits 7
#ifndef __ASSEMBLER__
#include <sel4/simple_types.h>

#define seL4_CoreSchedContextBytes (10 * sizeof(seL4_Word) + 6 * 8)
#define seL4_RefillSizeBytes (2 * 8)
SEL4_COMPILE_ASSERT(MinSchedContextBits_sufficient,
                    seL4_CoreSchedContextBytes <= LIBSEL4_BIT(seL4_MinSchedContextBits))
SEL4_COMPILE_ASSERT(MinSchedContextBits_necessary,
                    seL4_CoreSchedContextBytes > LIBSEL4_BIT(seL4_MinSchedContextBits - 1))

// Extra refills a SchedContext of 2^size bytes can take in SchedControl_ConfigureFlags.
static inline seL4_Word seL4_MaxExtraRefills(seL4_Word size)
{
    return (LIBSEL4_BIT(size) - seL4_CoreSchedContextBytes) / seL4_RefillSizeBytes;
}

// Flags of SchedControl_ConfigureFlags: a sporadic context keeps its refills apart.
typedef enum {
    seL4_SchedContext_NoFlag = 0x0,
    seL4_SchedContext_Sporadic = 0x1,
    SEL4_FORCE_LONG_ENUM(seL4_SchedContextFlag),
} seL4_SchedContextFlag;
#endif // !__ASSEMBLER__
#endif // CONFIG_KERNEL_MCS
