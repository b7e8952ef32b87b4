// SPDX-License-Identifier: BSD-2-Clause
// TCB invocation tests: one valid call, then one call per rejection with its exact
// seL4_Error and detail MRs, in seL4's check order (docs/design/abi.md §9; seL4 tcb.c).

#include <string.h>

#include <cairn/bootinfo.h>
#include <sel4/sel4.h>

#include "invoke.h"
#include "test.h"
#include "threads.h"

#define PRIO 255
#define N_REGS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

/* A fresh TCB, never configured: priority 0, MCP 0, no spaces, stopped. */
static seL4_CPtr new_tcb(struct test_env *env)
{
    return test_alloc_object(env, seL4_TCBObject, 0);
}

TEST(TCB0001, "Write/ReadRegisters round-trip all 36 words; SPSR is sanitised")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_UserContext in, out;
    seL4_Word *w = (seL4_Word *)&in;
    for (unsigned i = 0; i < N_REGS; i++)
        w[i] = 0x1000 + i;
    in.spsr = 0xffffffffffffffffUL;
    ASSERT_OK(seL4_TCB_WriteRegisters(tcb, false, 0, N_REGS, &in));
    memset(&out, 0, sizeof(out));
    ASSERT_OK(seL4_TCB_ReadRegisters(tcb, false, 0, N_REGS, &out));
    seL4_Word *r = (seL4_Word *)&out;
    for (unsigned i = 0; i < N_REGS; i++) {
        if (i == 2)
            ASSERT_EQ(r[i], 0xf0000040UL); /* NZCV kept, EL0t with FIQ masked */
        else
            ASSERT_EQ(r[i], w[i]);
    }
    /* A partial write changes only the first registers. */
    in.pc = 0x4000;
    in.sp = 0x5000;
    ASSERT_OK(seL4_TCB_WriteRegisters(tcb, false, 0, 2, &in));
    ASSERT_OK(seL4_TCB_ReadRegisters(tcb, false, 0, 4, &out));
    ASSERT_EQ(out.pc, 0x4000);
    ASSERT_EQ(out.sp, 0x5000);
    ASSERT_EQ(out.x0, 0x1003);
}

TEST(TCB0002,
     "ReadRegisters: count outside [1,36] is RangeError(1,36); own TCB is IllegalOperation")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_UserContext out;
    ASSERT_RANGE(seL4_TCB_ReadRegisters(tcb, false, 0, 0, &out), 1, 36);
    ASSERT_RANGE(seL4_TCB_ReadRegisters(tcb, false, 0, 37, &out), 1, 36);
    ASSERT_ERR(seL4_TCB_ReadRegisters(seL4_CapInitThreadTCB, false, 0, 1, &out),
               seL4_IllegalOperation);
}

TEST(TCB0003,
     "WriteRegisters: own TCB is IllegalOperation; count past the message is TruncatedMessage")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_UserContext in;
    memset(&in, 0, sizeof(in));
    ASSERT_ERR(seL4_TCB_WriteRegisters(seL4_CapInitThreadTCB, false, 0, 1, &in),
               seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_WriteRegisters(tcb, false, 0, 37, &in), seL4_TruncatedMessage);
    /* A message of 1 word: fewer than the two arguments. */
    seL4_SetMR(0, 0);
    seL4_MessageInfo_t info = seL4_Call(tcb, seL4_MessageInfo_new(TCBWriteRegisters, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_TruncatedMessage);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 0);
}

