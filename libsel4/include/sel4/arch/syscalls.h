// SPDX-License-Identifier: BSD-2-Clause
// The seL4 system calls as C functions (the non-MCS API, or with CONFIG_KERNEL_MCS the
// calls both APIs share here and the MCS receive side in <sel4/arch/syscalls_mcs.h>, plus
// the debug calls), built on the AArch64 trap helpers. Register placement is upstream's:
// x0 cap/badge, x1 message info, x2..x5 MR0..MR3. Calls that receive copy MR0..MR3 into
// the IPC buffer so seL4_GetMR works for every register.
#pragma once

#include <sel4/functions.h>
#include <sel4/sel4_arch/syscalls.h>
#include <sel4/types.h>

// Value of register MR i for a "WithMRs" send: the caller's word if the message is long
// enough to include it and a pointer was given, else 0.
LIBSEL4_INLINE_FUNC seL4_Word seL4_MRIfPresent_(const seL4_Word *mr, seL4_MessageInfo_t info,
                                                seL4_Uint64 i)
{
    return (mr != seL4_Null && seL4_MessageInfo_get_length(info) > i) ? *mr : 0;
}

// Store a received register MR back to the caller's variable, if one was given.
LIBSEL4_INLINE_FUNC void seL4_MRStore_(seL4_Word *dst, seL4_Word value)
{
    if (dst != seL4_Null) {
        *dst = value;
    }
}

// Send or NBSend with MR0..MR3 from the IPC buffer, or from mr0..mr3 where given.
LIBSEL4_INLINE_FUNC void seL4_SendVia_(seL4_Word sys, seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    arm_sys_send(sys, dest, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2),
                 seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_SendWithMRsVia_(seL4_Word sys, seL4_CPtr dest,
                                              seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
                                              seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    arm_sys_send(sys, dest, msgInfo.words[0], seL4_MRIfPresent_(mr0, msgInfo, 0),
                 seL4_MRIfPresent_(mr1, msgInfo, 1), seL4_MRIfPresent_(mr2, msgInfo, 2),
                 seL4_MRIfPresent_(mr3, msgInfo, 3));
}

// Send a message (blocking until received); MR0..MR3 come from the IPC buffer.
LIBSEL4_INLINE_FUNC void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_SendVia_(seL4_SysSend, dest, msgInfo);
}

LIBSEL4_INLINE_FUNC void seL4_SendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                          seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,
                                          seL4_Word *mr3)
{
    seL4_SendWithMRsVia_(seL4_SysSend, dest, msgInfo, mr0, mr1, mr2, mr3);
}

// Send only if a receiver is waiting; otherwise the message is dropped silently.
LIBSEL4_INLINE_FUNC void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_SendVia_(seL4_SysNBSend, dest, msgInfo);
}

LIBSEL4_INLINE_FUNC void seL4_NBSendWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                            seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,
                                            seL4_Word *mr3)
{
    seL4_SendWithMRsVia_(seL4_SysNBSend, dest, msgInfo, mr0, mr1, mr2, mr3);
}

#ifndef CONFIG_KERNEL_MCS
// Reply to the thread that last called us (through the TCB's implicit reply cap).
LIBSEL4_INLINE_FUNC void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
    arm_sys_reply(seL4_SysReply, msgInfo.words[0], seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2),
                  seL4_GetMR(3));
}

LIBSEL4_INLINE_FUNC void seL4_ReplyWithMRs(seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
                                           seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    arm_sys_reply(seL4_SysReply, msgInfo.words[0], seL4_MRIfPresent_(mr0, msgInfo, 0),
                  seL4_MRIfPresent_(mr1, msgInfo, 1), seL4_MRIfPresent_(mr2, msgInfo, 2),
                  seL4_MRIfPresent_(mr3, msgInfo, 3));
}

#endif // !CONFIG_KERNEL_MCS

// Signal a notification: a Send with an empty message.
LIBSEL4_INLINE_FUNC void seL4_Signal(seL4_CPtr dest)
{
    arm_sys_send_null(seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 0).words[0]);
}

#ifndef CONFIG_KERNEL_MCS
// Shared body of Recv/NBRecv: trap, mirror MR0..MR3 into the IPC buffer, return badge.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvCommon_(seL4_Word sys, seL4_CPtr src,
                                                        seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0, msg1, msg2, msg3;

    arm_sys_recv(sys, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3, 0);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

// Block until a message or notification arrives on src; *sender gets the badge.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_RecvCommon_(seL4_SysRecv, src, sender);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0 = 0, msg1 = 0, msg2 = 0, msg3 = 0;

    arm_sys_recv(seL4_SysRecv, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3, 0);
    seL4_MRStore_(mr0, msg0);
    seL4_MRStore_(mr1, msg1);
    seL4_MRStore_(mr2, msg2);
    seL4_MRStore_(mr3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

// Receive without blocking; with nothing pending the badge is 0.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_RecvCommon_(seL4_SysNBRecv, src, sender);
}

#endif // !CONFIG_KERNEL_MCS

// Send and wait for the reply in one trap. MR0..MR3 go from and return to the IPC buffer.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_MessageInfo_t info;
    seL4_Word msg0 = seL4_GetMR(0);
    seL4_Word msg1 = seL4_GetMR(1);
    seL4_Word msg2 = seL4_GetMR(2);
    seL4_Word msg3 = seL4_GetMR(3);

    arm_sys_send_recv(seL4_SysCall, dest, &dest, msgInfo.words[0], &info.words[0], &msg0, &msg1,
                      &msg2, &msg3, 0);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    return info;
}

