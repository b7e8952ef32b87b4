// SPDX-License-Identifier: BSD-2-Clause
// Compile-time checks of the ABI numbers libsel4 must share with the kernel (facts
// docs/design/abi.md §1, §4, §5, §6, §7). Nothing runs: tools/check_headers.sh compiles this file
// for the target and the host, and any wrong number is a build error. The host build
// sees only the pure headers the kernel uses; the target build sees all of libsel4.
#include <sel4/invocation.h>
#include <sel4/objecttype.h>
#include <sel4/arch/types.h>
#include <sel4/bootinfo_types.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/shared_types.h>
#include <sel4/sel4_arch/constants.h>
#include <sel4/sel4_arch/types.h>
#include <sel4/syscall.h>
#if defined(__aarch64__)
#include <sel4/sel4.h>
#endif

#define ABI(what, cond) _Static_assert(cond, what)

#ifdef CONFIG_KERNEL_MCS
// Syscall numbers (§1.2, MCS).
ABI("SysCall", seL4_SysCall == -1);
ABI("SysReplyRecv", seL4_SysReplyRecv == -2);
ABI("SysNBSendRecv", seL4_SysNBSendRecv == -3);
ABI("SysNBSendWait", seL4_SysNBSendWait == -4);
ABI("SysSend", seL4_SysSend == -5);
ABI("SysNBSend", seL4_SysNBSend == -6);
ABI("SysRecv", seL4_SysRecv == -7);
ABI("SysNBRecv", seL4_SysNBRecv == -8);
ABI("SysWait", seL4_SysWait == -9);
ABI("SysNBWait", seL4_SysNBWait == -10);
ABI("SysYield", seL4_SysYield == -11);
#define SYS_DEBUG (-12) // the debug calls count on down from here

// Invocation labels (§4.3, MCS).
ABI("UntypedRetype", UntypedRetype == 1);
ABI("TCBConfigure", TCBConfigure == 5);
ABI("TCBSetSchedParams", TCBSetSchedParams == 8);
ABI("TCBSetTimeoutEndpoint", TCBSetTimeoutEndpoint == 9);
ABI("TCBSetIPCBuffer", TCBSetIPCBuffer == 10);
ABI("TCBSetSpace", TCBSetSpace == 11);
ABI("TCBSetTLSBase", TCBSetTLSBase == 16);
ABI("TCBSetFlags", TCBSetFlags == 17);
ABI("CNodeRevoke", CNodeRevoke == 18);
ABI("CNodeRotate", CNodeRotate == 25);
ABI("IRQIssueIRQHandler", IRQIssueIRQHandler == 26);
ABI("DomainScheduleSetStart", DomainScheduleSetStart == 32);
ABI("SchedControlConfigureFlags", SchedControlConfigureFlags == 33);
ABI("SchedContextBind", SchedContextBind == 34);
ABI("SchedContextUnbind", SchedContextUnbind == 35);
ABI("SchedContextUnbindObject", SchedContextUnbindObject == 36);
ABI("SchedContextConsumed", SchedContextConsumed == 37);
ABI("SchedContextYieldTo", SchedContextYieldTo == 38);
ABI("nInvocationLabels", nInvocationLabels == 39);
ABI("ARMVSpaceClean_Data", ARMVSpaceClean_Data == 39);
ABI("ARMSMCCall", ARMSMCCall == 43);
ABI("nSeL4ArchInvocationLabels", nSeL4ArchInvocationLabels == 44);
ABI("ARMPageTableMap", ARMPageTableMap == 44);
ABI("ARMPageMap", ARMPageMap == 46);
ABI("ARMPageGetAddress", ARMPageGetAddress == 52);
ABI("ARMASIDPoolAssign", ARMASIDPoolAssign == 54);
ABI("ARMIRQIssueSGISignal", ARMIRQIssueSGISignal == 56);
ABI("nArchInvocationLabels", nArchInvocationLabels == 57);

