// SPDX-License-Identifier: BSD-2-Clause
// The one-word structures the kernel and user space exchange (message info, cap rights,
// CNode guard data) with upstream-named accessors, the IPC buffer layout and the
// cap-fault message layout (docs/design/abi.md §2.4, §3.1-§3.3, §10.2).
// Pure header: plain C only, shared with the kernel and its host tests.
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>
#include <sel4/constants.h>

/*
 * seL4_MessageInfo: describes a message; travels in x1.
 *
 *   63                                   12 11       9 8     7 6        0
 *  +---------------------------------------+----------+-------+----------+
 *  |                 label                 | capsUnwr |extraCp|  length  |
 *  +---------------------------------------+----------+-------+----------+
 */
typedef struct seL4_MessageInfo {
    seL4_Uint64 words[1];
} seL4_MessageInfo_t;

#define SEL4_MI_LABEL_SHIFT 12
#define SEL4_MI_LABEL_MASK 0xfffffffffffffull
#define SEL4_MI_UNWRAPPED_SHIFT 9
#define SEL4_MI_UNWRAPPED_MASK 0x7ull
#define SEL4_MI_EXTRACAPS_SHIFT 7
#define SEL4_MI_EXTRACAPS_MASK 0x3ull
#define SEL4_MI_LENGTH_SHIFT 0
#define SEL4_MI_LENGTH_MASK 0x7full

// Out-of-range argument bits are dropped, never allowed to spill into another field.
static inline seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Uint64 label, seL4_Uint64 capsUnwrapped,
                                                      seL4_Uint64 extraCaps, seL4_Uint64 length)
{
    seL4_MessageInfo_t mi;
    mi.words[0] = (label & SEL4_MI_LABEL_MASK) << SEL4_MI_LABEL_SHIFT |
                  (capsUnwrapped & SEL4_MI_UNWRAPPED_MASK) << SEL4_MI_UNWRAPPED_SHIFT |
                  (extraCaps & SEL4_MI_EXTRACAPS_MASK) << SEL4_MI_EXTRACAPS_SHIFT |
                  (length & SEL4_MI_LENGTH_MASK) << SEL4_MI_LENGTH_SHIFT;
    return mi;
}

// Get/set pairs in the by-value and by-pointer forms the bitfield generator emits
// upstream. Setters return the updated copy.
#define SEL4_MI_FIELD(field, SHIFT, MASK)                                                          \
    static inline seL4_Uint64 seL4_MessageInfo_get_##field(seL4_MessageInfo_t mi)                  \
    {                                                                                              \
        return (mi.words[0] >> SHIFT) & MASK;                                                      \
    }                                                                                              \
    static inline seL4_MessageInfo_t seL4_MessageInfo_set_##field(seL4_MessageInfo_t mi,           \
                                                                  seL4_Uint64 v)                   \
    {                                                                                              \
        mi.words[0] = (mi.words[0] & ~(MASK << SHIFT)) | ((v & MASK) << SHIFT);                    \
        return mi;                                                                                 \
    }                                                                                              \
    static inline seL4_Uint64 seL4_MessageInfo_ptr_get_##field(const seL4_MessageInfo_t *mi)       \
    {                                                                                              \
        return (mi->words[0] >> SHIFT) & MASK;                                                     \
    }                                                                                              \
    static inline void seL4_MessageInfo_ptr_set_##field(seL4_MessageInfo_t *mi, seL4_Uint64 v)     \
    {                                                                                              \
        mi->words[0] = (mi->words[0] & ~(MASK << SHIFT)) | ((v & MASK) << SHIFT);                  \
    }

SEL4_MI_FIELD(label, SEL4_MI_LABEL_SHIFT, SEL4_MI_LABEL_MASK)
SEL4_MI_FIELD(capsUnwrapped, SEL4_MI_UNWRAPPED_SHIFT, SEL4_MI_UNWRAPPED_MASK)
SEL4_MI_FIELD(extraCaps, SEL4_MI_EXTRACAPS_SHIFT, SEL4_MI_EXTRACAPS_MASK)
SEL4_MI_FIELD(length, SEL4_MI_LENGTH_SHIFT, SEL4_MI_LENGTH_MASK)

