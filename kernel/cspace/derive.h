// SPDX-License-Identifier: BSD-2-Clause
// What a copy of a cap is (seL4 deriveCap): used by CNode Copy/Mint, by the TCB
// invocations that install caps, and by the transfer of caps in a message.
#pragma once

#include "types.h"
#include "cspace/cte.h"
#include "msg/failures.h"

/*
 * The cap that a copy of `cap`, which sits in `slot`, must be:
 *   an untyped with children      EXC_SYSCALL_ERROR, err->type = RevokeFirst, *out null
 *   a zombie, IRQControl or reply cap, a VSpace without an ASID, an unmapped page table
 *                                 EXC_NONE with a null *out (the caller refuses it)
 *   a frame                       EXC_NONE, *out the same frame unmapped
 *   anything else                 EXC_NONE, *out = cap
 * Reads only.
 */
exception_t derive_cap(struct syscall_error *err, const struct cte *slot, cap_t cap, cap_t *out);
