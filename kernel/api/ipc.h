// SPDX-License-Identifier: BSD-2-Clause
// The message-passing system calls: Recv and Reply, sends through endpoint caps from an
// invocation or a fault, and invoking a reply cap (seL4 manual §4; seL4 syscall.c). The
// transfer of the message itself is ipc/transfer.c's.
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "msg/invocation.h"
#include "cspace/cte.h"
#include "object/tcb.h"

/*
 * Recv/NBRecv (and the receive half of ReplyRecv) on the CPtr in x0. An endpoint needs
 * the Read right (the thread's caller cap is deleted first, as seL4 does); a notification
 * needs Read and must not be bound to another thread. Anything else, or a failed lookup,
 * is a CapFault in the receive phase, delivered to t's fault handler.
 */
#ifdef CONFIG_KERNEL_MCS
// MCS: with can_reply (Recv, NBRecv, the receive half of ReplyRecv and NBSendRecv) an
// endpoint receive also needs the Reply cap whose CPtr is in x6; Wait/NBWait/NBSendWait
// receive without one. A Reply cap that does not resolve or is not a Reply cap is a
// receive-phase CapFault on that CPtr.
void handle_recv(struct tcb *t, bool is_blocking, bool can_reply);
#else
void handle_recv(struct tcb *t, bool is_blocking);

// Reply (and the reply half of ReplyRecv): answer the thread whose reply cap sits in t's
// caller slot and delete that cap. No-op when the slot is empty.
void handle_reply(struct tcb *t);
#endif

// Send the invocation's message through the endpoint cap inv->cap (Call/Send/NBSend).
// The cap's Write right was checked by the caller. Always EXC_NONE.
exception_t endpoint_send_from_invocation(struct invocation *inv, bool is_blocking);

// Invoke a (non-master) reply cap with Send/Call: reply to the thread it names through
// the slot it sits in (seL4 performInvocation_Reply; MCS: to the caller its Reply object
// links, if any). The caller checked the cap and set
// itself to Restart. Always EXC_NONE.
exception_t reply_from_invocation(struct invocation *inv);
