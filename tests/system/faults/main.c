// SPDX-License-Identifier: BSD-2-Clause
// Expect-fault root task: raises one fault that no handler will take, so the kernel must
// print its unhandled-fault report (docs/design/abi.md §10.4) and make the root task
// inactive. Which fault is chosen at compile time: FAULT_CASE is the name of an expect file
// in expect/ (tests/system/build.mk builds one image per expect file).
//
// The root task has no fault endpoint (its fault CPtr is 0), so in seL4 the report is
// "Caught cap fault in send phase at address 0 / while trying to handle: <the fault> / in
// thread ... / With stack: <16 words>". Nothing after the fault may run.

#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
    seL4_DebugHalt();
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    if (strcmp(FAULT_CASE, "unknown-syscall") == 0) {
        printf("faults: raising unknown syscall 12345\n");
        unknown_syscall();
    } else if (strcmp(FAULT_CASE, "data-abort") == 0) {
        printf("faults: reading unmapped address 0x10\n");
        data_abort();
    } else if (strcmp(FAULT_CASE, "undefined-instruction") == 0) {
        printf("faults: executing an undefined instruction\n");
        undefined_instruction();
    } else if (strcmp(FAULT_CASE, "instruction-abort") == 0) {
        printf("faults: jumping to unmapped address 0x200000\n");
        instruction_abort();
    } else if (strcmp(FAULT_CASE, "debug-calls") == 0) {
        printf("faults: naming the root task and halting\n");
        debug_calls();
    } else {
        printf("faults: no case named %s\n", FAULT_CASE);
        return 1;
    }
    /* The expect files forbid this line: the faulting thread must not be resumed. */
    printf("faults: still running after the fault\n");
    return 1;
}
