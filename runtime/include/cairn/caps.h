// SPDX-License-Identifier: BSD-2-Clause
// Invocations on typed capabilities (<cairn/cap_types.h>): one function per seL4 method, in
// seL4's argument order, each a direct call of the libsel4 stub. Also BootInfo's slots as
// typed caps and the runtime's object allocator returning typed caps. Plain libsel4 calls
// work beside all of this: cairn_cptr(cap) is the raw CPtr, cairn_as_<kind>(cptr) the way
// back. runtime/README.md describes the whole API and how it maps to the Rust sel4 crate.
#pragma once

#include <stdint.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/cap_types.h>
#include <cairn/panic.h>
#include <cairn/runtime.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

/* ---- untyped ------------------------------------------------------------------------------ */

/* Make `num` objects of blueprint `bp` from `untyped`, with their caps in the slots
 * node_offset .. node_offset + num - 1 of the CNode `dest_node` (a path to a CNode, usually
 * cairn_cnode_self(CAIRN_INIT_CNODE)). */
static inline seL4_Error cairn_untyped_retype(cairn_untyped_t untyped, cairn_blueprint_t bp,
                                              cairn_cspath_t dest_node, seL4_Word node_offset,
                                              seL4_Word num)
{
    return seL4_Untyped_Retype(untyped.cptr, bp.type, bp.size_bits, dest_node.root, dest_node.index,
                               dest_node.depth, node_offset, num);
}

/* ---- CNode: copy, mint, move, mutate, delete, revoke ----------------------------------------
 * These work on slots, named by paths: cairn_cnode_copy(dest, src, rights) and the rest are
 * in <cairn/alloc.h>. Build the paths with cairn_cspath_of(cap) (a slot of the root CNode),
 * cairn_cnode_slot(cnode, index) or cairn_cnode_slot_depth(cnode, index, depth). */

#ifndef CONFIG_KERNEL_MCS
/* Save the caller's reply cap (non-MCS) into the slot `dest`. */
static inline seL4_Error cairn_cnode_save_caller(cairn_cspath_t dest)
{
    return seL4_CNode_SaveCaller(dest.root, dest.index, dest.depth);
}
#endif

/* ---- TCB ------------------------------------------------------------------------------------ */

/*
 * Set the thread's fault endpoint, CSpace, VSpace and IPC buffer at once. fault_ep is a raw
 * CPtr on purpose: the kernel looks it up in the *thread's* CSpace (cspace_root) each time
 * the thread faults, not in the caller's; seL4_CapNull means "no fault handler". MCS: the
 * same signature, two invocations (see inside).
 */
static inline seL4_Error cairn_tcb_configure(cairn_tcb_t tcb, seL4_CPtr fault_ep,
                                             cairn_cnode_t cspace_root, seL4_Word cspace_root_data,
                                             cairn_vspace_t vspace_root, seL4_Word vspace_root_data,
                                             seL4_Word buffer, cairn_granule_t buffer_frame)
{
#ifdef CONFIG_KERNEL_MCS
    /* MCS: Configure has no fault endpoint: a fault endpoint other than the null cap is then
     * given by TCB_SetSpace, as a cap in the caller's CSpace (the TCB keeps a copy). */
    seL4_Error err =
        seL4_TCB_Configure(tcb.cptr, cspace_root.cptr, cspace_root_data, vspace_root.cptr,
                           vspace_root_data, buffer, buffer_frame.cptr);
    if (err != seL4_NoError || fault_ep == seL4_CapNull)
        return err;
    return seL4_TCB_SetSpace(tcb.cptr, fault_ep, cspace_root.cptr, cspace_root_data,
                             vspace_root.cptr, vspace_root_data);
#else
    return seL4_TCB_Configure(tcb.cptr, fault_ep, cspace_root.cptr, cspace_root_data,
                              vspace_root.cptr, vspace_root_data, buffer, buffer_frame.cptr);
#endif
}

/* Set only the fault endpoint, CSpace and VSpace. The fault endpoint is a CPtr in the thread's
 * CSpace (see above); MCS: a cap in the caller's CSpace, of which the TCB keeps a copy (the
 * same CPtr when the thread shares the caller's CSpace). */
