// SPDX-License-Identifier: BSD-2-Clause
// Endpoint objects: a queue of threads all sending or all receiving (seL4 §4 IPC).
#pragma once

#include "types.h"

enum ep_state { EP_IDLE = 0, EP_SEND, EP_RECV };

struct endpoint {
    struct tcb *head; // first queued thread
    word_t state_and_tail; // tail pointer | enum ep_state in the low 2 bits
};

_Static_assert(sizeof(struct endpoint) <= 16, "endpoint fits 1 << seL4_EndpointBits");

struct tcb;

// Remove a blocked thread from ep's queue (cancelled IPC).
void endpoint_cancel_ipc(struct endpoint *ep, struct tcb *t);
// Make every queued thread runnable again (restart its syscall); the endpoint is dying.
void endpoint_cancel_all(struct endpoint *ep);
// CNode_CancelBadgedSends: restart every sender queued with this badge.
void endpoint_cancel_badged_sends(struct endpoint *ep, word_t badge);