TEST(TCB0004,
     "CopyRegisters: copies frame and integer registers; non-TCB source is InvalidCapability(1)")
{
    seL4_CPtr src = new_tcb(env), dst = new_tcb(env);
    seL4_UserContext in, out;
    seL4_Word *w = (seL4_Word *)&in;
    for (unsigned i = 0; i < N_REGS; i++)
        w[i] = 0x2000 + i;
    in.spsr = 0x40;
    ASSERT_OK(seL4_TCB_WriteRegisters(src, false, 0, N_REGS, &in));
    ASSERT_OK(seL4_TCB_CopyRegisters(dst, src, false, false, true, true, 0));
    ASSERT_OK(seL4_TCB_ReadRegisters(dst, false, 0, N_REGS, &out));
    ASSERT_EQ(memcmp(&in, &out, sizeof(in)), 0);
    ASSERT_ERR(seL4_TCB_CopyRegisters(dst, seL4_CapInitThreadCNode, false, false, true, true, 0),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
}

TEST(TCB0005, "SetPriority/SetMCPriority/SetSchedParams: authority checks and RangeError(0, mcp)")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_CPtr weak = new_tcb(env); /* a new TCB has MCP 0 */
    ASSERT_OK(seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 100));
    ASSERT_ERR(seL4_TCB_SetPriority(tcb, seL4_CapInitThreadCNode, 1), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_RANGE(seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, 256), 0, 255);
    ASSERT_RANGE(seL4_TCB_SetPriority(tcb, weak, 1), 0, 0);
    ASSERT_OK(seL4_TCB_SetPriority(tcb, weak, 0));

    ASSERT_ERR(seL4_TCB_SetMCPriority(tcb, seL4_CapInitThreadCNode, 1), seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    ASSERT_RANGE(seL4_TCB_SetMCPriority(tcb, weak, 5), 0, 0);
    ASSERT_OK(seL4_TCB_SetMCPriority(weak, seL4_CapInitThreadTCB, 50));
    /* weak's MCP is now 50: it authorises up to 50. */
    ASSERT_OK(seL4_TCB_SetPriority(tcb, weak, 50));
    ASSERT_ERR(seL4_TCB_SetPriority(tcb, weak, 51), seL4_RangeError);
    ASSERT_MR(1, 50);

    ASSERT_ERR(test_tcb_set_sched_params(tcb, seL4_CapInitThreadCNode, 1, 1),
               seL4_InvalidCapability);
    ASSERT_MR(0, 1);
    /* MCP is checked before priority. */
    ASSERT_ERR(test_tcb_set_sched_params(tcb, weak, 51, 1), seL4_RangeError);
    ASSERT_MR(1, 50);
    ASSERT_ERR(test_tcb_set_sched_params(tcb, weak, 1, 51), seL4_RangeError);
    ASSERT_MR(1, 50);
    ASSERT_OK(test_tcb_set_sched_params(tcb, weak, 50, 50));
}

/* A page of the image for IPC-buffer tests (never used as one by a running thread). */
static char buffer_page[4096] __attribute__((aligned(4096)));

TEST(TCB0006, "SetIPCBuffer: misaligned is AlignmentError, non-frame is IllegalOperation, 0 clears")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_CPtr frame = cairn_image_frame_slot(env->bi, (seL4_Word)buffer_page);
    ASSERT_OK(seL4_TCB_SetIPCBuffer(tcb, (seL4_Word)buffer_page + 1024, frame));
    ASSERT_ERR(seL4_TCB_SetIPCBuffer(tcb, (seL4_Word)buffer_page + 512, frame),
               seL4_AlignmentError);
    ASSERT_ERR(seL4_TCB_SetIPCBuffer(tcb, (seL4_Word)buffer_page, seL4_CapInitThreadCNode),
               seL4_IllegalOperation);
    ASSERT_OK(seL4_TCB_SetIPCBuffer(tcb, 0, seL4_CapInitThreadCNode));
    seL4_SetMR(0, 0);
    seL4_MessageInfo_t info = seL4_Call(tcb, seL4_MessageInfo_new(TCBSetIPCBuffer, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_TruncatedMessage);
}

TEST(TCB0007, "Configure/SetSpace: buffer checked first, then CNode, then VSpace")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_CPtr frame = cairn_image_frame_slot(env->bi, (seL4_Word)buffer_page);
    seL4_CPtr cn = seL4_CapInitThreadCNode, vs = seL4_CapInitThreadVSpace;
    seL4_Word buf = (seL4_Word)buffer_page;
    ASSERT_OK(test_tcb_configure(tcb, cn, 0, vs, 0, buf, frame));
    ASSERT_ERR(test_tcb_configure(tcb, vs, 0, cn, 0, buf + 8, frame), seL4_AlignmentError);
    ASSERT_ERR(test_tcb_configure(tcb, vs, 0, cn, 0, buf, frame), seL4_IllegalOperation);
    ASSERT_ERR(test_tcb_configure(tcb, cn, 0, cn, 0, buf, frame), seL4_IllegalOperation);
    ASSERT_ERR(test_tcb_configure(tcb, cn, 0, vs, 0, buf, cn), seL4_IllegalOperation);
    /* A guard that does not fit (guard size 63 + radix > 64) makes the CNode cap invalid. */
    ASSERT_ERR(test_tcb_configure(tcb, cn, 63, vs, 0, 0, frame), seL4_IllegalOperation);
    ASSERT_OK(test_tcb_configure(tcb, cn, 0, vs, 0, 0, frame));

    ASSERT_OK(seL4_TCB_SetSpace(tcb, 0, cn, 0, vs, 0));
    ASSERT_ERR(seL4_TCB_SetSpace(tcb, 0, vs, 0, vs, 0), seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_SetSpace(tcb, 0, cn, 0, cn, 0), seL4_IllegalOperation);
    seL4_SetMR(0, 0);
    seL4_MessageInfo_t info = seL4_Call(tcb, seL4_MessageInfo_new(TCBSetSpace, 0, 0, 3));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_TruncatedMessage);
}

