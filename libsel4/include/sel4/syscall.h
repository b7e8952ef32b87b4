// SPDX-License-Identifier: BSD-2-Clause
// System call numbers, placed in x7 before `svc #0` (docs/design/abi.md §1.2, non-MCS).
// Numbers count down from -1 over the API list and then the whole debug list, so they
// never depend on configuration. Pure header shared by the kernel and user space.
#pragma once

#include <sel4/macros.h>

typedef enum {
    seL4_SysCall = -1,
    seL4_SysReplyRecv = -2,
    seL4_SysSend = -3,
    seL4_SysNBSend = -4,
    seL4_SysRecv = -5,
    seL4_SysReply = -6,
    seL4_SysYield = -7,
    seL4_SysNBRecv = -8,
    // Debug calls: present because Cairn is a debug build with printing.
    seL4_SysDebugPutChar = -9,
    seL4_SysDebugDumpScheduler = -10,
    seL4_SysDebugHalt = -11,
    seL4_SysDebugCapIdentify = -12,
    seL4_SysDebugSnapshot = -13,
    seL4_SysDebugNameThread = -14,
    // -15 and below (SMP, code injection, benchmarks, x86, SetTLSBase) are not
    // configured; they raise an UnknownSyscall fault.
    SEL4_FORCE_LONG_ENUM(seL4_Syscall_ID)
} seL4_Syscall_ID;
