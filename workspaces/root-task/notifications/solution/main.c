// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7b, "Notifications and Shared Memory": the solution, with child.c, every step in
// order. The build compiles both once per step (workspaces/step.h): what a step adds to the
// producers' setup is a block that tests its step, and the consumer's way of reading, which
// each step changes, is a function headed by the step that uses it. `make simulate
// STEP=7b.B` runs the program of 7b.B. The learner's files are main.c and child.c in the
// chapter's folder; the text is docs/tutorial/notifications.md.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/process.h>
#include <cairn/vspace.h>
#include <sel4/sel4.h>

#include "step.h"

/* The producer program (child.c), put into our image by workspaces/child_blob.S. */
extern const char _child_elf_start[], _child_elf_end[];

#define PRODUCERS 2 /* from 7b.B on; 7b.0 and 7b.A start one */
#define MESSAGES 3  /* per producer in 7b.C (child.c) */

/* Slots of each producer's CSpace (child.c names them the same way). */
#define SLOT_DATA_READY 2
#define SLOT_BUFFER_FREE 3

/* The producers run above the consumer (this root task, once it has lowered itself), so
 * each runs as far as it can as soon as it can. */
#define PRODUCER_PRIORITY 200
#define CONSUMER_PRIORITY 100

/* Where the consumer maps the shared pages in its own address space. */
#define BUFFERS_VADDR 0x40000000UL

struct producer {
    cairn_process_t process;
    cairn_granule_t buffer;    /* the page both sides see */
    const char *text;          /* ... at this address in ours */
    cairn_notification_t free; /* 7b.C: "you may write again" */
};
static struct producer producers[PRODUCERS + 1]; /* producers[1..PRODUCERS] */

/* The bit producer `id` sets in the consumer's notification word (its badge). */
#define PRODUCER_BIT(id) ((seL4_Word)1 << ((id)-1))

/* 7b.A: wait for the producer's signal, then read. */
static void consume_one(cairn_notification_t data_ready)
{
    seL4_Word badge;
    cairn_notification_wait(data_ready, &badge);
    printf("consumer: woken, badge 0x%lx\n", (unsigned long)badge);
    printf("consumer: buffer 1 holds \"%s\"\n", producers[1].text);
}

/* 7b.B: one Wait can report several producers: each signal ORs its badge into the
 * notification's word, and the Wait returns the word and clears it. */
static void consume_each_once(cairn_notification_t data_ready)
{
    seL4_Word badge;
    cairn_notification_wait(data_ready, &badge);
    printf("consumer: woken, badge 0x%lx\n", (unsigned long)badge);
    for (seL4_Word id = 1; id <= PRODUCERS; id++) {
        if (badge & PRODUCER_BIT(id))
            printf("consumer: buffer %lu holds \"%s\"\n", (unsigned long)id, producers[id].text);
    }
}

/* 7b.C: taking turns: every message of every producer, each buffer signalled free once it
 * is read. */
static void consume_all(cairn_notification_t data_ready)
{
    int received = 0;
    while (received < PRODUCERS * MESSAGES) {
        seL4_Word badge;
        cairn_notification_wait(data_ready, &badge);
        printf("consumer: woken, badge 0x%lx\n", (unsigned long)badge);
        for (seL4_Word id = 1; id <= PRODUCERS; id++) {
            if (!(badge & PRODUCER_BIT(id)))
                continue;
            printf("consumer: buffer %lu holds \"%s\"\n", (unsigned long)id, producers[id].text);
            received++;
            /* The buffer may be reused. */
            cairn_notification_signal(producers[id].free);
        }
    }
}

/* The chapter's steps: the producers, then the consumer's way of reading for this step. */
static void chapter(const seL4_BootInfo *bi)
{
    (void)bi;

    /* 7b.A: the consumer's notification: the producers get (badged) copies of it. */
    cairn_notification_t data_ready = cairn_as_notification(seL4_CapNull);
    if (!step_before("7b.A")) {
        data_ready = cairn_alloc_notification();
        if (cairn_cap_is_null(data_ready))
            panic("no notification: %s", seL4_strerror(cairn_retype_error()));
    }

    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, CONSUMER_PRIORITY));

    seL4_Word count = step_before("7b.B") ? 1 : PRODUCERS;
    for (seL4_Word id = 1; id <= count; id++) {
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

        /* 7b.A: a copy of our notification, write right only: it can signal it, not wait
         * on it. 7b.B: badged with the producer's own bit. */
        if (step_is("7b.A"))
            CHECK(cairn_process_give(&pr->process, SLOT_DATA_READY, cairn_cspath_of(data_ready),
                                     seL4_CanWrite, 0));
        if (!step_before("7b.B"))
            CHECK(cairn_process_give(&pr->process, SLOT_DATA_READY, cairn_cspath_of(data_ready),
                                     seL4_CanWrite, PRODUCER_BIT(id)));
        /* 7b.C: a notification of its own, which we signal when its buffer is free. */
        if (!step_before("7b.C")) {
            pr->free = cairn_alloc_notification();
            CHECK(cairn_process_give(&pr->process, SLOT_BUFFER_FREE, cairn_cspath_of(pr->free),
                                     seL4_CanRead, 0));
        }

        printf("consumer: starting producer %lu, buffer at 0x%lx\n", (unsigned long)id,
               (unsigned long)theirs);
        CHECK(cairn_process_start(&pr->process, PRODUCER_PRIORITY, id, theirs));
    }

    if (step_is("7b.0")) {
        /* The producer ran as soon as it was started (it has the higher priority) and has
         * stopped: its message is in the page. */
        printf("consumer: buffer 1 holds \"%s\"\n", producers[1].text);
    } else if (step_is("7b.A")) {
        consume_one(data_ready);
    } else if (step_is("7b.B")) {
        consume_each_once(data_ready);
    } else {
        consume_all(data_ready);
    }
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
