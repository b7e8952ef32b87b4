// SPDX-License-Identifier: BSD-2-Clause
// Expect-fault root task: raises one fault that no handler will take, so the kernel must
// print its unhandled-fault report (docs/design/abi.md §10.4) and make the root task
// inactive. Which fault is chosen at compile time: FAULT_CASE is the name of an expect file
// in expect/ (tests/system/build.mk builds one image per expect file).
//
// The root task has no fault endpoint (its fault CPtr is 0), so in seL4 the report is
// "Caught cap fault in send phase at address 0 / while trying to handle: <the fault> / in
// thread ... / With stack: <16 words>" (MCS: the thread has no fault endpoint cap, and the
// first line is "Found thread has no fault handler while trying to handle:"; the expect
// files say both). Nothing after the fault may run.

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairn/alloc.h>
#include <cairn/runtime.h>
#include <cairn/thread.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

#ifndef FAULT_CASE
#error "build with -DFAULT_CASE=\"<expect file name>\""
#endif

/* svc with a syscall number the kernel does not know (12345 = 0x3039). */
static void unknown_syscall(void)
{
    register seL4_Word x7 __asm__("x7") = 12345;
    register seL4_Word x0 __asm__("x0") = 0;
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x7) : : "x1", "x2", "x3", "x4", "x5", "memory");
}

/* A load from 0x10: nothing is mapped in the first 2 MiB (the image starts at 0x400000). */
static void data_abort(void)
{
    volatile uintptr_t address = 0x10;
    uintptr_t value;
    __asm__ volatile("ldr %0, [%1]" : "=r"(value) : "r"(address) : "memory");
    (void)value;
}

/* An undefined instruction (UDF): EC 0 in ESR_EL1, a UserException for the kernel. */
static void undefined_instruction(void)
{
    __asm__ volatile("udf #0" ::: "memory");
}

/* A jump to an address where nothing is mapped: an instruction abort (PrefetchFault). */
static void instruction_abort(void)
{
    void (*nowhere)(void) = (void (*)(void))(uintptr_t)0x200000;
    nowhere();
}

/* The debug calls a root task may use: name itself, dump the scheduler, make the kernel
 * print a userError naming it, then halt the machine (QEMU powers off). */
static void debug_calls(void)
{
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "cairn-debug");
    seL4_DebugDumpScheduler();
    seL4_Error err = seL4_TCB_Suspend(4095); /* the last slot: empty */
    printf("faults: invoking an empty slot gave error %d\n", (int)err);
    /* Error lines whose wording and numbers are seL4 16.0.0's on AArch64. */
    seL4_CPtr tcb = cairn_retype(seL4_TCBObject, 0);
    err = seL4_TCB_SetIPCBuffer(tcb, 0x1000, seL4_CapInitThreadTCB);
    printf("faults: an IPC buffer that is a TCB cap gave error %d\n", (int)err);
    err = seL4_Untyped_Retype(cairn_largest_untyped(cairn_bootinfo()), seL4_EndpointObject, 0,
                              seL4_CapInitThreadCNode, 0, 0, cairn_slot_alloc(), (seL4_Word)-1);
    printf("faults: retyping 2^64 - 1 objects gave error %d\n", (int)err);
    seL4_DebugHalt();
}

/* Stop the case with a line the expect file forbids. */
static void must(seL4_Error err, const char *what)
{
    if (err != seL4_NoError) {
        printf("faults: %s failed with error %d\n", what, (int)err);
        seL4_DebugHalt();
    }
}

#define DEAD_VA 0x8000000000UL  /* level-0 index 1 */
#define FILL_VA 0x10000000000UL /* where the root task maps the frame it fills */

/*
 * Let a thread just started at our priority run until it blocks or stops. One Yield is
 * enough on the classic kernel. On MCS, a host that stalls QEMU for longer than the thread's
 * round-robin budget (the guest's timer counts host time) can use that budget up before the
 * thread's first system call: the kernel then sends it to the back of the queue, behind us,
 * and it needs another turn. The extra Yields find no one else and return at once.
 */
