// SPDX-License-Identifier: BSD-2-Clause
// Invocation stubs for every kernel object of the AArch64 API, with upstream's
// names, argument order, types and message layouts (docs/design/abi.md §4.5, §9).
// Each stub returns the reply label as seL4_Error (0 = success); on an error the
// details (MR0..MR3) are also in the IPC buffer, so seL4_GetMR(0..3) shows them.
#pragma once

#include <sel4/types.h>
#include <sel4/functions.h>
#include <sel4/arch/invocation.h>
#include <sel4/arch/syscalls.h>

/*
 * One invocation: message tag label<<12 | extraCaps<<7 | length, sent with seL4_Call on
 * `service`. mr[0..3] are MR0..MR3 (passed in x2..x5) and receive the reply's MR0..MR3.
 * Extra caps and MR4+ must already be in the IPC buffer. Small-width arguments are
 * masked by the stubs, as upstream's generated stubs do.
 */
LIBSEL4_INLINE_FUNC seL4_Error seL4_Invoke_(seL4_CPtr service, seL4_Word label,
                                            seL4_Word extra_caps, seL4_Word length, seL4_Word *mr)
{
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(label, 0, extra_caps, length);
    seL4_MessageInfo_t reply = seL4_CallWithMRs(service, tag, &mr[0], &mr[1], &mr[2], &mr[3]);
    seL4_Error error = (seL4_Error)seL4_MessageInfo_get_label(reply);

    // The kernel put the error details in x2..x5 only; expose them as MRs in memory.
    if (error != seL4_NoError) {
        seL4_SetMR(0, mr[0]);
        seL4_SetMR(1, mr[1]);
        seL4_SetMR(2, mr[2]);
        seL4_SetMR(3, mr[3]);
    }
    return error;
}

// seL4_Invoke_ with extra caps: the n caps of caps[] go to the IPC buffer's cap slots
// 0..n-1 first (n at most seL4_MsgMaxExtraCaps).
SEL4_FORCE_INLINE seL4_Error seL4_InvokeCaps_(seL4_CPtr service, seL4_Word label,
                                              const seL4_CPtr *caps, seL4_Word n, seL4_Word length,
                                              seL4_Word *mr)
{
    if (n > 0) {
        seL4_SetCap(0, caps[0]);
    }
    if (n > 1) {
        seL4_SetCap(1, caps[1]);
    }
    if (n > 2) {
        seL4_SetCap(2, caps[2]);
    }
    return seL4_Invoke_(service, label, n, length, mr);
}

// The invocation `label` of `service` with the caps that follow (one to three) as its
// extra caps, `length` message words and MR0..MR3 in mr[].
#define SEL4_INVOKE_CAPS_(service, label, length, mr, ...)                                         \
    seL4_InvokeCaps_(service, label, (const seL4_CPtr[]){__VA_ARGS__},                             \
                     sizeof((const seL4_CPtr[]){__VA_ARGS__}) / sizeof(seL4_CPtr), length, mr)

#define SEL4_U8_(x) (0xffu & (seL4_Word)(x))
#define SEL4_BOOL_(x) (0x1u & (seL4_Word)(x))

// Number of words in seL4_UserContext (36): the most registers one transfer can carry.
#define SEL4_USER_CONTEXT_WORDS_ (sizeof(seL4_UserContext) / sizeof(seL4_Word))

// The stub families, each a whole stub from one line: the invocation `label` on a
// `type` cap, message length and extra caps fixed by the family (sel4_client_mcs.h
// uses them too).
// No arguments: an empty message.
#define SEL4_NOARG_OP_(fn, type, label)                                                            \
    LIBSEL4_INLINE seL4_Error fn(type _service)                                                    \
    {                                                                                              \
        seL4_Word mr[4] = {0, 0, 0, 0};                                                            \
        return seL4_Invoke_(_service, label, 0, 0, mr);                                            \
    }

// One extra cap, named `cap`, and no words.
#define SEL4_CAP_OP_(fn, type, label, cap)                                                         \
    LIBSEL4_INLINE seL4_Error fn(type _service, seL4_CPtr cap)                                     \
    {                                                                                              \
        seL4_Word mr[4] = {0, 0, 0, 0};                                                            \
        return SEL4_INVOKE_CAPS_(_service, label, 0, mr, cap);                                     \
    }