#else
// Syscall numbers (§1.2).
ABI("SysCall", seL4_SysCall == -1);
ABI("SysReplyRecv", seL4_SysReplyRecv == -2);
ABI("SysSend", seL4_SysSend == -3);
ABI("SysNBSend", seL4_SysNBSend == -4);
ABI("SysRecv", seL4_SysRecv == -5);
ABI("SysReply", seL4_SysReply == -6);
ABI("SysYield", seL4_SysYield == -7);
ABI("SysNBRecv", seL4_SysNBRecv == -8);
#define SYS_DEBUG (-9)

// Invocation labels (§4.2).
ABI("UntypedRetype", UntypedRetype == 1);
ABI("TCBReadRegisters", TCBReadRegisters == 2);
ABI("TCBSetTLSBase", TCBSetTLSBase == 15);
ABI("TCBSetFlags", TCBSetFlags == 16);
ABI("CNodeRevoke", CNodeRevoke == 17);
ABI("CNodeCopy", CNodeCopy == 20);
ABI("CNodeSaveCaller", CNodeSaveCaller == 25);
ABI("IRQIssueIRQHandler", IRQIssueIRQHandler == 26);
ABI("DomainSetSet", DomainSetSet == 30);
ABI("DomainScheduleSetStart", DomainScheduleSetStart == 32);
ABI("nInvocationLabels", nInvocationLabels == 33);
ABI("ARMVSpaceClean_Data", ARMVSpaceClean_Data == 33);
ABI("ARMSMCCall", ARMSMCCall == 37);
ABI("nSeL4ArchInvocationLabels", nSeL4ArchInvocationLabels == 38);
ABI("ARMPageTableMap", ARMPageTableMap == 38);
ABI("ARMPageMap", ARMPageMap == 40);
ABI("ARMPageGetAddress", ARMPageGetAddress == 46);
ABI("ARMASIDControlMakePool", ARMASIDControlMakePool == 47);
ABI("ARMASIDPoolAssign", ARMASIDPoolAssign == 48);
ABI("ARMIRQIssueIRQHandlerTrigger", ARMIRQIssueIRQHandlerTrigger == 49);
ABI("ARMIRQIssueSGISignal", ARMIRQIssueSGISignal == 50);
ABI("nArchInvocationLabels", nArchInvocationLabels == 51);
#endif

// The debug calls, after the API's (§1.2).
ABI("SysDebugPutChar", seL4_SysDebugPutChar == SYS_DEBUG);
ABI("SysDebugDumpScheduler", seL4_SysDebugDumpScheduler == SYS_DEBUG - 1);
ABI("SysDebugHalt", seL4_SysDebugHalt == SYS_DEBUG - 2);
ABI("SysDebugCapIdentify", seL4_SysDebugCapIdentify == SYS_DEBUG - 3);
ABI("SysDebugSnapshot", seL4_SysDebugSnapshot == SYS_DEBUG - 4);
ABI("SysDebugNameThread", seL4_SysDebugNameThread == SYS_DEBUG - 5);

// Errors (§5.1).
ABI("NoError", seL4_NoError == 0);
ABI("InvalidArgument", seL4_InvalidArgument == 1);
ABI("InvalidCapability", seL4_InvalidCapability == 2);
ABI("IllegalOperation", seL4_IllegalOperation == 3);
ABI("RangeError", seL4_RangeError == 4);
ABI("AlignmentError", seL4_AlignmentError == 5);
ABI("FailedLookup", seL4_FailedLookup == 6);
ABI("TruncatedMessage", seL4_TruncatedMessage == 7);
ABI("DeleteFirst", seL4_DeleteFirst == 8);
ABI("RevokeFirst", seL4_RevokeFirst == 9);
ABI("NotEnoughMemory", seL4_NotEnoughMemory == 10);
ABI("NumErrors", seL4_NumErrors == 11);