static inline seL4_Error cairn_tcb_set_space(cairn_tcb_t tcb, seL4_CPtr fault_ep,
                                             cairn_cnode_t cspace_root, seL4_Word cspace_root_data,
                                             cairn_vspace_t vspace_root, seL4_Word vspace_root_data)
{
    return seL4_TCB_SetSpace(tcb.cptr, fault_ep, cspace_root.cptr, cspace_root_data,
                             vspace_root.cptr, vspace_root_data);
}

static inline seL4_Error cairn_tcb_set_ipc_buffer(cairn_tcb_t tcb, seL4_Word buffer,
                                                  cairn_granule_t buffer_frame)
{
    return seL4_TCB_SetIPCBuffer(tcb.cptr, buffer, buffer_frame.cptr);
}

/* `authority` is a TCB whose maximum controlled priority allows `priority`
 * (CAIRN_INIT_TCB: 255). */
static inline seL4_Error cairn_tcb_set_priority(cairn_tcb_t tcb, cairn_tcb_t authority,
                                                seL4_Word priority)
{
    return seL4_TCB_SetPriority(tcb.cptr, authority.cptr, priority);
}

static inline seL4_Error cairn_tcb_set_mc_priority(cairn_tcb_t tcb, cairn_tcb_t authority,
                                                   seL4_Word mcp)
{
    return seL4_TCB_SetMCPriority(tcb.cptr, authority.cptr, mcp);
}

/* The number of registers in a seL4_UserContext: the `count` of all of them. */
#define CAIRN_USER_CONTEXT_WORDS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

/* Write the first `count` registers of *regs (seL4_UserContext order); resume_target starts
 * the thread afterwards. */
static inline seL4_Error cairn_tcb_write_registers(cairn_tcb_t tcb, seL4_Bool resume_target,
                                                   seL4_Uint8 arch_flags, seL4_Word count,
                                                   seL4_UserContext *regs)
{
    return seL4_TCB_WriteRegisters(tcb.cptr, resume_target, arch_flags, count, regs);
}

static inline seL4_Error cairn_tcb_read_registers(cairn_tcb_t tcb, seL4_Bool suspend_source,
                                                  seL4_Uint8 arch_flags, seL4_Word count,
                                                  seL4_UserContext *regs)
{
    return seL4_TCB_ReadRegisters(tcb.cptr, suspend_source, arch_flags, count, regs);
}

/* Write or read all of *regs. (Rust: tcb_write_all_registers, tcb_read_all_registers) */
#define cairn_tcb_write_all_registers(tcb, resume_target, regs)                                    \
    cairn_tcb_write_registers(tcb, resume_target, 0, CAIRN_USER_CONTEXT_WORDS, regs)
#define cairn_tcb_read_all_registers(tcb, suspend_source, regs)                                    \
    cairn_tcb_read_registers(tcb, suspend_source, 0, CAIRN_USER_CONTEXT_WORDS, regs)

static inline seL4_Error cairn_tcb_resume(cairn_tcb_t tcb)
{
    return seL4_TCB_Resume(tcb.cptr);
}

static inline seL4_Error cairn_tcb_suspend(cairn_tcb_t tcb)
{
    return seL4_TCB_Suspend(tcb.cptr);
}

static inline seL4_Error cairn_tcb_set_tls_base(cairn_tcb_t tcb, seL4_Word tls_base)
{
    return seL4_TCB_SetTLSBase(tcb.cptr, tls_base);
}

static inline seL4_Error cairn_tcb_bind_notification(cairn_tcb_t tcb,
                                                     cairn_notification_t notification)
{
    return seL4_TCB_BindNotification(tcb.cptr, notification.cptr);
}

static inline seL4_Error cairn_tcb_unbind_notification(cairn_tcb_t tcb)
{
    return seL4_TCB_UnbindNotification(tcb.cptr);
}

/* The thread's name in kernel reports (seL4_DebugNameThread; a debug call, no error). */
static inline void cairn_tcb_set_name(cairn_tcb_t tcb, const char *name)
{
    seL4_DebugNameThread(tcb.cptr, name);
}

/* ---- notifications ---------------------------------------------------------------------------
 * Signal, Wait and Poll are system calls, not invocations with a reply: the kernel returns
 * no error to them (a Signal without the write right is dropped, with a userError line). */

static inline void cairn_notification_signal(cairn_notification_t notification)
{
    seL4_Signal(notification.cptr);
}

