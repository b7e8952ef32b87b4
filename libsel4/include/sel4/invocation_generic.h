// SPDX-License-Identifier: BSD-2-Clause
// Generic invocation labels: the label field of the message info of a kernel-object
// invocation (docs/design/abi.md §4.2, 16.0.0, non-MCS, no SMP, no hardware-debug API).
// Numbering continues in sel4_arch/invocation.h, then arch/invocation.h. Include
// <sel4/invocation.h>, which gives all three enums. Pure header.
#pragma once

enum invocation_label {
    InvalidInvocation = 0,
    UntypedRetype = 1,
    TCBReadRegisters = 2,
    TCBWriteRegisters = 3,
    TCBCopyRegisters = 4,
    TCBConfigure = 5,
    TCBSetPriority = 6,
    TCBSetMCPriority = 7,
    TCBSetSchedParams = 8,
    TCBSetIPCBuffer = 9,
    TCBSetSpace = 10,
    TCBSuspend = 11,
    TCBResume = 12,
    TCBBindNotification = 13,
    TCBUnbindNotification = 14,
    TCBSetTLSBase = 15,
    TCBSetFlags = 16,
    CNodeRevoke = 17,
    CNodeDelete = 18,
    CNodeCancelBadgedSends = 19,
    CNodeCopy = 20,
    CNodeMint = 21,
    CNodeMove = 22,
    CNodeMutate = 23,
    CNodeRotate = 24,
    CNodeSaveCaller = 25,
    IRQIssueIRQHandler = 26,
    IRQAckIRQ = 27,
    IRQSetIRQHandler = 28,
    IRQClearIRQHandler = 29,
    DomainSetSet = 30,
    DomainScheduleConfigure = 31,
    DomainScheduleSetStart = 32,
    nInvocationLabels // 33
};
