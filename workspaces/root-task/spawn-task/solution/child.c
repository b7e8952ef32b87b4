// SPDX-License-Identifier: BSD-2-Clause
// The child task of chapter 7, "Spawning a Task": a separately linked program (child.ld)
// that the root task embeds, loads into a new VSpace and starts. It has no Cairn runtime:
// libcairn assumes it is the root task (BootInfo, the initial CSpace). Its whole runtime, an
// entry point that sets up a stack, a thread-local block for libsel4's __sel4_ipc_buffer and
// printing through seL4_DebugPutChar, is handed out in child_start.h.
//
// Its CSpace is a 16-slot CNode made by the root task:
//   slot 1  its own TCB
//   slot 2  an endpoint, write-only: it can Send, not Recv
// The root task starts it with x0 = the address of its IPC buffer (the page after _end).
//
// This copy is the solution's (with main.c), built once per step (workspaces/step.h): 7.B
// adds the write to read-only data.

#include <sel4/sel4.h>

#include "child_start.h"
#include "step.h"

#define CHILD_TCB ((seL4_CPtr)1)
#define CHILD_ENDPOINT ((seL4_CPtr)2)

/* The message the root task waits for. */
#define CHILD_MESSAGE 1337

static const char child_greeting[] = "In child task\n";

void child_main(seL4_IPCBuffer *ipc_buffer)
{
    child_runtime_init(ipc_buffer);

    child_puts(child_greeting);

    seL4_SetMR(0, CHILD_MESSAGE);
    seL4_Send(CHILD_ENDPOINT, seL4_MessageInfo_new(0, 0, 0, 1));

    /* 7.B: child_greeting is in .rodata, a segment without PF_W, which the root task mapped
     * read-only. The write faults (the root task has already passed and ended: the child
     * runs at priority 0); with no fault handler the kernel reports it and the child never
     * runs again. */
    if (!step_before("7.B")) {
        child_puts("child: writing to its read-only data ...\n");
        *(volatile char *)child_greeting = 'i';
        child_puts("child: unexpectedly wrote to read-only data\n");
    }

    seL4_TCB_Suspend(CHILD_TCB);
    for (;;) {
    }
}
