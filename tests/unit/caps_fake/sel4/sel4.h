// SPDX-License-Identifier: BSD-2-Clause
// A stand-in for <sel4/sel4.h> in the host test of the runtime's typed capabilities
// (tests/unit/test_caps.c): libsel4's types and constants (the pure headers, which compile
// on the host), and the invocation and IPC stubs <cairn/caps.h> calls declared as plain
// functions, which the test defines to record their arguments. No trap is made.
#pragma once

#include <sel4/bootinfo_types.h>
#include <sel4/types.h>

typedef struct seL4_ARM_Page_GetAddress {
    int error;
    seL4_Word paddr;
} seL4_ARM_Page_GetAddress_t;

#define seL4_Null ((void *)0)

seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap);
seL4_Error seL4_Untyped_Retype(seL4_Untyped service, seL4_Word type, seL4_Word size_bits,
                               seL4_CNode root, seL4_Word node_index, seL4_Word node_depth,
                               seL4_Word node_offset, seL4_Word num_objects);
seL4_Error seL4_CNode_Copy(seL4_CNode service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                           seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                           seL4_CapRights_t rights);
seL4_Error seL4_CNode_Mint(seL4_CNode service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                           seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                           seL4_CapRights_t rights, seL4_Word badge);
seL4_Error seL4_CNode_Move(seL4_CNode service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                           seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth);
seL4_Error seL4_CNode_Mutate(seL4_CNode service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                             seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                             seL4_Word badge);
seL4_Error seL4_CNode_Delete(seL4_CNode service, seL4_Word index, seL4_Uint8 depth);
seL4_Error seL4_CNode_Revoke(seL4_CNode service, seL4_Word index, seL4_Uint8 depth);
seL4_Error seL4_CNode_SaveCaller(seL4_CNode service, seL4_Word index, seL4_Uint8 depth);
seL4_Error seL4_TCB_Configure(seL4_TCB service, seL4_Word fault_ep, seL4_CNode cspace_root,
                              seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                              seL4_Word vspace_root_data, seL4_Word buffer, seL4_CPtr buffer_frame);
seL4_Error seL4_TCB_SetSpace(seL4_TCB service, seL4_Word fault_ep, seL4_CNode cspace_root,
                             seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                             seL4_Word vspace_root_data);
seL4_Error seL4_TCB_SetIPCBuffer(seL4_TCB service, seL4_Word buffer, seL4_CPtr buffer_frame);
seL4_Error seL4_TCB_SetPriority(seL4_TCB service, seL4_TCB authority, seL4_Word priority);
seL4_Error seL4_TCB_SetMCPriority(seL4_TCB service, seL4_TCB authority, seL4_Word mcp);
seL4_Error seL4_TCB_WriteRegisters(seL4_TCB service, seL4_Bool resume_target, seL4_Uint8 arch_flags,
                                   seL4_Word count, seL4_UserContext *regs);
seL4_Error seL4_TCB_ReadRegisters(seL4_TCB service, seL4_Bool suspend_source, seL4_Uint8 arch_flags,
                                  seL4_Word count, seL4_UserContext *regs);
seL4_Error seL4_TCB_Resume(seL4_TCB service);
seL4_Error seL4_TCB_Suspend(seL4_TCB service);
seL4_Error seL4_TCB_SetTLSBase(seL4_TCB service, seL4_Word tls_base);
seL4_Error seL4_TCB_BindNotification(seL4_TCB service, seL4_CPtr notification);
seL4_Error seL4_TCB_UnbindNotification(seL4_TCB service);
void seL4_DebugNameThread(seL4_CPtr tcb, const char *name);
void seL4_Signal(seL4_CPtr dest);
void seL4_Wait(seL4_CPtr src, seL4_Word *sender);
seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender);
void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t info);
void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t info);
seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender);
seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender);
seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t info);
seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t info, seL4_Word *sender);
void seL4_Reply(seL4_MessageInfo_t info);
seL4_Error seL4_ARM_Page_Map(seL4_ARM_Page service, seL4_CPtr vspace, seL4_Word vaddr,
                             seL4_CapRights_t rights, seL4_ARM_VMAttributes attr);
seL4_Error seL4_ARM_Page_Unmap(seL4_ARM_Page service);
seL4_ARM_Page_GetAddress_t seL4_ARM_Page_GetAddress(seL4_ARM_Page service);
seL4_Error seL4_ARM_Page_Unify_Instruction(seL4_CPtr service, seL4_Word start, seL4_Word end);
seL4_Error seL4_ARM_Page_Clean_Data(seL4_CPtr service, seL4_Word start, seL4_Word end);
seL4_Error seL4_ARM_Page_Invalidate_Data(seL4_CPtr service, seL4_Word start, seL4_Word end);
seL4_Error seL4_ARM_Page_CleanInvalidate_Data(seL4_CPtr service, seL4_Word start, seL4_Word end);
seL4_Error seL4_ARM_PageTable_Map(seL4_ARM_PageTable service, seL4_CPtr vspace, seL4_Word vaddr,
                                  seL4_ARM_VMAttributes attr);
seL4_Error seL4_ARM_PageTable_Unmap(seL4_ARM_PageTable service);
seL4_Error seL4_ARM_ASIDControl_MakePool(seL4_CPtr service, seL4_Untyped untyped, seL4_CNode root,
                                         seL4_Word index, seL4_Uint8 depth);
seL4_Error seL4_ARM_ASIDPool_Assign(seL4_CPtr service, seL4_CPtr vspace);
seL4_Error seL4_IRQControl_Get(seL4_IRQControl service, seL4_Word irq, seL4_CNode root,
                               seL4_Word index, seL4_Uint8 depth);
seL4_Error seL4_IRQControl_GetTrigger(seL4_IRQControl service, seL4_Word irq, seL4_Word trigger,
                                      seL4_CNode root, seL4_Word index, seL4_Uint8 depth);
seL4_Error seL4_IRQHandler_Ack(seL4_IRQHandler service);
seL4_Error seL4_IRQHandler_SetNotification(seL4_IRQHandler service, seL4_CPtr notification);
seL4_Error seL4_IRQHandler_Clear(seL4_IRQHandler service);