// A slot of the invoked CNode: index, depth.
#define SEL4_SLOT_OP_(fn, label)                                                                   \
    LIBSEL4_INLINE seL4_Error fn(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)           \
    {                                                                                              \
        seL4_Word mr[4] = {index, SEL4_U8_(depth), 0, 0};                                          \
        return seL4_Invoke_(_service, label, 0, 2, mr);                                            \
    }

// Cache maintenance over [start, end) virtual addresses.
#define SEL4_RANGE_OP_(fn, label)                                                                  \
    LIBSEL4_INLINE seL4_Error fn(seL4_CPtr _service, seL4_Word start, seL4_Word end)               \
    {                                                                                              \
        seL4_Word mr[4] = {start, end, 0, 0};                                                      \
        return seL4_Invoke_(_service, label, 0, 2, mr);                                            \
    }

// No arguments; the result struct fn##_t carries the error and, on success, the reply's
// MR0 as `field`.
#define SEL4_RESULT_OP_(fn, type, label, field)                                                    \
    LIBSEL4_INLINE fn##_t fn(type _service)                                                        \
    {                                                                                              \
        fn##_t result = {0, 0};                                                                    \
        seL4_Word mr[4] = {0, 0, 0, 0};                                                            \
                                                                                                   \
        result.error = seL4_Invoke_(_service, label, 0, 0, mr);                                    \
        if (result.error == seL4_NoError) {                                                        \
            result.field = mr[0];                                                                  \
        }                                                                                          \
        return result;                                                                             \
    }

/* ---- Untyped ---------------------------------------------------------------------- */

// Create num_objects objects of `type` (size_bits for variable-size types) and put their
// caps in slots node_offset.. of the CNode at node_index/node_depth inside root
// (node_depth 0: root itself).
LIBSEL4_INLINE seL4_Error seL4_Untyped_Retype(seL4_Untyped _service, seL4_Word type,
                                              seL4_Word size_bits, seL4_CNode root,
                                              seL4_Word node_index, seL4_Word node_depth,
                                              seL4_Word node_offset, seL4_Word num_objects)
{
    seL4_Word mr[4] = {type, size_bits, node_index, node_depth};

    seL4_SetMR(4, node_offset);
    seL4_SetMR(5, num_objects);
    return SEL4_INVOKE_CAPS_(_service, UntypedRetype, 6, mr, root);
}

/* ---- TCB -------------------------------------------------------------------------- */

// Read `count` registers (seL4_UserContext order) into *regs; optionally suspend first.
LIBSEL4_INLINE seL4_Error seL4_TCB_ReadRegisters(seL4_TCB _service, seL4_Bool suspend_source,
                                                 seL4_Uint8 arch_flags, seL4_Word count,
                                                 seL4_UserContext *regs)
{
    seL4_Word mr[4] = {SEL4_BOOL_(suspend_source) | SEL4_U8_(arch_flags) << 8, count, 0, 0};
    seL4_Error error = seL4_Invoke_(_service, TCBReadRegisters, 0, 2, mr);
    seL4_Word *dst = (seL4_Word *)regs;

    if (error != seL4_NoError) {
        return error;
    }
    // The first four registers come back in x2..x5, the rest in the IPC buffer.
    for (seL4_Word i = 0; i < seL4_FastMessageRegisters; i++) {
        dst[i] = mr[i];
    }
    for (seL4_Word i = seL4_FastMessageRegisters; i < count && i < SEL4_USER_CONTEXT_WORDS_; i++) {
        dst[i] = seL4_GetMR((int)i);
    }
    return error;
}

// Write the first `count` registers of *regs (seL4_UserContext order); optionally resume.
// The message always has length 38 (flags, count, 36 registers), as upstream.
LIBSEL4_INLINE seL4_Error seL4_TCB_WriteRegisters(seL4_TCB _service, seL4_Bool resume_target,
                                                  seL4_Uint8 arch_flags, seL4_Word count,
                                                  seL4_UserContext *regs)
{
    const seL4_Word *src = (const seL4_Word *)regs;
    seL4_Word mr[4] = {SEL4_BOOL_(resume_target) | SEL4_U8_(arch_flags) << 8, count, src[0],
                       src[1]};

    for (seL4_Word i = 2; i < count && i < SEL4_USER_CONTEXT_WORDS_; i++) {
        seL4_SetMR((int)(i + 2), src[i]);
    }
    return seL4_Invoke_(_service, TCBWriteRegisters, 0, 2 + SEL4_USER_CONTEXT_WORDS_, mr);
}

