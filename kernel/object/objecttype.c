// SPDX-License-Identifier: BSD-2-Clause
// The cap-type switchboard (seL4 objecttype.c): invocation dispatch, object sizes and
// creation, derivation, rights masking, badges and guards, the same-object/same-region
// relations the CDT is built on, and finalisation when caps are deleted. Arch cap types
// go to the arch_* hooks (arch_object.h); everything else is handled here or in its file.
#include "object/objecttype.h"

#include "assert.h"
#include "util.h"
#include "arch/api.h"
#include "state.h"
#include "lib/string.h"
#include "cspace/cdt.h"
#include "object/arch_object.h"
#include "object/cnode.h"
#include "object/domain.h"
#include "object/endpoint.h"
#include "object/irq.h"
#include "object/notification.h"
#include "object/reply.h"
#include "object/sched_context.h"
#include "object/tcb.h"
#include "object/untyped.h"
#include "sched/sched.h"
#include <sel4/arch/objecttype.h>

static bool cap_is_arch(cap_t c)
{
    switch (cap_type(c)) {
    case CAP_FRAME:
    case CAP_PAGE_TABLE:
    case CAP_VSPACE:
    case CAP_ASID_CONTROL:
    case CAP_ASID_POOL:
        return true;
    default:
        return false;
    }
}

// ---- dispatch ----------------------------------------------------------------------------

exception_t decode_invocation(struct invocation *inv)
{
    cap_t cap = inv->cap;

    if (cap_is_arch(cap)) {
        return arch_decode_invocation(inv);
    }

    switch (cap_type(cap)) {
    case CAP_ZOMBIE:
        USER_ERROR(inv->thread, "Attempted to invoke a zombie cap #%lu.", inv->cptr);
        return error_invalid_capability(inv, 0);

    case CAP_THREAD:
        return decode_tcb_invocation(inv);
    case CAP_DOMAIN:
        return decode_domain_invocation(inv);
    case CAP_CNODE:
        return decode_cnode_invocation(inv);
    case CAP_UNTYPED:
        return decode_untyped_invocation(inv);
    case CAP_IRQ_CONTROL:
        return decode_irq_control_invocation(inv);
    case CAP_IRQ_HANDLER:
        return decode_irq_handler_invocation(inv);
#ifdef CONFIG_KERNEL_MCS
    case CAP_SCHED_CONTEXT:
        return decode_sched_context_invocation(inv);
    case CAP_SCHED_CONTROL:
        return decode_sched_control_invocation(inv);
#endif
    default:
        panic("decode_invocation: cap type %u in a slot", (unsigned)cap_type(cap));
    }
}

// ---- objects -----------------------------------------------------------------------------

// The size of every fixed-size object type, generic and arch, from libsel4's constants.
static const uint8_t fixed_object_bits[seL4_ObjectTypeCount] = {
    [seL4_TCBObject] = seL4_TCBBits,
    [seL4_EndpointObject] = seL4_EndpointBits,
    [seL4_NotificationObject] = seL4_NotificationBits,
    [seL4_ARM_SmallPageObject] = seL4_PageBits,
    [seL4_ARM_LargePageObject] = seL4_LargePageBits,
    [seL4_ARM_HugePageObject] = seL4_HugePageBits,
    [seL4_ARM_PageTableObject] = seL4_PageTableBits,
    [seL4_ARM_VSpaceObject] = seL4_VSpaceBits,
#ifdef CONFIG_KERNEL_MCS
    [seL4_ReplyObject] = seL4_ReplyBits,
#endif
};

word_t object_size_bits(word_t type, word_t user_size_bits)
{
    switch (type) {
    case seL4_UntypedObject:
        return user_size_bits;
    case seL4_CapTableObject:
        return seL4_SlotBits + user_size_bits;
#ifdef CONFIG_KERNEL_MCS
    case seL4_SchedContextObject:
        return user_size_bits;
#endif
    default:
        kassert(type < seL4_ObjectTypeCount && fixed_object_bits[type] != 0);
        return fixed_object_bits[type];
    }
}

cap_t create_object(word_t type, pptr_t region, word_t user_size_bits, bool device)
{
    if (type >= seL4_NonArchObjectTypeCount) {
        return arch_create_object(type, region, device);
    }

    switch (type) {
    case seL4_TCBObject: {
        struct tcb *t = tcb_from_pptr(region);
        // Zeroed: priority 0, MCP 0, domain 0, Inactive, no fault handler, empty name;
        // a full time slice.
        arch_zero_range((pptr_t)t, BIT(seL4_TCBBits));
        t->state = TS_INACTIVE;
        t->ctx.spsr = SPSR_USER_DEFAULT;
        t->time_slice = CONFIG_TIME_SLICE;
        // As seL4 debug builds: named after the thread that made it.
        tcb_name_append(t, "child of: '");
        tcb_name_append(t, ks_cur_thread ? ks_cur_thread->name : "");
        tcb_name_append(t, "'");
        tcb_debug_append(t);
        return cap_thread_new(region);
    }
    case seL4_EndpointObject:
        memset((void *)region, 0, BIT(seL4_EndpointBits));
        return cap_endpoint_new(region, CAP_RIGHTS_ALL, 0);
    case seL4_NotificationObject:
        memset((void *)region, 0, BIT(seL4_NotificationBits));
        return cap_notification_new(region, CAP_RIGHT_WRITE | CAP_RIGHT_READ, 0);
    case seL4_CapTableObject:
        arch_zero_range(region, BIT(seL4_SlotBits + user_size_bits));
        return cap_cnode_new(region, (unsigned)user_size_bits, 0, 0);
    case seL4_UntypedObject:
        // Nothing to initialise: whatever is made from it later is zeroed when created.
        return cap_untyped_new(region, (unsigned)user_size_bits, device, 0);
#ifdef CONFIG_KERNEL_MCS
    case seL4_SchedContextObject:
        return sched_context_create(region, (unsigned)user_size_bits);
    case seL4_ReplyObject:
        memset((void *)region, 0, BIT(seL4_ReplyBits));
        return cap_reply_new(region, false, true);
#endif
    default:
        panic("create_object: bad type %lu", type);
    }
}

