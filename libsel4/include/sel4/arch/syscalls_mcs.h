// SPDX-License-Identifier: BSD-2-Clause
// The receive side of the MCS system calls (included by <sel4/arch/syscalls.h> when
// CONFIG_KERNEL_MCS is set; docs/design/abi.md §1.2, §2.2). A receive on an endpoint
// names a Reply object in x6: a Call that arrives links it, and the answer is a Send on
// that Reply cap. Wait/NBWait receive without a Reply object (notifications, or an
// endpoint message that is not a Call). seL4_Reply does not exist in this configuration.
#pragma once

#include <sel4/arch/syscalls.h>

// Shared body of every receive: trap `sys` on src, mirror MR0..MR3 into the IPC buffer
// (or the caller's variables when given), store the badge.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvMCS_(seL4_Word sys, seL4_CPtr src,
                                                     seL4_Word *sender, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0, msg1, msg2, msg3;

    arm_sys_recv(sys, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3, reply);
    seL4_SetMR(0, msg0);
    seL4_SetMR(1, msg1);
    seL4_SetMR(2, msg2);
    seL4_SetMR(3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvMCSWithMRs_(seL4_Word sys, seL4_CPtr src,
                                                            seL4_Word *sender, seL4_Word *mr0,
                                                            seL4_Word *mr1, seL4_Word *mr2,
                                                            seL4_Word *mr3, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge, msg0 = 0, msg1 = 0, msg2 = 0, msg3 = 0;

    arm_sys_recv(sys, src, &badge, &info.words[0], &msg0, &msg1, &msg2, &msg3, reply);
    seL4_MRStore_(mr0, msg0);
    seL4_MRStore_(mr1, msg1);
    seL4_MRStore_(mr2, msg2);
    seL4_MRStore_(mr3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

// Block until a message or notification arrives on src; a Call links `reply`.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
{
    return seL4_RecvMCS_(seL4_SysRecv, src, sender, reply);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_RecvWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2, seL4_Word *mr3,
                                                        seL4_CPtr reply)
{
    return seL4_RecvMCSWithMRs_(seL4_SysRecv, src, sender, mr0, mr1, mr2, mr3, reply);
}

// Receive without blocking; with nothing pending the badge is 0.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender,
                                                   seL4_CPtr reply)
{
    return seL4_RecvMCS_(seL4_SysNBRecv, src, sender, reply);
}

// Receive without a Reply object (a Call cannot be answered this way).
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_RecvMCS_(seL4_SysWait, src, sender, 0);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_WaitWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2, seL4_Word *mr3)
{
    return seL4_RecvMCSWithMRs_(seL4_SysWait, src, sender, mr0, mr1, mr2, mr3, 0);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_RecvMCS_(seL4_SysNBWait, src, sender, 0);
}

// Check a notification without blocking.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBWait(src, sender);
}

// Answer the caller linked to `reply` with msgInfo, then receive on src with `reply`.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo,
                                                      seL4_Word *sender, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = seL4_GetMR(0), msg1 = seL4_GetMR(1);
    seL4_Word msg2 = seL4_GetMR(2), msg3 = seL4_GetMR(3);

    arm_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &msg0,
                      &msg1, &msg2, &msg3, reply);
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
                                                             seL4_Word *mr3, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0 = seL4_MRIfPresent_(mr0, msgInfo, 0);
    seL4_Word msg1 = seL4_MRIfPresent_(mr1, msgInfo, 1);
    seL4_Word msg2 = seL4_MRIfPresent_(mr2, msgInfo, 2);
    seL4_Word msg3 = seL4_MRIfPresent_(mr3, msgInfo, 3);

    arm_sys_send_recv(seL4_SysReplyRecv, src, &badge, msgInfo.words[0], &info.words[0], &msg0,
                      &msg1, &msg2, &msg3, reply);
    seL4_MRStore_(mr0, msg0);
    seL4_MRStore_(mr1, msg1);
    seL4_MRStore_(mr2, msg2);
    seL4_MRStore_(mr3, msg3);
    seL4_MRStore_(sender, badge);
    return info;
}

// Shared body of NBSendRecv/NBSendWait: a non-blocking send, then a receive on src. The
// kernel takes NBSendRecv's destination from x8 and its Reply cap from x6; NBSendWait has
// no Reply cap, and its destination travels in x6 (x8 is 0), as upstream places them.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecvMCS_(
    seL4_Word sys, seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src, seL4_Word *sender,
    seL4_Word *mr0, seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word msg0, msg1, msg2, msg3;

    if (mr0 != seL4_Null) { // the WithMRs form: registers from the caller's variables
        msg0 = seL4_MRIfPresent_(mr0, msgInfo, 0);
        msg1 = seL4_MRIfPresent_(mr1, msgInfo, 1);
        msg2 = seL4_MRIfPresent_(mr2, msgInfo, 2);
        msg3 = seL4_MRIfPresent_(mr3, msgInfo, 3);
    } else {
        msg0 = seL4_GetMR(0);
        msg1 = seL4_GetMR(1);
        msg2 = seL4_GetMR(2);
        msg3 = seL4_GetMR(3);
    }

    arm_sys_nbsend_recv(sys, dest, src, &badge, msgInfo.words[0], &info.words[0], &msg0, &msg1,
                        &msg2, &msg3, reply);
    if (mr0 != seL4_Null) {
        seL4_MRStore_(mr0, msg0);
        seL4_MRStore_(mr1, msg1);
        seL4_MRStore_(mr2, msg2);
        seL4_MRStore_(mr3, msg3);
    } else {
        seL4_SetMR(0, msg0);
        seL4_SetMR(1, msg1);
        seL4_SetMR(2, msg2);
        seL4_SetMR(3, msg3);
    }
    seL4_MRStore_(sender, badge);
    return info;
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecv(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                                       seL4_CPtr src, seL4_Word *sender,
                                                       seL4_CPtr reply)
{
    return seL4_NBSendRecvMCS_(seL4_SysNBSendRecv, dest, msgInfo, src, sender, seL4_Null, seL4_Null,
                               seL4_Null, seL4_Null, reply);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendRecvWithMRs(
    seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src, seL4_Word *sender, seL4_Word *mr0,
    seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3, seL4_CPtr reply)
{
    return seL4_NBSendRecvMCS_(seL4_SysNBSendRecv, dest, msgInfo, src, sender, mr0, mr1, mr2, mr3,
                               reply);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendWait(seL4_CPtr dest, seL4_MessageInfo_t msgInfo,
                                                       seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBSendRecvMCS_(seL4_SysNBSendWait, 0, msgInfo, src, sender, seL4_Null, seL4_Null,
                               seL4_Null, seL4_Null, dest);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBSendWaitWithMRs(seL4_CPtr dest,
                                                              seL4_MessageInfo_t msgInfo,
                                                              seL4_CPtr src, seL4_Word *sender,
                                                              seL4_Word *mr0, seL4_Word *mr1,
                                                              seL4_Word *mr2, seL4_Word *mr3)
{
    return seL4_NBSendRecvMCS_(seL4_SysNBSendWait, 0, msgInfo, src, sender, mr0, mr1, mr2, mr3,
                               dest);
}
