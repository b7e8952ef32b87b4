// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6b, "IPC: a server and its clients":
// the solution of step 6b.A, the whole program as it stands after that step.
// 6b.A: each client calls through its own copy of the endpoint cap, minted with its number
// as the badge; the server sees the badge with each request.
// The learner's file is main.c in the chapter's folder; the text is docs/tutorial/ipc.md.
// `make simulate STEP=6b.A` runs this; diff it with the previous step's solution to see the
// step alone.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#define NUM_CLIENTS 3
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

/* A client sends one request, 10 * its number, and prints the answer. */
static void client_main(void *arg)
{
    struct client *self = arg;
    seL4_SetMR(0, 10 * self->id);
    cairn_endpoint_call(self->server, seL4_MessageInfo_new(0, 0, 0, 1));
    printf("client %lu: answer %lu\n", (unsigned long)self->id, (unsigned long)seL4_GetMR(0));
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

    /* 6b.0: one request from each client: receive it, say who sent it (the badge), and
     * answer with the same number. */
    for (int n = 0; n < NUM_CLIENTS; n++) {
        seL4_Word badge;
        cairn_endpoint_recv(endpoint, &badge);
        seL4_Word request = seL4_GetMR(0);
        printf("server: request %lu from badge %lu\n", (unsigned long)request,
               (unsigned long)badge);
        seL4_SetMR(0, request);
        cairn_reply(seL4_MessageInfo_new(0, 0, 0, 1));
    }

    printf("TEST_PASS\n");
    return 0;
}
