// SPDX-License-Identifier: BSD-2-Clause
// Host tests of the runtime's typed capabilities (runtime/include/cairn/caps.h): every
// wrapper calls the libsel4 stub it names, once, with the typed caps' CPtrs and the other
// arguments in seL4's order, and returns the stub's error unchanged. libsel4 is replaced by
// tests/unit/caps_fake/sel4/sel4.h, whose stubs (defined below) record each call. The
// in-QEMU CAPS suite tests (tests/system/suite/caps.c) check the same calls against the kernel.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* <cairn/runtime.h> (included by caps.h) declares a root task's main(bi); this test's own
 * main is the host's, so the root task's is renamed while the header is read. */
#define main cairn_root_task_main
#include <cairn/caps.h>
#include "unit_main.h"
#undef main

/* ---- recording stubs ------------------------------------------------------------------- */

#define MAX_ARGS 10

static struct {
    const char *fn;
    int calls; /* stub calls since the last check */
    int n;
    seL4_Word arg[MAX_ARGS];
} last;

static seL4_Error stub_error; /* what the next stub returns */

static void record(const char *fn, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    last.fn = fn;
    last.calls++;
    last.n = n;
    for (int i = 0; i < n; i++)
        last.arg[i] = va_arg(ap, seL4_Word);
    va_end(ap);
}

#define W(x) ((seL4_Word)(x))
#define REC(...) record(__func__, __VA_ARGS__)

/* The stubs whose arguments are all words or CPtrs, recorded in order. */
#define STUB1(fn, T0)                                                                              \
    seL4_Error fn(T0 a0)                                                                           \
    {                                                                                              \
        REC(1, W(a0));                                                                             \
        return stub_error;                                                                         \
    }
#define STUB2(fn, T0, T1)                                                                          \
    seL4_Error fn(T0 a0, T1 a1)                                                                    \
    {                                                                                              \
        REC(2, W(a0), W(a1));                                                                      \
        return stub_error;                                                                         \
    }
#define STUB3(fn, T0, T1, T2)                                                                      \
    seL4_Error fn(T0 a0, T1 a1, T2 a2)                                                             \
    {                                                                                              \
        REC(3, W(a0), W(a1), W(a2));                                                               \
        return stub_error;                                                                         \
    }

seL4_Error seL4_Untyped_Retype(seL4_Untyped s, seL4_Word type, seL4_Word size_bits, seL4_CNode root,
                               seL4_Word node_index, seL4_Word node_depth, seL4_Word node_offset,
                               seL4_Word num)
{
    REC(8, W(s), type, size_bits, W(root), node_index, node_depth, node_offset, num);
    return stub_error;
}

seL4_Error seL4_CNode_Copy(seL4_CNode s, seL4_Word di, seL4_Uint8 dd, seL4_CNode sr, seL4_Word si,
                           seL4_Uint8 sd, seL4_CapRights_t rights)
{
    REC(7, W(s), di, W(dd), W(sr), si, W(sd), W(rights.words[0]));
    return stub_error;
}

seL4_Error seL4_CNode_Mint(seL4_CNode s, seL4_Word di, seL4_Uint8 dd, seL4_CNode sr, seL4_Word si,
                           seL4_Uint8 sd, seL4_CapRights_t rights, seL4_Word badge)
{
    REC(8, W(s), di, W(dd), W(sr), si, W(sd), W(rights.words[0]), badge);
    return stub_error;
}

seL4_Error seL4_CNode_Move(seL4_CNode s, seL4_Word di, seL4_Uint8 dd, seL4_CNode sr, seL4_Word si,
                           seL4_Uint8 sd)
{
    REC(6, W(s), di, W(dd), W(sr), si, W(sd));
    return stub_error;
}

seL4_Error seL4_CNode_Mutate(seL4_CNode s, seL4_Word di, seL4_Uint8 dd, seL4_CNode sr, seL4_Word si,
                             seL4_Uint8 sd, seL4_Word badge)
{
    REC(7, W(s), di, W(dd), W(sr), si, W(sd), badge);
    return stub_error;
}

STUB3(seL4_CNode_Delete, seL4_CNode, seL4_Word, seL4_Uint8)
STUB3(seL4_CNode_Revoke, seL4_CNode, seL4_Word, seL4_Uint8)
STUB3(seL4_CNode_SaveCaller, seL4_CNode, seL4_Word, seL4_Uint8)

