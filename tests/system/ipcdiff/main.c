// SPDX-License-Identifier: BSD-2-Clause
// The fastpath's differential test: a seeded random sequence of IPC between the root task
// and three servers, printing everything each side receives. tests/system/ipcdiff/diff.py
// boots it on a FASTPATH=1 and a FASTPATH=0 kernel and requires the two consoles to be
// identical: the fastpath must give exactly the general path's results.
//
// The servers run at three different priorities below the root task's, and only ever run
// while the root task waits for a reply, so the timer never decides who runs next and the
// output is the same on every run. Each Call picks a server, a cap (plain, two badges,
// GrantReply only), a label, 0-6 MRs and sometimes an extra cap (the endpoint itself, which
// is unwrapped). The label tells the server what to do: nested Call to a higher-numbered
// server, Reply then Recv instead of ReplyRecv, and how long the reply is. Now and then the
// root task signals the notification bound to server 1, which then receives the signal
// before (or instead of) a message.
//
// MCS (make MCS=1): each server receives with a Reply object of its own and answers through
// it (ReplyRecv, or a Send on the Reply cap then Recv). Servers 0 and 2 are passive: once
// waiting in their first receive they lose their scheduling context and run on their
// caller's (the root task's, server 1's for its nested Call to server 2, the root task's
// again, two deep, for server 0's nested Call to server 2), which is where the MCS fastpath
// applies; server 1 keeps its own (it receives the signals), so every Call
// to it and its replies take the general path.

#include <stdint.h>
#include <stdio.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/errors.h>
#include <cairn/panic.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

#include "../suite/rng.h"

#ifndef IPCDIFF_SEED
#define IPCDIFF_SEED 0x1dc0ffee
#endif
#define ROUNDS 400
#define SERVERS 3
#define CAPS 4

static const seL4_Word server_priority[SERVERS] = {150, 200, 254};

struct server {
    int id;
    seL4_CPtr ep;         /* it receives here */
    seL4_CPtr caps[CAPS]; /* the root task's caps to ep: all rights, badge 1, badge 2, GrantReply */
#ifdef CONFIG_KERNEL_MCS
    seL4_CPtr reply; /* MCS: its Reply object */
#endif
};

static struct server servers[SERVERS];
static cairn_thread_t threads[SERVERS];
static seL4_CPtr signal_cap; /* badge 0x40 on server 1's bound notification */

#ifdef CONFIG_KERNEL_MCS
static const int server_passive[SERVERS] = {1, 0, 1};
static seL4_CPtr ready; /* MCS: a server signals it as it starts to wait (NBSendRecv) */

static seL4_MessageInfo_t first_recv(struct server *s, seL4_Word *badge)
{
    return seL4_NBSendRecv(ready, seL4_MessageInfo_new(0, 0, 0, 0), s->ep, badge, s->reply);
}
/* A passive server gives its context back with the reply, so it cannot receive afterwards:
 * the reply and the receive are one NBSendRecv (a Send on the Reply cap, then Recv). */
static seL4_MessageInfo_t reply_then_recv(struct server *s, seL4_MessageInfo_t reply,
                                          seL4_Word *badge)
{
    if (server_passive[s->id])
        return seL4_NBSendRecv(s->reply, reply, s->ep, badge, s->reply);
    seL4_Send(s->reply, reply);
    return seL4_Recv(s->ep, badge, s->reply);
}
static seL4_MessageInfo_t reply_recv(struct server *s, seL4_MessageInfo_t reply, seL4_Word *badge)
{
    return seL4_ReplyRecv(s->ep, reply, badge, s->reply);
}
#else
static seL4_MessageInfo_t first_recv(struct server *s, seL4_Word *badge)
{
    return seL4_Recv(s->ep, badge);
}
static seL4_MessageInfo_t reply_then_recv(struct server *s, seL4_MessageInfo_t reply,
                                          seL4_Word *badge)
{
    seL4_Reply(reply);
    return seL4_Recv(s->ep, badge);
}
static seL4_MessageInfo_t reply_recv(struct server *s, seL4_MessageInfo_t reply, seL4_Word *badge)
{
    return seL4_ReplyRecv(s->ep, reply, badge);
}
#endif

static seL4_CPtr mint(seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge)
{
    seL4_CPtr slot = cairn_slot_alloc();
    CHECK(seL4_CNode_Mint(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode,
                          src, seL4_WordBits, rights, badge));
    return slot;
}

