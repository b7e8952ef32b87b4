// SPDX-License-Identifier: BSD-2-Clause
// The transfer of a message between two threads, below the objects: object/endpoint.c
// (who meets whom) and api/ipc.c (replies) call down into it (seL4 thread.c).
#pragma once

#include "types.h"
#include "cspace/cte.h"
#include "object/tcb.h"

struct endpoint;

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
#ifndef CONFIG_KERNEL_MCS
void ipc_setup_caller_cap(struct tcb *sender, struct tcb *receiver, bool can_grant);
#endif

/*
 * seL4 doReplyTransfer: sender replies to receiver (BlockedOnReply) through the reply cap
 * in `slot`, which is deleted. A normal reply transfers the message and makes receiver
 * Running; a fault reply is interpreted per fault type (docs/design/abi.md §10.3) and receiver
 * restarts or stays Inactive.
 */
void ipc_reply_transfer(struct tcb *sender, struct tcb *receiver, struct cte *slot, bool can_grant);

#ifdef CONFIG_KERNEL_MCS
// MCS doReplyTransfer after the Reply object let go of receiver (object/reply.c): the same
// message or fault-reply rules, no reply cap to delete.
void ipc_reply_to(struct tcb *sender, struct tcb *receiver, bool can_grant);
#endif
