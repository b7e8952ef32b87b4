// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6b, "IPC: a server and its clients":
// the solution of step 6b.B, the whole program as it stands after that step.
// 6b.B: a total per client, kept by the server under the caller's badge; two rounds of
// calls, answered with ReplyRecv.
// The learner's file is main.c in the chapter's folder; the text is docs/tutorial/ipc.md.
// `make simulate STEP=6b.B` runs this; diff it with the previous step's solution to see the
// step alone.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#define NUM_CLIENTS 3
#define ROUNDS 2
/* The server (this root task) runs below its clients, so every client has made its call
 * before the server takes the first one. Client i runs at CLIENT_PRIORITY - i. */
#define SERVER_PRIORITY 50
#define CLIENT_PRIORITY 100

/* One client thread: its stack, IPC buffer and TLS (static, in the image), its number and
 * the endpoint cap it calls the server through. */
struct client {
    cairn_thread_t thread;
    seL4_Word id;
    cairn_endpoint_t server;
};
static struct client clients[NUM_CLIENTS + 1]; /* clients[1..NUM_CLIENTS] */

/* Each round a client adds 10 * its number to its total at the server. */
static void client_main(void *arg)
{
    struct client *self = arg;
    for (int round = 1; round <= ROUNDS; round++) {
        seL4_SetMR(0, 10 * self->id);
        cairn_endpoint_call(self->server, seL4_MessageInfo_new(0, 0, 0, 1));
        printf("client %lu: total %lu\n", (unsigned long)self->id, (unsigned long)seL4_GetMR(0));
    }
}

/* The server's state: one total per client, found by the badge. */
static seL4_Word totals[NUM_CLIENTS + 1];

/* Add the request in MR0 to the caller's total and leave the answer in MR0. */
static void serve(seL4_Word badge)
{
    if (badge < 1 || badge > NUM_CLIENTS)
        panic("request with unknown badge %lu", (unsigned long)badge);
    seL4_Word amount = seL4_GetMR(0);
    totals[badge] += amount;
    printf("server: client %lu adds %lu\n", (unsigned long)badge, (unsigned long)amount);
    seL4_SetMR(0, totals[badge]);
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, SERVER_PRIORITY));

    cairn_endpoint_t endpoint = cairn_alloc_endpoint();
    if (cairn_cap_is_null(endpoint))
        panic("no endpoint: %s", seL4_strerror(cairn_retype_error()));

    /* 6b.A: each client gets its own copy of the endpoint cap, badged with its number. */
    for (seL4_Word id = 1; id <= NUM_CLIENTS; id++) {
        struct client *c = &clients[id];
        c->id = id;
        c->server = cairn_as_endpoint(cairn_slot_alloc());
        CHECK(cairn_cnode_mint(cairn_cspath_of(c->server), cairn_cspath_of(endpoint),
                               seL4_AllRights, id));
        CHECK(cairn_thread_create(&c->thread, seL4_CapNull, CLIENT_PRIORITY - id, client_main, c));
    }
    printf("server: %d clients started\n", NUM_CLIENTS);

    /* 6b.B: ReplyRecv answers the current caller and waits for the next one in one system
     * call. The last answer is a plain Reply: nobody is left to wait for. */
    seL4_Word badge;
    cairn_endpoint_recv(endpoint, &badge);
    for (int n = 1; n <= NUM_CLIENTS * ROUNDS; n++) {
        serve(badge);
        if (n == NUM_CLIENTS * ROUNDS)
            cairn_reply(seL4_MessageInfo_new(0, 0, 0, 1));
        else
            cairn_endpoint_reply_recv(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    }

    printf("TEST_PASS\n");
    return 0;
}
