// SPDX-License-Identifier: BSD-2-Clause
// User faults: recording them, delivering them to the thread's fault handler endpoint,
// and the console report when there is none (seL4's double-fault report, docs/design/abi.md §10.4).
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "object/tcb.h"

// A data abort (is_instruction false, addr = FAR) or instruction abort (addr = PC) of the
// current thread, with the syndrome `esr`. FaultIP is already the faulting instruction.
void handle_vm_fault(bool is_instruction, vptr_t addr, word_t esr);
// Any other synchronous exception from EL0 (undefined instruction, brk, alignment, ...).
void handle_user_exception(word_t esr);
// Deliver t->fault: send it to t's fault handler, or report it and stop t when the
// handler CPtr does not name a usable endpoint.
void handle_fault(struct tcb *t);

// Print one fault in seL4's words ("vm fault on data at address 0x... with status 0x...").
void fault_print(const struct fault *f);
