// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7b, "Notifications and Shared Memory": the producer program, your second file
// (with main.c). It starts as the chapter's start state (7b.0): one message into the
// shared page, then it stops. solution/child.c is one way to do the steps.
// A separate ELF (linked by child.ld, libsel4 only); the root task loads it twice with
// cairn_process_create. Its CSpace (a 16-slot CNode):
//   slot 1  its own TCB
// It starts at _start with x0 = its IPC buffer, x1 = its number, x2 = the address of the
// page it shares with the consumer.

#include <sel4/sel4.h>

#include "producer.h"

#define SLOT_TCB 1

void _start(seL4_IPCBuffer *ipc_buffer, seL4_Word id, seL4_Word buffer);

void _start(seL4_IPCBuffer *ipc_buffer, seL4_Word id, seL4_Word buffer)
{
    seL4_SetIPCBuffer(ipc_buffer);
    say("producer #: writing message 1\n", id);
    write_message((volatile char *)buffer, id, 1);

    /* EXERCISE 7b.A (docs/tutorial/notifications.md, "7b.A: a notification"): signal the
     * notification in slot 2 once the message is in the page.
     * EXERCISE 7b.C ("7b.C: taking turns"): write three messages ("writing message <n>"),
     * waiting on the notification in slot 3 before the second and the third. */
    seL4_TCB_Suspend(SLOT_TCB);
    for (;;) {
    }
}
