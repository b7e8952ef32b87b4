// SPDX-License-Identifier: BSD-2-Clause
// AArch64 numbers of the seL4 ABI: object sizes, address-space limits, message-register
// counts, fault labels and fault message layouts (docs/design/abi.md §6.2, §10).
// Pure header, usable from assembly (enums are hidden under __ASSEMBLER__).
// Values are for the non-hypervisor, 4-level (48-bit VA) configuration only.
#pragma once

#include <sel4/macros.h>

// Object sizes, as log2 of bytes.
#define seL4_PageBits 12
#define seL4_LargePageBits 21
#define seL4_HugePageBits 30
#define seL4_SlotBits 5
// 12 with the hardware-debug API; Cairn does not offer that API.
#define seL4_TCBBits 11
#define seL4_EndpointBits 4
#ifdef CONFIG_KERNEL_MCS
// MCS notifications also hold the scheduling context bound to them.
#define seL4_NotificationBits 6
#define seL4_ReplyBits 5
#else
#define seL4_NotificationBits 5
#endif

// Every intermediate translation table: 512 eight-byte entries in one 4 KiB page.
#define seL4_PageTableBits 12
#define seL4_PageTableEntryBits 3
#define seL4_PageTableIndexBits 9

// The VSpace object is the level-0 table (hypervisor builds with 40-bit PA differ).
#define seL4_VSpaceBits 12
#define seL4_VSpaceEntryBits 3
#define seL4_VSpaceIndexBits 9

#define seL4_NumASIDPoolsBits 7
#define seL4_ASIDPoolBits 12
#define seL4_ASIDPoolIndexBits 9
#define seL4_IOPageTableBits 12

// VCPU objects only exist with hypervisor support; the size is published regardless.
#define seL4_ARM_VCPUBits 12
#define seL4_VCPUBits 12

#define seL4_WordSizeBits 3
// A literal (upstream uses sizeof) so that it also works in #if and in assembly.
#define seL4_WordBits 64

#define seL4_MinUntypedBits 4
#define seL4_MaxUntypedBits 47

// MR0..MR3 travel in x2..x5; the rest go through the IPC buffer.
#define seL4_FastMessageRegisters 4

// The IPC buffer is 1 KiB; the BootInfo frame is one small page.
#define seL4_IPCBufferSizeBits 10
#define seL4_BootInfoFrameBits seL4_PageBits

// Last user-accessible virtual address (inclusive). seL4_UserTop is the deprecated name.
#define seL4_UserTop 0x00007fffffffffff
#define seL4_UserVSpaceTop seL4_UserTop

// VMFault PrefetchFault values.
#define seL4_DataFault 0
#define seL4_InstructionFault 1

#ifndef __ASSEMBLER__

SEL4_SIZE_SANITY(seL4_PageTableEntryBits, seL4_PageTableIndexBits, seL4_PageTableBits)
SEL4_SIZE_SANITY(seL4_WordSizeBits, seL4_ASIDPoolIndexBits, seL4_ASIDPoolBits)
SEL4_SIZE_SANITY(seL4_VSpaceEntryBits, seL4_VSpaceIndexBits, seL4_VSpaceBits)

// Fault types: the label of a fault message. Non-MCS: VMFault is 5 whether or not the
// debug-exception fault exists; MCS inserts the timeout fault at 5 and VMFault is 6.
typedef enum seL4_Fault_tag {
    seL4_Fault_NullFault = 0,
    seL4_Fault_CapFault = 1,
    seL4_Fault_UnknownSyscall = 2,
    seL4_Fault_UserException = 3,
#ifdef CONFIG_KERNEL_MCS
    seL4_Fault_Timeout = 5,
    seL4_Fault_VMFault = 6,
#else
    seL4_Fault_VMFault = 5,
#endif
    SEL4_FORCE_LONG_ENUM(seL4_Fault_tag),
} seL4_Fault_tag_t;