#undef SEL4_MI_FIELD
#undef SEL4_MI_LABEL_SHIFT
#undef SEL4_MI_LABEL_MASK
#undef SEL4_MI_UNWRAPPED_SHIFT
#undef SEL4_MI_UNWRAPPED_MASK
#undef SEL4_MI_EXTRACAPS_SHIFT
#undef SEL4_MI_EXTRACAPS_MASK
#undef SEL4_MI_LENGTH_SHIFT
#undef SEL4_MI_LENGTH_MASK

/*
 * seL4_CapRights: a rights mask (CNode_Copy/Mint, Page_Map). Bits 63:4 are zero.
 *   bit 3 GrantReply | bit 2 Grant | bit 1 Read | bit 0 Write
 */
typedef struct seL4_CapRights {
    seL4_Uint64 words[1];
} seL4_CapRights_t;

static inline seL4_CapRights_t seL4_CapRights_new(seL4_Uint64 capAllowGrantReply,
                                                  seL4_Uint64 capAllowGrant,
                                                  seL4_Uint64 capAllowRead,
                                                  seL4_Uint64 capAllowWrite)
{
    seL4_CapRights_t r;
    r.words[0] = (capAllowGrantReply & 1u) << 3 | (capAllowGrant & 1u) << 2 |
                 (capAllowRead & 1u) << 1 | (capAllowWrite & 1u);
    return r;
}

#define SEL4_RIGHTS_FIELD(field, bit)                                                              \
    static inline seL4_Uint64 seL4_CapRights_get_##field(seL4_CapRights_t r)                       \
    {                                                                                              \
        return (r.words[0] >> (bit)) & 1u;                                                         \
    }                                                                                              \
    static inline seL4_CapRights_t seL4_CapRights_set_##field(seL4_CapRights_t r, seL4_Uint64 v)   \
    {                                                                                              \
        r.words[0] = (r.words[0] & ~(1ull << (bit))) | ((v & 1u) << (bit));                        \
        return r;                                                                                  \
    }                                                                                              \
    static inline seL4_Uint64 seL4_CapRights_ptr_get_##field(const seL4_CapRights_t *r)            \
    {                                                                                              \
        return (r->words[0] >> (bit)) & 1u;                                                        \
    }                                                                                              \
    static inline void seL4_CapRights_ptr_set_##field(seL4_CapRights_t *r, seL4_Uint64 v)          \
    {                                                                                              \
        r->words[0] = (r->words[0] & ~(1ull << (bit))) | ((v & 1u) << (bit));                      \
    }

SEL4_RIGHTS_FIELD(capAllowGrantReply, 3)
SEL4_RIGHTS_FIELD(capAllowGrant, 2)
SEL4_RIGHTS_FIELD(capAllowRead, 1)
SEL4_RIGHTS_FIELD(capAllowWrite, 0)

#undef SEL4_RIGHTS_FIELD

// Common rights values; they are seL4_CapRights_t values, not integers (as upstream).
#define seL4_ReadWrite seL4_CapRights_new(0, 0, 1, 1)
#define seL4_AllRights seL4_CapRights_new(1, 1, 1, 1)
#define seL4_CanRead seL4_CapRights_new(0, 0, 1, 0)
#define seL4_CanWrite seL4_CapRights_new(0, 0, 0, 1)
#define seL4_CanGrant seL4_CapRights_new(0, 1, 0, 0)
#define seL4_CanGrantReply seL4_CapRights_new(1, 0, 0, 0)
#define seL4_NoWrite seL4_CapRights_new(1, 1, 1, 0)
#define seL4_NoRead seL4_CapRights_new(1, 1, 0, 1)
#define seL4_NoRights seL4_CapRights_new(0, 0, 0, 0)

