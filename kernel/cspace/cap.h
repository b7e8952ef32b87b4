// SPDX-License-Identifier: BSD-2-Clause
// The capability value type and its bit layout, defined once. Every other file builds
// and reads caps through these accessors; no call site shifts or masks cap bits.
// Cap types use seL4's internal tags, so seL4_DebugCapIdentify returns cap_type() as is.
#pragma once

#include "types.h"
#include "util.h"
#include "abi.h"
#include "arch/aarch64/vm_rights.h"

/*
 * A cap is two words. Object caps keep a compressed pointer in word 0:
 *
 *   word0  63      59 58            44 43                                  0
 *         +---------+----------------+--------------------------------------+
 *         |  type   | per-type bits  |  object pointer >> 4 (44 bits)       |
 *         +---------+----------------+--------------------------------------+
 *   word1  per-type: badge, guard, free index, or mapped ASID (63:48) + vaddr (47:0)
 *
 * Objects are at least 16-byte aligned, and pointers are 48-bit sign-extended kernel
 * addresses (host addresses in unit tests), so 44 bits lose nothing.
 *
 *   type          word0 bits 58:44                      word1
 *   untyped       50 device, 49:44 size_bits            free index (bytes used)
 *   endpoint      47:44 rights (W R G GR = bits 0..3)   badge
 *   notification  47:44 rights                          badge
 *   reply         44 master, 45 can_grant               -
 *   cnode         49:44 radix, 55:50 guard_size         guard
 *   thread        -                                     -
 *   irq handler   (no pointer)                          irq number
 *   frame         45:44 size (0 4K,1 2M,2 1G), 47:46 VM  mapped ASID 63:48, vaddr 47:0
 *                 rights (bit0 W, bit1 R), 48 device
 *   page table    44 mapped                             mapped ASID 63:48, vaddr 47:0
 *   vspace        44 has ASID                           ASID
 *   asid pool     -                                     first ASID of the pool
 *   zombie        49:44 radix/ctes bits, 50 is_tcb      number of slots left to clear
 *   sched context 49:44 size_bits (MCS only)            -
 *   sched control (no pointer; MCS only)                core
 */

// The numbers are libsel4's seL4_CapTag (sel4/cap_tags.h).
enum cap_type {
    CAP_NULL = seL4_CapTag_Null,
    CAP_FRAME = seL4_CapTag_Frame,
    CAP_UNTYPED = seL4_CapTag_Untyped,
    CAP_PAGE_TABLE = seL4_CapTag_PageTable,
    CAP_ENDPOINT = seL4_CapTag_Endpoint,
    CAP_NOTIFICATION = seL4_CapTag_Notification,
    CAP_REPLY = seL4_CapTag_Reply,
    CAP_VSPACE = seL4_CapTag_VSpace,
    CAP_CNODE = seL4_CapTag_CNode,
    CAP_ASID_CONTROL = seL4_CapTag_ASIDControl,
    CAP_THREAD = seL4_CapTag_TCB,
    CAP_ASID_POOL = seL4_CapTag_ASIDPool,
    CAP_IRQ_CONTROL = seL4_CapTag_IRQControl,
    CAP_IRQ_HANDLER = seL4_CapTag_IRQHandler,
    CAP_ZOMBIE = seL4_CapTag_Zombie,
    CAP_DOMAIN = seL4_CapTag_Domain,
#ifdef CONFIG_KERNEL_MCS
    CAP_SCHED_CONTEXT = seL4_CapTag_SchedContext, // MCS only: object/sched_context.h
    CAP_SCHED_CONTROL = seL4_CapTag_SchedControl,
#endif
};

typedef struct cap {
    word_t words[2];
} cap_t;

// Rights of endpoint/notification caps (seL4_CapRights bit order).
#define CAP_RIGHT_WRITE 0x1u
#define CAP_RIGHT_READ 0x2u
#define CAP_RIGHT_GRANT 0x4u
#define CAP_RIGHT_GRANT_REPLY 0x8u
#define CAP_RIGHTS_ALL 0xfu

enum frame_size { FRAME_SMALL = 0, FRAME_LARGE = 1, FRAME_HUGE = 2 };