TEST(TCB0011, "Configure: its message words (4; MCS 3, no fault endpoint) and 3 caps, else "
              "TruncatedMessage")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_CPtr frame = cairn_image_frame_slot(env->bi, (seL4_Word)buffer_page);
    seL4_CPtr caps[3] = {seL4_CapInitThreadCNode, seL4_CapInitThreadVSpace, frame};
#ifdef CONFIG_KERNEL_MCS
    seL4_Word mrs[] = {0, 0, (seL4_Word)buffer_page}; /* CSpace data, VSpace data, buffer */
#else
    seL4_Word mrs[] = {0, 0, 0, (seL4_Word)buffer_page}; /* the fault endpoint first */
#endif
    seL4_Word words = sizeof mrs / sizeof mrs[0];
    ASSERT_OK(raw_invoke(tcb, TCBConfigure, words, mrs, 3, caps));
    ASSERT_ERR(raw_invoke(tcb, TCBConfigure, words - 1, mrs, 3, caps), seL4_TruncatedMessage);
    ASSERT_ERR(raw_invoke(tcb, TCBConfigure, words, mrs, 2, caps), seL4_TruncatedMessage);
    /* The buffer was taken from the last word: the IPC buffer checks see it. */
    mrs[words - 1] += 8;
    ASSERT_ERR(raw_invoke(tcb, TCBConfigure, words, mrs, 3, caps), seL4_AlignmentError);
}

TEST(TCB0008, "Bind/UnbindNotification: each rejection is IllegalOperation")
{
    seL4_CPtr tcb = new_tcb(env), other = new_tcb(env);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr send_only = test_mint(env, ntfn, seL4_CanWrite, 0);
    ASSERT_ERR(seL4_TCB_UnbindNotification(tcb), seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_BindNotification(tcb, seL4_CapInitThreadCNode), seL4_IllegalOperation);
    ASSERT_ERR(seL4_TCB_BindNotification(tcb, send_only), seL4_IllegalOperation);
    ASSERT_OK(seL4_TCB_BindNotification(tcb, ntfn));
    ASSERT_ERR(seL4_TCB_BindNotification(tcb, ntfn), seL4_IllegalOperation);   /* TCB bound */
    ASSERT_ERR(seL4_TCB_BindNotification(other, ntfn), seL4_IllegalOperation); /* ntfn bound */
    ASSERT_OK(seL4_TCB_UnbindNotification(tcb));
    ASSERT_OK(seL4_TCB_BindNotification(other, ntfn));
    seL4_MessageInfo_t info = seL4_Call(tcb, seL4_MessageInfo_new(TCBBindNotification, 0, 0, 0));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_TruncatedMessage);
}

TEST(TCB0009, "SetTLSBase sets tpidr_el0; SetFlags returns the resulting flags in MR0")
{
    seL4_CPtr tcb = new_tcb(env);
    seL4_UserContext out;
    ASSERT_OK(seL4_TCB_SetTLSBase(tcb, 0x7777000));
    ASSERT_OK(seL4_TCB_ReadRegisters(tcb, false, 0, N_REGS, &out));
    ASSERT_EQ(out.tpidr_el0, 0x7777000);

    seL4_TCB_SetFlags_t r = seL4_TCB_SetFlags(tcb, 0, seL4_TCBFlag_fpuDisabled | 0x100);
    ASSERT_OK(r.error);
    ASSERT_EQ(r.flags, seL4_TCBFlag_fpuDisabled); /* unknown bits are not set */
    r = seL4_TCB_SetFlags(tcb, seL4_TCBFlag_fpuDisabled, 0);
    ASSERT_OK(r.error);
    ASSERT_EQ(r.flags, 0);
    seL4_SetMR(0, 0);
    seL4_MessageInfo_t info = seL4_Call(tcb, seL4_MessageInfo_new(TCBSetFlags, 0, 0, 1));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_TruncatedMessage);
    info = seL4_Call(tcb, seL4_MessageInfo_new(TCBSetTLSBase, 0, 0, 0));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_TruncatedMessage);
}

/* Child: count in out[0] for ever, yielding each time. */
static void counter(struct test_thread *self)
{
    for (;;) {
        self->out[0]++;
        seL4_Yield();
    }
}

TEST(TCB0010,
     "Suspend stops a running thread; Resume continues it; non-TCB label is IllegalOperation")
{
    struct test_thread *t = test_thread_start(env, 0, 0, PRIO, counter);
    test_yield();
    ASSERT_NE(t->out[0], 0);
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));
    seL4_Word stopped = t->out[0];
    test_yield();
    ASSERT_EQ(t->out[0], stopped);
    ASSERT_OK(seL4_TCB_Resume(t->tcb));
    test_yield();
    ASSERT_NE(t->out[0], stopped);
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));

    seL4_MessageInfo_t info = seL4_Call(t->tcb, seL4_MessageInfo_new(CNodeRevoke, 0, 0, 0));
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_IllegalOperation);
}
