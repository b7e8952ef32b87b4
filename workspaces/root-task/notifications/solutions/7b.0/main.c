// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7b, "Notifications and Shared Memory":
// the solution of step 7b.0, the whole program as it stands after that step.
// 7b.0: the start state: one producer process shares a page with the consumer (this root
// task), writes a message into it and stops; the consumer then reads it.
// The learner's files are main.c and child.c in the chapter's folder; the text is
// docs/tutorial/notifications.md. `make simulate STEP=7b.0` runs this; diff it with the
// previous step's solution to see the step alone.

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

        printf("consumer: starting producer %lu, buffer at 0x%lx\n", (unsigned long)id,
               (unsigned long)theirs);
        CHECK(cairn_process_start(&pr->process, PRODUCER_PRIORITY, id, theirs));
    }

    /* The producer ran as soon as it was started (it has the higher priority) and has
     * stopped: its message is in the page. */
    printf("consumer: buffer 1 holds \"%s\"\n", producers[1].text);

    printf("TEST_PASS\n");
    return 0;
}
