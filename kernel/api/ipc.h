// SPDX-License-Identifier: BSD-2-Clause
// The message-passing system calls (invocations, receives, replies) and the transfer of a
// message between two threads: registers and IPC buffers, extra caps, fault messages,
// caller caps and replies (seL4 manual §4; seL4 thread.c, syscall.c).
#pragma once

#include "types.h"
#include "api/failures.h"
#include "cspace/cte.h"
#include "object/tcb.h"

struct endpoint;
struct invocation;

// Call/Send/NBSend on the CPtr in x0: a kernel-object invocation, a notification signal
// or an endpoint send. Only Call gets a reply (errors included); a failed cap lookup is a
// CapFault on a blocking send and silently ignored on NBSend. (api/invocation.c)
void handle_invocation(struct tcb *t, bool is_call, bool is_blocking);
// The same once x0 has been resolved to `slot` (the fastpath hands over its lookup).
void handle_invocation_of(struct tcb *t, struct cte *slot, bool is_call, bool is_blocking);

/*
 * Recv/NBRecv (and the receive half of ReplyRecv) on the CPtr in x0. An endpoint needs
 * the Read right (the thread's caller cap is deleted first, as seL4 does); a notification
 * needs Read and must not be bound to another thread. Anything else, or a failed lookup,
 * is a CapFault in the receive phase, delivered to t's fault handler.
 */
void handle_recv(struct tcb *t, bool is_blocking);

// Reply (and the reply half of ReplyRecv): answer the thread whose reply cap sits in t's
// caller slot and delete that cap. No-op when the slot is empty.
void handle_reply(struct tcb *t);

// The caller's IPC buffer through the kernel window, or NULL when it has none usable:
// the buffer frame cap must be a RAM frame, read-write for a receiver (read-only is
// enough to send). (api/invocation.c)
word_t *lookup_ipc_buffer(const struct tcb *t, bool is_receiver);

// Write message register i of thread t (x2..x5 for MR0..3, the IPC buffer after that;
// dropped when i >= 4 and buffer is NULL). (api/invocation.c)
void set_mr(struct tcb *t, word_t *buffer, unsigned i, word_t v);

// Send the invocation's message through the endpoint cap inv->cap (Call/Send/NBSend).
// The cap's Write right was checked by the caller. Always EXC_NONE.
exception_t endpoint_send_from_invocation(struct invocation *inv, bool is_blocking);

// Invoke a (non-master) reply cap with Send/Call: reply to the thread it names through
// the slot it sits in (seL4 performInvocation_Reply). The caller checked the cap and set
// itself to Restart. Always EXC_NONE.
exception_t reply_from_invocation(struct invocation *inv);

// Deliver t's pending fault (t->fault) to the endpoint cap `ep`, t's fault handler, as a
// blocking Call with GrantReply. The caller checked that ep may be sent to.
void endpoint_send_fault(struct tcb *t, cap_t ep);

/*
 * seL4 doIPCTransfer: copy sender's message to receiver. A sender with a pending fault
 * sends its fault message (label = fault type) instead of its MRs. Otherwise: MR0..3
 * register to register, MR4.. buffer to buffer (only when both have one), length clamped
 * to 120; with can_grant, the sender's extra caps are looked up now and transferred
 * (transfer_caps rules, ep used for unwrapping; NULL for replies). Sets the receiver's
 * x0 = badge and x1 = the received seL4_MessageInfo. Changes no thread state.
 */
void ipc_transfer(struct tcb *sender, struct endpoint *ep, word_t badge, bool can_grant,
                  struct tcb *receiver);

/*
 * seL4 setupCallerCap: sender becomes BlockedOnReply, and a reply cap to it (granting iff
 * can_grant) is inserted into receiver's caller slot as a child of sender's master reply
 * cap. Precondition: sender has its master reply cap, receiver's caller slot is empty.
 */
void ipc_setup_caller_cap(struct tcb *sender, struct tcb *receiver, bool can_grant);

/*
 * seL4 doReplyTransfer: sender replies to receiver (BlockedOnReply) through the reply cap
 * in `slot`, which is deleted. A normal reply transfers the message and makes receiver
 * Running; a fault reply is interpreted per fault type (sheet §10.3) and receiver
 * restarts or stays Inactive.
 */
void ipc_reply_transfer(struct tcb *sender, struct tcb *receiver, struct cte *slot, bool can_grant);
