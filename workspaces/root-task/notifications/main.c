// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7b, "Notifications and Shared Memory": your file, with child.c. It starts as a
// complete program, the chapter's start state (7b.0): one producer process (child.c)
// shares a page with the consumer (this root task), writes a message into it and stops;
// the consumer then reads it. Do the exercises in order, each where its comment stands (in
// this file and in child.c); every step keeps what the ones before it added. After an
// exercise: `make simulate` runs these files, `make check` says which steps their output
// completes and where it first differs, and solution/ is one way to do it (`make simulate
// STEP=7b.B` runs it as of 7b.B). The text is docs/tutorial/notifications.md.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/process.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

/* The producer program (child.c), put into our image by workspaces/child_blob.S. */
extern const char _child_elf_start[], _child_elf_end[];

#define PRODUCERS 1

/* The producers run above the consumer (this root task, once it has lowered itself), so
 * each runs as far as it can as soon as it can. */
#define PRODUCER_PRIORITY 200
#define CONSUMER_PRIORITY 100

/* Where the consumer maps the shared pages in its own address space. */
#define BUFFERS_VADDR 0x40000000UL

struct producer {
    cairn_process_t process;
    cairn_granule_t buffer; /* the page both sides see */
    const char *text;       /* ... at this address in ours */
};
static struct producer producers[PRODUCERS + 1]; /* producers[1..PRODUCERS] */

int main(const seL4_BootInfo *bi)
{
    (void)bi;

    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, CONSUMER_PRIORITY));

    for (seL4_Word id = 1; id <= PRODUCERS; id++) {
        struct producer *pr = &producers[id];
        CHECK(cairn_process_create(&pr->process, _child_elf_start,
                                   (size_t)(_child_elf_end - _child_elf_start), "producer"));

        /* The shared page: mapped in our address space and in the producer's. */
        pr->buffer = cairn_alloc_granule();
        seL4_Word ours = BUFFERS_VADDR + (id - 1) * CAIRN_GRANULE_BYTES;
        CHECK(cairn_granule_map_with_tables(pr->buffer, CAIRN_INIT_VSPACE, ours, seL4_ReadWrite,
                                            seL4_ARM_Default_VMAttributes));
        pr->text = (const char *)ours;
        seL4_Word theirs;
        CHECK(cairn_process_share(&pr->process, pr->buffer, seL4_ReadWrite, &theirs));

        /* EXERCISE 7b.A (docs/tutorial/notifications.md, "7b.A: a notification"): retype a
         * notification (once, before this loop) and give the producer a copy of its cap,
         * write right only, in slot 2 of its CSpace.
         * EXERCISE 7b.B ("7b.B: two producers, one word"): start PRODUCERS = 2 producers;
         * badge each copy with the producer's own bit (1 << (id - 1)).
         * EXERCISE 7b.C ("7b.C: taking turns"): give each producer a notification of its own
         * in slot 3, read right only, for "your buffer is free again". */

        printf("consumer: starting producer %lu, buffer at 0x%lx\n", (unsigned long)id,
               (unsigned long)theirs);
        CHECK(cairn_process_start(&pr->process, PRODUCER_PRIORITY, id, theirs));
    }

    /* The producer ran as soon as it was started (it has the higher priority) and has
     * stopped: its message is in the page. */
    printf("consumer: buffer 1 holds \"%s\"\n", producers[1].text);

    /* EXERCISE 7b.A ("7b.A: a notification"): before reading, wait on the notification and
     * print "consumer: woken, badge 0x<badge>".
     * EXERCISE 7b.B ("7b.B: two producers, one word"): wait once, then print the buffer of
     * every producer whose bit is set in the badge.
     * EXERCISE 7b.C ("7b.C: taking turns"): loop until all 2 * 3 messages are read; after
     * reading a producer's buffer, signal that producer's own notification. */

    printf("TEST_PASS\n");
    return 0;
}