seL4_Error seL4_TCB_Configure(seL4_TCB s, seL4_Word fault_ep, seL4_CNode cspace, seL4_Word cdata,
                              seL4_CPtr vspace, seL4_Word vdata, seL4_Word buffer, seL4_CPtr frame)
{
    REC(8, W(s), fault_ep, W(cspace), cdata, W(vspace), vdata, buffer, W(frame));
    return stub_error;
}

seL4_Error seL4_TCB_SetSpace(seL4_TCB s, seL4_Word fault_ep, seL4_CNode cspace, seL4_Word cdata,
                             seL4_CPtr vspace, seL4_Word vdata)
{
    REC(6, W(s), fault_ep, W(cspace), cdata, W(vspace), vdata);
    return stub_error;
}

STUB3(seL4_TCB_SetIPCBuffer, seL4_TCB, seL4_Word, seL4_CPtr)
STUB3(seL4_TCB_SetPriority, seL4_TCB, seL4_TCB, seL4_Word)
STUB3(seL4_TCB_SetMCPriority, seL4_TCB, seL4_TCB, seL4_Word)

seL4_Error seL4_TCB_WriteRegisters(seL4_TCB s, seL4_Bool resume, seL4_Uint8 flags, seL4_Word count,
                                   seL4_UserContext *regs)
{
    REC(5, W(s), W(resume), W(flags), count, W(regs));
    return stub_error;
}

seL4_Error seL4_TCB_ReadRegisters(seL4_TCB s, seL4_Bool suspend, seL4_Uint8 flags, seL4_Word count,
                                  seL4_UserContext *regs)
{
    REC(5, W(s), W(suspend), W(flags), count, W(regs));
    return stub_error;
}

STUB1(seL4_TCB_Resume, seL4_TCB)
STUB1(seL4_TCB_Suspend, seL4_TCB)
STUB2(seL4_TCB_SetTLSBase, seL4_TCB, seL4_Word)
STUB2(seL4_TCB_BindNotification, seL4_TCB, seL4_CPtr)
STUB1(seL4_TCB_UnbindNotification, seL4_TCB)

void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
    REC(2, W(tcb), W(name));
}

void seL4_Signal(seL4_CPtr dest)
{
    REC(1, W(dest));
}

void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    REC(2, W(src), W(sender));
}

seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    REC(2, W(src), W(sender));
    return seL4_MessageInfo_new(0, 0, 0, 0);
}

void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t info)
{
    REC(2, W(dest), W(info.words[0]));
}

void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t info)
{
    REC(2, W(dest), W(info.words[0]));
}

/* The receive-side stubs answer with label 7, so the test sees the result passed back. */
seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
{
    REC(2, W(src), W(sender));
    return seL4_MessageInfo_new(7, 0, 0, 0);
}

seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
{
    REC(2, W(src), W(sender));
    return seL4_MessageInfo_new(7, 0, 0, 0);
}

seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t info)
{
    REC(2, W(dest), W(info.words[0]));
    return seL4_MessageInfo_new(7, 0, 0, 0);
}

seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t info, seL4_Word *sender)
{
    REC(3, W(src), W(info.words[0]), W(sender));
    return seL4_MessageInfo_new(7, 0, 0, 0);
}

void seL4_Reply(seL4_MessageInfo_t info)
{
    REC(1, W(info.words[0]));
}

seL4_Error seL4_ARM_Page_Map(seL4_ARM_Page s, seL4_CPtr vspace, seL4_Word vaddr,
                             seL4_CapRights_t rights, seL4_ARM_VMAttributes attr)
{
    REC(5, W(s), W(vspace), vaddr, W(rights.words[0]), W(attr));
    return stub_error;
}

STUB1(seL4_ARM_Page_Unmap, seL4_ARM_Page)

seL4_ARM_Page_GetAddress_t seL4_ARM_Page_GetAddress(seL4_ARM_Page s)
{
    REC(1, W(s));
    return (seL4_ARM_Page_GetAddress_t){stub_error, 0x40001000};
}

#define RANGE_STUB(fn)                                                                             \
    seL4_Error fn(seL4_CPtr s, seL4_Word start, seL4_Word end)                                     \
    {                                                                                              \
        REC(3, W(s), start, end);                                                                  \
        return stub_error;                                                                         \
    }
