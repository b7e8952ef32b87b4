// SPDX-License-Identifier: BSD-2-Clause
// The IPC fastpath (api/fastpath.c): seL4_Call and seL4_ReplyRecv, entered from the syscall
// trap (vectors.S) right after the registers are saved, with the caller's x0 (CPtr) and x1
// (MessageInfo), when the kernel is built with FASTPATH=1. Each either completes the
// syscall and returns to user mode in the thread that runs next, or hands it to the general
// path (handle_syscall, then kernel_exit); either way it does not return, and the result is
// the general path's.
#pragma once

#include "types.h"
#include "util.h"

NORETURN void fastpath_call(word_t cptr, word_t info);
NORETURN void fastpath_reply_recv(word_t cptr, word_t info);