// log2 of a frame's size in bytes: 12, 21 or 30 (seL4's pageBitsForSize).
static inline unsigned frame_size_bits(enum frame_size size)
{
    return size == FRAME_SMALL   ? seL4_PageBits
           : size == FRAME_LARGE ? seL4_LargePageBits
                                 : seL4_HugePageBits;
}

// ---- generic --------------------------------------------------------------------

static inline enum cap_type cap_type(cap_t c)
{
    return (enum cap_type)bits_get(c.words[0], 59, 5);
}

static inline bool cap_is_null(cap_t c)
{
    return cap_type(c) == CAP_NULL;
}

static inline cap_t cap_null(void)
{
    return (cap_t){{0, 0}};
}

// Object pointer of a cap that has one (meaningless for control caps).
static inline pptr_t cap_ptr(cap_t c)
{
    return sign_extend48(bits_get(c.words[0], 0, 44) << 4);
}

/*
 * Every per-type field, once: F(prefix, field, word, lo, width, type) is `width` bits at
 * bit `lo` of words[word] (see the picture above). Each row makes a getter
 * cap_<prefix>_<field>(c) and a setter cap_<prefix>_set_<field>(c, v) that returns the
 * updated copy. "ipc" fields belong to endpoint and notification caps, "mapped" ones to
 * frame and page-table caps (ASID 0: not mapped; ASID 0 is never handed out).
 */
#define CAP_FIELDS(F)                                                                              \
    F(untyped, size_bits, 0, 44, 6, unsigned)                                                      \
    F(untyped, is_device, 0, 50, 1, bool)                                                          \
    F(untyped, free_index, 1, 0, 64, word_t)                                                       \
    F(ipc, rights, 0, 44, 4, unsigned)                                                             \
    F(ipc, badge, 1, 0, 64, word_t)                                                                \
    F(reply, is_master, 0, 44, 1, bool)                                                            \
    F(reply, can_grant, 0, 45, 1, bool)                                                            \
    F(cnode, radix, 0, 44, 6, unsigned)                                                            \
    F(cnode, guard_size, 0, 50, 6, unsigned)                                                       \
    F(cnode, guard, 1, 0, 64, word_t)                                                              \
    F(irq_handler, irq, 1, 0, 64, word_t)                                                          \
    F(frame, size, 0, 44, 2, enum frame_size)                                                      \
    F(frame, vm_rights, 0, 46, 2, unsigned)                                                        \
    F(frame, is_device, 0, 48, 1, bool)                                                            \
    F(mapped, asid, 1, 48, 16, word_t)                                                             \
    F(mapped, vaddr, 1, 0, 48, vptr_t)                                                             \
    F(vspace, has_asid, 0, 44, 1, bool)                                                            \
    F(vspace, asid, 1, 0, 64, word_t)                                                              \
    F(asid_pool, base, 1, 0, 64, word_t)                                                           \
    F(zombie, bits, 0, 44, 6, unsigned)                                                            \
    F(zombie, is_tcb, 0, 50, 1, bool)                                                              \
    F(zombie, remaining, 1, 0, 64, word_t)                                                         \
    CAP_FIELDS_MCS(F)

// MCS only: a scheduling context's size (2^bits bytes) and a scheduling control's core.
#ifdef CONFIG_KERNEL_MCS
#define CAP_FIELDS_MCS(F)                                                                          \
    F(sched_context, size_bits, 0, 44, 6, unsigned)                                                \
    F(sched_control, core, 1, 0, 64, word_t)
#else
#define CAP_FIELDS_MCS(F)
#endif

#define CAP_FIELD_ACCESSORS(prefix, field, word, lo, width, type)                                  \
    static inline type cap_##prefix##_##field(cap_t c)                                             \
    {                                                                                              \
        return (type)bits_get(c.words[word], lo, width);                                           \
    }                                                                                              \
    static inline cap_t cap_##prefix##_set_##field(cap_t c, word_t v)                              \
    {                                                                                              \
        c.words[word] = bits_set(c.words[word], lo, width, v);                                     \
        return c;                                                                                  \
    }
CAP_FIELDS(CAP_FIELD_ACCESSORS)
#undef CAP_FIELD_ACCESSORS

// A cap of `type` pointing at `ptr`, every field 0.
static inline cap_t cap_make(enum cap_type type, pptr_t ptr)
{
    cap_t c;
    c.words[0] = ((word_t)type << 59) | ((ptr >> 4) & MASK(44));
    c.words[1] = 0;
    return c;
}

