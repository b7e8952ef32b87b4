// SPDX-License-Identifier: BSD-2-Clause
// seL4's debug system calls (docs/design/abi.md §12) and Cairn's VSpace picture.
#pragma once

#include "types.h"
#include "object/tcb.h"

// seL4_DebugCapIdentify: the cap type tag of the cap cptr names in t's CSpace, 0 if none.
word_t debug_cap_identify(struct tcb *t, cptr_t cptr);
// seL4_DebugNameThread: name the TCB cptr names with the string in t's IPC buffer.
void debug_name_thread(struct tcb *t, cptr_t cptr);
// seL4_DebugHalt: print the halt line and stop the machine.
NORETURN void debug_halt(struct tcb *t);
// seL4_DebugDumpScheduler: seL4's table of every TCB in the debug list, newest first: name,
// state, restart PC (FaultIP: for a thread in a system call, its svc), priority, core.
void debug_dump_scheduler(void);

// seL4's debug list of all TCBs (object/tcb.h) at boot: after the root thread (listed when
// it is made), the idle thread's record (Cairn idles without a TCB; the record stands in for
// seL4's idle thread, which seL4 lists after the root thread).
void debug_idle_record_boot(void);
// seL4_DebugSnapshot: announce the snapshot (the capDL dump is not implemented).
void debug_snapshot(struct tcb *t);
// Cairn's debug call: print the translation tree of the VSpace cap cptr names.
void debug_dump_vspace(struct tcb *t, cptr_t cptr);
