// SPDX-License-Identifier: BSD-2-Clause
// C start-up of a root task, called by _start (crt0.S) on the runtime's stack: install the
// thread-local storage block so libsel4's __sel4_ipc_buffer works, point it at the IPC
// buffer, unmap the stack's guard page, run constructors, call main, and end cleanly (halting the
// machine). Not here: the stack switch itself (crt0.S) and the panic machinery (panic.c).

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairn/bootinfo.h>
#include <cairn/print.h>
#include <cairn/runtime.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

void cairn_start(const seL4_BootInfo *bi);

/* From root-task.ld. */
extern char __cairn_tls_size[], __cairn_tls_align[]; /* absolute: use the address as value */
extern char __cairn_stack_guard[], __cairn_stack_bottom[], __cairn_stack_top[];
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);

/* Defined by CAIRN_ROOT_TASK_STACK_SIZE in the program, or by stack_default.c. */
extern char cairn_root_task_stack[];

static const seL4_BootInfo *boot_info;

/* The initial thread's TLS block (see cairn_tls_init in thread.c for its layout). */
#define TLS_AREA_BYTES 1024
static char tls_area[TLS_AREA_BYTES] __attribute__((aligned(64)));

static void tls_install(void)
{
    uintptr_t tp = cairn_tls_init(tls_area, sizeof tls_area);
    if (tp == 0) {
        /* No TLS, so no IPC buffer, but seL4_DebugPutChar needs neither. */
        cairn_printf("cairn: TLS segment (%lu bytes, align %lu) too big for the %d-byte area\n",
                     (unsigned long)__cairn_tls_size, (unsigned long)__cairn_tls_align,
                     TLS_AREA_BYTES);
        cairn_exit(-1);
    }
    __asm__ volatile("msr tpidr_el0, %0" ::"r"(tp) : "memory");
}

/*
 * Take the guard page's frame out of our VSpace. The kernel mapped every page of the image,
 * including the zero-filled one the link script reserved below the stack; once its frame is
 * unmapped, the first access below the stack faults with the guard page's address.
 */
static void guard_page_unmap(const seL4_BootInfo *bi)
{
    uintptr_t guard = (uintptr_t)__cairn_stack_guard;
    seL4_CPtr frame = cairn_image_frame_slot(bi, guard);
    seL4_Error err = frame == seL4_CapNull ? seL4_RangeError : seL4_ARM_Page_Unmap(frame);
    if (err != seL4_NoError)
        cairn_printf("cairn: warning: could not unmap the stack guard page at %p (error %d); "
                     "stack overflows will not be caught\n",
                     (void *)guard, (int)err);
}

void cairn_start(const seL4_BootInfo *bi)
{
    boot_info = bi;
    tls_install();
    seL4_SetIPCBuffer(bi->ipcBuffer);

    /* The stack must sit where the link script put it, right above the guard page. */
    if ((uintptr_t)cairn_root_task_stack != (uintptr_t)__cairn_stack_bottom) {
        cairn_printf("cairn: stack array is not in the .bss.cairn.stack section\n");
        cairn_exit(-1);
    }
    guard_page_unmap(bi);

    for (void (**ctor)(void) = __init_array_start; ctor < __init_array_end; ctor++)
        (*ctor)();

    cairn_exit(main(bi));
}

/*
 * CAIRN_KEEP_RUNNING (make KEEP_RUNNING=1, runtime/build.mk): 0 halts the machine when the
 * root task ends, once the other threads have had their turn, so QEMU exits and `make
 * simulate` returns the status; 1 only suspends the thread and leaves the machine running
 * until ctrl-a x.
 */
#ifndef CAIRN_KEEP_RUNNING
#define CAIRN_KEEP_RUNNING 0
#endif

_Noreturn void cairn_exit(int status)
{
    cairn_printf("root task exited with status %d\n", status);
    if (!CAIRN_KEEP_RUNNING) {
        /*
         * Let the threads the program started finish first: at priority 0 this thread runs
         * again only when no thread of a higher priority is ready, and the yield gives each
         * ready priority-0 thread its turn. Then the kernel powers the machine off.
         */
        seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, 0);
        seL4_Yield();
        seL4_DebugHalt();
    }
    seL4_TCB_Suspend(seL4_CapInitThreadTCB);
    /* Unreachable unless the suspend was refused; never fall into a fault. */
    for (;;)
        seL4_Yield();
}

_Noreturn void exit(int status)
{
    cairn_exit(status);
}

const seL4_BootInfo *cairn_bootinfo(void)
{
    return boot_info;
}

uintptr_t cairn_stack_bottom(void)
{
    return (uintptr_t)__cairn_stack_bottom;
}

uintptr_t cairn_stack_top(void)
{
    return (uintptr_t)__cairn_stack_top;
}

uintptr_t cairn_stack_guard_page(void)
{
    return (uintptr_t)__cairn_stack_guard;
}