// ---- constructors, from the fields above -------------------------------------------------

static inline cap_t cap_untyped_new(pptr_t ptr, unsigned size_bits, bool device, word_t free_index)
{
    cap_t c = cap_untyped_set_size_bits(cap_make(CAP_UNTYPED, ptr), size_bits);
    return cap_untyped_set_free_index(cap_untyped_set_is_device(c, device), free_index);
}

static inline cap_t cap_endpoint_new(pptr_t ptr, unsigned rights, word_t badge)
{
    return cap_ipc_set_badge(cap_ipc_set_rights(cap_make(CAP_ENDPOINT, ptr), rights), badge);
}
static inline cap_t cap_notification_new(pptr_t ptr, unsigned rights, word_t badge)
{
    return cap_ipc_set_badge(cap_ipc_set_rights(cap_make(CAP_NOTIFICATION, ptr), rights), badge);
}

static inline cap_t cap_reply_new(pptr_t tcb, bool master, bool can_grant)
{
    return cap_reply_set_can_grant(cap_reply_set_is_master(cap_make(CAP_REPLY, tcb), master),
                                   can_grant);
}

static inline cap_t cap_cnode_new(pptr_t ptr, unsigned radix, unsigned guard_size, word_t guard)
{
    cap_t c = cap_cnode_set_radix(cap_make(CAP_CNODE, ptr), radix);
    return cap_cnode_set_guard(cap_cnode_set_guard_size(c, guard_size), guard);
}

static inline cap_t cap_thread_new(pptr_t tcb)
{
    return cap_make(CAP_THREAD, tcb);
}
#ifdef CONFIG_KERNEL_MCS
static inline cap_t cap_sched_context_new(pptr_t sc, unsigned size_bits)
{
    return cap_sched_context_set_size_bits(cap_make(CAP_SCHED_CONTEXT, sc), size_bits);
}
static inline cap_t cap_sched_control_new(word_t core)
{
    return cap_sched_control_set_core(cap_make(CAP_SCHED_CONTROL, 0), core);
}
#endif

static inline cap_t cap_domain_new(void)
{
    return cap_make(CAP_DOMAIN, 0);
}
static inline cap_t cap_irq_control_new(void)
{
    return cap_make(CAP_IRQ_CONTROL, 0);
}
static inline cap_t cap_irq_handler_new(word_t irq)
{
    return cap_irq_handler_set_irq(cap_make(CAP_IRQ_HANDLER, 0), irq);
}

static inline cap_t cap_frame_new(pptr_t base, enum frame_size size, unsigned vm_rights,
                                  bool device)
{
    cap_t c = cap_frame_set_size(cap_make(CAP_FRAME, base), size);
    return cap_frame_set_is_device(cap_frame_set_vm_rights(c, vm_rights), device);
}

// The mapping record of a frame or page-table cap: ASID and virtual address together.
static inline cap_t cap_set_mapping(cap_t c, word_t asid, vptr_t vaddr)
{
    return cap_mapped_set_vaddr(cap_mapped_set_asid(c, asid), vaddr);
}

static inline cap_t cap_page_table_new(pptr_t table)
{
    return cap_make(CAP_PAGE_TABLE, table);
}
// A page table cap is mapped when it records an ASID.
static inline bool cap_page_table_is_mapped(cap_t c)
{
    return cap_mapped_asid(c) != 0;
}

static inline cap_t cap_vspace_new(pptr_t root, word_t asid)
{
    return cap_vspace_set_asid(cap_vspace_set_has_asid(cap_make(CAP_VSPACE, root), asid != 0),
                               asid);
}

static inline cap_t cap_asid_control_new(void)
{
    return cap_make(CAP_ASID_CONTROL, 0);
}
static inline cap_t cap_asid_pool_new(pptr_t pool, word_t asid_base)
{
    return cap_asid_pool_set_base(cap_make(CAP_ASID_POOL, pool), asid_base);
}

// A CNode or TCB being destroyed, slot by slot.
static inline cap_t cap_zombie_new(pptr_t ptr, unsigned bits, bool is_tcb, word_t remaining)
{
    cap_t c = cap_zombie_set_bits(cap_make(CAP_ZOMBIE, ptr), bits);
    return cap_zombie_set_remaining(cap_zombie_set_is_tcb(c, is_tcb), remaining);
}