/* Block until the word is non-zero; *badge (if not NULL) gets it, and it is cleared. */
static inline void cairn_notification_wait(cairn_notification_t notification, seL4_Word *badge)
{
    seL4_Wait(notification.cptr, badge);
}

/* As wait, but never blocks: *badge is 0 when nothing was signalled. */
static inline void cairn_notification_poll(cairn_notification_t notification, seL4_Word *badge)
{
    seL4_Poll(notification.cptr, badge);
}

/* ---- endpoints -------------------------------------------------------------------------------
 * Message registers are libsel4's: seL4_SetMR / seL4_GetMR on the caller's IPC buffer. A
 * receive gives the sender's badge in *badge (if not NULL). An error in Call comes back as
 * the reply's label (seL4_MessageInfo_get_label) with the error's details in the MRs. */

static inline void cairn_endpoint_send(cairn_endpoint_t ep, seL4_MessageInfo_t info)
{
    seL4_Send(ep.cptr, info);
}

static inline void cairn_endpoint_nb_send(cairn_endpoint_t ep, seL4_MessageInfo_t info)
{
    seL4_NBSend(ep.cptr, info);
}

/*
 * Receiving and replying read the same in both configurations. Non-MCS: the kernel keeps the
 * caller's reply cap in the receiving TCB, and seL4_Reply answers it. MCS: a receive names a
 * Reply object that the Call links, and the reply is a Send on that Reply cap; these calls
 * use the calling thread's own Reply object, cairn_reply_cap() (<cairn/thread.h>), and the
 * _with forms take one explicitly (a server holding several callers uses several).
 */
#ifdef CONFIG_KERNEL_MCS
static inline seL4_MessageInfo_t cairn_endpoint_recv_with(cairn_endpoint_t ep, seL4_Word *badge,
                                                          seL4_CPtr reply)
{
    return seL4_Recv(ep.cptr, badge, reply);
}

static inline seL4_MessageInfo_t cairn_endpoint_reply_recv_with(cairn_endpoint_t ep,
                                                                seL4_MessageInfo_t info,
                                                                seL4_Word *badge, seL4_CPtr reply)
{
    return seL4_ReplyRecv(ep.cptr, info, badge, reply);
}

/* Reply to the caller the Reply object `reply` links (a Send on the Reply cap; nothing
 * happens if it links none). */
static inline void cairn_reply_with(seL4_CPtr reply, seL4_MessageInfo_t info)
{
    seL4_Send(reply, info);
}
#endif

/* The last argument of Recv, NBRecv and ReplyRecv: MCS names the thread's own Reply object;
 * non-MCS has no such argument. */
#ifdef CONFIG_KERNEL_MCS
#define CAIRN_OWN_REPLY_ , cairn_reply_cap()
#else
#define CAIRN_OWN_REPLY_
#endif

/* Wait on `ep` for a message; a Call received leaves its reply to cairn_reply. */
static inline seL4_MessageInfo_t cairn_endpoint_recv(cairn_endpoint_t ep, seL4_Word *badge)
{
    return seL4_Recv(ep.cptr, badge CAIRN_OWN_REPLY_);
}

static inline seL4_MessageInfo_t cairn_endpoint_nb_recv(cairn_endpoint_t ep, seL4_Word *badge)
{
    return seL4_NBRecv(ep.cptr, badge CAIRN_OWN_REPLY_);
}

static inline seL4_MessageInfo_t cairn_endpoint_call(cairn_endpoint_t ep, seL4_MessageInfo_t info)
{
    return seL4_Call(ep.cptr, info);
}

/* Reply to the last caller, then wait on `ep` for the next message (a server's loop). */
static inline seL4_MessageInfo_t
cairn_endpoint_reply_recv(cairn_endpoint_t ep, seL4_MessageInfo_t info, seL4_Word *badge)
{
    return seL4_ReplyRecv(ep.cptr, info, badge CAIRN_OWN_REPLY_);
}

/* Reply to the thread whose Call (or fault) this thread received last; nothing happens if
 * there is none. */
static inline void cairn_reply(seL4_MessageInfo_t info)
{
#ifdef CONFIG_KERNEL_MCS
    seL4_Send(cairn_reply_cap(), info);
#else
    seL4_Reply(info);
#endif
}

/* ---- frames: granule, large page, huge page ---------------------------------------------------
 * cairn_frame_map, cairn_frame_unmap and cairn_frame_get_address take any of the three frame
 * kinds (C11 _Generic picks cairn_granule_map, cairn_large_page_map, ...); anything else is a
 * compile error naming the macro and the kinds it takes. */

