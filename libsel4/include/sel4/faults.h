// SPDX-License-Identifier: BSD-2-Clause
// Decoding fault messages received by a fault handler: seL4_getFault and the
// seL4_is<Kind>_tag predicates. MR index names live in shared_types.h (CapFault) and
// sel4_arch/constants.h (the others).
#pragma once

#include <sel4/types.h>
#include <sel4/functions.h>
#include <sel4/sel4_arch/faults.h>

// Decode the fault message described by `tag` from the IPC buffer's MRs.
LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_getFault(seL4_MessageInfo_t tag)
{
    if (seL4_MessageInfo_get_label(tag) == seL4_Fault_CapFault) {
        return seL4_Fault_CapFault_new(
            seL4_GetMR(seL4_CapFault_IP), seL4_GetMR(seL4_CapFault_Addr),
            seL4_GetMR(seL4_CapFault_InRecvPhase), seL4_GetMR(seL4_CapFault_LookupFailureType),
            seL4_GetMR(seL4_CapFault_BitsLeft), seL4_GetMR(seL4_CapFault_GuardMismatch_GuardFound),
            seL4_GetMR(seL4_CapFault_GuardMismatch_BitsFound));
    }
    return seL4_getArchFault(tag);
}

LIBSEL4_INLINE_FUNC seL4_Bool seL4_isNullFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_NullFault;
}

LIBSEL4_INLINE_FUNC seL4_Bool seL4_isCapFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_CapFault;
}

LIBSEL4_INLINE_FUNC seL4_Bool seL4_isUnknownSyscall_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_UnknownSyscall;
}

LIBSEL4_INLINE_FUNC seL4_Bool seL4_isUserException_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_UserException;
}

LIBSEL4_INLINE_FUNC seL4_Bool seL4_isVMFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault;
}

#ifdef CONFIG_KERNEL_MCS
LIBSEL4_INLINE_FUNC seL4_Bool seL4_isTimeoutFault_tag(seL4_MessageInfo_t tag)
{
    return seL4_MessageInfo_get_label(tag) == seL4_Fault_Timeout;
}

// The reply to a timeout fault: label 0 resumes the thread with the first `length`
// registers of regs (in seL4_TimeoutReply_Msg order), any other label leaves it suspended.
LIBSEL4_INLINE_FUNC seL4_MessageInfo_t seL4_TimeoutReply_new(seL4_Bool resume,
                                                             seL4_UserContext regs,
                                                             seL4_Word length)
{
    seL4_MessageInfo_t info = seL4_MessageInfo_new(!resume, 0, 0, length);

    for (seL4_Word i = 0; i < length; i++) {
        seL4_SetMR((int)i, ((seL4_Word *)&regs)[i]);
    }
    return info;
}
#endif // CONFIG_KERNEL_MCS
