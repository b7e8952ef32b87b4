// SPDX-License-Identifier: BSD-2-Clause
// The system-call entry point and the one shared kernel exit.
#pragma once

#include "types.h"
#include "util.h"

// Handle system call `number` (x7) for the current thread. Its registers are saved in
// ks_cur_thread->ctx; FaultIP is the svc, NextIP the instruction after it.
void handle_syscall(word_t number);

// Leave the kernel: pick the next thread (schedule), idle if there is none, restore its
// registers and return to EL0. Every kernel entry ends here.
NORETURN void kernel_exit(void);

// Cairn's one debug system call beyond seL4's list: print the translation tree of the
// VSpace cap in x0 (the "VSpace picture"). Upstream code never issues it; see
// docs/design/abi-deviations.md.
#define CAIRN_SYS_DEBUG_DUMP_VSPACE ((word_t)-64)