// Call with MR0..MR3 passed through the caller's variables instead of the IPC buffer.
// The invocation stubs use this so register arguments never touch memory.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word msg0 = seL4_MRIfPresent_(mr0, msgInfo, 0);
    seL4_Word msg1 = seL4_MRIfPresent_(mr1, msgInfo, 1);
    seL4_Word msg2 = seL4_MRIfPresent_(mr2, msgInfo, 2);
    seL4_Word msg3 = seL4_MRIfPresent_(mr3, msgInfo, 3);

    arm_sys_send_recv(seL4_SysCall, dest, &dest, msgInfo.words[0], &info.words[0], &msg0, &msg1,
                      &msg2, &msg3, 0);
    seL4_MRStore_(mr0, msg0);
    seL4_MRStore_(mr1, msg1);
    seL4_MRStore_(mr2, msg2);
    seL4_MRStore_(mr3, msg3);
    return info;
}

#ifndef CONFIG_KERNEL_MCS
// Reply to the current caller, then wait on src (the usual server loop step).
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                      seL4_Word *sender)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = seL4_GetMR(0);
    seL4_Word msg1 = seL4_GetMR(1);
    seL4_Word msg2 = seL4_GetMR(2);
    seL4_Word msg3 = seL4_GetMR(3);

    arm_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &msg0,
                      &msg1, &msg2, &msg3, 0);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr src,
                                                             seL4_MessageInfo_t msgInfo,
                                                             seL4_Word *sender, seL4_Word *mr0,
                                                             seL4_Word *mr1, seL4_Word *mr2,
                                                             seL4_Word *mr3)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = seL4_MRIfPresent_(mr0, msgInfo, 0);
    seL4_Word msg1 = seL4_MRIfPresent_(mr1, msgInfo, 1);
    seL4_Word msg2 = seL4_MRIfPresent_(mr2, msgInfo, 2);
    seL4_Word msg3 = seL4_MRIfPresent_(mr3, msgInfo, 3);

    arm_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &msg0,
                      &msg1, &msg2, &msg3, 0);
    seL4_MRStore_(mr0, msg0);
    seL4_MRStore_(mr1, msg1);
    seL4_MRStore_(mr2, msg2);
    seL4_MRStore_(mr3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

#endif // !CONFIG_KERNEL_MCS

// Give up the rest of the time slice. The empty asm is a compiler barrier: other
// threads may have changed shared memory meanwhile.
LIBSEL4_INLINE_FUNC void seL4_Yield(void)
{
    arm_sys_null(seL4_SysYield);
    __asm__ volatile("" ::: "memory");
}

#ifndef CONFIG_KERNEL_MCS
// Non-MCS Wait is Recv without the message info (upstream returns void here).
LIBSEL4_INLINE_FUNC void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    seL4_Recv(src, sender);
}

// Upstream defines NBWait only for MCS; here it is NBRecv, like Poll.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBRecv(src, sender);
}

// Check a notification without blocking.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBRecv(src, sender);
}

#endif // !CONFIG_KERNEL_MCS

// Debug calls go through the same "send-receive" helper as upstream: x0 carries the
// argument, x1..x5 are passed as 0 and may come back changed.
LIBSEL4_INLINE_FUNC seL4_Word seL4_DebugCall_(seL4_Word sys, seL4_Word arg)
{
    seL4_Word out0 = 0, out1 = 0, mr0 = 0, mr1 = 0, mr2 = 0, mr3 = 0;

    arm_sys_send_recv(sys, arg, &out0, 0, &out1, &mr0, &mr1, &mr2, &mr3, 0);
    return out0;
}

// Print one character on the kernel console; zero-extended into x0 as upstream.
LIBSEL4_INLINE_FUNC void seL4_DebugPutChar(char c)
{
    (void)seL4_DebugCall_(seL4_SysDebugPutChar, (seL4_Uint8)c);
}

// Print a NUL-terminated string, one DebugPutChar per byte.
LIBSEL4_INLINE_FUNC void seL4_DebugPutString(const char *str)
{
    for (const char *s = str; *s != '\0'; s++) {
        seL4_DebugPutChar(*s);
    }
}

// Print the kernel's table of all threads.
LIBSEL4_INLINE_FUNC void seL4_DebugDumpScheduler(void)
{
    (void)seL4_DebugCall_(seL4_SysDebugDumpScheduler, 0);
}

// Stop the whole system.
LIBSEL4_INLINE_FUNC void seL4_DebugHalt(void)
{
    arm_sys_null(seL4_SysDebugHalt);
}

// Print a capDL dump of the system's threads and objects.
LIBSEL4_INLINE_FUNC void seL4_DebugSnapshot(void)
{
    arm_sys_null(seL4_SysDebugSnapshot);
    __asm__ volatile("" ::: "memory");
}

// The kernel's cap-type tag of the cap at cap (0 if empty or unresolvable).
LIBSEL4_INLINE_FUNC seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
    return (seL4_Uint32)seL4_DebugCall_(seL4_SysDebugCapIdentify, cap);
}

// Name a thread for kernel debug output. The name is passed NUL-terminated in the
// caller's IPC buffer from msg[0]; it is cut to fit the message area (upstream copies
// with strcpy, unbounded; libsel4 here must not depend on libc).
LIBSEL4_INLINE_FUNC void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
    char *dst = (char *)seL4_GetIPCBuffer()->msg;
    seL4_Word max = sizeof(seL4_GetIPCBuffer()->msg) - 1;
    seL4_Word i = 0;

    for (; i < max && name[i] != '\0'; i++) {
        dst[i] = name[i];
    }
    dst[i] = '\0';
    (void)seL4_DebugCall_(seL4_SysDebugNameThread, tcb);
}

#ifdef CONFIG_KERNEL_MCS
#include <sel4/arch/syscalls_mcs.h>
#endif