// ---- regions: where a cap's object lies ----------------------------------------------------

// Whether the cap refers to memory (seL4 cap_get_capIsPhysical).
static bool cap_is_physical(cap_t c)
{
    switch (cap_type(c)) {
    case CAP_UNTYPED:
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
    case CAP_CNODE:
    case CAP_THREAD:
    case CAP_ZOMBIE:
    case CAP_FRAME:
    case CAP_PAGE_TABLE:
    case CAP_VSPACE:
    case CAP_ASID_POOL:
#ifdef CONFIG_KERNEL_MCS
    case CAP_SCHED_CONTEXT:
    case CAP_REPLY:
#endif
        return true;
    default:
        return false;
    }
}

// Size in bits of the object a physical cap refers to (seL4 cap_get_capSizeBits).
static word_t cap_size_bits(cap_t c)
{
    static const word_t frame_bits[] = {seL4_PageBits, seL4_LargePageBits, seL4_HugePageBits};

    switch (cap_type(c)) {
    case CAP_UNTYPED:
        return cap_untyped_size_bits(c);
    case CAP_ENDPOINT:
        return seL4_EndpointBits;
    case CAP_NOTIFICATION:
        return seL4_NotificationBits;
    case CAP_CNODE:
        return cap_cnode_radix(c) + seL4_SlotBits;
    case CAP_THREAD:
        return seL4_TCBBits;
    case CAP_ZOMBIE:
        return cap_zombie_is_tcb(c) ? seL4_TCBBits : cap_zombie_bits(c) + seL4_SlotBits;
    case CAP_FRAME:
        return frame_bits[cap_frame_size(c)];
    case CAP_PAGE_TABLE:
        return seL4_PageTableBits;
    case CAP_VSPACE:
        return seL4_VSpaceBits;
#ifdef CONFIG_KERNEL_MCS
    case CAP_SCHED_CONTEXT:
        return cap_sched_context_size_bits(c);
    case CAP_REPLY:
        return seL4_ReplyBits;
#endif
    case CAP_ASID_POOL:
        return seL4_ASIDPoolBits;
    default:
        return 0;
    }
}

bool same_region_as(cap_t a, cap_t b)
{
    switch (cap_type(a)) {
    case CAP_UNTYPED:
        if (cap_is_physical(b)) {
            word_t a_base = cap_ptr(a), b_base = cap_ptr(b);
            word_t a_top = a_base + MASK(cap_untyped_size_bits(a));
            word_t b_top = b_base + MASK(cap_size_bits(b));
            return a_base <= b_base && b_top <= a_top && b_base <= b_top;
        }
        return false;
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
    case CAP_THREAD:
    case CAP_REPLY:
        return cap_type(b) == cap_type(a) && cap_ptr(a) == cap_ptr(b);
    case CAP_CNODE:
        return cap_type(b) == CAP_CNODE && cap_ptr(a) == cap_ptr(b) &&
               cap_cnode_radix(a) == cap_cnode_radix(b);
    case CAP_DOMAIN:
        return cap_type(b) == CAP_DOMAIN;
    case CAP_IRQ_CONTROL:
        return cap_type(b) == CAP_IRQ_CONTROL || cap_type(b) == CAP_IRQ_HANDLER;
    case CAP_IRQ_HANDLER:
        return cap_type(b) == CAP_IRQ_HANDLER && cap_irq_handler_irq(a) == cap_irq_handler_irq(b);
#ifdef CONFIG_KERNEL_MCS
    case CAP_SCHED_CONTEXT:
    case CAP_SCHED_CONTROL:
        return sched_caps_same_region(a, b);
#endif
    default:
        return cap_is_arch(a) && cap_is_arch(b) && arch_same_region_as(a, b);
    }
}

bool same_object_as(cap_t a, cap_t b)
{
    if (cap_type(a) == CAP_UNTYPED || cap_type(a) == CAP_IRQ_CONTROL) {
        return false;
    }
    // Frames: the same base and size, and both device or both RAM (seL4 Arch_sameObjectAs).
    if (cap_type(a) == CAP_FRAME && cap_type(b) == CAP_FRAME) {
        return cap_ptr(a) == cap_ptr(b) && cap_frame_size(a) == cap_frame_size(b) &&
               cap_frame_is_device(a) == cap_frame_is_device(b);
    }
    return same_region_as(a, b);
}

