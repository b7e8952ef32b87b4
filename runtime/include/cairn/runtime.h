// SPDX-License-Identifier: BSD-2-Clause
// The root-task runtime's core contract: how a root task declares its stack and heap sizes,
// how it ends, and the link-script symbols that describe its image. The start-up sequence
// itself lives in runtime/crt0.S and runtime/start.c.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>

#define CAIRN_PAGE_BYTES 4096UL

/* Round a byte count up to whole 4 KiB pages (the stack is always whole pages). */
#define CAIRN_PAGE_ROUND(bytes)                                                                    \
    ((((unsigned long)(bytes)) + CAIRN_PAGE_BYTES - 1) & ~(CAIRN_PAGE_BYTES - 1))

/*
 * CAIRN_ROOT_TASK_STACK_SIZE(bytes);   at file scope in exactly one source file
 *
 * Reserves the root task's stack: `bytes` rounded up to whole pages, in its own page-aligned
 * region of the image with one unmapped guard page directly below it. A root task that does
 * not use this gets the runtime's default of 64 KiB (runtime/stack_default.c). The array is
 * found by name at link time, so declaring it really changes what is reserved.
 */
#define CAIRN_ROOT_TASK_STACK_SIZE(bytes)                                                          \
    char cairn_root_task_stack[CAIRN_PAGE_ROUND(bytes)]                                            \
        __attribute__((section(".bss.cairn.stack"), aligned(4096)))

/*
 * CAIRN_ROOT_TASK_HEAP_SIZE(bytes);    at file scope in exactly one source file
 *
 * Reserves the arena behind malloc/free/calloc/realloc. Without it the arena is the
 * runtime's default of 64 KiB (runtime/heap_default.c), and it is only reserved at all when
 * the program calls the allocator.
 */
#define CAIRN_ROOT_TASK_HEAP_SIZE(bytes)                                                           \
    char cairn_root_task_heap[((bytes) + 15UL) & ~15UL]                                            \
        __attribute__((section(".bss.cairn.heap"), aligned(16)))

#define CAIRN_DEFAULT_STACK_BYTES (64 * 1024)
#define CAIRN_DEFAULT_HEAP_BYTES (64 * 1024)

/*
 * The root task's entry point, written by the user. `bi` is the BootInfo frame the kernel
 * handed over. Returning ends the root task with that status (see cairn_exit).
 */
int main(const seL4_BootInfo *bi);

/*
 * End the root task: print "root task exited with status N" on the debug console, then
 * halt the machine with seL4_DebugHalt (QEMU exits; `make simulate` returns N). Built with
 * KEEP_RUNNING=1, it suspends the initial thread instead (seL4_TCB_Suspend on
 * seL4_CapInitThreadTCB) and the machine keeps running. Never faults and never returns.
 * Returning from main calls this with main's result.
 */
_Noreturn void cairn_exit(int status);

/* The BootInfo pointer the kernel passed in x0, for code that was not handed it. */
const seL4_BootInfo *cairn_bootinfo(void);

/* Bounds of the root task's stack: [bottom, top). The guard page is [bottom - 4096, bottom). */
uintptr_t cairn_stack_bottom(void);
uintptr_t cairn_stack_top(void);
/* Address of the unmapped guard page directly below the stack. */
uintptr_t cairn_stack_guard_page(void);

/* Symbols from runtime/root-task.ld. Take their address; they have no storage of their own. */
extern char __executable_start[]; /* first byte of the image (page aligned) */
extern char _end[];               /* first byte after the image (page aligned) */
