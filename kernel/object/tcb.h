// SPDX-License-Identifier: BSD-2-Clause
// The thread control block: one 2^seL4_TCBBits object holding the saved registers,
// scheduling and IPC state, the thread's own cap slots and its debug name.
#pragma once

#include "types.h"
#include "abi.h"
#include "cspace/cte.h"
#include "msg/failures.h"
#include "msg/message.h"
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
    TS_IDLE, // only the idle thread's record in the debug list (api/debug.c); never scheduled
};

// The thread's own cap slots (seL4's tcbCTable ... tcbBuffer).
enum tcb_slot {
    TCB_CTABLE = 0, // CSpace root
    TCB_VTABLE,     // VSpace root
#ifdef CONFIG_KERNEL_MCS
    TCB_FAULT_HANDLER,   // MCS: the fault endpoint cap (TCB_SetSpace, SetSchedParams)
    TCB_TIMEOUT_HANDLER, // MCS: the timeout endpoint cap (TCB_SetTimeoutEndpoint)
#else
    TCB_REPLY,             // master reply cap
    TCB_CALLER,            // reply cap to whoever Called this thread
#endif
    TCB_BUFFER, // IPC buffer frame
    TCB_SLOT_COUNT,
};

// A pending fault, seL4_Fault_* label plus its words (docs/design/abi.md §10.2).
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

    word_t state;    // enum thread_state
    word_t priority; // 0..255
    word_t mcp;      // maximum controlled priority
    word_t domain;
    word_t flags; // seL4_TCBFlag_* (bit 0: FPU disabled)
#ifdef CONFIG_KERNEL_MCS
    // MCS: the fault handler is a cap in the TCB's own slot (TCB_FAULT_HANDLER); this word
    // holds the context this thread did SchedContext_YieldTo to, or NULL.
    struct sched_context *yield_to;
#else
    cptr_t fault_handler;  // CPtr looked up in this thread's CSpace at fault time
#endif
    vptr_t ipc_buffer; // registered IPC buffer vaddr (0 = none)
    struct fault fault;

    // Blocking state (valid in the BLOCKED_* states).
    pptr_t blocked_on; // endpoint or notification object
#ifdef CONFIG_KERNEL_MCS
    // MCS: the Reply object of a receive or of a call waiting for its answer (object/reply.h)
    // shares a word with the badge of a send: a thread is in one of these states at a time.
    union {
        word_t blocking_badge;
        struct reply *reply;
    };
#else
    word_t blocking_badge; // badge of the cap used for a send
#endif
    bool blocking_can_grant;
    bool blocking_can_grant_reply;
    bool blocking_is_call;

    struct tcb *sched_prev, *sched_next; // ready queue links
    struct tcb *debug_prev, *debug_next; // ks_debug_tcbs: every TCB not yet destroyed
    struct tcb *ep_prev, *ep_next;       // endpoint/notification queue links
    pptr_t bound_notification;
    bool in_ready_queue;
#ifdef CONFIG_KERNEL_MCS
    bool in_release_queue; // MCS: waiting for its context's next refill (sched/mcs.h)
#endif
    uint32_t time_slice; // timer ticks left before round robin moves on (CONFIG_TIME_SLICE)
#ifdef CONFIG_KERNEL_MCS
    struct sched_context *sc; // bound scheduling context (object/sched_context.h), or NULL
#endif

    struct cte slots[TCB_SLOT_COUNT];
    char name[]; // NUL-terminated debug name; capacity TCB_NAME_BYTES
};

#define TCB_BYTES (1u << seL4_TCBBits)
#define TCB_NAME_BYTES (TCB_BYTES - __builtin_offsetof(struct tcb, name))
_Static_assert(sizeof(struct tcb) + 64 <= TCB_BYTES, "struct tcb must fit its seL4 object size");
// The name length seL4 16.0.0 debug builds keep on AArch64 (TCB_NAME_LENGTH: half a TCB less
// its five cap slots and two list pointers), NUL included: longer names are cut to it.
#define TCB_NAME_LENGTH                                                                            \
    (BIT(seL4_TCBBits - 1) - TCB_SLOT_COUNT * sizeof(struct cte) - 2 * sizeof(word_t))
