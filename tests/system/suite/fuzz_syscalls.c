// SPDX-License-Identifier: BSD-2-Clause
// FUZZ0002: a child thread, confined to a CSpace of its own, makes thousands of raw
// `svc #0` traps with random x0..x7 and a random IPC buffer. The root task is its fault
// handler. The kernel must survive all of it (the harness fails the run on any panic or
// kernel fault report), every fault must arrive as one of seL4's fault messages, and
// afterwards the root task's own caps, memory and mappings must work as before.
//
// The child's CSpace: a 64-slot CNode with a 58-bit guard of 0, so that a CPtr resolves
// at depth 64 only if it is below 64. It holds only what the test made for it:
//   1 notification   2 endpoint (badged; nobody else waits on it)   3 16 KiB untyped
//   4 empty CNode (radix 4)   5 frame (unmapped)   6 read-only copy of it
//   7 page table (unmapped, retyped in place: an unmapped one cannot be copied)
//   8 read-only copy of the notification   9 the fault endpoint (badged, Write+GrantReply)
//   MCS: 10 a Reply object (receives name one in x6); the fault endpoint is a badged copy
//   in the root CNode, given to the TCB with SetSpace, and slot 9 is a copy of it
// The root task keeps the originals (and the unbadged endpoint and notification).
// It has no cap to the root task's TCB, CNode or VSpace (its TCB uses the root VSpace only
// to run the test's code), so it cannot map, resume threads or touch the root's slots.
// Retypes land in the empty CNode, which only CNode operations on that CNode can reach.
//
// Labels are any of 0..60, half the time one the cap in x0 answers to (Retype for the
// untyped, the CNode operations for the CNode, ...), and lengths are often short, so that
// the decoders get past their first checks.
//
// Design choices:
// - Syscall numbers: -1..-8, -12 and -13 (rare: it prints a line), and random others that
//   raise UnknownSyscall. Never -11 (DebugHalt stops the machine), -14 (DebugNameThread
//   halts the kernel on a bad cap, as seL4 does), -9, -10 or Cairn's -64 (console output).
// - x0 never names the fault endpoint (slot 9): a Send or Call on it would reach the root
//   task as a message that looks like a fault. It still appears among the extra caps.
// - Blocking calls are allowed: the child may block in Send/Call on its endpoint, in
//   Recv/ReplyRecv on the endpoint or the notification. The root task runs at the child's
//   priority and polls: NBRecv on the fault endpoint, then seL4_Yield, which lets the
//   child run until it blocks, faults or yields. When the yield comes back without the
//   child having advanced and without a fault waiting, the child is blocked (or yielded
//   itself, or was preempted inside a call). The root then unblocks it whatever it waits
//   for: NBRecv on the endpoint (plus Reply, for a Call; a cap sent along lands in a slot
//   of the root's and is deleted), NBSend on it, and Signal on the notification. A false
//   alarm only leaves a signal pending or a message dropped, both harmless. After 1000
//   rounds without progress the test fails, naming the step.
// - Faults: UnknownSyscall is answered with label 0 and the registers, FaultIP + 4, so the
//   child goes on after the svc. A cap fault restarts the svc, so the root first moves the
//   child's PC past it with TCB_ReadRegisters/WriteRegisters, then replies. Any other
//   fault (VM fault, user exception) cannot come from the child's code and fails the test.
// Reproduce a run with the seed and count it prints: make fuzz SEED=<seed> COUNT=<count>.

#include <stdio.h>
#include <string.h>

#include <sel4/sel4.h>

#include "invoke.h"
#include "rng.h"
#include "test.h"
#include "threads.h"
#include "vspace_common.h"

#ifndef FUZZ_SEED
#define FUZZ_SEED 0x5eed0f0cafe1e55UL
#endif
#ifdef FUZZ_COUNT
#define STEPS FUZZ_COUNT
#else
#define STEPS 3000
#endif
#define PRIO 255
#define CHILD_RADIX 6
#define FAULT_BADGE 0xf2
#define EP_BADGE 0xe2