/*
 * seL4_CNode_CapData: the guard word given to Mint/Mutate/TCB_Configure for CNode caps.
 *   63                                      6 5         0
 *  +-----------------------------------------+-----------+
 *  |                 guard                   | guardSize |
 *  +-----------------------------------------+-----------+
 */
typedef struct seL4_CNode_CapData {
    seL4_Uint64 words[1];
} seL4_CNode_CapData_t;

static inline seL4_CNode_CapData_t seL4_CNode_CapData_new(seL4_Uint64 guard, seL4_Uint64 guardSize)
{
    seL4_CNode_CapData_t d;
    d.words[0] = (guard & 0x3ffffffffffffffull) << 6 | (guardSize & 0x3fu);
    return d;
}

static inline seL4_Uint64 seL4_CNode_CapData_get_guard(seL4_CNode_CapData_t d)
{
    return d.words[0] >> 6;
}

static inline seL4_CNode_CapData_t seL4_CNode_CapData_set_guard(seL4_CNode_CapData_t d,
                                                                seL4_Uint64 guard)
{
    d.words[0] = (d.words[0] & 0x3fu) | (guard & 0x3ffffffffffffffull) << 6;
    return d;
}

static inline seL4_Uint64 seL4_CNode_CapData_get_guardSize(seL4_CNode_CapData_t d)
{
    return d.words[0] & 0x3fu;
}

static inline seL4_CNode_CapData_t seL4_CNode_CapData_set_guardSize(seL4_CNode_CapData_t d,
                                                                    seL4_Uint64 guardSize)
{
    d.words[0] = (d.words[0] & ~0x3full) | (guardSize & 0x3fu);
    return d;
}

/*
 * The IPC buffer: one per thread, 1 KiB, 1 KiB-aligned, registered with the TCB.
 * The kernel reads and writes MR4.. (msg[4..]) here; MR0..MR3 travel in x2..x5, and
 * libsel4 mirrors them into msg[0..3] so user code can always read MRs from memory.
 *
 *   0x000 tag            (never touched by the kernel)
 *   0x008 msg[0..119]    message registers
 *   0x3c8 userData       (never touched by the kernel)
 *   0x3d0 caps_or_badges[0..2]  send: extra-cap CPtrs; receive: unwrapped badges
 *   0x3e8 receiveCNode, 0x3f0 receiveIndex, 0x3f8 receiveDepth: where a received cap goes
 */
typedef struct seL4_IPCBuffer_ {
    seL4_MessageInfo_t tag;
    seL4_Word msg[seL4_MsgMaxLength];
    seL4_Word userData;
    seL4_Word caps_or_badges[seL4_MsgMaxExtraCaps];
    seL4_CPtr receiveCNode;
    seL4_CPtr receiveIndex;
    seL4_Word receiveDepth;
} seL4_IPCBuffer __attribute__((__aligned__(1u << seL4_IPCBufferSizeBits)));

SEL4_COMPILE_ASSERT(seL4_IPCBuffer_is_1KiB,
                    sizeof(seL4_IPCBuffer) == (1u << seL4_IPCBufferSizeBits))

// MR indices of a CapFault message. Which of MR4..MR6 are present depends on the
// lookup-failure type in MR3 (seL4_LookupFailureType).
typedef enum {
    seL4_CapFault_IP,
    seL4_CapFault_Addr,
    seL4_CapFault_InRecvPhase,
    seL4_CapFault_LookupFailureType,
    seL4_CapFault_BitsLeft,
    seL4_CapFault_DepthMismatch_BitsFound,
    seL4_CapFault_GuardMismatch_GuardFound = seL4_CapFault_DepthMismatch_BitsFound,
    seL4_CapFault_GuardMismatch_BitsFound,
    SEL4_FORCE_LONG_ENUM(seL4_CapFault_Msg),
} seL4_CapFault_Msg;