RANGE_STUB(seL4_ARM_Page_Unify_Instruction)
RANGE_STUB(seL4_ARM_Page_Clean_Data)
RANGE_STUB(seL4_ARM_Page_Invalidate_Data)
RANGE_STUB(seL4_ARM_Page_CleanInvalidate_Data)

seL4_Error seL4_ARM_PageTable_Map(seL4_ARM_PageTable s, seL4_CPtr vspace, seL4_Word vaddr,
                                  seL4_ARM_VMAttributes attr)
{
    REC(4, W(s), W(vspace), vaddr, W(attr));
    return stub_error;
}

STUB1(seL4_ARM_PageTable_Unmap, seL4_ARM_PageTable)

seL4_Error seL4_ARM_ASIDControl_MakePool(seL4_CPtr s, seL4_Untyped untyped, seL4_CNode root,
                                         seL4_Word index, seL4_Uint8 depth)
{
    REC(5, W(s), W(untyped), W(root), index, W(depth));
    return stub_error;
}

STUB2(seL4_ARM_ASIDPool_Assign, seL4_CPtr, seL4_CPtr)

seL4_Error seL4_IRQControl_Get(seL4_IRQControl s, seL4_Word irq, seL4_CNode root, seL4_Word index,
                               seL4_Uint8 depth)
{
    REC(5, W(s), irq, W(root), index, W(depth));
    return stub_error;
}

seL4_Error seL4_IRQControl_GetTrigger(seL4_IRQControl s, seL4_Word irq, seL4_Word trigger,
                                      seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    REC(6, W(s), irq, trigger, W(root), index, W(depth));
    return stub_error;
}

STUB1(seL4_IRQHandler_Ack, seL4_IRQHandler)
STUB2(seL4_IRQHandler_SetNotification, seL4_IRQHandler, seL4_CPtr)
STUB1(seL4_IRQHandler_Clear, seL4_IRQHandler)

/* The runtime functions caps.h reaches for: a panic goes to cmocka's assert machinery, and
 * the allocator hands out slot 900. */
_Noreturn void cairn_panic_at(const char *file, int line, const char *fmt, ...)
{
    (void)fmt;
    mock_assert(0, "panic", file, line);
    abort();
}

seL4_CPtr cairn_retype(seL4_Word type, seL4_Word size_bits)
{
    REC(2, type, size_bits);
    return 900;
}

/* ---- checking a call ------------------------------------------------------------------- */