_Static_assert(TCB_SLOT_COUNT == 5 && TCB_NAME_LENGTH <= TCB_NAME_BYTES, "seL4 names must fit");

// Enter a new TCB in ks_debug_tcbs, or take a destroyed one out (seL4's tcbDebugAppend and
// tcbDebugRemove): the list of every thread that exists, whatever its state.
void tcb_debug_append(struct tcb *t);
void tcb_debug_remove(struct tcb *t);

// Append `s` to t's name, keeping at most TCB_NAME_LENGTH - 1 characters (seL4's strlcat).
void tcb_name_append(struct tcb *t, const char *s);

static inline struct tcb *tcb_from_pptr(pptr_t p)
{
    return (struct tcb *)p;
}
static inline struct cte *tcb_slot(struct tcb *t, enum tcb_slot s)
{
    return &t->slots[s];
}

// t's IPC buffer through the kernel window, or NULL when it has none usable (a receiver
// needs it read-write; see msg_ipc_buffer).
static inline word_t *lookup_ipc_buffer(const struct tcb *t, bool is_receiver)
{
    return msg_ipc_buffer(t->slots[TCB_BUFFER].cap, t->ipc_buffer, is_receiver);
}

#ifdef CONFIG_KERNEL_MCS
// MCS: endpoint and notification queues are ordered by priority, first come first served
// within a priority (seL4 tcbAppend): the queued thread t goes after (NULL: at the head).
static inline struct tcb *ipc_queue_after(struct tcb *head, struct tcb *tail, const struct tcb *t)
{
    if (head == NULL || t->priority > head->priority) {
        return NULL;
    }
    struct tcb *after = tail;
    while (t->priority > after->priority) {
        after = after->ep_prev;
    }
    return after;
}

// Link t into the queue [*head, *tail] after `after` (NULL: at the head).
static inline void ipc_queue_link(struct tcb **head, struct tcb **tail, struct tcb *t,
                                  struct tcb *after)
{
    t->ep_prev = after;
    t->ep_next = after != NULL ? after->ep_next : *head;
    if (t->ep_next != NULL) {
        t->ep_next->ep_prev = t;
    } else {
        *tail = t;
    }
    if (after != NULL) {
        after->ep_next = t;
    } else {
        *head = t;
    }
}
#endif

static inline bool thread_is_runnable(const struct tcb *t)
{
    return t->state == TS_RUNNING || t->state == TS_RESTART;
}

// Whether t is stopped: Inactive or blocked in any IPC (seL4 isStopped).
static inline bool thread_is_stopped(const struct tcb *t)
{
    return t->state == TS_INACTIVE || t->state == TS_BLOCKED_ON_RECEIVE ||
           t->state == TS_BLOCKED_ON_SEND || t->state == TS_BLOCKED_ON_REPLY ||
           t->state == TS_BLOCKED_ON_NOTIFICATION;
}

// Stop a thread (seL4 suspend): cancel whatever IPC it was blocked in, make a running
// thread's FaultIP its NextIP (so a later resume continues where it was), and make it
// Inactive. Used by TCB_Suspend and when the last TCB cap goes. Safe on a stopped thread.
void tcb_suspend(struct tcb *t);
// Start a stopped thread again (seL4 restart): cancel its IPC, give it a master reply cap
// if it has none, and make it Restart (it re-executes FaultIP). No-op on a runnable
// thread. Used by TCB_Resume, Write/CopyRegisters with resume.
void tcb_resume(struct tcb *t);
// Cancel the IPC a blocked thread is part of (seL4 cancelIPC): leave an endpoint or
// notification queue (thread becomes Inactive), or, waiting for a reply, delete the reply
// cap that names it and forget its fault.
void tcb_cancel_ipc(struct tcb *t);
// Put the master reply cap into t's TCB_REPLY slot if it is empty (seL4 setupReplyMaster).
// Every thread that may Call or fault needs it; boot and tcb_resume install it.
void tcb_setup_reply_master(struct tcb *t);
// Decode and invoke a TCB invocation (object/tcb.c): seL4's checks in seL4's order, the
// error record in inv on rejection. Returns EXC_NONE, EXC_SYSCALL_ERROR or EXC_PREEMPTED
// (Configure/SetSpace/SetIPCBuffer deleting an old cap that takes long to destroy).
exception_t decode_tcb_invocation(struct invocation *inv);

