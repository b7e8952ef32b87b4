// SPDX-License-Identifier: BSD-2-Clause
// System call numbers, placed in x7 before `svc #0` (docs/design/abi.md §1.2).
// Numbers count down from -1 over the configuration's API list (non-MCS: 8 calls; MCS:
// 11, with Reply gone) and then the whole debug list. Pure header shared by the kernel
// and user space.
#pragma once

#include <sel4/macros.h>

typedef enum {
#ifdef CONFIG_KERNEL_MCS
    seL4_SysCall = -1,
    seL4_SysReplyRecv = -2,
    seL4_SysNBSendRecv = -3,
    seL4_SysNBSendWait = -4,
    seL4_SysSend = -5,
    seL4_SysNBSend = -6,
    seL4_SysRecv = -7,
    seL4_SysNBRecv = -8,
    seL4_SysWait = -9,
    seL4_SysNBWait = -10,
    seL4_SysYield = -11,
#define SEL4_SYS_DEBUG_FIRST_ (-12)
#else
    seL4_SysCall = -1,
    seL4_SysReplyRecv = -2,
    seL4_SysSend = -3,
    seL4_SysNBSend = -4,
    seL4_SysRecv = -5,
    seL4_SysReply = -6,
    seL4_SysYield = -7,
    seL4_SysNBRecv = -8,
#define SEL4_SYS_DEBUG_FIRST_ (-9)
#endif
    // Debug calls, right after the API list: present because Cairn is a debug build with
    // printing.
    seL4_SysDebugPutChar = SEL4_SYS_DEBUG_FIRST_,
    seL4_SysDebugDumpScheduler = SEL4_SYS_DEBUG_FIRST_ - 1,
    seL4_SysDebugHalt = SEL4_SYS_DEBUG_FIRST_ - 2,
    seL4_SysDebugCapIdentify = SEL4_SYS_DEBUG_FIRST_ - 3,
    seL4_SysDebugSnapshot = SEL4_SYS_DEBUG_FIRST_ - 4,
    seL4_SysDebugNameThread = SEL4_SYS_DEBUG_FIRST_ - 5,
    // Below these (SMP, code injection, benchmarks, x86, SetTLSBase) nothing is
    // configured; such numbers raise an UnknownSyscall fault.
    SEL4_FORCE_LONG_ENUM(seL4_Syscall_ID)
} seL4_Syscall_ID;