/* The child's slots. */
enum {
    C_NTFN = 1,
    C_EP,
    C_UNTYPED,
    C_CNODE,
    C_FRAME,
    C_FRAME_COPY,
    C_PT,
    C_NTFN_RO,
    C_FAULT_EP,
#ifdef CONFIG_KERNEL_MCS
    C_REPLY, /* MCS: a Reply object, for the receives' x6 */
#endif
    C_SLOTS, /* first empty slot */
};

/* One trap: x0..x7 in (MCS: x0..x8, x8 naming NBSendRecv's and NBSendWait's receive
 * endpoint), x0..x5 out. The child writes `in` before the svc, so the root task can check
 * the fault messages against it. */
#ifdef CONFIG_KERNEL_MCS
#define TRAP_IN 9
#define TRAP_LOAD_X8 "  ldr x8, [x9, #64]\n"
#else
#define TRAP_IN 8
#define TRAP_LOAD_X8 ""
#endif
struct trap {
    seL4_Word in[TRAP_IN];
    seL4_Word out[6];
};

#define CAIRN_STR_(x) #x
#define CAIRN_STR(x) CAIRN_STR_(x)

static volatile struct trap trap;
static volatile seL4_Word trap_caps[3]; /* the extra-cap CPtrs of the current step */
static volatile seL4_Word steps_done;   /* steps the child has completed */
static volatile seL4_Word child_finished;
static volatile seL4_Word calls_accepted; /* Calls whose reply said seL4_NoError */

__asm__(".text\n"
        ".p2align 2\n"
        ".global fuzz2_trap\n"
        "fuzz2_trap:\n"
        "  mov x9, x0\n"
        "  ldp x0, x1, [x9]\n"
        "  ldp x2, x3, [x9, #16]\n"
        "  ldp x4, x5, [x9, #32]\n"
        "  ldp x6, x7, [x9, #48]\n" TRAP_LOAD_X8 ".global fuzz2_svc_insn\n"
        "fuzz2_svc_insn:\n"
        "  svc #0\n"
        "  stp x0, x1, [x9, #8 * " CAIRN_STR(
            TRAP_IN) "]\n"
                     "  stp x2, x3, [x9, #8 * " CAIRN_STR(
                         TRAP_IN) " + 16]\n"
                                  "  stp x4, x5, [x9, #8 * " CAIRN_STR(TRAP_IN) " + 32]\n"
                                                                                "  ret\n");
void fuzz2_trap(volatile struct trap *t);
extern char fuzz2_svc_insn[];

/* ---- the child --------------------------------------------------------------------- */

/* A CPtr in the child's CSpace: mostly its own caps, sometimes empty slots, null, guard
 * mismatches (bits above the 6 the CNode resolves) and random words. */
static seL4_Word cptr(void)
{
    switch (pick(10)) {
    case 0:
        return 0;
    case 1:
        return pick(1UL << CHILD_RADIX);
    case 2:
        return (1 + pick(C_SLOTS - 1)) | (1UL << (CHILD_RADIX + pick(64 - CHILD_RADIX)));
    case 3:
        return rnd();
    default:
        return 1 + pick(C_SLOTS - 1);
    }
}

/* A message word biased towards values that get past the first checks. */
static seL4_Word word(void)
{
    static const seL4_Word depths[] = {0, 1, 4, 6, 8, 10, 58, 63, 64, 65};
    switch (pick(7)) {
    case 0:
        return pick(64);
    case 1:
        return depths[pick(sizeof depths / sizeof depths[0])];
    case 2:
        return pick(16);
    case 3:
        return pick(48);
    case 4:
        return (seL4_Word)1 << pick(64);
    case 5:
        return cptr();
    default:
        return rnd();
    }
}

static bool forbidden_number(seL4_Word n)
{
    seL4_Word bad[] = {(seL4_Word)seL4_SysDebugPutChar, (seL4_Word)seL4_SysDebugDumpScheduler,
                       (seL4_Word)seL4_SysDebugHalt, (seL4_Word)seL4_SysDebugNameThread,
                       (seL4_Word)-64 /* Cairn's VSpace dump */};
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (n == bad[i])
            return true;
    return false;
}