/* The last stub called was `fn`, exactly once since the last check, with these arguments. */
static void check_call(const char *fn, const seL4_Word *want, int n)
{
    assert_string_equal(last.fn, fn);
    assert_int_equal(last.calls, 1);
    assert_int_equal(last.n, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(last.arg[i], want[i]);
    last.calls = 0;
}

#define CHECK_CALL(fn, ...)                                                                        \
    check_call(fn, (const seL4_Word[]){__VA_ARGS__},                                               \
               (int)(sizeof((seL4_Word[]){__VA_ARGS__}) / sizeof(seL4_Word)))

/* Distinct CPtrs, so a swapped argument shows. */
static const cairn_untyped_t UT = {11};
static const cairn_cnode_t CN = {12};
static const cairn_tcb_t TCB = {13};
static const cairn_tcb_t AUTH = {14};
static const cairn_endpoint_t EP = {15};
static const cairn_notification_t NTFN = {16};
static const cairn_vspace_t VS = {17};
static const cairn_page_table_t PT = {18};
static const cairn_granule_t GR = {19};
static const cairn_large_page_t LP = {20};
static const cairn_huge_page_t HP = {21};
static const cairn_asid_pool_t POOL = {22};
static const cairn_asid_control_t ASIDC = {23};
static const cairn_irq_control_t IRQC = {24};
static const cairn_irq_handler_t IRQH = {25};

static int reset(void **state)
{
    (void)state;
    memset(&last, 0, sizeof last);
    stub_error = seL4_NoError;
    return 0;
}

/* ---- the tests ------------------------------------------------------------------------- */

UNIT_TEST(conversions_and_paths)
{
    assert_int_equal(sizeof(cairn_granule_t), sizeof(seL4_CPtr));
    assert_int_equal(cairn_cptr(cairn_as_tcb(42)), 42);
    assert_true(cairn_cap_is_null(cairn_as_endpoint(seL4_CapNull)));
    assert_false(cairn_cap_is_null(EP));
    cairn_cspath_t p = cairn_cspath_of(EP);
    assert_int_equal(p.root, seL4_CapInitThreadCNode);
    assert_int_equal(p.index, 15);
    assert_int_equal(p.depth, seL4_WordBits);
    p = cairn_cnode_slot_depth(CN, 3, 4);
    assert_int_equal(p.root, 12);
    assert_int_equal(p.index, 3);
    assert_int_equal(p.depth, 4);
    p = cairn_cnode_self(CN);
    assert_int_equal(p.index, 0);
    assert_int_equal(p.depth, 0);
    assert_int_equal(cairn_cptr(CAIRN_INIT_VSPACE), seL4_CapInitThreadVSpace);
    assert_int_equal(cairn_cptr(CAIRN_IPC_BUFFER_FRAME), seL4_CapInitThreadIPCBuffer);
    assert_int_equal(CAIRN_BP_CNODE(4).type, seL4_CapTableObject);
    assert_int_equal(CAIRN_BP_CNODE(4).size_bits, 4);
    assert_int_equal(CAIRN_BP_GRANULE.type, seL4_ARM_SmallPageObject);
}

UNIT_TEST(untyped_and_cnode)
{
    stub_error = seL4_NotEnoughMemory;
    assert_int_equal(cairn_untyped_retype(UT, CAIRN_BP_UNTYPED(16), cairn_cnode_self(CN), 5, 2),
                     seL4_NotEnoughMemory);
    CHECK_CALL("seL4_Untyped_Retype", 11, seL4_UntypedObject, 16, 12, 0, 0, 5, 2);
    stub_error = seL4_NoError;
    seL4_Word rw = seL4_ReadWrite.words[0];
    cairn_cspath_t a = cairn_cnode_slot(CN, 7), b = cairn_cspath_of(NTFN);
    assert_int_equal(cairn_cnode_copy(a, b, seL4_ReadWrite), seL4_NoError);
    CHECK_CALL("seL4_CNode_Copy", 12, 7, 64, seL4_CapInitThreadCNode, 16, 64, rw);
    cairn_cnode_mint(a, b, seL4_ReadWrite, 0x1337);
    CHECK_CALL("seL4_CNode_Mint", 12, 7, 64, seL4_CapInitThreadCNode, 16, 64, rw, 0x1337);
    cairn_cnode_move(a, b);
    CHECK_CALL("seL4_CNode_Move", 12, 7, 64, seL4_CapInitThreadCNode, 16, 64);
    cairn_cnode_mutate(a, b, 9);
    CHECK_CALL("seL4_CNode_Mutate", 12, 7, 64, seL4_CapInitThreadCNode, 16, 64, 9);
    cairn_cnode_delete(a);
    CHECK_CALL("seL4_CNode_Delete", 12, 7, 64);
    cairn_cnode_revoke(b);
    CHECK_CALL("seL4_CNode_Revoke", seL4_CapInitThreadCNode, 16, 64);
    cairn_cnode_save_caller(a);
    CHECK_CALL("seL4_CNode_SaveCaller", 12, 7, 64);
}

UNIT_TEST(tcb)
{
    seL4_UserContext regs;
    seL4_Word nregs = sizeof regs / sizeof(seL4_Word);
    stub_error = seL4_InvalidCapability;
    assert_int_equal(cairn_tcb_configure(TCB, 99, CN, 0x3c, VS, 0, 0x5000, GR),
                     seL4_InvalidCapability);
    CHECK_CALL("seL4_TCB_Configure", 13, 99, 12, 0x3c, 17, 0, 0x5000, 19);
    cairn_tcb_set_space(TCB, 98, CN, 1, VS, 2);
    CHECK_CALL("seL4_TCB_SetSpace", 13, 98, 12, 1, 17, 2);
    cairn_tcb_set_ipc_buffer(TCB, 0x6000, GR);
    CHECK_CALL("seL4_TCB_SetIPCBuffer", 13, 0x6000, 19);
    cairn_tcb_set_priority(TCB, AUTH, 100);
    CHECK_CALL("seL4_TCB_SetPriority", 13, 14, 100);
    cairn_tcb_set_mc_priority(TCB, AUTH, 200);
    CHECK_CALL("seL4_TCB_SetMCPriority", 13, 14, 200);
    cairn_tcb_write_registers(TCB, true, 0, 3, &regs);
    CHECK_CALL("seL4_TCB_WriteRegisters", 13, 1, 0, 3, W(&regs));
    cairn_tcb_write_all_registers(TCB, false, &regs);
    CHECK_CALL("seL4_TCB_WriteRegisters", 13, 0, 0, nregs, W(&regs));
    cairn_tcb_read_all_registers(TCB, true, &regs);
    CHECK_CALL("seL4_TCB_ReadRegisters", 13, 1, 0, nregs, W(&regs));
    cairn_tcb_read_registers(TCB, false, 0, 2, &regs);
    CHECK_CALL("seL4_TCB_ReadRegisters", 13, 0, 0, 2, W(&regs));
    cairn_tcb_resume(TCB);
    CHECK_CALL("seL4_TCB_Resume", 13);
    cairn_tcb_suspend(TCB);
    CHECK_CALL("seL4_TCB_Suspend", 13);
    cairn_tcb_set_tls_base(TCB, 0x7000);
    CHECK_CALL("seL4_TCB_SetTLSBase", 13, 0x7000);
    cairn_tcb_bind_notification(TCB, NTFN);
    CHECK_CALL("seL4_TCB_BindNotification", 13, 16);
    cairn_tcb_unbind_notification(TCB);
    CHECK_CALL("seL4_TCB_UnbindNotification", 13);
    cairn_tcb_set_name(TCB, "worker");
    assert_string_equal((const char *)last.arg[1], "worker");
    CHECK_CALL("seL4_DebugNameThread", 13, last.arg[1]);
}

UNIT_TEST(notifications_and_endpoints)
{
    seL4_Word badge;
    seL4_MessageInfo_t info = seL4_MessageInfo_new(3, 0, 0, 2);
    cairn_notification_signal(NTFN);
    CHECK_CALL("seL4_Signal", 16);
    cairn_notification_wait(NTFN, &badge);
    CHECK_CALL("seL4_Wait", 16, W(&badge));
    cairn_notification_poll(NTFN, &badge);
    CHECK_CALL("seL4_Poll", 16, W(&badge));
    cairn_endpoint_send(EP, info);
    CHECK_CALL("seL4_Send", 15, info.words[0]);
    cairn_endpoint_nb_send(EP, info);
    CHECK_CALL("seL4_NBSend", 15, info.words[0]);
    assert_int_equal(seL4_MessageInfo_get_label(cairn_endpoint_recv(EP, &badge)), 7);
    CHECK_CALL("seL4_Recv", 15, W(&badge));
    assert_int_equal(seL4_MessageInfo_get_label(cairn_endpoint_nb_recv(EP, NULL)), 7);
    CHECK_CALL("seL4_NBRecv", 15, 0);
    assert_int_equal(seL4_MessageInfo_get_label(cairn_endpoint_call(EP, info)), 7);
    CHECK_CALL("seL4_Call", 15, info.words[0]);
    cairn_endpoint_reply_recv(EP, info, &badge);
    CHECK_CALL("seL4_ReplyRecv", 15, info.words[0], W(&badge));
    cairn_reply(info);
    CHECK_CALL("seL4_Reply", info.words[0]);
}

UNIT_TEST(frames_tables_asids_irqs)
{
    seL4_Word ro = seL4_CanRead.words[0], attrs = seL4_ARM_Default_VMAttributes;
    seL4_Word paddr = 0;
    stub_error = seL4_AlignmentError;
    assert_int_equal(cairn_frame_map(GR, VS, 0x1000, seL4_CanRead, attrs), seL4_AlignmentError);
    CHECK_CALL("seL4_ARM_Page_Map", 19, 17, 0x1000, ro, attrs);
    stub_error = seL4_NoError;
    cairn_frame_map(LP, VS, 0x200000, seL4_CanRead, attrs);
    CHECK_CALL("seL4_ARM_Page_Map", 20, 17, 0x200000, ro, attrs);
    cairn_frame_map(HP, VS, 0x40000000, seL4_CanRead, attrs);
    CHECK_CALL("seL4_ARM_Page_Map", 21, 17, 0x40000000, ro, attrs);
    cairn_frame_unmap(LP);
    CHECK_CALL("seL4_ARM_Page_Unmap", 20);
    assert_int_equal(cairn_frame_get_address(HP, &paddr), seL4_NoError);
    assert_int_equal(paddr, 0x40001000);
    CHECK_CALL("seL4_ARM_Page_GetAddress", 21);
    /* An error leaves *paddr alone. */
    stub_error = seL4_InvalidCapability;
    paddr = 5;
    assert_int_equal(cairn_frame_get_address(GR, &paddr), seL4_InvalidCapability);
    assert_int_equal(paddr, 5);
    CHECK_CALL("seL4_ARM_Page_GetAddress", 19);
    stub_error = seL4_NoError;
    cairn_frame_unify_instruction(GR, 0, 0x1000);
    CHECK_CALL("seL4_ARM_Page_Unify_Instruction", 19, 0, 0x1000);
    cairn_frame_clean_data(LP, 0x10, 0x20);
    CHECK_CALL("seL4_ARM_Page_Clean_Data", 20, 0x10, 0x20);
    cairn_frame_invalidate_data(HP, 0x30, 0x40);
    CHECK_CALL("seL4_ARM_Page_Invalidate_Data", 21, 0x30, 0x40);
    cairn_frame_clean_invalidate_data(GR, 0x50, 0x60);
    CHECK_CALL("seL4_ARM_Page_CleanInvalidate_Data", 19, 0x50, 0x60);
    cairn_page_table_map(PT, VS, 0x8000000, attrs);
    CHECK_CALL("seL4_ARM_PageTable_Map", 18, 17, 0x8000000, attrs);
    cairn_page_table_unmap(PT);
    CHECK_CALL("seL4_ARM_PageTable_Unmap", 18);
    cairn_asid_control_make_pool(ASIDC, UT, cairn_cnode_slot(CN, 8));
    CHECK_CALL("seL4_ARM_ASIDControl_MakePool", 23, 11, 12, 8, 64);
    cairn_asid_pool_assign(POOL, VS);
    CHECK_CALL("seL4_ARM_ASIDPool_Assign", 22, 17);
    cairn_irq_control_get(IRQC, 33, cairn_cnode_slot(CN, 9));
    CHECK_CALL("seL4_IRQControl_Get", 24, 33, 12, 9, 64);
    cairn_irq_control_get_trigger(IRQC, 34, 1, cairn_cnode_slot(CN, 10));
    CHECK_CALL("seL4_IRQControl_GetTrigger", 24, 34, 1, 12, 10, 64);
    cairn_irq_handler_ack(IRQH);
    CHECK_CALL("seL4_IRQHandler_Ack", 25);
    cairn_irq_handler_set_notification(IRQH, NTFN);
    CHECK_CALL("seL4_IRQHandler_SetNotification", 25, 16);
    cairn_irq_handler_clear(IRQH);
    CHECK_CALL("seL4_IRQHandler_Clear", 25);
}

UNIT_TEST(bootinfo_slots_and_allocation)
{
    seL4_BootInfo bi;
    memset(&bi, 0, sizeof bi);
    bi.untyped = (seL4_SlotRegion){100, 110};
    bi.userImageFrames = (seL4_SlotRegion){20, 60};
    bi.userImagePaging = (seL4_SlotRegion){16, 20};
    assert_int_equal(cairn_cptr(cairn_bi_untyped(&bi, 0)), 100);
    assert_int_equal(cairn_cptr(cairn_bi_untyped(&bi, 9)), 109);
    assert_int_equal(cairn_cptr(cairn_bi_image_frame(&bi, 39)), 59);
    assert_int_equal(cairn_cptr(cairn_bi_image_page_table(&bi, 3)), 19);
    expect_assert_failure(cairn_bi_untyped(&bi, 10));
    expect_assert_failure(cairn_bi_image_frame(&bi, 40));
    expect_assert_failure(cairn_bi_image_page_table(&bi, 4));

    assert_int_equal(cairn_cptr(cairn_alloc_notification()), 900);
    CHECK_CALL("cairn_retype", seL4_NotificationObject, 0);
    assert_int_equal(cairn_cptr(cairn_alloc_cnode(6)), 900);
    CHECK_CALL("cairn_retype", seL4_CapTableObject, 6);
    assert_int_equal(cairn_cptr(cairn_alloc_large_page()), 900);
    CHECK_CALL("cairn_retype", seL4_ARM_LargePageObject, 0);
}

UNIT_TEST_MAIN("tests", cmocka_unit_test_setup(conversions_and_paths, reset),
               cmocka_unit_test_setup(untyped_and_cnode, reset), cmocka_unit_test_setup(tcb, reset),
               cmocka_unit_test_setup(notifications_and_endpoints, reset),
               cmocka_unit_test_setup(frames_tables_asids_irqs, reset),
               cmocka_unit_test_setup(bootinfo_slots_and_allocation, reset))