// Object types (§6.1).
ABI("UntypedObject", seL4_UntypedObject == 0);
ABI("TCBObject", seL4_TCBObject == 1);
ABI("EndpointObject", seL4_EndpointObject == 2);
ABI("NotificationObject", seL4_NotificationObject == 3);
ABI("CapTableObject", seL4_CapTableObject == 4);
// MCS inserts its two object types before the arch ones, which then count on from 7.
#ifdef CONFIG_KERNEL_MCS
ABI("SchedContextObject", seL4_SchedContextObject == 5);
ABI("ReplyObject", seL4_ReplyObject == 6);
#define ARCH_OBJECTS 7
#else
#define ARCH_OBJECTS 5
#endif
ABI("HugePageObject", seL4_ARM_HugePageObject == ARCH_OBJECTS);
ABI("VSpaceObject", seL4_ARM_VSpaceObject == ARCH_OBJECTS + 1);
ABI("SmallPageObject", seL4_ARM_SmallPageObject == ARCH_OBJECTS + 2);
ABI("LargePageObject", seL4_ARM_LargePageObject == ARCH_OBJECTS + 3);
ABI("PageTableObject", seL4_ARM_PageTableObject == ARCH_OBJECTS + 4);
ABI("ObjectTypeCount", seL4_ObjectTypeCount == ARCH_OBJECTS + 5);
ABI("VCPUObject", seL4_ARM_VCPUObject == 0xfffe);
ABI("IOPageTableObject", seL4_ARM_IOPageTableObject == 0xffff);
ABI("PageDirectoryObject alias", seL4_ARM_PageDirectoryObject == seL4_ARM_PageTableObject);
ABI("PGD alias", seL4_ARM_PageGlobalDirectoryObject == seL4_ARM_VSpaceObject);

// Sizes (§6.2).
ABI("TCBBits", seL4_TCBBits == 11);
ABI("SlotBits", seL4_SlotBits == 5);
ABI("EndpointBits", seL4_EndpointBits == 4);
#ifdef CONFIG_KERNEL_MCS
ABI("NotificationBits", seL4_NotificationBits == 6);
ABI("ReplyBits", seL4_ReplyBits == 5);
ABI("MinSchedContextBits", seL4_MinSchedContextBits == 7);
ABI("CoreSchedContextBytes", seL4_CoreSchedContextBytes == 128);
ABI("RefillSizeBytes", seL4_RefillSizeBytes == 16);
ABI("SchedContext_Sporadic", seL4_SchedContext_Sporadic == 1);
#else
ABI("NotificationBits", seL4_NotificationBits == 5);
#endif
ABI("VSpaceBits", seL4_VSpaceBits == 12);
ABI("UserTop", seL4_UserTop == 0x00007fffffffffffull);

// Faults (§10).
#ifdef CONFIG_KERNEL_MCS
ABI("Fault_Timeout", seL4_Fault_Timeout == 5);
ABI("Fault_VMFault", seL4_Fault_VMFault == 6);
ABI("Timeout_Length", seL4_Timeout_Length == 2);
ABI("TimeoutReply_Length", seL4_TimeoutReply_Length == 34);
#else
ABI("Fault_VMFault", seL4_Fault_VMFault == 5);
#endif
ABI("Fault_UserException", seL4_Fault_UserException == 3);
ABI("VMFault_Length", seL4_VMFault_Length == 4);
ABI("UnknownSyscall_Length", seL4_UnknownSyscall_Length == 13);
ABI("UserException_Length", seL4_UserException_Length == 5);
ABI("CapFault_GuardMismatch_BitsFound", seL4_CapFault_GuardMismatch_BitsFound == 6);