/*
 * The register invocations on `target` (object/tcb_registers.c), called by
 * decode_tcb_invocation. Checks, in seL4's order:
 *   ReadRegisters(flags, count)   length < 2: TruncatedMessage; count outside [1, 36]:
 *                                 RangeError(1, 36); target is the caller: IllegalOperation.
 *                                 Reply: count MRs in seL4_UserContext order (bit 0 of
 *                                 flags suspends target first).
 *   WriteRegisters(flags, count, regs...)  length < 2 or length - 2 < count:
 *                                 TruncatedMessage; target is the caller: IllegalOperation.
 *                                 Writes min(count, 36) registers, SPSR sanitised; the
 *                                 thread continues at the new pc; bit 0 resumes it.
 *   CopyRegisters(flags; source)  length < 1 or no cap: TruncatedMessage; source not a
 *                                 TCB: InvalidCapability(1). Flags bit 0 suspend source,
 *                                 1 resume target, 2 frame registers, 3 the others.
 */
exception_t decode_tcb_read_registers(struct invocation *inv, struct tcb *target);
exception_t decode_tcb_write_registers(struct invocation *inv, struct tcb *target);
exception_t decode_tcb_copy_registers(struct invocation *inv, struct tcb *target);

/*
 * The ThreadControl invocations on `target` (object/tcb_control.c), called by
 * decode_tcb_invocation: Configure(fault_ep, cspace_data, vspace_data, buffer; CNode,
 * VSpace, frame), SetSpace(fault_ep, cspace_data, vspace_data; CNode, VSpace),
 * SetIPCBuffer(buffer; frame), SetPriority(prio; authority), SetMCPriority(mcp; authority)
 * and SetSchedParams(mcp, prio; authority). Each checks in seL4's order (TruncatedMessage,
 * the caps' types and states, AlignmentError for a buffer not 1024-aligned, RangeError(0,
 * mcp of the authority) for priorities) and fills inv's error record on rejection.
 */
exception_t decode_tcb_configure(struct invocation *inv, struct tcb *target);
exception_t decode_tcb_set_space(struct invocation *inv, struct tcb *target);
#ifdef CONFIG_KERNEL_MCS
exception_t decode_tcb_set_timeout_endpoint(struct invocation *inv, struct tcb *target);
#endif
exception_t decode_tcb_set_ipc_buffer(struct invocation *inv, struct tcb *target);
exception_t decode_tcb_set_priority(struct invocation *inv, struct tcb *target);
exception_t decode_tcb_set_mc_priority(struct invocation *inv, struct tcb *target);
exception_t decode_tcb_set_sched_params(struct invocation *inv, struct tcb *target);

// seL4_UserContext order (libsel4 sel4_arch/types.h): 17 frame registers (pc = FaultIP,
// sp, spsr, x0..x8, x16, x17, x18, x29, x30), then 19 general ones (x9..x15, x19..x28,
// tpidr_el0, tpidrro_el0).
#define TCB_FRAME_REGISTERS 17
#define TCB_GP_REGISTERS 19
#define TCB_USER_CONTEXT_WORDS (TCB_FRAME_REGISTERS + TCB_GP_REGISTERS)
extern const uint8_t tcb_user_context_order[TCB_USER_CONTEXT_WORDS];