// Copy registers from `source` to this TCB: frame and/or integer groups.
LIBSEL4_INLINE seL4_Error seL4_TCB_CopyRegisters(seL4_TCB _service, seL4_TCB source,
                                                 seL4_Bool suspend_source, seL4_Bool resume_target,
                                                 seL4_Bool transfer_frame,
                                                 seL4_Bool transfer_integer, seL4_Uint8 arch_flags)
{
    seL4_Word mr[4] = {SEL4_BOOL_(suspend_source) | SEL4_BOOL_(resume_target) << 1 |
                           SEL4_BOOL_(transfer_frame) << 2 | SEL4_BOOL_(transfer_integer) << 3 |
                           SEL4_U8_(arch_flags) << 8,
                       0, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBCopyRegisters, 1, mr, source);
}

#ifndef CONFIG_KERNEL_MCS
// Set fault endpoint (a CPtr in the thread's own CSpace), CSpace, VSpace and IPC buffer.
LIBSEL4_INLINE seL4_Error seL4_TCB_Configure(seL4_TCB _service, seL4_Word fault_ep,
                                             seL4_CNode cspace_root, seL4_Word cspace_root_data,
                                             seL4_CPtr vspace_root, seL4_Word vspace_root_data,
                                             seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_Word mr[4] = {fault_ep, cspace_root_data, vspace_root_data, buffer};

    return SEL4_INVOKE_CAPS_(_service, TCBConfigure, 4, mr, cspace_root, vspace_root, bufferFrame);
}
#endif

// Set the priority (SetPriority) or the maximum controlled priority (SetMCPriority),
// bounded by the MCP of `authority`.
#define SEL4_TCB_PRIO_OP_(fn, label, value)                                                        \
    LIBSEL4_INLINE seL4_Error fn(seL4_TCB _service, seL4_TCB authority, seL4_Word value)           \
    {                                                                                              \
        seL4_Word mr[4] = {value, 0, 0, 0};                                                        \
        return SEL4_INVOKE_CAPS_(_service, label, 1, mr, authority);                               \
    }
SEL4_TCB_PRIO_OP_(seL4_TCB_SetPriority, TCBSetPriority, priority)
SEL4_TCB_PRIO_OP_(seL4_TCB_SetMCPriority, TCBSetMCPriority, mcp)
#undef SEL4_TCB_PRIO_OP_

#ifndef CONFIG_KERNEL_MCS
// Set MCP and priority in one call.
LIBSEL4_INLINE seL4_Error seL4_TCB_SetSchedParams(seL4_TCB _service, seL4_TCB authority,
                                                  seL4_Word mcp, seL4_Word priority)
{
    seL4_Word mr[4] = {mcp, priority, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBSetSchedParams, 2, mr, authority);
}
#endif

// Set the IPC buffer: vaddr `buffer` (1 KiB aligned) inside frame bufferFrame.
LIBSEL4_INLINE seL4_Error seL4_TCB_SetIPCBuffer(seL4_TCB _service, seL4_Word buffer,
                                                seL4_CPtr bufferFrame)
{
    seL4_Word mr[4] = {buffer, 0, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBSetIPCBuffer, 1, mr, bufferFrame);
}

#ifndef CONFIG_KERNEL_MCS
// Set fault endpoint, CSpace and VSpace.
LIBSEL4_INLINE seL4_Error seL4_TCB_SetSpace(seL4_TCB _service, seL4_Word fault_ep,
                                            seL4_CNode cspace_root, seL4_Word cspace_root_data,
                                            seL4_CPtr vspace_root, seL4_Word vspace_root_data)
{
    seL4_Word mr[4] = {fault_ep, cspace_root_data, vspace_root_data, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBSetSpace, 3, mr, cspace_root, vspace_root);
}
#endif

SEL4_NOARG_OP_(seL4_TCB_Suspend, seL4_TCB, TCBSuspend)
SEL4_NOARG_OP_(seL4_TCB_Resume, seL4_TCB, TCBResume)
// Bind a notification, so signals arrive while the thread waits on an endpoint.
SEL4_CAP_OP_(seL4_TCB_BindNotification, seL4_TCB, TCBBindNotification, notification)
SEL4_NOARG_OP_(seL4_TCB_UnbindNotification, seL4_TCB, TCBUnbindNotification)

