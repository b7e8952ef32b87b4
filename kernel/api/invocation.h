// SPDX-License-Identifier: BSD-2-Clause
// The invocation path: Call/Send/NBSend on a CPtr. The record it builds is the message
// layer's (msg/invocation.h).
#pragma once

#include "types.h"
#include "object/tcb.h"

// Call/Send/NBSend on the CPtr in x0: a kernel-object invocation, a notification signal,
// an endpoint send or a reply through a reply cap. Only Call gets a reply (errors
// included); a failed cap lookup is a CapFault on a blocking send and silently ignored on
// NBSend.
// `slot`: NULL, or the slot x0 names when the caller resolved it already (the fastpath
// hands over its lookup).
void handle_invocation(struct tcb *t, struct cte *slot, bool is_call, bool is_blocking);

#ifdef CONFIG_KERNEL_MCS
// MCS: the send half of ReplyRecv, NBSendRecv and NBSendWait: a non-blocking Send of the
// caller's message to the cap at `cptr` (x6 or x8), with no reply to the caller.
void handle_invocation_on(struct tcb *t, cptr_t cptr);
#endif
