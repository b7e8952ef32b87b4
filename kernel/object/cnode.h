// SPDX-License-Identifier: BSD-2-Clause
// CNode invocations: Copy, Mint, Move, Mutate, Rotate, Delete, Revoke, SaveCaller and
// CancelBadgedSends (seL4 manual §3.1, seL4 cnode.c decodeCNodeInvocation).
#pragma once

#include "msg/failures.h"

struct invocation;

/*
 * Decode and invoke the CNode invocation inv->label on CNode cap inv->cap. Returns
 * EXC_NONE, EXC_PREEMPTED (Delete/Revoke interrupted; the syscall restarts) or
 * EXC_SYSCALL_ERROR with inv->error filled, errors in seL4's check order.
 */
exception_t decode_cnode_invocation(struct invocation *inv);