// MR indices of an UnknownSyscall fault message. "LR" is ELR_EL1 (the address after the
// svc), not x30.
typedef enum {
    seL4_UnknownSyscall_X0,
    seL4_UnknownSyscall_X1,
    seL4_UnknownSyscall_X2,
    seL4_UnknownSyscall_X3,
    seL4_UnknownSyscall_X4,
    seL4_UnknownSyscall_X5,
    seL4_UnknownSyscall_X6,
    seL4_UnknownSyscall_X7,
    seL4_UnknownSyscall_FaultIP,
    seL4_UnknownSyscall_SP,
    seL4_UnknownSyscall_LR,
    seL4_UnknownSyscall_SPSR,
    seL4_UnknownSyscall_Syscall,
    seL4_UnknownSyscall_Length,
    SEL4_FORCE_LONG_ENUM(seL4_UnknownSyscall_Msg),
} seL4_UnknownSyscall_Msg;

// MR indices of a UserException fault message; Number is ESR_EL1.
typedef enum {
    seL4_UserException_FaultIP,
    seL4_UserException_SP,
    seL4_UserException_SPSR,
    seL4_UserException_Number,
    seL4_UserException_Code,
    seL4_UserException_Length,
    SEL4_FORCE_LONG_ENUM(seL4_UserException_Msg),
} seL4_UserException_Msg;

// MR indices of a VMFault message; FSR is ESR_EL1.
typedef enum {
    seL4_VMFault_IP,
    seL4_VMFault_Addr,
    seL4_VMFault_PrefetchFault,
    seL4_VMFault_FSR,
    seL4_VMFault_Length,
    SEL4_FORCE_LONG_ENUM(seL4_VMFault_Msg),
} seL4_VMFault_Msg;

#ifdef CONFIG_KERNEL_MCS
// MR indices of a timeout fault: the scheduling context's badge and the time it consumed.
typedef enum {
    seL4_Timeout_Data,
    seL4_Timeout_Consumed,
    seL4_Timeout_Length,
    SEL4_FORCE_LONG_ENUM(seL4_Timeout_Msg),
} seL4_Timeout_Msg;

// MR indices of the reply to a timeout fault: the registers to resume with, in this order.
typedef enum {
    seL4_TimeoutReply_FaultIP,
    seL4_TimeoutReply_SP,
    seL4_TimeoutReply_SPSR_EL1,
    seL4_TimeoutReply_X0,
    seL4_TimeoutReply_X1,
    seL4_TimeoutReply_X2,
    seL4_TimeoutReply_X3,
    seL4_TimeoutReply_X4,
    seL4_TimeoutReply_X5,
    seL4_TimeoutReply_X6,
    seL4_TimeoutReply_X7,
    seL4_TimeoutReply_X8,
    seL4_TimeoutReply_X16,
    seL4_TimeoutReply_X17,
    seL4_TimeoutReply_X18,
    seL4_TimeoutReply_X29,
    seL4_TimeoutReply_X30,
    seL4_TimeoutReply_X9,
    seL4_TimeoutReply_X10,
    seL4_TimeoutReply_X11,
    seL4_TimeoutReply_X12,
    seL4_TimeoutReply_X13,
    seL4_TimeoutReply_X14,
    seL4_TimeoutReply_X15,
    seL4_TimeoutReply_X19,
    seL4_TimeoutReply_X20,
    seL4_TimeoutReply_X21,
    seL4_TimeoutReply_X22,
    seL4_TimeoutReply_X23,
    seL4_TimeoutReply_X24,
    seL4_TimeoutReply_X25,
    seL4_TimeoutReply_X26,
    seL4_TimeoutReply_X27,
    seL4_TimeoutReply_X28,
    seL4_TimeoutReply_Length,
    SEL4_FORCE_LONG_ENUM(seL4_TimeoutReply_Msg),
} seL4_TimeoutReply_Msg;
#endif // CONFIG_KERNEL_MCS

#endif // !__ASSEMBLER__