// ---- minting, masking -------------------------------------------------------------

cap_t update_cap_data(bool preserve, word_t data, cap_t cap)
{
    switch (cap_type(cap)) {
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
        // A badge may be set once, by Mint; Mutate and Rotate (preserve) cannot badge.
        if (!preserve && cap_ipc_badge(cap) == 0) {
            return cap_ipc_set_badge(cap, data);
        }
        return cap_null();
    case CAP_CNODE: {
        // seL4_CNode_CapData: guard size in bits 5:0, guard in 63:6.
        unsigned guard_size = (unsigned)bits_get(data, 0, 6);
        if (guard_size + cap_cnode_radix(cap) > 64) {
            return cap_null();
        }
        word_t guard = (data >> 6) & MASK(guard_size);
        return cap_cnode_new(cap_ptr(cap), cap_cnode_radix(cap), guard_size, guard);
    }
    default:
        return cap;
    }
}

cap_t mask_cap_rights(word_t rights, cap_t cap)
{
    if (cap_is_arch(cap)) {
        return arch_mask_cap_rights(rights, cap);
    }
    switch (cap_type(cap)) {
    case CAP_ENDPOINT:
        return cap_ipc_set_rights(cap, cap_ipc_rights(cap) & (unsigned)rights & CAP_RIGHTS_ALL);
    case CAP_NOTIFICATION:
        // Notification caps only carry send (write) and receive (read) rights.
        return cap_ipc_set_rights(cap, cap_ipc_rights(cap) & (unsigned)rights &
                                           (CAP_RIGHT_WRITE | CAP_RIGHT_READ));
    case CAP_REPLY:
        return cap_reply_new(cap_ptr(cap), cap_reply_is_master(cap),
                             cap_reply_can_grant(cap) && (rights & CAP_RIGHT_GRANT));
    default:
        return cap;
    }
}

bool cap_is_revocable(cap_t new_cap, cap_t src_cap)
{
    switch (cap_type(new_cap)) {
    case CAP_ENDPOINT:
    case CAP_NOTIFICATION:
        // A newly badged copy starts a subtree of its own.
        return cap_ipc_badge(new_cap) != cap_ipc_badge(src_cap);
    case CAP_IRQ_HANDLER:
        return cap_type(src_cap) == CAP_IRQ_CONTROL;
    case CAP_UNTYPED:
        return true;
    default:
        return false;
    }
}

// ---- finalisation ----------------------------------------------------------------------------

static void tcb_unbind_notification(struct tcb *t)
{
    struct notification *n = (struct notification *)t->bound_notification;
    if (n != NULL) {
        n->bound_tcb = NULL;
        t->bound_notification = 0;
    }
}

cap_t finalise_cap(cap_t cap, bool final)
{
    if (cap_is_arch(cap)) {
        return arch_finalise_cap(cap, final);
    }

    switch (cap_type(cap)) {
    case CAP_ENDPOINT:
        if (final) {
            endpoint_cancel_all((struct endpoint *)cap_ptr(cap));
        }
        return cap_null();
    case CAP_NOTIFICATION:
        if (final) {
#ifdef CONFIG_KERNEL_MCS
            struct notification *n = (struct notification *)cap_ptr(cap);
            if (n->sc != NULL) {
                sched_context_unbind_ntfn(n->sc);
            }
#endif
            notification_cancel_all((struct notification *)cap_ptr(cap));
        }
        return cap_null();
    case CAP_CNODE:
        if (final) {
            unsigned radix = cap_cnode_radix(cap);
            return cap_zombie_new(cap_ptr(cap), radix, false, BIT(radix));
        }
        return cap_null();
    case CAP_THREAD:
        if (final) {
            struct tcb *t = tcb_from_pptr(cap_ptr(cap));
            tcb_unbind_notification(t);
#ifdef CONFIG_KERNEL_MCS
            if (t->sc != NULL) {
                sched_context_unbind_tcb(t->sc);
            }
#endif
            tcb_suspend(t);
            if (ks_fpu_owner == t) {
                ks_fpu_owner = NULL;
            }
            tcb_debug_remove(t);
            return cap_zombie_new(cap_ptr(cap), 0, true, TCB_SLOT_COUNT);
        }
        return cap_null();
    case CAP_ZOMBIE:
        return cap;
    case CAP_IRQ_HANDLER:
        if (final) {
            irq_handler_deleted(cap_irq_handler_irq(cap));
        }
        return cap_null();
#ifdef CONFIG_KERNEL_MCS
    case CAP_SCHED_CONTEXT:
        if (final) {
            sched_context_finalise(cap);
        }
        return cap_null();
    case CAP_REPLY:
        if (final) {
            reply_finalise(reply_from_cap(cap));
        }
        return cap_null();
#endif
    default:
        // Null, domain, reply, IRQ control, untyped: nothing to clean up.
        return cap_null();
    }
}
