// SPDX-License-Identifier: BSD-2-Clause
// The capability value type and its bit layout, defined once. Every other file builds
// and reads caps through these accessors; no call site shifts or masks cap bits.
// Cap types use seL4's internal tags, so seL4_DebugCapIdentify returns cap_type() as is.
#pragma once

#include "types.h"
#include "util.h"
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
 */

enum cap_type {
    CAP_NULL = 0,
    CAP_FRAME = 1,
    CAP_UNTYPED = 2,
    CAP_PAGE_TABLE = 3,
    CAP_ENDPOINT = 4,
    CAP_NOTIFICATION = 6,
    CAP_REPLY = 8,
    CAP_VSPACE = 9,
    CAP_CNODE = 10,
    CAP_ASID_CONTROL = 11,
    CAP_THREAD = 12,
    CAP_ASID_POOL = 13,
    CAP_IRQ_CONTROL = 14,
    CAP_IRQ_HANDLER = 16,
    CAP_ZOMBIE = 18,
    CAP_DOMAIN = 20,
#ifdef CONFIG_KERNEL_MCS
    CAP_SCHED_CONTEXT = 22, // MCS only: object/sched_context.h
    CAP_SCHED_CONTROL = 24,
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

static inline word_t cap_field(cap_t c, unsigned lo, unsigned width)
{
    return bits_get(c.words[0], lo, width);
}

static inline cap_t cap_with_field(cap_t c, unsigned lo, unsigned width, word_t v)
{
    c.words[0] = bits_set(c.words[0], lo, width, v);
    return c;
}

static inline cap_t cap_make(enum cap_type type, pptr_t ptr, word_t fields, word_t word1)
{
    cap_t c;
    c.words[0] = ((word_t)type << 59) | ((fields & MASK(15)) << 44) | ((ptr >> 4) & MASK(44));
    c.words[1] = word1;
    return c;
}

// ---- untyped --------------------------------------------------------------------

static inline cap_t cap_untyped_new(pptr_t ptr, unsigned size_bits, bool device, word_t free_index)
{
    return cap_make(CAP_UNTYPED, ptr, (word_t)size_bits | ((word_t)device << 6), free_index);
}
static inline unsigned cap_untyped_size_bits(cap_t c)
{
    return (unsigned)cap_field(c, 44, 6);
}
static inline bool cap_untyped_is_device(cap_t c)
{
    return cap_field(c, 50, 1);
}
static inline word_t cap_untyped_free_index(cap_t c)
{
    return c.words[1];
}
static inline cap_t cap_untyped_set_free_index(cap_t c, word_t idx)
{
    c.words[1] = idx;
    return c;
}

// ---- endpoint and notification ------------------------------------------------------

static inline cap_t cap_endpoint_new(pptr_t ptr, unsigned rights, word_t badge)
{
    return cap_make(CAP_ENDPOINT, ptr, rights & CAP_RIGHTS_ALL, badge);
}
static inline cap_t cap_notification_new(pptr_t ptr, unsigned rights, word_t badge)
{
    return cap_make(CAP_NOTIFICATION, ptr, rights & CAP_RIGHTS_ALL, badge);
}
// Rights and badge of an endpoint or notification cap.
static inline unsigned cap_ipc_rights(cap_t c)
{
    return (unsigned)cap_field(c, 44, 4);
}
static inline word_t cap_ipc_badge(cap_t c)
{
    return c.words[1];
}
static inline cap_t cap_ipc_set_rights(cap_t c, unsigned rights)
{
    return cap_with_field(c, 44, 4, rights);
}
static inline cap_t cap_ipc_set_badge(cap_t c, word_t badge)
{
    c.words[1] = badge;
    return c;
}

// ---- reply ---------------------------------------------------------------------------

static inline cap_t cap_reply_new(pptr_t tcb, bool master, bool can_grant)
{
    return cap_make(CAP_REPLY, tcb, (word_t)master | ((word_t)can_grant << 1), 0);
}
static inline bool cap_reply_is_master(cap_t c)
{
    return cap_field(c, 44, 1);
}
static inline bool cap_reply_can_grant(cap_t c)
{
    return cap_field(c, 45, 1);
}

// ---- cnode ---------------------------------------------------------------------------

static inline cap_t cap_cnode_new(pptr_t ptr, unsigned radix, unsigned guard_size, word_t guard)
{
    return cap_make(CAP_CNODE, ptr, (word_t)radix | ((word_t)guard_size << 6), guard);
}
static inline unsigned cap_cnode_radix(cap_t c)
{
    return (unsigned)cap_field(c, 44, 6);
}
static inline unsigned cap_cnode_guard_size(cap_t c)
{
    return (unsigned)cap_field(c, 50, 6);
}
static inline word_t cap_cnode_guard(cap_t c)
{
    return c.words[1];
}

// ---- thread, domain, irq -------------------------------------------------------------

static inline cap_t cap_thread_new(pptr_t tcb)
{
    return cap_make(CAP_THREAD, tcb, 0, 0);
}
#ifdef CONFIG_KERNEL_MCS
// Scheduling context: the object and its size (2^bits bytes, bits 49:44).
static inline cap_t cap_sched_context_new(pptr_t sc, unsigned size_bits)
{
    return cap_make(CAP_SCHED_CONTEXT, sc, size_bits, 0);
}
static inline unsigned cap_sched_context_size_bits(cap_t c)
{
    return (unsigned)cap_field(c, 44, 6);
}
// Scheduling control of one core (word 1).
static inline cap_t cap_sched_control_new(word_t core)
{
    return cap_make(CAP_SCHED_CONTROL, 0, 0, core);
}
static inline word_t cap_sched_control_core(cap_t c)
{
    return c.words[1];
}
#endif

static inline cap_t cap_domain_new(void)
{
    return cap_make(CAP_DOMAIN, 0, 0, 0);
}
static inline cap_t cap_irq_control_new(void)
{
    return cap_make(CAP_IRQ_CONTROL, 0, 0, 0);
}
static inline cap_t cap_irq_handler_new(word_t irq)
{
    return cap_make(CAP_IRQ_HANDLER, 0, 0, irq);
}
static inline word_t cap_irq_handler_irq(cap_t c)
{
    return c.words[1];
}

// ---- frame ---------------------------------------------------------------------------

static inline cap_t cap_frame_new(pptr_t base, enum frame_size size, unsigned vm_rights,
                                  bool device)
{
    return cap_make(CAP_FRAME, base,
                    (word_t)size | ((word_t)vm_rights << 2) | ((word_t)device << 4), 0);
}
static inline enum frame_size cap_frame_size(cap_t c)
{
    return (enum frame_size)cap_field(c, 44, 2);
}
static inline unsigned cap_frame_vm_rights(cap_t c)
{
    return (unsigned)cap_field(c, 46, 2);
}
static inline bool cap_frame_is_device(cap_t c)
{
    return cap_field(c, 48, 1);
}
static inline cap_t cap_frame_set_vm_rights(cap_t c, unsigned r)
{
    return cap_with_field(c, 46, 2, r);
}

// Mapping record shared by frame and page-table caps: ASID 0 means "not mapped"
// (ASID 0 is never handed out).
static inline word_t cap_mapped_asid(cap_t c)
{
    return bits_get(c.words[1], 48, 16);
}
static inline vptr_t cap_mapped_vaddr(cap_t c)
{
    return bits_get(c.words[1], 0, 48);
}
static inline cap_t cap_set_mapping(cap_t c, word_t asid, vptr_t vaddr)
{
    c.words[1] = (asid << 48) | (vaddr & MASK(48));
    return c;
}

static inline cap_t cap_page_table_new(pptr_t table)
{
    return cap_make(CAP_PAGE_TABLE, table, 0, 0);
}
// A page table cap is mapped when it records an ASID.
static inline bool cap_page_table_is_mapped(cap_t c)
{
    return cap_mapped_asid(c) != 0;
}

// ---- vspace and ASIDs -------------------------------------------------------------------

static inline cap_t cap_vspace_new(pptr_t root, word_t asid)
{
    return cap_make(CAP_VSPACE, root, asid != 0, asid);
}
static inline bool cap_vspace_has_asid(cap_t c)
{
    return cap_field(c, 44, 1);
}
static inline word_t cap_vspace_asid(cap_t c)
{
    return c.words[1];
}

static inline cap_t cap_asid_control_new(void)
{
    return cap_make(CAP_ASID_CONTROL, 0, 0, 0);
}
static inline cap_t cap_asid_pool_new(pptr_t pool, word_t asid_base)
{
    return cap_make(CAP_ASID_POOL, pool, 0, asid_base);
}
static inline word_t cap_asid_pool_base(cap_t c)
{
    return c.words[1];
}

// ---- zombie: a CNode or TCB being destroyed, slot by slot -------------------------------

static inline cap_t cap_zombie_new(pptr_t ptr, unsigned bits, bool is_tcb, word_t remaining)
{
    return cap_make(CAP_ZOMBIE, ptr, (word_t)bits | ((word_t)is_tcb << 6), remaining);
}
static inline unsigned cap_zombie_bits(cap_t c)
{
    return (unsigned)cap_field(c, 44, 6);
}
static inline bool cap_zombie_is_tcb(cap_t c)
{
    return cap_field(c, 50, 1);
}
static inline word_t cap_zombie_remaining(cap_t c)
{
    return c.words[1];
}
static inline cap_t cap_zombie_set_remaining(cap_t c, word_t n)
{
    c.words[1] = n;
    return c;
}