static void give_turns(void)
{
    for (int i = 0; i < 3; i++)
        seL4_Yield();
}

/*
 * The sequence of issue 9: a VSpace's ASID pool is deleted, then a page table mapped in it
 * (which stays linked there, its ASID being dead), and the table's memory becomes a frame
 * full of table descriptors for physical 256 GiB. The VSpace picture of that VSpace, and
 * the stack dump of a thread running "in" it that faults with no handler, must not walk it:
 * both print "Invalid vspace". The root task then goes on and halts the machine.
 */
static void stale_vspace(void)
{
    seL4_CPtr cnode = seL4_CapInitThreadCNode;
    seL4_CPtr pool_ut = cairn_retype(seL4_UntypedObject, seL4_ASIDPoolBits);
    seL4_CPtr pool = cairn_slot_alloc();
    must(seL4_ARM_ASIDControl_MakePool(seL4_CapASIDControl, pool_ut, cnode, pool, seL4_WordBits),
         "MakePool");
    seL4_CPtr vs = cairn_retype(seL4_ARM_VSpaceObject, 0);
    must(seL4_ARM_ASIDPool_Assign(pool, vs), "Assign");
    seL4_CPtr ut = cairn_retype(seL4_UntypedObject, seL4_PageBits);
    seL4_CPtr pt = cairn_slot_alloc();
    must(seL4_Untyped_Retype(ut, seL4_ARM_PageTableObject, 0, cnode, 0, 0, pt, 1), "Retype PT");
    must(seL4_ARM_PageTable_Map(pt, vs, DEAD_VA, seL4_ARM_Default_VMAttributes), "PT Map");
    must(seL4_CNode_Delete(cnode, pool, seL4_WordBits), "delete the pool");
    must(seL4_CNode_Delete(cnode, pt, seL4_WordBits), "delete the table");
    seL4_CPtr frame = cairn_slot_alloc();
    must(seL4_Untyped_Retype(ut, seL4_ARM_SmallPageObject, 0, cnode, 0, 0, frame, 1),
         "Retype frame");
    must(cairn_map_with_tables(seL4_CapInitThreadVSpace, frame, FILL_VA, seL4_ReadWrite,
                               seL4_ARM_Default_VMAttributes, cairn_retype),
         "map the frame");
    for (int i = 0; i < 512; i++)
        ((volatile seL4_Word *)FILL_VA)[i] = 0x4000000003UL;
    printf("faults: the picture of the dead VSpace\n");
    cairn_vspace_dump(vs);

    seL4_CPtr tcb = cairn_retype(seL4_TCBObject, 0);
#ifdef CONFIG_KERNEL_MCS
    /* MCS: Configure names no fault endpoint; the thread runs only with a scheduling context. */
    must(seL4_TCB_Configure(tcb, cnode, 0, vs, 0, 0, seL4_CapNull), "Configure");
    seL4_CPtr sc = cairn_retype(seL4_SchedContextObject, seL4_MinSchedContextBits);
    /* 10 ms time slices: budgets run in QEMU's time, which a busy host may stall past a
     * shorter one before the thread's first instruction. */
    must(seL4_SchedControl_ConfigureFlags(cairn_bootinfo()->schedcontrol.start, sc, 10000, 10000, 0,
                                          0, seL4_SchedContext_NoFlag),
         "ConfigureFlags");
    must(seL4_SchedContext_Bind(sc, tcb), "Bind");
#else
    must(seL4_TCB_Configure(tcb, seL4_CapNull, cnode, 0, vs, 0, 0, seL4_CapNull), "Configure");
#endif
    must(seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, seL4_MaxPrio), "SetPriority");
    seL4_UserContext regs = {0};
    regs.pc = DEAD_VA;
    regs.sp = DEAD_VA + 0x1000;
    printf("faults: starting a thread in the dead VSpace\n");
    must(seL4_TCB_WriteRegisters(tcb, true, 0, sizeof(regs) / sizeof(seL4_Word), &regs),
         "WriteRegisters");
    give_turns();
    printf("faults: the kernel lives on after the report\n");
    seL4_DebugHalt();
}