// Set the thread's saved TPIDR_EL0.
LIBSEL4_INLINE seL4_Error seL4_TCB_SetTLSBase(seL4_TCB _service, seL4_Word tls_base)
{
    seL4_Word mr[4] = {tls_base, 0, 0, 0};

    return seL4_Invoke_(_service, TCBSetTLSBase, 0, 1, mr);
}

struct seL4_TCB_SetFlags {
    int error;
    seL4_Word flags; // resulting seL4_TCBFlag bits
};
typedef struct seL4_TCB_SetFlags seL4_TCB_SetFlags_t;

// Clear, then set, seL4_TCBFlag bits; returns the resulting flags.
LIBSEL4_INLINE seL4_TCB_SetFlags_t seL4_TCB_SetFlags(seL4_TCB _service, seL4_Word clear,
                                                     seL4_Word set)
{
    seL4_TCB_SetFlags_t result = {0, 0};
    seL4_Word mr[4] = {clear, set, 0, 0};

    result.error = seL4_Invoke_(_service, TCBSetFlags, 0, 2, mr);
    if (result.error == seL4_NoError) {
        result.flags = mr[0];
    }
    return result;
}

/* ---- CNode ------------------------------------------------------------------------ */
// Slots are named by index/depth, resolved inside the invoked CNode (_service).

SEL4_SLOT_OP_(seL4_CNode_Revoke, CNodeRevoke)
SEL4_SLOT_OP_(seL4_CNode_Delete, CNodeDelete)
SEL4_SLOT_OP_(seL4_CNode_CancelBadgedSends, CNodeCancelBadgedSends)

// Copy the cap at src_root/src_index/src_depth to dest, with `rights` masked in.
LIBSEL4_INLINE seL4_Error seL4_CNode_Copy(seL4_CNode _service, seL4_Word dest_index,
                                          seL4_Uint8 dest_depth, seL4_CNode src_root,
                                          seL4_Word src_index, seL4_Uint8 src_depth,
                                          seL4_CapRights_t rights)
{
    seL4_Word mr[4] = {dest_index, SEL4_U8_(dest_depth), src_index, SEL4_U8_(src_depth)};

    seL4_SetMR(4, rights.words[0]);
    return SEL4_INVOKE_CAPS_(_service, CNodeCopy, 5, mr, src_root);
}

// As Copy, and also set the badge (endpoints, notifications) or guard (CNodes).
LIBSEL4_INLINE seL4_Error seL4_CNode_Mint(seL4_CNode _service, seL4_Word dest_index,
                                          seL4_Uint8 dest_depth, seL4_CNode src_root,
                                          seL4_Word src_index, seL4_Uint8 src_depth,
                                          seL4_CapRights_t rights, seL4_Word badge)
{
    seL4_Word mr[4] = {dest_index, SEL4_U8_(dest_depth), src_index, SEL4_U8_(src_depth)};

    seL4_SetMR(4, rights.words[0]);
    seL4_SetMR(5, badge);
    return SEL4_INVOKE_CAPS_(_service, CNodeMint, 6, mr, src_root);
}

LIBSEL4_INLINE seL4_Error seL4_CNode_Move(seL4_CNode _service, seL4_Word dest_index,
                                          seL4_Uint8 dest_depth, seL4_CNode src_root,
                                          seL4_Word src_index, seL4_Uint8 src_depth)
{
    seL4_Word mr[4] = {dest_index, SEL4_U8_(dest_depth), src_index, SEL4_U8_(src_depth)};

    return SEL4_INVOKE_CAPS_(_service, CNodeMove, 4, mr, src_root);
}

// Move and set badge/guard in one step.
LIBSEL4_INLINE seL4_Error seL4_CNode_Mutate(seL4_CNode _service, seL4_Word dest_index,
                                            seL4_Uint8 dest_depth, seL4_CNode src_root,
                                            seL4_Word src_index, seL4_Uint8 src_depth,
                                            seL4_Word badge)
{
    seL4_Word mr[4] = {dest_index, SEL4_U8_(dest_depth), src_index, SEL4_U8_(src_depth)};

    seL4_SetMR(4, badge);
    return SEL4_INVOKE_CAPS_(_service, CNodeMutate, 5, mr, src_root);
}

