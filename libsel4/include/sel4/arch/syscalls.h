// SPDX-License-Identifier: BSD-2-Clause
// The seL4 system calls as C functions (the non-MCS API, or with CONFIG_KERNEL_MCS the
// calls both APIs share here, Recv, NBRecv and ReplyRecv with their Reply cap among them,
// and the MCS-only calls in <sel4/arch/syscalls_mcs.h>; plus the debug calls), built on
// the AArch64 trap helpers. Register placement is upstream's: x0 cap/badge, x1 message
// info, x2..x5 MR0..MR3. Calls that receive copy MR0..MR3 into the IPC buffer so
// seL4_GetMR works for every register. Every call is one of three helpers below (a send, a
// receive, a send-then-receive), told where MR0..MR3 come from and go.
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

// Where the register message words MR0..MR3 (x2..x5) of a system call come from and go
// back to: `mrs` null means the IPC buffer's msg[0..3]; otherwise it is the four caller
// variables of a "WithMRs" form (each sent only if given and the message is long
// enough, written back only if given).
SEL4_FORCE_INLINE seL4_Word seL4_MRIn_(seL4_Word *const *mrs, seL4_MessageInfo_t info, int i)
{
    return mrs != seL4_Null ? seL4_MRIfPresent_(mrs[i], info, (seL4_Uint64)i) : seL4_GetMR(i);
}

SEL4_FORCE_INLINE void seL4_MROut_(seL4_Word *const *mrs, int i, seL4_Word value)
{
    if (mrs != seL4_Null) {
        seL4_MRStore_(mrs[i], value);
    } else {
        seL4_SetMR(i, value);
    }
}

SEL4_FORCE_INLINE void seL4_MRsOut_(seL4_Word *const *mrs, seL4_Word msg0, seL4_Word msg1,
                                    seL4_Word msg2, seL4_Word msg3)
{
    seL4_MROut_(mrs, 0, msg0);
    seL4_MROut_(mrs, 1, msg1);
    seL4_MROut_(mrs, 2, msg2);
    seL4_MROut_(mrs, 3, msg3);
}

// The four caller variables of a "WithMRs" form, as `mrs` above.
#define SEL4_MR_VARS_(mr0, mr1, mr2, mr3) ((seL4_Word *const[]){mr0, mr1, mr2, mr3})

// Recv, NBRecv and ReplyRecv name a Reply object last with CONFIG_KERNEL_MCS (a Call that
// arrives links it); without MCS they have no such parameter and pass 0.
#ifdef CONFIG_KERNEL_MCS
#define SEL4_REPLY_PARAM_ , seL4_CPtr reply
#define SEL4_REPLY_ARG_ reply
#else
#define SEL4_REPLY_PARAM_
#define SEL4_REPLY_ARG_ 0
#endif

// Send or NBSend (or Reply, non-MCS) without waiting for an answer.
SEL4_FORCE_INLINE void seL4_SendVia_(seL4_Word sys, seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                     seL4_Word *const *mrs)
{
    seL4_Word msg0 = seL4_MRIn_(mrs, msgInfo, 0), msg1 = seL4_MRIn_(mrs, msgInfo, 1);
    seL4_Word msg2 = seL4_MRIn_(mrs, msgInfo, 2), msg3 = seL4_MRIn_(mrs, msgInfo, 3);

#ifndef CONFIG_KERNEL_MCS
    if (sys == (seL4_Word)seL4_SysReply) {
        arm_sys_reply(sys, msgInfo.words[0], msg0, msg1, msg2, msg3);
        return;
    }
#endif
    arm_sys_send(sys, dest, msgInfo.words[0], msg0, msg1, msg2, msg3);
}