static void print_message(const char *who, seL4_Word badge, seL4_MessageInfo_t info)
{
    seL4_Word n = seL4_MessageInfo_get_length(info);
    printf("%s badge=%lx label=%lx len=%lu caps=%lu unwrapped=%lx mrs", who, (unsigned long)badge,
           (unsigned long)seL4_MessageInfo_get_label(info), (unsigned long)n,
           (unsigned long)seL4_MessageInfo_get_extraCaps(info),
           (unsigned long)seL4_MessageInfo_get_capsUnwrapped(info));
    for (seL4_Word i = 0; i < n; i++)
        printf(" %lx", (unsigned long)seL4_GetMR((int)i));
    if (seL4_MessageInfo_get_capsUnwrapped(info))
        printf(" badge0=%lx", (unsigned long)seL4_GetBadge(0));
    printf("\n");
}

/* label bits: 0-2 reply length (0-6), 3 nested Call (to the next server, with bit 2 the one
 * after), 4 Reply + Recv instead of ReplyRecv (MCS: a passive server's NBSendRecv). */
static void server(void *arg)
{
    struct server *s = arg;
    char who[] = "S0";
    who[1] = (char)('0' + s->id);
    seL4_Word badge;
    seL4_MessageInfo_t info = first_recv(s, &badge);
    for (;;) {
        print_message(who, badge, info);
        seL4_Word label = seL4_MessageInfo_get_label(info);
        int peer_id = s->id + ((label & 4) ? 2 : 1);
        if ((label & 8) && peer_id < SERVERS) {
            struct server *peer = &servers[peer_id];
            seL4_SetMR(0, label);
            seL4_MessageInfo_t r =
                seL4_Call(peer->caps[label % CAPS], seL4_MessageInfo_new(label >> 1, 0, 0, 1));
            print_message("nested", 0, r);
        }
        seL4_Word n = label % 7;
        for (seL4_Word i = 0; i < n; i++)
            seL4_SetMR((int)i, label * 31 + i + (seL4_Word)s->id);
        seL4_MessageInfo_t reply = seL4_MessageInfo_new(label + 0x100, 0, 0, n);
        if (label & 16) {
            info = reply_then_recv(s, reply, &badge);
        } else {
            info = reply_recv(s, reply, &badge);
        }
    }
}

int main(const seL4_BootInfo *bi)
{
    (void)bi;
    rng_state = IPCDIFF_SEED;
    printf("ipcdiff: seed %lx, %d rounds\n", (unsigned long)IPCDIFF_SEED, ROUNDS);
#ifdef CONFIG_KERNEL_MCS
    ready = cairn_retype(seL4_NotificationObject, 0);
#endif
    for (int i = 0; i < SERVERS; i++) {
        struct server *s = &servers[i];
        s->id = i;
        s->ep = cairn_retype(seL4_EndpointObject, 0);
        s->caps[0] = s->ep;
        s->caps[1] = mint(s->ep, seL4_AllRights, 1);
        s->caps[2] = mint(s->ep, seL4_AllRights, 2);
        s->caps[3] = mint(s->ep, seL4_CapRights_new(1, 0, 0, 1), 3); /* GrantReply + Write */
#ifdef CONFIG_KERNEL_MCS
        s->reply = cairn_retype(seL4_ReplyObject, 0);
#endif
        CHECK(cairn_thread_create(&threads[i], seL4_CapNull, server_priority[i], server, s));
#ifdef CONFIG_KERNEL_MCS
        /* It runs up to its first receive; a passive one then gives up its context. */
        seL4_Wait(ready, NULL);
        if (server_passive[i])
            CHECK(seL4_TCB_SetSchedParams(threads[i].tcb, seL4_CapInitThreadTCB, server_priority[i],
                                          server_priority[i], seL4_CapNull, seL4_CapNull));
#endif
    }
    seL4_CPtr ntfn = cairn_retype(seL4_NotificationObject, 0);
    CHECK(seL4_TCB_BindNotification(threads[1].tcb, ntfn));
    signal_cap = mint(ntfn, seL4_CanWrite, 0x40);

    for (int round = 0; round < ROUNDS; round++) {
        if (pick(8) == 0) {
            seL4_Signal(signal_cap);
            printf("R signal\n");
            continue;
        }
        struct server *s = &servers[pick(SERVERS)];
        seL4_Word cap = pick(CAPS);
        seL4_Word label = pick(64);
        seL4_Word n = pick(7);
        seL4_Word extra = pick(4) == 0;
        for (seL4_Word i = 0; i < n; i++)
            seL4_SetMR((int)i, rnd() & 0xffff);
        if (extra)
            seL4_SetCap(0, s->caps[1]);
        printf("R call S%d cap=%lu label=%lx len=%lu extra=%lu\n", s->id, (unsigned long)cap,
               (unsigned long)label, (unsigned long)n, (unsigned long)extra);
        seL4_MessageInfo_t info = seL4_Call(s->caps[cap], seL4_MessageInfo_new(label, 0, extra, n));
        print_message("R got", 0, info);
    }
    printf("ipcdiff: done\n");
    return 0;
}