#define CAIRN_FRAME_RANGE_OP_(kind, op, stub)                                                      \
    static inline seL4_Error cairn_##kind##_##op(cairn_##kind##_t frame, seL4_Word start,          \
                                                 seL4_Word end)                                    \
    {                                                                                              \
        return stub(frame.cptr, start, end);                                                       \
    }

#define CAIRN_FRAME_KIND_(kind)                                                                    \
    static inline seL4_Error cairn_##kind##_map(cairn_##kind##_t frame, cairn_vspace_t vspace,     \
                                                seL4_Word vaddr, seL4_CapRights_t rights,          \
                                                seL4_ARM_VMAttributes attrs)                       \
    {                                                                                              \
        return seL4_ARM_Page_Map(frame.cptr, vspace.cptr, vaddr, rights, attrs);                   \
    }                                                                                              \
    static inline seL4_Error cairn_##kind##_unmap(cairn_##kind##_t frame)                          \
    {                                                                                              \
        return seL4_ARM_Page_Unmap(frame.cptr);                                                    \
    }                                                                                              \
    static inline seL4_Error cairn_##kind##_get_address(cairn_##kind##_t frame, seL4_Word *paddr)  \
    {                                                                                              \
        seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(frame.cptr);                       \
        if (r.error == seL4_NoError && paddr != NULL)                                              \
            *paddr = r.paddr;                                                                      \
        return (seL4_Error)r.error;                                                                \
    }                                                                                              \
    CAIRN_FRAME_RANGE_OP_(kind, unify_instruction, seL4_ARM_Page_Unify_Instruction)                \
    CAIRN_FRAME_RANGE_OP_(kind, clean_data, seL4_ARM_Page_Clean_Data)                              \
    CAIRN_FRAME_RANGE_OP_(kind, invalidate_data, seL4_ARM_Page_Invalidate_Data)                    \
    CAIRN_FRAME_RANGE_OP_(kind, clean_invalidate_data, seL4_ARM_Page_CleanInvalidate_Data)

CAIRN_FRAME_KIND_(granule)
CAIRN_FRAME_KIND_(large_page)
CAIRN_FRAME_KIND_(huge_page)

/*
 * CAIRN_REQUIRE_FRAME_(frame, fn): a compile-time check, usable inside an expression, that
 * `frame` is one of the three frame kinds; if not, the compiler stops with
 * "static assertion failed: "<fn> wants a frame cap: ..."". (A _Static_assert may stand in a
 * struct's member list, and sizeof of that struct is an expression.)
 */
#define CAIRN_IS_FRAME_(frame)                                                                     \
    _Generic((frame), cairn_granule_t : 1, cairn_large_page_t : 1, cairn_huge_page_t : 1,          \
             default : 0)
#define CAIRN_REQUIRE_FRAME_(frame, fn)                                                            \
    ((void)sizeof(struct {                                                                         \
        _Static_assert(CAIRN_IS_FRAME_(frame), fn " wants a frame cap: cairn_granule_t, "          \
                                                  "cairn_large_page_t or cairn_huge_page_t");      \
        int cairn_unused_;                                                                         \
    }))

/* The function for `frame`'s kind: cairn_granule_<op>, cairn_large_page_<op> or
 * cairn_huge_page_<op> (anything else goes to the granule's, after the check above failed). */