// IPC buffer (§2.4).
ABI("IPCBuffer size", sizeof(seL4_IPCBuffer) == 1024);
ABI("IPCBuffer align", _Alignof(seL4_IPCBuffer) == 1024);
ABI("msg offset", __builtin_offsetof(seL4_IPCBuffer, msg) == 0x008);
ABI("userData offset", __builtin_offsetof(seL4_IPCBuffer, userData) == 0x3c8);
ABI("caps_or_badges offset", __builtin_offsetof(seL4_IPCBuffer, caps_or_badges) == 0x3d0);
ABI("receiveCNode offset", __builtin_offsetof(seL4_IPCBuffer, receiveCNode) == 0x3e8);
ABI("receiveDepth offset", __builtin_offsetof(seL4_IPCBuffer, receiveDepth) == 0x3f8);
ABI("MsgMaxLength", seL4_MsgMaxLength == 120);
ABI("MsgMaxExtraCaps", seL4_MsgMaxExtraCaps == 3);

// BootInfo (§7).
ABI("BootInfo ipcBuffer", __builtin_offsetof(seL4_BootInfo, ipcBuffer) == 0x20);
ABI("BootInfo empty", __builtin_offsetof(seL4_BootInfo, empty) == 0x28);
#ifdef CONFIG_KERNEL_MCS
ABI("BootInfo size", sizeof(seL4_BootInfo) == 3864);
ABI("BootInfo schedcontrol", __builtin_offsetof(seL4_BootInfo, schedcontrol) == 0x98);
ABI("BootInfo untyped", __builtin_offsetof(seL4_BootInfo, untyped) == 0xa8);
ABI("BootInfo untypedList", __builtin_offsetof(seL4_BootInfo, untypedList) == 0xb8);
#else
ABI("BootInfo size", sizeof(seL4_BootInfo) == 3848);
ABI("BootInfo untyped", __builtin_offsetof(seL4_BootInfo, untyped) == 0x98);
ABI("BootInfo untypedList", __builtin_offsetof(seL4_BootInfo, untypedList) == 0xa8);
#endif
ABI("CapInitThreadSC", seL4_CapInitThreadSC == 14);
ABI("UntypedDesc sizeBits", __builtin_offsetof(seL4_UntypedDesc, sizeBits) == 8);
ABI("UntypedDesc isDevice", __builtin_offsetof(seL4_UntypedDesc, isDevice) == 9);
ABI("NumInitialCaps", seL4_NumInitialCaps == 16);
ABI("CapInitThreadIPCBuffer", seL4_CapInitThreadIPCBuffer == 10);
ABI("FDT header id", SEL4_BOOTINFO_HEADER_FDT == 6);

// UserContext order (§9): pc first, x30 ends the frame group, tpidrro_el0 last.
ABI("UserContext pc", __builtin_offsetof(seL4_UserContext, pc) == 0);
ABI("UserContext x30", __builtin_offsetof(seL4_UserContext, x30) == 16 * 8);
ABI("UserContext x9", __builtin_offsetof(seL4_UserContext, x9) == 17 * 8);
ABI("UserContext tpidrro_el0", __builtin_offsetof(seL4_UserContext, tpidrro_el0) == 35 * 8);

// VM attributes (§9.1) and rights bits (§3.2).
ABI("PageCacheable", seL4_ARM_PageCacheable == 1);
ABI("Default_VMAttributes", seL4_ARM_Default_VMAttributes == 3);
ABI("ExecuteNever", seL4_ARM_ExecuteNever == 4);
ABI("MaxPrio", seL4_MaxPrio == 255);

#if defined(__aarch64__)
ABI("deprecated PD map alias", ARMPageDirectoryMap == ARMPageTableMap);
ABI("Mapping no PT", SEL4_MAPPING_LOOKUP_NO_PT == 21);
ABI("Mapping no PD", SEL4_MAPPING_LOOKUP_NO_PD == 30);
ABI("Mapping no PUD", SEL4_MAPPING_LOOKUP_NO_PUD == 39);
ABI("Mapping MR", SEL4_MAPPING_LOOKUP_LEVEL == 2);
#endif
