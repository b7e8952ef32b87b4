// SPDX-License-Identifier: BSD-2-Clause
// Threads inside the root task: a TCB that shares the root task's CSpace and VSpace and runs
// fn(arg) on its own stack, with its own IPC buffer and its own thread-local storage block.
// Also the TLS block builder that the root task's start-up uses for the initial thread.
// MCS (make MCS=1): each thread also gets a scheduling context and a Reply object of its own
// (cairn_reply_cap), so receiving and replying read the same in both configurations.
// Not here: new address spaces or CSpaces (a separate task), fault handling. Everything uses
// only the seL4 ABI.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <sel4/sel4.h>

/* Stack and TLS area of each cairn_thread_t. */
#define CAIRN_THREAD_STACK_BYTES (8 * 1024)
#define CAIRN_THREAD_TLS_BYTES 1024
#ifdef CONFIG_KERNEL_MCS
/* MCS: the budget (and period) of the scheduling context each new thread gets, in
 * microseconds: seL4's boot thread time slice, 5 ms. */
#define CAIRN_THREAD_BUDGET_US 5000
#endif

/*
 * Everything a new thread owns, in one object that must live in the root task's image
 * (declare it static): the IPC buffer has to be backed by one of BootInfo's
 * userImageFrames, whose cap is what seL4_TCB_Configure wants.
 *
 *   offset 0     +--------------------------+  page aligned
 *                | ipc_buffer (1 KiB)       |  registered with the TCB (ABI-visible)
 *                +--------------------------+
 *                | tls                      |  TPIDR_EL0 points into here
 *                +--------------------------+
 *                | stack                    |  grows down from its top; no guard page,
 *                |                          |  an overflow runs into tls
 *                +--------------------------+
 *                | tcb, fn, arg             |  set by cairn_thread_create
 *                +--------------------------+
 */
typedef struct cairn_thread {
    seL4_IPCBuffer ipc_buffer __attribute__((aligned(4096)));
    char tls[CAIRN_THREAD_TLS_BYTES] __attribute__((aligned(64)));
    char stack[CAIRN_THREAD_STACK_BYTES] __attribute__((aligned(16)));
    seL4_CPtr tcb;         /* the thread's TCB cap in the root CNode */
    void (*fn)(void *arg); /* what the thread runs, and its argument */
    void *arg;
#ifdef CONFIG_KERNEL_MCS
    seL4_CPtr sc;    /* MCS: its scheduling context */
    seL4_CPtr reply; /* MCS: its Reply object (the thread's cairn_reply_cap) */
#endif
} cairn_thread_t;

/*
 * Create a thread and start it: it will run fn(arg) when the scheduler picks it.
 *
 *   thread    static storage for the thread (see cairn_thread_t); must not be in use by a
 *             live thread. Its fields are overwritten.
 *   tcb       an unused TCB cap in the root CNode, or seL4_CapNull to have one retyped with
 *             cairn_retype (then it comes from the runtime's slot allocator, which hands out
 *             BootInfo's empty slots from the lowest; do not mix that with your own use of
 *             the same slots).
 *   priority  the thread's priority, 0..255, set with the root TCB as authority. The root
 *             task runs at 255; a thread below that runs only while the root task is blocked.
 *   fn, arg   the thread's code. When fn returns, the thread suspends itself.
 *
 * What it does, in order: finds the userImageFrames cap behind thread->ipc_buffer; retypes
 * a TCB if asked; builds a fresh TLS block (.tdata copied, .tbss zeroed) in thread->tls;
 * seL4_TCB_Configure with no fault endpoint (seL4_CapNull: a fault in the thread is only
 * reported on the console and the thread stops), the root task's CNode (guard data 0) and
 * VSpace, and the IPC buffer (MCS: Configure has no fault endpoint, and the thread also gets
 * a new scheduling context of CAIRN_THREAD_BUDGET_US every CAIRN_THREAD_BUDGET_US from the
 * SchedControl cap, without which it would never run, and a Reply object, its
 * cairn_reply_cap); seL4_TCB_SetPriority; and
 * seL4_TCB_WriteRegisters with resume = true and pc = a runtime trampoline, sp = the top of
 * thread->stack, x0 = thread,
 * TPIDR_EL0 = the TLS block. The trampoline points the thread's own __sel4_ipc_buffer at
 * thread->ipc_buffer before calling fn(arg), so libsel4's message-register functions
 * (seL4_SetMR, seL4_GetMR, ...) work in the thread as they do in the root task.
 *
 * Returns seL4_NoError once the thread is runnable. Otherwise nothing was started:
 * seL4_InvalidArgument if `thread` is not in the image or fn is NULL, seL4_NotEnoughMemory
 * if the program's TLS segment does not fit CAIRN_THREAD_TLS_BYTES, cairn_retype_error()'s
 * value if retyping the TCB failed, or the error of the failing TCB invocation.
 */
seL4_Error cairn_thread_create(cairn_thread_t *thread, seL4_CPtr tcb, seL4_Word priority,
                               void (*fn)(void *arg), void *arg);

/*
 * Build a fresh thread-local storage block in [area, area + area_bytes) for AArch64's TLS
 * variant 1: a 16-byte reserved header at the thread pointer, then a copy of the image's
 * .tdata and a zeroed .tbss, at the alignment the link script recorded. Returns the value
 * for TPIDR_EL0, or 0 when the block does not fit. Writes only inside the area.
 */
uintptr_t cairn_tls_init(void *area, size_t area_bytes);

#ifdef CONFIG_KERNEL_MCS
/*
 * MCS: the calling thread's Reply object, the one cairn_endpoint_recv, _nb_recv,
 * _reply_recv and cairn_reply name (<cairn/caps.h>), so that a server reads the same in both
 * configurations: non-MCS keeps the caller's reply cap in the receiver's TCB, MCS in a Reply
 * object the receiver names. A thread of cairn_thread_create has its own from the start; the
 * root task gets one from cairn_retype on its first use, unless it set one before.
 * Returns seL4_CapNull only if that retype failed.
 */
seL4_CPtr cairn_reply_cap(void);

/* MCS: make `reply` (a Reply cap in the root CNode) the calling thread's cairn_reply_cap. */
void cairn_set_reply_cap(seL4_CPtr reply);

/*
 * MCS: give the thread `tcb` CPU time, without which it never runs: a new scheduling context
 * (cairn_retype) of CAIRN_THREAD_BUDGET_US every CAIRN_THREAD_BUDGET_US, configured with
 * BootInfo's SchedControl cap and bound to the TCB; its cap goes to *sc (sc may be NULL).
 * cairn_thread_create and cairn_process_start do this themselves. Returns the first error.
 */
seL4_Error cairn_tcb_give_sc(seL4_CPtr tcb, seL4_CPtr *sc);
#endif