static seL4_Word syscall_number(void)
{
    static const seL4_Word api[] = {
        (seL4_Word)seL4_SysCall,       (seL4_Word)seL4_SysReplyRecv,
        (seL4_Word)seL4_SysSend,       (seL4_Word)seL4_SysNBSend,
        (seL4_Word)seL4_SysRecv,       (seL4_Word)seL4_SysYield,
        (seL4_Word)seL4_SysNBRecv,     (seL4_Word)seL4_SysDebugCapIdentify,
#ifdef CONFIG_KERNEL_MCS
        (seL4_Word)seL4_SysNBSendRecv, (seL4_Word)seL4_SysNBSendWait,
        (seL4_Word)seL4_SysWait,       (seL4_Word)seL4_SysNBWait,
#else
        (seL4_Word)seL4_SysReply,
#endif
    };
    if (pick(256) == 0)
        return (seL4_Word)seL4_SysDebugSnapshot;
    if (pick(8) != 0)
        return api[pick(sizeof api / sizeof api[0])];
    seL4_Word n;
    switch (pick(4)) {
    case 0:
        n = -(seL4_Word)(1 + pick(40)); /* the rest of the debug and benchmark range */
        break;
    case 1:
        n = pick(64);
        break;
    default:
        n = rnd();
        break;
    }
    return forbidden_number(n) ? (seL4_Word)-15 : n;
}

/* A label: any of 0..60, or half the time one the cap in x0 answers to. */
static seL4_Word label_for(seL4_Word x0)
{
    if (pick(2) == 0)
        return pick(61);
    switch (x0) {
    case C_UNTYPED:
        return pick_label_for_tag(seL4_CapTag_Untyped, 61);
    case C_CNODE:
        return pick_label_for_tag(seL4_CapTag_CNode, 61);
    case C_FRAME:
    case C_FRAME_COPY:
        return pick_label_for_tag(seL4_CapTag_Frame, 61);
    case C_PT:
        return pick_label_for_tag(seL4_CapTag_PageTable, 61);
    default:
        return pick(61);
    }
}

static void fuzz_child(struct test_thread *self)
{
    rng_state = self->arg[0];
    seL4_IPCBuffer *ipc = self->ipc;
    for (seL4_Word step = 0; step < STEPS; step++) {
        seL4_Word x7 = syscall_number();
        seL4_Word x0 = cptr();
        if (x0 == C_FAULT_EP)
            x0 = C_EP;
        seL4_Word length = pick(2) ? pick(8) : pick(128); /* the kernel clamps 121.. to 120 */
        seL4_Word ncaps = pick(4);
        seL4_Word x1 = pick(5) == 0
                           ? rnd()
                           : seL4_MessageInfo_new(label_for(x0), pick(8), ncaps, length).words[0];
        for (seL4_Word i = 4; i < length && i < seL4_MsgMaxLength; i++)
            ipc->msg[i] = word();
        for (int i = 0; i < 3; i++) {
            trap_caps[i] = cptr();
            ipc->caps_or_badges[i] = trap_caps[i];
        }
        if (pick(16) == 0) {
            ipc->receiveCNode = cptr();
            ipc->receiveIndex = word();
            ipc->receiveDepth = word();
        }
        trap.in[0] = x0;
        trap.in[1] = x1;
        for (int i = 2; i < 7; i++)
            trap.in[i] = word();
        trap.in[7] = x7;
#ifdef CONFIG_KERNEL_MCS
        trap.in[8] = cptr();
#endif
        fuzz2_trap(&trap);
        if (x7 == (seL4_Word)seL4_SysCall && x0 != C_EP && x0 != C_NTFN && x0 != C_NTFN_RO &&
            seL4_MessageInfo_get_label((seL4_MessageInfo_t){{trap.out[1]}}) == seL4_NoError)
            calls_accepted++;
        steps_done = step + 1;
    }
    child_finished = 1;
    for (;;)
        seL4_Yield(); /* the root task suspends it */
}

/* ---- the root task ----------------------------------------------------------------- */

struct tally {
    unsigned unknown, cap, unblock_recv, caps_received;
};