// Every receive: trap `sys` on src (MCS: with the Reply object `reply`), MR0..MR3 out as
// `mrs` says, the badge to *sender if given.
SEL4_FORCE_INLINE seL4_MessageInfo_t seL4_RecvVia_(seL4_Word sys, seL4_CPtr src, seL4_Word *sender,
                                                   seL4_Word *const *mrs, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0, msg1, msg2, msg3;

    arm_sys_recv(sys, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3, reply);
    seL4_MRsOut_(mrs, msg0, msg1, msg2, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

// Every send-then-receive in one trap (Call, ReplyRecv): MR0..MR3 in and out as `mrs`
// says, the badge (Call: the destination register's final value) to *badge.
SEL4_FORCE_INLINE seL4_MessageInfo_t seL4_SendRecvVia_(seL4_Word sys, seL4_CPtr dest,
                                                       seL4_Word *badge, seL4_MessageInfo_t msgInfo,
                                                       seL4_Word *const *mrs, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word msg0 = seL4_MRIn_(mrs, msgInfo, 0), msg1 = seL4_MRIn_(mrs, msgInfo, 1);
    seL4_Word msg2 = seL4_MRIn_(mrs, msgInfo, 2), msg3 = seL4_MRIn_(mrs, msgInfo, 3);

    arm_sys_send_recv(sys, dest, badge, msgInfo.words[0], &info.words[0], &msg0, &msg1, &msg2,
                      &msg3, reply);
    seL4_MRsOut_(mrs, msg0, msg1, msg2, msg3);
    return info;
}

// The two forms of a send-type call: seL4_<name>(dest, msgInfo) sends MR0..MR3 from the
// IPC buffer, seL4_<name>WithMRs(dest, msgInfo, mr0, mr1, mr2, mr3) from the caller's
// variables.
#define SEL4_SEND_FORMS_(name, sys)                                                                \
    LIBSEL4_INLINE_FUNC void seL4_##name(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)               \
    {                                                                                              \
        seL4_SendVia_(sys, dest, msgInfo, seL4_Null);                                              \
    }                                                                                              \
    LIBSEL4_INLINE_FUNC void seL4_##name##WithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,      \
                                                  seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2,  \
                                                  seL4_Word *mr3)                                  \
    {                                                                                              \
        seL4_SendVia_(sys, dest, msgInfo, SEL4_MR_VARS_(mr0, mr1, mr2, mr3));                      \
    }

// seL4_Send, seL4_SendWithMRs: send a message, blocking until it is received.
SEL4_SEND_FORMS_(Send, seL4_SysSend)
// seL4_NBSend, seL4_NBSendWithMRs: send only if a receiver is waiting; otherwise the
// message is dropped silently.
SEL4_SEND_FORMS_(NBSend, seL4_SysNBSend)
#undef SEL4_SEND_FORMS_

#ifndef CONFIG_KERNEL_MCS
// Reply to the thread that last called us (through the TCB's implicit reply cap).
LIBSEL4_INLINE_FUNC void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
    seL4_SendVia_(seL4_SysReply, 0, msgInfo, seL4_Null);
}

LIBSEL4_INLINE_FUNC void seL4_ReplyWithMRs(seL4_MessageInfo_t msgInfo, seL4_Word *mr0,
                                           seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_SendVia_(seL4_SysReply, 0, msgInfo, SEL4_MR_VARS_(mr0, mr1, mr2, mr3));
}

#endif // !CONFIG_KERNEL_MCS

// Signal a notification: a Send with an empty message.
LIBSEL4_INLINE_FUNC void seL4_Signal(seL4_CPtr dest)
{
    arm_sys_send_null(seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 0).words[0]);
}

// Block until a message or notification arrives on src; *sender gets the badge.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender SEL4_REPLY_PARAM_)
{
    return seL4_RecvVia_(seL4_SysRecv, src, sender, seL4_Null, SEL4_REPLY_ARG_);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2,
                                                        seL4_Word *mr3 SEL4_REPLY_PARAM_)
{
    return seL4_RecvVia_(seL4_SysRecv, src, sender, SEL4_MR_VARS_(mr0, mr1, mr2, mr3),
                         SEL4_REPLY_ARG_);
}

// Receive without blocking; with nothing pending the badge is 0.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src,
                                                   seL4_Word *sender SEL4_REPLY_PARAM_)
{
    return seL4_RecvVia_(seL4_SysNBRecv, src, sender, seL4_Null, SEL4_REPLY_ARG_);
}

// Send and wait for the reply in one trap. MR0..MR3 go from and return to the IPC buffer.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    return seL4_SendRecvVia_(seL4_SysCall, dest, &dest, msgInfo, seL4_Null, 0);
}

// Call with MR0..MR3 passed through the caller's variables instead of the IPC buffer.
// The invocation stubs use this so register arguments never touch memory.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_CallWithMRs(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2, seL4_Word *mr3)
{
    return seL4_SendRecvVia_(seL4_SysCall, dest, &dest, msgInfo, SEL4_MR_VARS_(mr0, mr1, mr2, mr3),
                             0);
}

// Reply to the current caller (MCS: the one linked to `reply`), then wait on src (the
// usual server loop step; MCS: with `reply`); *sender gets the badge.
SEL4_FORCE_INLINE seL4_MessageInfo_t seL4_ReplyRecvVia_(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                        seL4_Word *sender, seL4_Word *const *mrs,
                                                        seL4_CPtr reply)
{
    seL4_Word badge;
    seL4_MessageInfo_t info =
        seL4_SendRecvVia_(seL4_SysReplyRecv, src, &badge, msgInfo, mrs, reply);

    seL4_MRStore_(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                      seL4_Word *sender SEL4_REPLY_PARAM_)
{
    return seL4_ReplyRecvVia_(src, msgInfo, sender, seL4_Null, SEL4_REPLY_ARG_);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecvWithMRs(seL4_CPtr src,
                                                             seL4_MessageInfo_t msgInfo,
                                                             seL4_Word *sender, seL4_Word *mr0,
                                                             seL4_Word *mr1, seL4_Word *mr2,
                                                             seL4_Word *mr3 SEL4_REPLY_PARAM_)
{
    return seL4_ReplyRecvVia_(src, msgInfo, sender, SEL4_MR_VARS_(mr0, mr1, mr2, mr3),
                              SEL4_REPLY_ARG_);
}

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
