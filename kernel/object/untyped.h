// SPDX-License-Identifier: BSD-2-Clause
// Untyped memory: Untyped_Retype (seL4 manual §2.4, seL4 untyped.c).
#pragma once

#include "msg/failures.h"

struct invocation;

/*
 * Decode an invocation on the untyped cap inv->cap (in inv->slot) and, if every check
 * passes, retype: reset the untyped if it has no children, carve inv's objects at its
 * watermark (each object zeroed as it is created), and insert their caps as its CDT
 * children. Returns EXC_NONE, or EXC_SYSCALL_ERROR with inv->error filled (errors in
 * seL4's check order, see untyped.c).
 */
exception_t decode_untyped_invocation(struct invocation *inv);