/* The fault the child is blocked in: check it and reply so that it goes on after the svc. */
static void handle_fault(struct test_thread *t, seL4_MessageInfo_t info, struct tally *n)
{
    seL4_Word label = seL4_MessageInfo_get_label(info);
    seL4_Word svc = (seL4_Word)fuzz2_svc_insn;
    if (label == seL4_Fault_UnknownSyscall) {
        n->unknown++;
        ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_UnknownSyscall_Length);
        seL4_Word mr[seL4_UnknownSyscall_Length];
        for (int i = 0; i < seL4_UnknownSyscall_Length; i++)
            mr[i] = seL4_GetMR(i);
        for (int i = 0; i < 8; i++)
            ASSERT_EQ(mr[i], trap.in[i]);
        ASSERT_EQ(mr[8], svc);      /* FaultIP */
        ASSERT_EQ(mr[10], svc + 4); /* ELR */
        ASSERT_EQ(mr[12], trap.in[7]);
        for (int i = 0; i < 12; i++)
            seL4_SetMR(i, mr[i]);
        seL4_SetMR(8, svc + 4);
        test_reply(seL4_MessageInfo_new(0, 0, 0, 12));
        return;
    }
    if (label == seL4_Fault_CapFault) {
        n->cap++;
        seL4_Word ip = seL4_GetMR(0), addr = seL4_GetMR(1), recv_phase = seL4_GetMR(2);
        ASSERT_EQ(ip, svc);
        ASSERT_TRUE(recv_phase <= 1);
        bool expected = addr == trap.in[0] || addr == trap_caps[0] || addr == trap_caps[1] ||
                        addr == trap_caps[2];
#ifdef CONFIG_KERNEL_MCS
        /* MCS: also the receive's Reply cap (x6) or NBSendRecv's endpoint (x8). */
        expected = expected || addr == trap.in[6] || addr == trap.in[8];
#endif
        if (!expected)
            test_fail(__FILE__, __LINE__, "cap fault at 0x%lx: neither x0 nor an extra cap",
                      (unsigned long)addr);
        /* A cap fault reply restarts the svc: move the restart PC past it first. */
        seL4_UserContext regs;
        seL4_Word count = sizeof regs / sizeof(seL4_Word);
        ASSERT_OK(seL4_TCB_ReadRegisters(t->tcb, false, 0, count, &regs));
        ASSERT_EQ(regs.pc, svc);
        regs.pc = svc + 4;
        ASSERT_OK(seL4_TCB_WriteRegisters(t->tcb, false, 0, count, &regs));
        test_reply(seL4_MessageInfo_new(0, 0, 0, 0));
        return;
    }
    test_fail(__FILE__, __LINE__,
              "step %lu (x7 0x%lx): fault label %lu, length %lu, MR0 0x%lx, MR1 0x%lx",
              (unsigned long)steps_done, (unsigned long)trap.in[7], (unsigned long)label,
              (unsigned long)seL4_MessageInfo_get_length(info), (unsigned long)seL4_GetMR(0),
              (unsigned long)seL4_GetMR(1));
}

/* The child made no progress: free it from whatever IPC it waits in. */
static void unblock(struct test_env *env, seL4_CPtr ep, seL4_CPtr ntfn, seL4_CPtr rx,
                    struct tally *n)
{
    seL4_Word badge = 0;
    seL4_SetCapReceivePath(env->cnode, rx, env->depth);
    seL4_MessageInfo_t info = test_nbrecv(ep, &badge);
    seL4_SetCapReceivePath(0, 0, 0);
    if (badge != 0) {
        ASSERT_EQ(badge, EP_BADGE);
        n->unblock_recv++;
        test_reply(seL4_MessageInfo_new(0, 0, 0, 0)); /* a no-op unless it was a Call */
        if (seL4_MessageInfo_get_extraCaps(info) > 0 && seL4_DebugCapIdentify(rx) != 0) {
            n->caps_received++;
            ASSERT_OK(seL4_CNode_Delete(env->cnode, rx, env->depth));
        }
    }
    seL4_NBSend(ep, seL4_MessageInfo_new(0x77, 0, 0, 0));
    seL4_Signal(ntfn);
}

