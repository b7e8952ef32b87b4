// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7's child runtime, handed out with the chapter (child.c and the solution's include
// it). The child has no Cairn runtime: libcairn assumes it is the root task (BootInfo, the
// initial CSpace). Its whole runtime is here: an entry point that sets up a stack and calls
// child_main, a thread-local block for libsel4's __sel4_ipc_buffer, and printing through
// seL4_DebugPutChar. It defines the child's stack and entry point, so one file of the child
// includes it.
#pragma once

#include <stdint.h>

#include <sel4/sel4.h>

/* The stack: 16 KiB of .bss. */
#define CHILD_STACK_BYTES 16384
static uint64_t child_stack[CHILD_STACK_BYTES / sizeof(uint64_t)]
    __attribute__((aligned(16), used));

/*
 * The thread-local block. On AArch64, TPIDR_EL0 points at a 16-byte header and the variables
 * follow it; the only one here is __sel4_ipc_buffer (.tbss, so zero-filled is correct).
 */
static uint64_t child_tls[32] __attribute__((aligned(64)));

/* The child's own code, called by _start with x0 unchanged: the IPC buffer's address. */
void child_main(seL4_IPCBuffer *ipc_buffer);

/* The entry point (the ELF entry): a stack, then C. x0 is passed through. */
__asm__(".section .text.child_start, \"ax\"\n"
        ".global _start\n"
        ".type _start, %function\n"
        "_start:\n"
        "    adrp x1, child_stack\n"
        "    add  x1, x1, :lo12:child_stack\n"
        "    add  x1, x1, #16384\n"
        "    mov  sp, x1\n"
        "    bl   child_main\n"
        "1:  b    1b\n"
        ".size _start, . - _start\n"
        ".previous\n");

_Static_assert(CHILD_STACK_BYTES == 16384, "_start above hard-codes the stack size");

/* What child_main does first: TPIDR_EL0 at the thread-local block (EL0 may write it; the
 * kernel saves it with the thread), then libsel4's IPC buffer pointer, which lives there. */
static inline void child_runtime_init(seL4_IPCBuffer *ipc_buffer)
{
    __asm__ volatile("msr tpidr_el0, %0" : : "r"(child_tls) : "memory");
    seL4_SetIPCBuffer(ipc_buffer);
}

static void child_puts(const char *s)
{
    for (; *s != '\0'; s++)
        seL4_DebugPutChar(*s);
}
