// SPDX-License-Identifier: BSD-2-Clause
// seL4_Fault_t: a decoded fault message, with upstream-named constructors and getters
// for the AArch64 fault kinds (docs/design/abi.md §10.2). The representation is private to
// user space (the kernel only sends MRs), so it is simply the tag plus the MR words.
#pragma once

#include <sel4/functions.h>
#include <sel4/sel4_arch/constants.h>

// words[0] = fault type (seL4_Fault_tag_t); words[1 + i] = field i of that fault kind.
typedef struct seL4_Fault {
    seL4_Uint64 words[14];
} seL4_Fault_t;

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_Fault_get_seL4_FaultType(seL4_Fault_t f)
{
    return f.words[0];
}

LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_Fault_ptr_get_seL4_FaultType(const seL4_Fault_t *f)
{
    return f->words[0];
}

// A fault of kind `tag` with fields v[0..n-1] (the rest 0).
LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_make_(seL4_Uint64 tag, const seL4_Uint64 *v, unsigned n)
{
    seL4_Fault_t f = {{0}};

    f.words[0] = tag;
    for (unsigned i = 0; i < n; i++) {
        f.words[1 + i] = v[i];
    }
    return f;
}

// The fault of kind `tag` whose fields are the arguments that follow.
#define SEL4_FAULT_MAKE_(tag, ...)                                                                 \
    seL4_Fault_make_(tag, (const seL4_Uint64[]){__VA_ARGS__},                                      \
                     sizeof((const seL4_Uint64[]){__VA_ARGS__}) / sizeof(seL4_Uint64))

// Getter and setter for field `idx` of fault kind `kind`, named as upstream's generator.
#define SEL4_FAULT_FIELD_(kind, field, idx)                                                        \
    LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_Fault_##kind##_get_##field(seL4_Fault_t f)                \
    {                                                                                              \
        return f.words[1 + (idx)];                                                                 \
    }                                                                                              \
    LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_##kind##_set_##field(seL4_Fault_t f,               \
                                                                     seL4_Uint64 v)                \
    {                                                                                              \
        f.words[1 + (idx)] = v;                                                                    \
        return f;                                                                                  \
    }                                                                                              \
    LIBSEL4_INLINE_FUNC seL4_Uint64 seL4_Fault_##kind##_ptr_get_##field(const seL4_Fault_t *f)     \
    {                                                                                              \
        return f->words[1 + (idx)];                                                                \
    }

LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_NullFault_new(void)
{
    return seL4_Fault_make_(seL4_Fault_NullFault, seL4_Null, 0);
}

// CapFault: MR4..MR6 depend on the lookup-failure type (see seL4_CapFault_Msg).
SEL4_FAULT_FIELD_(CapFault, IP, 0)
SEL4_FAULT_FIELD_(CapFault, Addr, 1)
SEL4_FAULT_FIELD_(CapFault, InRecvPhase, 2)
SEL4_FAULT_FIELD_(CapFault, LookupFailureType, 3)
SEL4_FAULT_FIELD_(CapFault, MR4, 4)
SEL4_FAULT_FIELD_(CapFault, MR5, 5)
SEL4_FAULT_FIELD_(CapFault, MR6, 6)

LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_CapFault_new(seL4_Uint64 IP, seL4_Uint64 Addr,
                                                         seL4_Uint64 InRecvPhase,
                                                         seL4_Uint64 LookupFailureType,
                                                         seL4_Uint64 MR4, seL4_Uint64 MR5,
                                                         seL4_Uint64 MR6)
{
    return SEL4_FAULT_MAKE_(seL4_Fault_CapFault, IP, Addr, InRecvPhase, LookupFailureType, MR4, MR5,
                            MR6);
}

SEL4_FAULT_FIELD_(UnknownSyscall, X0, 0)
SEL4_FAULT_FIELD_(UnknownSyscall, X1, 1)
SEL4_FAULT_FIELD_(UnknownSyscall, X2, 2)
SEL4_FAULT_FIELD_(UnknownSyscall, X3, 3)
SEL4_FAULT_FIELD_(UnknownSyscall, X4, 4)
SEL4_FAULT_FIELD_(UnknownSyscall, X5, 5)
SEL4_FAULT_FIELD_(UnknownSyscall, X6, 6)
SEL4_FAULT_FIELD_(UnknownSyscall, X7, 7)
SEL4_FAULT_FIELD_(UnknownSyscall, FaultIP, 8)
SEL4_FAULT_FIELD_(UnknownSyscall, SP, 9)
SEL4_FAULT_FIELD_(UnknownSyscall, LR, 10)
SEL4_FAULT_FIELD_(UnknownSyscall, SPSR, 11)
SEL4_FAULT_FIELD_(UnknownSyscall, Syscall, 12)

LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_UnknownSyscall_new(
    seL4_Uint64 X0, seL4_Uint64 X1, seL4_Uint64 X2, seL4_Uint64 X3, seL4_Uint64 X4, seL4_Uint64 X5,
    seL4_Uint64 X6, seL4_Uint64 X7, seL4_Uint64 FaultIP, seL4_Uint64 SP, seL4_Uint64 LR,
    seL4_Uint64 SPSR, seL4_Uint64 Syscall)
{
    return SEL4_FAULT_MAKE_(seL4_Fault_UnknownSyscall, X0, X1, X2, X3, X4, X5, X6, X7, FaultIP, SP,
                            LR, SPSR, Syscall);
}

SEL4_FAULT_FIELD_(UserException, FaultIP, 0)
SEL4_FAULT_FIELD_(UserException, Stack, 1)
SEL4_FAULT_FIELD_(UserException, SPSR, 2)
SEL4_FAULT_FIELD_(UserException, Number, 3)
SEL4_FAULT_FIELD_(UserException, Code, 4)

LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_UserException_new(seL4_Uint64 FaultIP,
                                                              seL4_Uint64 Stack, seL4_Uint64 SPSR,
                                                              seL4_Uint64 Number, seL4_Uint64 Code)
{
    return SEL4_FAULT_MAKE_(seL4_Fault_UserException, FaultIP, Stack, SPSR, Number, Code);
}

SEL4_FAULT_FIELD_(VMFault, IP, 0)
SEL4_FAULT_FIELD_(VMFault, Addr, 1)
SEL4_FAULT_FIELD_(VMFault, PrefetchFault, 2)
SEL4_FAULT_FIELD_(VMFault, FSR, 3)

LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_Fault_VMFault_new(seL4_Uint64 IP, seL4_Uint64 Addr,
                                                        seL4_Uint64 PrefetchFault, seL4_Uint64 FSR)
{
    return SEL4_FAULT_MAKE_(seL4_Fault_VMFault, IP, Addr, PrefetchFault, FSR);
}

#undef SEL4_FAULT_FIELD_
#undef SEL4_FAULT_MAKE_

// Decode the AArch64-specific fault kinds of a received fault message (MRs must be in
// the IPC buffer, which seL4_Recv/ReplyRecv guarantee). Unknown labels give NullFault.
LIBSEL4_INLINE_FUNC seL4_Fault_t seL4_getArchFault(seL4_MessageInfo_t tag)
{
    switch (seL4_MessageInfo_get_label(tag)) {
    case seL4_Fault_UnknownSyscall:
        return seL4_Fault_UnknownSyscall_new(
            seL4_GetMR(seL4_UnknownSyscall_X0), seL4_GetMR(seL4_UnknownSyscall_X1),
            seL4_GetMR(seL4_UnknownSyscall_X2), seL4_GetMR(seL4_UnknownSyscall_X3),
            seL4_GetMR(seL4_UnknownSyscall_X4), seL4_GetMR(seL4_UnknownSyscall_X5),
            seL4_GetMR(seL4_UnknownSyscall_X6), seL4_GetMR(seL4_UnknownSyscall_X7),
            seL4_GetMR(seL4_UnknownSyscall_FaultIP), seL4_GetMR(seL4_UnknownSyscall_SP),
            seL4_GetMR(seL4_UnknownSyscall_LR), seL4_GetMR(seL4_UnknownSyscall_SPSR),
            seL4_GetMR(seL4_UnknownSyscall_Syscall));
    case seL4_Fault_UserException:
        return seL4_Fault_UserException_new(
            seL4_GetMR(seL4_UserException_FaultIP), seL4_GetMR(seL4_UserException_SP),
            seL4_GetMR(seL4_UserException_SPSR), seL4_GetMR(seL4_UserException_Number),
            seL4_GetMR(seL4_UserException_Code));
    case seL4_Fault_VMFault:
        return seL4_Fault_VMFault_new(seL4_GetMR(seL4_VMFault_IP), seL4_GetMR(seL4_VMFault_Addr),
                                      seL4_GetMR(seL4_VMFault_PrefetchFault),
                                      seL4_GetMR(seL4_VMFault_FSR));
    default:
        return seL4_Fault_NullFault_new();
    }
}
