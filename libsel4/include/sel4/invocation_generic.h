// SPDX-License-Identifier: BSD-2-Clause
// Generic invocation labels: the label field of the message info of a kernel-object
// invocation (docs/design/abi.md §4.2, 16.0.0, no SMP, no hardware-debug API). MCS
// inserts TCBSetTimeoutEndpoint after TCBSetSchedParams, drops CNodeSaveCaller and ends
// with the six SchedControl/SchedContext labels, so everything after label 8 moves (the
// labels count up from 0 in this order; libsel4/test/abi_check.c pins them).
// Numbering continues in sel4_arch/invocation.h, then arch/invocation.h. Include
// <sel4/invocation.h>, which gives all three enums. Pure header.
#pragma once

enum invocation_label {
    InvalidInvocation = 0,
    UntypedRetype,
    TCBReadRegisters,
    TCBWriteRegisters,
    TCBCopyRegisters,
    TCBConfigure,
    TCBSetPriority,
    TCBSetMCPriority,
    TCBSetSchedParams,
#ifdef CONFIG_KERNEL_MCS
    TCBSetTimeoutEndpoint,
#endif
    TCBSetIPCBuffer,
    TCBSetSpace,
    TCBSuspend,
    TCBResume,
    TCBBindNotification,
    TCBUnbindNotification,
    TCBSetTLSBase,
    TCBSetFlags,
    CNodeRevoke,
    CNodeDelete,
    CNodeCancelBadgedSends,
    CNodeCopy,
    CNodeMint,
    CNodeMove,
    CNodeMutate,
    CNodeRotate,
#ifndef CONFIG_KERNEL_MCS
    CNodeSaveCaller,
#endif
    IRQIssueIRQHandler, // 26 in both configurations
    IRQAckIRQ,
    IRQSetIRQHandler,
    IRQClearIRQHandler,
    DomainSetSet,
    DomainScheduleConfigure,
    DomainScheduleSetStart,
#ifdef CONFIG_KERNEL_MCS
    SchedControlConfigureFlags,
    SchedContextBind,
    SchedContextUnbind,
    SchedContextUnbindObject,
    SchedContextConsumed,
    SchedContextYieldTo,
#endif
    nInvocationLabels // 33; MCS: 39
};