/* A TCB operation on the child in whatever state it is in (running, restarting, blocked in
 * an IPC or on its fault's reply): suspend and resume (an interrupted call restarts, a
 * cancelled fault is raised again), read its registers, bind or unbind its notification.
 * The choice follows a counter, not the child's generator, so a seed still repeats. */
static void poke_child(struct test_thread *t, seL4_CPtr ntfn, unsigned k)
{
    seL4_UserContext regs;
    switch (k % 4) {
    case 0:
        ASSERT_OK(seL4_TCB_Suspend(t->tcb));
        ASSERT_OK(seL4_TCB_Resume(t->tcb));
        break;
    case 1:
        ASSERT_OK(seL4_TCB_ReadRegisters(t->tcb, false, 0, 4, &regs));
        break;
    case 2:
        seL4_TCB_BindNotification(t->tcb, ntfn); /* refused while it has waiters */
        break;
    default:
        seL4_TCB_UnbindNotification(t->tcb);
        break;
    }
}

TEST(FUZZ0002, "a child in its own CSpace makes thousands of random syscalls; faults reach the "
               "root task and the kernel stays sound")
{
    printf("fuzz: seed %lu, %lu child syscalls (make fuzz SEED=%lu COUNT=%lu repeats it)\n",
           (unsigned long)FUZZ_SEED, (unsigned long)STEPS, (unsigned long)FUZZ_SEED,
           (unsigned long)STEPS);

    /* What the root task's fixed slots hold now. */
    seL4_Word before[12];
    for (seL4_CPtr s = 1; s <= 11; s++)
        before[s] = seL4_DebugCapIdentify(s);
    ASSERT_EQ(before[seL4_CapInitThreadTCB], seL4_CapTag_TCB);
    ASSERT_EQ(before[seL4_CapInitThreadCNode], seL4_CapTag_CNode);
    ASSERT_EQ(before[seL4_CapInitThreadVSpace], seL4_CapTag_VSpace);

    /* The child's objects, originals in the root CNode. */
    seL4_CPtr cnode = test_alloc_object(env, seL4_CapTableObject, CHILD_RADIX);
    seL4_CPtr ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr fault_ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr ut = test_alloc_untyped(env, 14);
    seL4_CPtr empty = test_alloc_object(env, seL4_CapTableObject, 4);
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr rx = test_alloc_slot(env);

    const struct {
        seL4_Word slot;
        seL4_CPtr src;
        seL4_CapRights_t rights;
        seL4_Word badge;
    } give[] = {
        {C_NTFN, ntfn, seL4_AllRights, 0},
        {C_EP, ep, seL4_AllRights, EP_BADGE},
        {C_UNTYPED, ut, seL4_AllRights, 0},
        {C_CNODE, empty, seL4_AllRights, 0},
        {C_FRAME, frame, seL4_AllRights, 0},
        {C_FRAME_COPY, frame, seL4_CanRead, 0},
        {C_NTFN_RO, ntfn, seL4_CanRead, 0},
        {C_FAULT_EP, fault_ep, seL4_CapRights_new(1, 0, 0, 1), FAULT_BADGE},
#ifdef CONFIG_KERNEL_MCS
        {C_REPLY, test_alloc_object(env, seL4_ReplyObject, 0), seL4_AllRights, 0},
#endif
    };
    for (unsigned i = 0; i < sizeof give / sizeof give[0]; i++)
        ASSERT_OK(seL4_CNode_Mint(cnode, give[i].slot, CHILD_RADIX, env->cnode, give[i].src,
                                  env->depth, give[i].rights, give[i].badge));
    /* An unmapped page table cap cannot be copied (IllegalOperation): retype it in place. */
    env->pool_used = true;
    ASSERT_OK(seL4_Untyped_Retype(env->pool, seL4_ARM_PageTableObject, 0, cnode, 0, 0, C_PT, 1));

    steps_done = 0;
    child_finished = 0;
    calls_accepted = 0;
#ifdef CONFIG_KERNEL_MCS
    /* MCS: the fault endpoint is a cap in the caller's CSpace when SetSpace runs. */
    seL4_CPtr handler = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Copy(env->cnode, handler, env->depth, cnode, C_FAULT_EP, CHILD_RADIX,
                              seL4_AllRights));
