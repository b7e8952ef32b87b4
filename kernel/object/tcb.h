// SPDX-License-Identifier: BSD-2-Clause
// The thread control block: one 2^seL4_TCBBits object holding the saved registers,
// scheduling and IPC state, the thread's own cap slots and its debug name.
#pragma once

#include "types.h"
#include "abi.h"
#include "cspace/cte.h"
#include "api/failures.h"
#include "arch/aarch64/regs.h"

struct invocation;

enum thread_state {
    TS_INACTIVE = 0,       // not runnable: never started, suspended, or after a fault
    TS_RUNNING,            // runnable; resumes at NextIP
    TS_RESTART,            // runnable; re-executes FaultIP (the svc or faulting insn)
    TS_BLOCKED_ON_RECEIVE, // waiting on an endpoint
    TS_BLOCKED_ON_SEND,    // queued on an endpoint with a message
    TS_BLOCKED_ON_REPLY,   // did a Call (or faulted) and waits for the reply
    TS_BLOCKED_ON_NOTIFICATION,
};

// The thread's own cap slots (seL4's tcbCTable ... tcbBuffer).
enum tcb_slot {
    TCB_CTABLE = 0, // CSpace root
    TCB_VTABLE,     // VSpace root
    TCB_REPLY,      // master reply cap
    TCB_CALLER,     // reply cap to whoever Called this thread
    TCB_BUFFER,     // IPC buffer frame
    TCB_SLOT_COUNT,
};

// A pending fault, seL4_Fault_* label plus its words (sheet §10.2).
struct fault {
    word_t type; // seL4_Fault_NullFault, CapFault, UnknownSyscall, UserException, VMFault
    word_t w[3]; // VM: addr, fsr, prefetch; cap: cptr, in_receive; exception: esr; syscall: number
    struct lookup_fault lookup; // CapFault details
};

/*
 * Layout of the 2 KiB object: saved context first (vectors.S points SP_EL1 at it while
 * the thread runs in user mode), then FPU state, scheduling and IPC fields, the five
 * TCB cap slots, and the debug name filling the rest.
 */
struct tcb {
    struct user_context ctx;
    struct fpu_state fpu;

    word_t state;           // enum thread_state
    word_t priority;        // 0..255
    word_t mcp;             // maximum controlled priority
    word_t domain;
    word_t flags;           // seL4_TCBFlag_* (bit 0: FPU disabled)
    cptr_t fault_handler;   // CPtr looked up in this thread's CSpace at fault time
    vptr_t ipc_buffer;      // registered IPC buffer vaddr (0 = none)
    struct fault fault;

    // Blocking state (valid in the BLOCKED_* states).
    pptr_t blocked_on;      // endpoint or notification object
    word_t blocking_badge;  // badge of the cap used for a send
    bool blocking_can_grant;
    bool blocking_can_grant_reply;
    bool blocking_is_call;

    struct tcb *sched_prev, *sched_next; // ready queue links
    struct tcb *ep_prev, *ep_next;       // endpoint/notification queue links
    pptr_t bound_notification;
    bool in_ready_queue;

    struct cte slots[TCB_SLOT_COUNT];
    char name[]; // NUL-terminated debug name; capacity TCB_NAME_BYTES
};

#define TCB_BYTES (1u << seL4_TCBBits)
#define TCB_NAME_BYTES (TCB_BYTES - __builtin_offsetof(struct tcb, name))
_Static_assert(sizeof(struct tcb) + 64 <= TCB_BYTES, "struct tcb must fit its seL4 object size");

static inline struct tcb *tcb_from_pptr(pptr_t p) { return (struct tcb *)p; }
static inline struct cte *tcb_slot(struct tcb *t, enum tcb_slot s) { return &t->slots[s]; }

static inline bool thread_is_runnable(const struct tcb *t)
{
    return t->state == TS_RUNNING || t->state == TS_RESTART;
}

// Stop a thread: cancel whatever IPC it was blocked in and make it Inactive (TCB_Suspend,
// and deleting the last TCB cap). Safe on an already inactive thread.
void tcb_suspend(struct tcb *t);
// Make an inactive thread runnable again at its FaultIP (TCB_Resume). No-op otherwise.
void tcb_resume(struct tcb *t);
// Cancel the IPC a blocked thread is part of (endpoint or notification queue, reply wait).
void tcb_cancel_ipc(struct tcb *t);
// Decode and invoke a TCB invocation (object/tcb.c).
exception_t decode_tcb_invocation(struct invocation *inv);
