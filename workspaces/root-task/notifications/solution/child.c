// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7b, "Notifications and Shared Memory": the producer program of the solution, built
// once per step like main.c (workspaces/step.h). 7b.0: one message into the shared page, then
// it stops. 7b.A, 7b.B: then a signal on the consumer's notification. 7b.C: three messages,
// each written only once the consumer has said the buffer is free.
// A separate ELF (linked by child.ld, libsel4 only); the root task loads it twice with
// cairn_process_create. Its CSpace (a 16-slot CNode):
//   slot 1  its own TCB
//   slot 2  the consumer's notification, write-only: "data ready" (from 7b.A on; from 7b.B
//           on badged with this producer's bit)
//   slot 3  its own notification, signalled by the consumer: "buffer free" (7b.C)
// It starts at _start with x0 = its IPC buffer, x1 = its number, x2 = the address of the
// page it shares with the consumer.

#include <sel4/sel4.h>

#include "producer.h"
#include "step.h"

#define SLOT_TCB 1
#define SLOT_DATA_READY 2
#define SLOT_BUFFER_FREE 3
#define MESSAGES 3 /* in 7b.C; one before */

void _start(seL4_IPCBuffer *ipc_buffer, seL4_Word id, seL4_Word buffer);

void _start(seL4_IPCBuffer *ipc_buffer, seL4_Word id, seL4_Word buffer)
{
    seL4_SetIPCBuffer(ipc_buffer);
    seL4_Word messages = step_before("7b.C") ? 1 : MESSAGES;
    for (seL4_Word n = 1; n <= messages; n++) {
        /* 7b.C: the first message goes into an empty buffer; each later one waits until
         * the consumer has read the one before. */
        if (n > 1)
            seL4_Wait(SLOT_BUFFER_FREE, seL4_Null);
        say("producer #: writing", id);
        say(" message #\n", n);
        write_message((volatile char *)buffer, id, n);
        /* 7b.A: tell the consumer. */
        if (!step_before("7b.A"))
            seL4_Signal(SLOT_DATA_READY);
    }
    seL4_TCB_Suspend(SLOT_TCB);
    for (;;) {
    }
}
