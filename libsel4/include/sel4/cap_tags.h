// SPDX-License-Identifier: BSD-2-Clause
// The cap type tags seL4_DebugCapIdentify returns: seL4 16.0.0 AArch64's internal cap
// tags (docs/design/abi.md §6.3), also the kernel's cap types (kernel/cspace/cap.h).
// Cairn's addition: upstream libsel4 does not name these numbers, so a program built
// against upstream needs this one pure header beside it. 0 also means "the CPtr did not
// resolve". Pure header.
#pragma once

typedef enum {
    seL4_CapTag_Null = 0,
    seL4_CapTag_Frame = 1,
    seL4_CapTag_Untyped = 2,
    seL4_CapTag_PageTable = 3,
    seL4_CapTag_Endpoint = 4,
    seL4_CapTag_Notification = 6,
    seL4_CapTag_Reply = 8,
    seL4_CapTag_VSpace = 9,
    seL4_CapTag_CNode = 10,
    seL4_CapTag_ASIDControl = 11,
    seL4_CapTag_TCB = 12,
    seL4_CapTag_ASIDPool = 13,
    seL4_CapTag_IRQControl = 14,
    seL4_CapTag_IRQHandler = 16,
    seL4_CapTag_Zombie = 18,
    seL4_CapTag_Domain = 20,
#ifdef CONFIG_KERNEL_MCS
    seL4_CapTag_SchedContext = 22,
    seL4_CapTag_SchedControl = 24,
#endif
} seL4_CapTag;
