// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6b, "IPC: a server and its clients": your file. It starts as a complete program,
// the chapter's start state (6b.0): three client threads call the server, this root task,
// through one endpoint, and the server answers each request without knowing who sent it. Do
// the exercises in order, each where its comment stands; every step keeps what the ones
// before it added. After an exercise: `make simulate` runs this file, `make check` says which
// steps its output completes and where it first differs, and solution/main.c is one way to do
// it (each way of serving a function headed by the steps that use it; `make simulate
// STEP=6b.B` runs the program of 6b.B). The text is docs/tutorial/ipc.md.

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

    /* EXERCISE 6b.B (docs/tutorial/ipc.md, "6b.B: a total per client"): make the call
     * twice; after each one print "client <n>: total <the answer>" instead. */
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, SERVER_PRIORITY));

    cairn_endpoint_t endpoint = cairn_alloc_endpoint();
    if (cairn_cap_is_null(endpoint))
        panic("no endpoint: %s", seL4_strerror(cairn_retype_error()));

    /* Every client calls through the same endpoint cap. */
    for (seL4_Word id = 1; id <= NUM_CLIENTS; id++) {
        struct client *c = &clients[id];
        c->id = id;
        c->server = endpoint;
        /* EXERCISE 6b.A (docs/tutorial/ipc.md, "6b.A: a badge per client"): give each client
         * its own copy of the endpoint cap, minted into a new slot with the client's number
         * as its badge, and let the client call through that copy. */
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

    /* EXERCISE 6b.B ("6b.B: a total per client"): instead of the loop above, keep a total
     * per client, found by the badge: for each request print "server: client <badge> adds
     * <MR0>", add MR0 to that client's total and answer with the total. Serve all
     * 2 * NUM_CLIENTS requests with one Recv, then ReplyRecv, and a plain Reply for the
     * last one.
     * EXERCISE 6b.C ("6b.C: answering later"): serve the first round differently: take all
     * three calls first (after each, save the caller's reply cap into a new slot with
     * CNode_SaveCaller and print "server: holding client <badge>"), then answer them from
     * client 3 down to client 1 (print "server: answering client <badge>" and Send on the
     * saved reply cap). The second round stays as in 6b.B. (MCS: a Reply object per held
     * call instead of SaveCaller; the text says how.) */

    printf("TEST_PASS\n");
    return 0;
}
