// SPDX-License-Identifier: BSD-2-Clause
// The MCS-only system calls (included by <sel4/arch/syscalls.h> when CONFIG_KERNEL_MCS
// is set; docs/design/abi.md §1.2, §2.2): Wait, NBWait and Poll receive without a Reply
// object (notifications, or an endpoint message that is not a Call); NBSendRecv and
// NBSendWait send without blocking, then receive. Recv, NBRecv and ReplyRecv, which name
// a Reply object in x6 (a Call that arrives links it, and the answer is a Send on that
// Reply cap), are in <sel4/arch/syscalls.h>. seL4_Reply does not exist in this
// configuration.
#pragma once

#include <sel4/arch/syscalls.h>

// Receive without a Reply object (a Call cannot be answered this way).
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_RecvVia_(seL4_SysWait, src, sender, seL4_Null, 0);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_WaitWithMRs(seL4_CPtr src, seL4_Word *sender,
                                                        seL4_Word *mr0, seL4_Word *mr1,
                                                        seL4_Word *mr2, seL4_Word *mr3)
{
    return seL4_RecvVia_(seL4_SysWait, src, sender, SEL4_MR_VARS_(mr0, mr1, mr2, mr3), 0);
}

LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_RecvVia_(seL4_SysNBWait, src, sender, seL4_Null, 0);
}

// Check a notification without blocking.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBWait(src, sender);
}

// Shared body of NBSendRecv/NBSendWait: a non-blocking send, then a receive on src. The
// kernel takes NBSendRecv's destination from x8 and its Reply cap from x6; NBSendWait has
// no Reply cap, and its destination travels in x6 (x8 is 0), as upstream places them.
// MR0..MR3 come from and go back to the caller's variables when mr0 is given, else the
// IPC buffer.
SEL4_FORCE_INLINE seL4_MessageInfo_t seL4_NBSendRecvMCS_(seL4_Word sys, seL4_CPtr dest,
                                                         seL4_MessageInfo_t msgInfo, seL4_CPtr src,
                                                         seL4_Word *sender, seL4_Word *mr0,
                                                         seL4_Word *mr1, seL4_Word *mr2,
                                                         seL4_Word *mr3, seL4_CPtr reply)
{
    seL4_MessageInfo_t info;
    seL4_Word badge;
    seL4_Word *const *mrs = mr0 != seL4_Null ? SEL4_MR_VARS_(mr0, mr1, mr2, mr3) : seL4_Null;
    seL4_Word msg0 = seL4_MRIn_(mrs, msgInfo, 0), msg1 = seL4_MRIn_(mrs, msgInfo, 1);
    seL4_Word msg2 = seL4_MRIn_(mrs, msgInfo, 2), msg3 = seL4_MRIn_(mrs, msgInfo, 3);

    arm_sys_nbsend_recv(sys, dest, src, &badge, msgInfo.words[0], &info.words[0], &msg0, &msg1,
                        &msg2, &msg3, reply);
    seL4_MRsOut_(mrs, msg0, msg1, msg2, msg3);
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