#define CAIRN_FRAME_OP_(frame, op)                                                                 \
    _Generic((frame), cairn_large_page_t                                                           \
             : cairn_large_page_##op, cairn_huge_page_t                                            \
             : cairn_huge_page_##op, default                                                       \
             : cairn_granule_##op)

/* Map `frame` at vaddr in `vspace`; rights are masked by the cap's own (never refused). */
#define cairn_frame_map(frame, vspace, vaddr, rights, attrs)                                       \
    (CAIRN_REQUIRE_FRAME_(frame, "cairn_frame_map"),                                               \
     CAIRN_FRAME_OP_(frame, map)((frame), (vspace), (vaddr), (rights), (attrs)))

/* Unmap `frame` from wherever this cap mapped it (no-op if it is not mapped). */
#define cairn_frame_unmap(frame)                                                                   \
    (CAIRN_REQUIRE_FRAME_(frame, "cairn_frame_unmap"), CAIRN_FRAME_OP_(frame, unmap)(frame))

/* The frame's physical address in *paddr. */
#define cairn_frame_get_address(frame, paddr)                                                      \
    (CAIRN_REQUIRE_FRAME_(frame, "cairn_frame_get_address"),                                       \
     CAIRN_FRAME_OP_(frame, get_address)((frame), (paddr)))

/* Cache maintenance on the bytes [start, end) of a mapped frame, offsets from its start:
 * make new code visible to instruction fetch, or clean/invalidate the data cache (DMA). */
#define CAIRN_FRAME_RANGE_CALL_(op, frame, start, end)                                             \
    (CAIRN_REQUIRE_FRAME_(frame, "cairn_frame_" #op),                                              \
     CAIRN_FRAME_OP_(frame, op)((frame), (start), (end)))
#define cairn_frame_unify_instruction(frame, start, end)                                           \
    CAIRN_FRAME_RANGE_CALL_(unify_instruction, frame, start, end)
#define cairn_frame_clean_data(frame, start, end)                                                  \
    CAIRN_FRAME_RANGE_CALL_(clean_data, frame, start, end)
#define cairn_frame_invalidate_data(frame, start, end)                                             \
    CAIRN_FRAME_RANGE_CALL_(invalidate_data, frame, start, end)
#define cairn_frame_clean_invalidate_data(frame, start, end)                                       \
    CAIRN_FRAME_RANGE_CALL_(clean_invalidate_data, frame, start, end)

/* ---- page tables, ASIDs ------------------------------------------------------------------------
 */

/* Link `pt` into `vspace` at the first missing level on the way to vaddr. */
static inline seL4_Error cairn_page_table_map(cairn_page_table_t pt, cairn_vspace_t vspace,
                                              seL4_Word vaddr, seL4_ARM_VMAttributes attrs)
{
    return seL4_ARM_PageTable_Map(pt.cptr, vspace.cptr, vaddr, attrs);
}

static inline seL4_Error cairn_page_table_unmap(cairn_page_table_t pt)
{
    return seL4_ARM_PageTable_Unmap(pt.cptr);
}

/* Turn a 4 KiB untyped into an ASID pool whose cap goes to the slot `dest`. */
static inline seL4_Error cairn_asid_control_make_pool(cairn_asid_control_t control,
                                                      cairn_untyped_t untyped, cairn_cspath_t dest)
{
    return seL4_ARM_ASIDControl_MakePool(control.cptr, untyped.cptr, dest.root, dest.index,
                                         dest.depth);
}

/* Give `vspace` an ASID from `pool`: only then can anything be mapped into it. */
static inline seL4_Error cairn_asid_pool_assign(cairn_asid_pool_t pool, cairn_vspace_t vspace)
{
    return seL4_ARM_ASIDPool_Assign(pool.cptr, vspace.cptr);
}

/* ---- interrupts ---------------------------------------------------------------------------------
 */

/* The handler cap of interrupt `irq`, into the slot `dest`. */
static inline seL4_Error cairn_irq_control_get(cairn_irq_control_t control, seL4_Word irq,
                                               cairn_cspath_t dest)
{
    return seL4_IRQControl_Get(control.cptr, irq, dest.root, dest.index, dest.depth);
}

/* As cairn_irq_control_get, also choosing the trigger: 1 = edge, 0 = level. */
static inline seL4_Error cairn_irq_control_get_trigger(cairn_irq_control_t control, seL4_Word irq,
                                                       seL4_Word trigger, cairn_cspath_t dest)
{
    return seL4_IRQControl_GetTrigger(control.cptr, irq, trigger, dest.root, dest.index,
                                      dest.depth);
}

static inline seL4_Error cairn_irq_handler_ack(cairn_irq_handler_t handler)
{
    return seL4_IRQHandler_Ack(handler.cptr);
}

static inline seL4_Error cairn_irq_handler_set_notification(cairn_irq_handler_t handler,
                                                            cairn_notification_t notification)
{
    return seL4_IRQHandler_SetNotification(handler.cptr, notification.cptr);
}

static inline seL4_Error cairn_irq_handler_clear(cairn_irq_handler_t handler)
{
    return seL4_IRQHandler_Clear(handler.cptr);
}

/* ---- BootInfo's slot regions, typed
 * --------------------------------------------------------------- Index i of a region, counted from
 * its start; an index past the end panics (a bug in the program, like Rust's index()). */

static inline seL4_CPtr cairn_bi_region_slot_(seL4_SlotRegion r, seL4_Word i, const char *what)
{
    if (i >= r.end - r.start)
        panic("%s index %lu out of range (%lu slots)", what, (unsigned long)i,
              (unsigned long)(r.end - r.start));
    return r.start + i;
}

/* Untyped number i (its description is bi->untypedList[i]). */
static inline cairn_untyped_t cairn_bi_untyped(const seL4_BootInfo *bi, seL4_Word i)
{
    return cairn_as_untyped(cairn_bi_region_slot_(bi->untyped, i, "untyped"));
}

/* The image's frame number i, in ascending address order from __executable_start's page. */
static inline cairn_granule_t cairn_bi_image_frame(const seL4_BootInfo *bi, seL4_Word i)
{
    return cairn_as_granule(cairn_bi_region_slot_(bi->userImageFrames, i, "userImageFrames"));
}

/* The image's page table number i (userImagePaging). */
static inline cairn_page_table_t cairn_bi_image_page_table(const seL4_BootInfo *bi, seL4_Word i)
{
    return cairn_as_page_table(cairn_bi_region_slot_(bi->userImagePaging, i, "userImagePaging"));
}

/* The frame backing the image page that holds vaddr; a null cap outside the image. */
static inline cairn_granule_t cairn_bi_image_frame_at(const seL4_BootInfo *bi, uintptr_t vaddr)
{
    return cairn_as_granule(cairn_image_frame_slot(bi, vaddr));
}

/* The ordinary (non-device) untyped with the most bytes; a null cap if there is none. */
static inline cairn_untyped_t cairn_bi_largest_untyped(const seL4_BootInfo *bi)
{
    return cairn_as_untyped(cairn_largest_untyped(bi));
}

/* ---- the runtime's allocator, typed
 * ----------------------------------------------------------------- cairn_alloc_<kind>() retypes
 * one object with cairn_retype (<cairn/alloc.h>: a new slot from BootInfo's empty region, memory
 * from the best-fitting ordinary untyped) and returns its cap. On failure the cap is null
 * (cairn_cap_is_null) and cairn_retype_error() says why. */

static inline seL4_CPtr cairn_alloc(cairn_blueprint_t bp)
{
    return cairn_retype(bp.type, bp.size_bits);
}

/* 2^size_bits bytes of untyped memory. */
static inline cairn_untyped_t cairn_alloc_untyped(seL4_Word size_bits)
{
    return cairn_as_untyped(cairn_alloc(CAIRN_BP_UNTYPED(size_bits)));
}

/* A CNode of 2^slot_bits slots. */
static inline cairn_cnode_t cairn_alloc_cnode(seL4_Word slot_bits)
{
    return cairn_as_cnode(cairn_alloc(CAIRN_BP_CNODE(slot_bits)));
}

#define CAIRN_ALLOC_FIXED_(kind, BP)                                                               \
    static inline cairn_##kind##_t cairn_alloc_##kind(void)                                        \
    {                                                                                              \
        return cairn_as_##kind(cairn_alloc(BP));                                                   \
    }

CAIRN_ALLOC_FIXED_(tcb, CAIRN_BP_TCB)
CAIRN_ALLOC_FIXED_(endpoint, CAIRN_BP_ENDPOINT)
CAIRN_ALLOC_FIXED_(notification, CAIRN_BP_NOTIFICATION)
CAIRN_ALLOC_FIXED_(vspace, CAIRN_BP_VSPACE)
CAIRN_ALLOC_FIXED_(page_table, CAIRN_BP_PAGE_TABLE)
CAIRN_ALLOC_FIXED_(granule, CAIRN_BP_GRANULE)
CAIRN_ALLOC_FIXED_(large_page, CAIRN_BP_LARGE_PAGE)
CAIRN_ALLOC_FIXED_(huge_page, CAIRN_BP_HUGE_PAGE)

/* An empty slot of the root CNode as a path (for Mint, Copy, IRQControl_Get ...); the path's
 * index is seL4_CapNull when the empty region is used up. */
static inline cairn_cspath_t cairn_alloc_slot_path(void)
{
    return cairn_cspath(cairn_slot_alloc());
}
