// SPDX-License-Identifier: BSD-2-Clause
// Chapter 6b, "IPC: a server and its clients": the solution, every step in order. The build
// compiles it once per step and the program ends after that step (workspaces/step.h). Here
// the steps mostly change how the server answers: each way is a function below, headed by
// the steps that use it, and chapter() picks the step's. `make simulate STEP=6b.B` runs the
// program of 6b.B. The learner's file is main.c in the chapter's folder; the text is
// docs/tutorial/ipc.md.

#include <stdio.h>

#include <cairn/caps.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#include "step.h"

#define NUM_CLIENTS 3
#define ROUNDS 2 /* from 6b.B on */
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

/* 6b.0 and 6b.A: a client sends one request, 10 * its number, and prints the answer. */
static void client_once(void *arg)
{
    struct client *self = arg;
    seL4_SetMR(0, 10 * self->id);
    cairn_endpoint_call(self->server, seL4_MessageInfo_new(0, 0, 0, 1));
    printf("client %lu: answer %lu\n", (unsigned long)self->id, (unsigned long)seL4_GetMR(0));
}

/* 6b.B on: each round a client adds 10 * its number to its total at the server. */
static void client_main(void *arg)
{
    struct client *self = arg;
    for (int round = 1; round <= ROUNDS; round++) {
        seL4_SetMR(0, 10 * self->id);
        cairn_endpoint_call(self->server, seL4_MessageInfo_new(0, 0, 0, 1));
        printf("client %lu: total %lu\n", (unsigned long)self->id, (unsigned long)seL4_GetMR(0));
    }
}

/* 6b.0 and 6b.A: one request from each client: receive it, say who sent it (the badge),
 * and answer with the same number. In 6b.0 every badge is 0: the server cannot tell its
 * clients apart. */
static void answer_each_once(cairn_endpoint_t endpoint)
{
    for (int n = 0; n < NUM_CLIENTS; n++) {
        seL4_Word badge;
        cairn_endpoint_recv(endpoint, &badge);
        seL4_Word request = seL4_GetMR(0);
        printf("server: request %lu from badge %lu\n", (unsigned long)request,
               (unsigned long)badge);
        seL4_SetMR(0, request);
        cairn_reply(seL4_MessageInfo_new(0, 0, 0, 1));
    }
}

/* 6b.B: the server's state: one total per client, found by the badge. */
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

/* 6b.B: serve `rounds` rounds of calls. ReplyRecv answers the current caller and waits for
 * the next one in one system call. The last answer is a plain Reply: nobody is left to wait
 * for. */
static void serve_rounds(cairn_endpoint_t endpoint, int rounds)
{
    seL4_Word badge;
    cairn_endpoint_recv(endpoint, &badge);
    for (int n = 1; n <= NUM_CLIENTS * rounds; n++) {
        serve(badge);
        if (n == NUM_CLIENTS * rounds)
            cairn_reply(seL4_MessageInfo_new(0, 0, 0, 1));
        else
            cairn_endpoint_reply_recv(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
    }
}

#ifdef CONFIG_KERNEL_MCS
/* 6b.C on seL4's MCS kernel: a caller's right to an answer is the Reply object the call was
 * received with, a cap already. Receive each call with a Reply object of its own. */
static void hold_calls(cairn_endpoint_t endpoint, seL4_CPtr held[])
{
    for (int n = 0; n < NUM_CLIENTS; n++) {
        seL4_Word badge;
        seL4_CPtr reply = cairn_retype(seL4_ReplyObject, 0);
        cairn_endpoint_recv_with(endpoint, &badge, reply);
        serve(badge);
        held[badge] = reply;
        printf("server: holding client %lu\n", (unsigned long)badge);
    }
}
#else
/* 6b.C: take every call first, keeping each caller's reply cap in a slot of its own
 * (SaveCaller moves it out of our TCB). */
static void hold_calls(cairn_endpoint_t endpoint, seL4_CPtr held[])
{
    for (int n = 0; n < NUM_CLIENTS; n++) {
        seL4_Word badge;
        cairn_endpoint_recv(endpoint, &badge);
        serve(badge);
        held[badge] = cairn_slot_alloc();
        CHECK(cairn_cnode_save_caller(cairn_cspath(held[badge])));
        printf("server: holding client %lu\n", (unsigned long)badge);
    }
}
#endif

/* 6b.C: a round answered later: hold every call, then answer the last caller first. */
static void hold_then_answer(cairn_endpoint_t endpoint)
{
    seL4_CPtr held[NUM_CLIENTS + 1];
    hold_calls(endpoint, held);
    for (seL4_Word badge = NUM_CLIENTS; badge >= 1; badge--) {
        printf("server: answering client %lu\n", (unsigned long)badge);
        seL4_SetMR(0, totals[badge]);
        /* A saved reply cap is used with Send, once; the slot is empty afterwards (MCS: the
         * Reply object stays, and could take another call). */
        seL4_Send(held[badge], seL4_MessageInfo_new(0, 0, 0, 1));
#ifndef CONFIG_KERNEL_MCS
        cairn_slot_free(held[badge]);
#endif
    }
}

/* The chapter's steps: the clients, then the server's way of answering for this step. */
static void chapter(const seL4_BootInfo *bi)
{
    (void)bi;
    CHECK(cairn_tcb_set_priority(CAIRN_INIT_TCB, CAIRN_INIT_TCB, SERVER_PRIORITY));

    cairn_endpoint_t endpoint = cairn_alloc_endpoint();
    if (cairn_cap_is_null(endpoint))
        panic("no endpoint: %s", seL4_strerror(cairn_retype_error()));

    /* 6b.0, the start state: every client calls through the same endpoint cap. 6b.A: each
     * client gets its own copy of the endpoint cap, badged with its number. 6b.B: each
     * client calls once a round. */
    for (seL4_Word id = 1; id <= NUM_CLIENTS; id++) {
        struct client *c = &clients[id];
        c->id = id;
        if (step_before("6b.A")) {
            c->server = endpoint;
        } else {
            c->server = cairn_as_endpoint(cairn_slot_alloc());
            CHECK(cairn_cnode_mint(cairn_cspath_of(c->server), cairn_cspath_of(endpoint),
                                   seL4_AllRights, id));
        }
        CHECK(cairn_thread_create(&c->thread, seL4_CapNull, CLIENT_PRIORITY - id,
                                  step_before("6b.B") ? client_once : client_main, c));
    }
    printf("server: %d clients started\n", NUM_CLIENTS);

    if (step_before("6b.B")) {
        answer_each_once(endpoint); /* 6b.0, 6b.A */
        return;
    }
    if (step_is("6b.B")) {
        serve_rounds(endpoint, ROUNDS); /* a total per client, two rounds */
        return;
    }
    /* 6b.C: the first round held and answered in reverse order; the second is 6b.B's loop. */
    hold_then_answer(endpoint);
    serve_rounds(endpoint, ROUNDS - 1);
}

int main(const seL4_BootInfo *bi)
{
    chapter(bi);
    printf("TEST_PASS\n");
    return 0;
}