// Move pivot -> dest and src -> pivot atomically, re-badging both.
LIBSEL4_INLINE seL4_Error seL4_CNode_Rotate(seL4_CNode _service, seL4_Word dest_index,
                                            seL4_Uint8 dest_depth, seL4_Word dest_badge,
                                            seL4_CNode pivot_root, seL4_Word pivot_index,
                                            seL4_Uint8 pivot_depth, seL4_Word pivot_badge,
                                            seL4_CNode src_root, seL4_Word src_index,
                                            seL4_Uint8 src_depth)
{
    seL4_Word mr[4] = {dest_index, SEL4_U8_(dest_depth), dest_badge, pivot_index};

    seL4_SetMR(4, SEL4_U8_(pivot_depth));
    seL4_SetMR(5, pivot_badge);
    seL4_SetMR(6, src_index);
    seL4_SetMR(7, SEL4_U8_(src_depth));
    return SEL4_INVOKE_CAPS_(_service, CNodeRotate, 8, mr, pivot_root, src_root);
}

#ifndef CONFIG_KERNEL_MCS
// Move the caller's implicit reply cap into a slot.
SEL4_SLOT_OP_(seL4_CNode_SaveCaller, CNodeSaveCaller)
#endif

/* ---- IRQ -------------------------------------------------------------------------- */

// Create an IRQ handler cap for `irq` in root/index/depth.
LIBSEL4_INLINE seL4_Error seL4_IRQControl_Get(seL4_IRQControl _service, seL4_Word irq,
                                              seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {irq, index, SEL4_U8_(depth), 0};

    return SEL4_INVOKE_CAPS_(_service, IRQIssueIRQHandler, 3, mr, root);
}

// As Get, also choosing the trigger (1 = edge, 0 = level).
LIBSEL4_INLINE seL4_Error seL4_IRQControl_GetTrigger(seL4_IRQControl _service, seL4_Word irq,
                                                     seL4_Word trigger, seL4_CNode root,
                                                     seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {irq, trigger, index, SEL4_U8_(depth)};

    return SEL4_INVOKE_CAPS_(_service, ARMIRQIssueIRQHandlerTrigger, 4, mr, root);
}

// Create a cap that sends software-generated interrupt `irq` to node `target`.
LIBSEL4_INLINE seL4_Error seL4_IRQControl_IssueSGISignal(seL4_IRQControl _service, seL4_Word irq,
                                                         seL4_Word target, seL4_CNode root,
                                                         seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {irq, target, index, SEL4_U8_(depth)};

    return SEL4_INVOKE_CAPS_(_service, ARMIRQIssueSGISignal, 4, mr, root);
}

SEL4_NOARG_OP_(seL4_IRQHandler_Ack, seL4_IRQHandler, IRQAckIRQ)
SEL4_CAP_OP_(seL4_IRQHandler_SetNotification, seL4_IRQHandler, IRQSetIRQHandler, notification)
SEL4_NOARG_OP_(seL4_IRQHandler_Clear, seL4_IRQHandler, IRQClearIRQHandler)

/* ---- Domains ---------------------------------------------------------------------- */

LIBSEL4_INLINE seL4_Error seL4_DomainSet_Set(seL4_DomainSet _service, seL4_Uint8 domain,
                                             seL4_TCB thread)
{
    seL4_Word mr[4] = {SEL4_U8_(domain), 0, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, DomainSetSet, 1, mr, thread);
}

LIBSEL4_INLINE seL4_Error seL4_DomainSet_ScheduleConfigure(seL4_DomainSet _service, seL4_Word index,
                                                           seL4_Uint8 domain, seL4_Time duration)
{
    seL4_Word mr[4] = {index, SEL4_U8_(domain), duration, 0};

    return seL4_Invoke_(_service, DomainScheduleConfigure, 0, 3, mr);
}

LIBSEL4_INLINE seL4_Error seL4_DomainSet_ScheduleSetStart(seL4_DomainSet _service, seL4_Word index)
{
    seL4_Word mr[4] = {index, 0, 0, 0};

    return seL4_Invoke_(_service, DomainScheduleSetStart, 0, 1, mr);
}

