// SPDX-License-Identifier: BSD-2-Clause
// The message-passing system calls: invocations (Call/Send/NBSend), receives and replies.
#pragma once

#include "types.h"
#include "object/tcb.h"

// Call/Send/NBSend on the CPtr in x0: a kernel-object invocation, a notification signal
// or an endpoint send. Only Call gets a reply (errors included); a failed cap lookup is a
// CapFault on a blocking send and silently ignored on NBSend.
void handle_invocation(struct tcb *t, bool is_call, bool is_blocking);
// Recv/NBRecv (and the receive half of ReplyRecv) on the CPtr in x0.
void handle_recv(struct tcb *t, bool is_blocking);
// Reply to the thread whose reply cap sits in t's caller slot (no-op if none).
void handle_reply(struct tcb *t);

// The caller's IPC buffer through the kernel window, or NULL when it has none usable:
// the buffer frame cap must be a RAM frame, read-write for a receiver (read-only is
// enough to send).
word_t *lookup_ipc_buffer(const struct tcb *t, bool is_receiver);

// Write message register i of thread t (x2..x5 for MR0..3, the IPC buffer after that).
void set_mr(struct tcb *t, word_t *buffer, unsigned i, word_t v);

struct invocation;
// Send the invocation's message through the endpoint cap inv->cap (Call/Send/NBSend).
exception_t endpoint_send_from_invocation(struct invocation *inv, bool is_blocking);
// Deliver t's pending fault to the endpoint `ep` (t's fault handler) as a Call would.
void endpoint_send_fault(struct tcb *t, cap_t ep);
