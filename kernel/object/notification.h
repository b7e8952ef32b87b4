// SPDX-License-Identifier: BSD-2-Clause
// Notification objects: a word of signal bits plus a queue of waiting threads.
#pragma once

#include "types.h"
#include "abi.h"

enum ntfn_state { NTFN_IDLE = 0, NTFN_WAITING, NTFN_ACTIVE };

struct notification {
    struct tcb *head;      // first waiting thread (NTFN_WAITING)
    word_t tail_and_state; // last waiting thread | enum ntfn_state in the low 2 bits
    word_t word;           // pending badge bits (NTFN_ACTIVE)
    struct tcb *bound_tcb; // thread bound with TCB_BindNotification, or NULL
#ifdef CONFIG_KERNEL_MCS
    struct sched_context *sc; // MCS: bound with SchedContext_Bind, or NULL
#endif
};

_Static_assert(sizeof(struct notification) <= (1u << seL4_NotificationBits),
               "notification fits 1 << seL4_NotificationBits");

struct invocation;
struct tcb;

// Whether n has a signal pending (the notification's Active state).
static inline bool ntfn_is_active(const struct notification *n)
{
    return (n->tail_and_state & 0x3u) == NTFN_ACTIVE;
}

// seL4_Signal through a notification cap: OR `badge` into the word, or wake a waiter
// (or the bound thread) with it. Rights were checked by the caller.
void notification_signal(struct notification *n, word_t badge);
// seL4_Wait (blocking) / seL4_Poll (non-blocking) on notification `n` by `t`:
// take the pending word into x0 or block (Wait) / return 0 (Poll).
void notification_receive(struct tcb *t, struct notification *n, bool blocking);
// Remove a waiting thread from n's queue (cancelled IPC).
void notification_cancel_wait(struct notification *n, struct tcb *t);
#ifdef CONFIG_KERNEL_MCS
// MCS: t, waiting on n, changed priority: it moves to its new place (seL4 reorderNTFN).
void notification_reorder(struct notification *n, struct tcb *t);
// MCS: t, about to wait, gives back the context of n it was running on (seL4
// maybeReturnSchedContext).
void notification_return_sc(struct notification *n, struct tcb *t);
#endif
// Wake every waiter (the notification is being destroyed) and unbind its thread.
void notification_cancel_all(struct notification *n);