/* ---- ARM VSpace: cache maintenance over [start, end) virtual addresses ------------- */

SEL4_RANGE_OP_(seL4_ARM_VSpace_Clean_Data, ARMVSpaceClean_Data)
SEL4_RANGE_OP_(seL4_ARM_VSpace_Invalidate_Data, ARMVSpaceInvalidate_Data)
SEL4_RANGE_OP_(seL4_ARM_VSpace_CleanInvalidate_Data, ARMVSpaceCleanInvalidate_Data)
SEL4_RANGE_OP_(seL4_ARM_VSpace_Unify_Instruction, ARMVSpaceUnify_Instruction)

/* ---- ARM PageTable ---------------------------------------------------------------- */

// Install this table at the first missing level above vaddr in `vspace`. The kernel
// ignores attr but it is still sent (length 2), as upstream.
LIBSEL4_INLINE seL4_Error seL4_ARM_PageTable_Map(seL4_ARM_PageTable _service, seL4_CPtr vspace,
                                                 seL4_Word vaddr, seL4_ARM_VMAttributes attr)
{
    seL4_Word mr[4] = {vaddr, (seL4_Word)attr, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, ARMPageTableMap, 2, mr, vspace);
}

SEL4_NOARG_OP_(seL4_ARM_PageTable_Unmap, seL4_ARM_PageTable, ARMPageTableUnmap)

/* ---- ARM Page (frames) ------------------------------------------------------------ */

// Map this frame at vaddr in `vspace` with rights masked by the cap's own rights.
// On seL4_FailedLookup, seL4_MappingFailedLookupLevel() tells which table is missing.
LIBSEL4_INLINE seL4_Error seL4_ARM_Page_Map(seL4_ARM_Page _service, seL4_CPtr vspace,
                                            seL4_Word vaddr, seL4_CapRights_t rights,
                                            seL4_ARM_VMAttributes attr)
{
    seL4_Word mr[4] = {vaddr, rights.words[0], (seL4_Word)attr, 0};

    return SEL4_INVOKE_CAPS_(_service, ARMPageMap, 3, mr, vspace);
}

SEL4_NOARG_OP_(seL4_ARM_Page_Unmap, seL4_ARM_Page, ARMPageUnmap)

// Cache maintenance over [start_offset, end_offset) within the (mapped) frame.
SEL4_RANGE_OP_(seL4_ARM_Page_Clean_Data, ARMPageClean_Data)
SEL4_RANGE_OP_(seL4_ARM_Page_Invalidate_Data, ARMPageInvalidate_Data)
SEL4_RANGE_OP_(seL4_ARM_Page_CleanInvalidate_Data, ARMPageCleanInvalidate_Data)
SEL4_RANGE_OP_(seL4_ARM_Page_Unify_Instruction, ARMPageUnify_Instruction)

struct seL4_ARM_Page_GetAddress {
    int error;
    seL4_Word paddr; // physical base address of the frame
};
typedef struct seL4_ARM_Page_GetAddress seL4_ARM_Page_GetAddress_t;

SEL4_RESULT_OP_(seL4_ARM_Page_GetAddress, seL4_ARM_Page, ARMPageGetAddress, paddr)

/* ---- ARM ASIDs -------------------------------------------------------------------- */

// Turn a 4 KiB untyped into a new ASID pool; its cap goes to root/index/depth.
LIBSEL4_INLINE seL4_Error seL4_ARM_ASIDControl_MakePool(seL4_ARM_ASIDControl _service,
                                                        seL4_Untyped untyped, seL4_CNode root,
                                                        seL4_Word index, seL4_Uint8 depth)
{
    seL4_Word mr[4] = {index, SEL4_U8_(depth), 0, 0};

    return SEL4_INVOKE_CAPS_(_service, ARMASIDControlMakePool, 2, mr, untyped, root);
}

// Give `vspace` the lowest free ASID of this pool.
SEL4_CAP_OP_(seL4_ARM_ASIDPool_Assign, seL4_ARM_ASIDPool, ARMASIDPoolAssign, vspace)

#undef SEL4_USER_CONTEXT_WORDS_
#undef SEL4_BOOL_
#undef SEL4_U8_

#ifdef CONFIG_KERNEL_MCS
#include <sel4/sel4_client_mcs.h>
#endif