/*
 * seL4_DebugDumpScheduler lists every TCB, newest first: here an unstarted TCB, a thread
 * blocked in seL4_Recv, the idle thread and the root task in its system call. The two
 * system calls are made at global labels so the case can print where their svc is: that
 * is the restart PC the dump shows for both threads.
 */
extern char sched_recv_svc[], sched_dump_svc[];

static void sched_receiver(void *ep)
{
#ifdef CONFIG_KERNEL_MCS
    /* MCS: the receive names the thread's Reply object in x6 (fetched before the register
     * variables are set: a call may clobber them). */
    seL4_Word reply = cairn_reply_cap();
#endif
    register seL4_Word x0 __asm__("x0") = (seL4_Word)ep;
    register seL4_Word x7 __asm__("x7") = (seL4_Word)seL4_SysRecv;
#ifdef CONFIG_KERNEL_MCS
    register seL4_Word x6 __asm__("x6") = reply;
    __asm__ volatile(".global sched_recv_svc\nsched_recv_svc: svc #0"
                     : "+r"(x0), "+r"(x6), "+r"(x7)
                     :
                     : "x1", "x2", "x3", "x4", "x5", "memory");
#else
    __asm__ volatile(".global sched_recv_svc\nsched_recv_svc: svc #0"
                     : "+r"(x0), "+r"(x7)
                     :
                     : "x1", "x2", "x3", "x4", "x5", "x6", "memory");
#endif
}

static __attribute__((noinline)) void sched_dump(void)
{
    register seL4_Word x7 __asm__("x7") = (seL4_Word)seL4_SysDebugDumpScheduler;
    __asm__ volatile(".global sched_dump_svc\nsched_dump_svc: svc #0"
                     : "+r"(x7)
                     :
                     : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "memory");
}

static void dump_scheduler(void)
{
    static cairn_thread_t receiver;
    seL4_DebugNameThread(seL4_CapInitThreadTCB, "cairn-sched");
    seL4_CPtr ep = cairn_retype(seL4_EndpointObject, 0);
    seL4_CPtr tcb = cairn_retype(seL4_TCBObject, 0);
    seL4_DebugNameThread(tcb, "sched-receiver");
    must(cairn_thread_create(&receiver, tcb, seL4_MaxPrio, sched_receiver, (void *)ep), "thread");
    give_turns();                    /* the receiver runs and blocks in seL4_Recv */
    cairn_retype(seL4_TCBObject, 0); /* never started: inactive, named after its creator */
    printf("faults: receiver's svc at %016lx, root task's at %016lx\n",
           (unsigned long)sched_recv_svc, (unsigned long)sched_dump_svc);
    sched_dump();
    seL4_DebugHalt();
}

/* The cases, by the name FAULT_CASE gives: what each says first (if anything), then the
 * function that faults. */
static const struct {
    const char *name, *intro;
    void (*run)(void);
} cases[] = {
    {"unknown-syscall", "faults: raising unknown syscall 12345\n", unknown_syscall},
    {"data-abort", "faults: reading unmapped address 0x10\n", data_abort},
    {"undefined-instruction", "faults: executing an undefined instruction\n",
     undefined_instruction},
    {"instruction-abort", "faults: jumping to unmapped address 0x200000\n", instruction_abort},
    {"debug-calls", "faults: naming the root task and halting\n", debug_calls},
    {"dump-scheduler", NULL, dump_scheduler},
    {"stale-vspace", NULL, stale_vspace},
};

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(FAULT_CASE, cases[i].name) != 0)
            continue;
        if (cases[i].intro != NULL)
            printf("%s", cases[i].intro);
        cases[i].run();
        /* The expect files forbid this line: the faulting thread must not be resumed. */
        printf("faults: still running after the fault\n");
        return 1;
    }
    printf("faults: no case named %s\n", FAULT_CASE);
    return 1;
}