#else
    seL4_CPtr handler = C_FAULT_EP;
#endif
    struct test_thread *t = test_thread_create(env, 0, handler, PRIO, fuzz_child);
    t->arg[0] = FUZZ_SEED;
    ASSERT_OK(seL4_TCB_SetSpace(t->tcb, handler, cnode,
                                seL4_CNode_CapData_new(0, 64 - CHILD_RADIX).words[0],
                                seL4_CapInitThreadVSpace, 0));
    test_thread_resume(env, t);

    struct tally n = {0};
    unsigned idle = 0, pokes = 0;
    seL4_Word last = 0;
    while (!child_finished) {
        seL4_Word badge = 0;
        seL4_MessageInfo_t info = test_nbrecv(fault_ep, &badge);
        if (badge != 0) {
            ASSERT_EQ(badge, FAULT_BADGE);
            handle_fault(t, info, &n);
            idle = 0;
            continue;
        }
        seL4_Yield();
        if (++pokes % 37 == 0)
            poke_child(t, ntfn, pokes / 37);
        if (steps_done != last || child_finished) {
            last = steps_done;
            idle = 0;
            continue;
        }
        /* No progress and no fault: the child waits in an IPC (or yielded itself). */
        if (++idle > 1000)
            test_fail(__FILE__, __LINE__, "child stuck in step %lu: x0 0x%lx x1 0x%lx x7 0x%lx",
                      (unsigned long)steps_done, (unsigned long)trap.in[0],
                      (unsigned long)trap.in[1], (unsigned long)trap.in[7]);
        unblock(env, ep, ntfn, rx, &n);
    }
    ASSERT_OK(seL4_TCB_Suspend(t->tcb));
    /* A notification bound to another thread cannot be waited on or polled (seL4 raises a
     * cap fault): unbind it before the checks below poll it. */
    seL4_TCB_UnbindNotification(t->tcb); /* IllegalOperation if it is not bound */
    printf("fuzz: %lu kernel-object Calls accepted\n", (unsigned long)calls_accepted);
    printf("fuzz: %lu steps; faults: %u UnknownSyscall, %u CapFault; unblocked %u sends "
           "(%u caps received)\n",
           (unsigned long)steps_done, n.unknown, n.cap, n.unblock_recv, n.caps_received);
    ASSERT_EQ(steps_done, STEPS);

    /* The root task's fixed slots are unchanged (the TCB, CNode and VSpace caps among them,
     * checked above). */
    for (seL4_CPtr s = 1; s <= 11; s++)
        ASSERT_EQ(seL4_DebugCapIdentify(s), before[s]);

    /* Everything the child did with its untyped and CNode can be undone: revoke them
     * (this also deletes whatever the child built inside the CNode, cycles included) and
     * retype all 16 KiB again. */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, ut, env->depth));
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, empty, env->depth));
    ASSERT_OK(seL4_CNode_Delete(env->cnode, empty, env->depth));
    ASSERT_EQ(seL4_DebugCapIdentify(empty), seL4_CapTag_Null);
    seL4_CPtr again = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_UntypedObject, 14, env->cnode, 0, 0, again, 1));

    /* The root task can still retype, invoke, signal and map. */
    seL4_CPtr n2 = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr copy = test_mint(env, n2, seL4_AllRights, 0x5);
    seL4_Signal(copy);
    seL4_Word got = 0;
    seL4_Poll(n2, &got);
    ASSERT_EQ(got, 0x5);
    /* The child's notification too (its own signals carried badge 0). */
    seL4_CPtr nb = test_mint(env, ntfn, seL4_AllRights, 0x9);
    seL4_Signal(nb);
    seL4_Poll(ntfn, &got);
    ASSERT_EQ(got, 0x9);

    const seL4_Word va = 0x20000000000UL; /* 2 TiB: level-0 index 4, unused by other tests */
    seL4_CPtr page = mapped_page(env, va);
    volatile seL4_Word *p = (volatile seL4_Word *)va;
    ASSERT_EQ(p[0], 0);
    p[1] = 0xfeed;
    ASSERT_EQ(p[1], 0xfeed);
    ASSERT_OK(seL4_ARM_Page_Unmap(page));
}
