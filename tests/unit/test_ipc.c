// SPDX-License-Identifier: BSD-2-Clause
// Unit tests of api/ipc.c and the endpoint rendezvous: message registers through registers
// and IPC buffers, badges, cap transfer with and without Grant, caller caps and replies.
#include "fixtures.h"

#include "ipc/transfer.h"
#include "api/ipc.h"
#include "object/endpoint.h"
#include "state.h"
#include "unit_main.h"

#define EP_SLOT 12
#define NTFN_SLOT 13
#define RECV_SLOT 20

static struct tcb *sender, *receiver;
static struct endpoint *ep;
static word_t *send_buf, *recv_buf;

// A frame in root slot `slot` becomes t's IPC buffer (vaddr 0: offset 0 in the frame).
static word_t *give_buffer(struct tcb *t, word_t slot)
{
    struct cte *frame = fx_object(slot, seL4_ARM_SmallPageObject, 0);
    t->slots[TCB_BUFFER].cap = frame->cap;
    t->ipc_buffer = 0;
    return (word_t *)cap_ptr(frame->cap);
}

static int setup(void **state)
{
    (void)state;
    fx_setup();
    sender = fx.thread;
    receiver = fx_tcb();
    receiver->slots[TCB_CTABLE].cap = fx.root_cap;
    tcb_setup_reply_master(sender);
    send_buf = give_buffer(sender, 10);
    recv_buf = give_buffer(receiver, 11);
    ep = (struct endpoint *)cap_ptr(fx_object(EP_SLOT, seL4_EndpointObject, 0)->cap);
    fx_object(NTFN_SLOT, seL4_NotificationObject, 0);
    return 0;
}

static word_t info(word_t label, word_t extra, word_t length)
{
    return (label << 12) | (extra << 7) | length;
}

UNIT_TEST(send_reaches_waiting_receiver_with_all_mrs)
{
    endpoint_receive(ep, receiver, false, true);
    assert_int_equal(receiver->state, TS_BLOCKED_ON_RECEIVE);
    sender->ctx.x[1] = info(7, 0, 6);
    for (unsigned i = 0; i < 4; i++) {
        sender->ctx.x[2 + i] = 1 + i;
    }
    send_buf[1 + 4] = 5;
    send_buf[1 + 5] = 6;
    endpoint_send(ep, sender, 9, false, false, false, true);
    assert_int_equal(receiver->state, TS_RUNNING);
    assert_int_equal(receiver->ctx.x[0], 9);
    assert_int_equal(receiver->ctx.x[1], info(7, 0, 6));
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(receiver->ctx.x[2 + i], 1 + i);
    }
    assert_int_equal(recv_buf[1 + 4], 5);
    assert_int_equal(recv_buf[1 + 5], 6);
}

// Sender queues with one extra cap (the notification in NTFN_SLOT); receiver names RECV_SLOT.
static void send_one_cap(bool grant)
{
    sender->ctx.x[1] = info(0, 1, 0);
    send_buf[122] = NTFN_SLOT;
    recv_buf[125] = 2; // the root CNode cap's slot
    recv_buf[126] = RECV_SLOT;
    recv_buf[127] = 64;
    endpoint_send(ep, sender, 0, grant, false, false, true);
    assert_int_equal(sender->state, TS_BLOCKED_ON_SEND);
    endpoint_receive(ep, receiver, false, true);
}

UNIT_TEST(cap_transfer_with_grant_fills_receive_slot)
{
    send_one_cap(true);
    assert_int_equal(receiver->ctx.x[1], info(0, 1, 0));
    assert_int_equal(cap_type(fx_slot(RECV_SLOT)->cap), CAP_NOTIFICATION);
    assert_int_equal(sender->state, TS_RUNNING);
}

UNIT_TEST(cap_transfer_without_grant_drops_the_cap)
{
    send_one_cap(false);
    assert_int_equal(receiver->ctx.x[1], info(0, 0, 0));
    assert_true(cap_is_null(fx_slot(RECV_SLOT)->cap));
}

UNIT_TEST(call_with_grant_reply_creates_caller_cap_and_reply_wakes_caller)
{
    endpoint_receive(ep, receiver, true, true);
    sender->ctx.x[1] = info(1, 0, 1);
    sender->ctx.x[2] = 0x77;
    endpoint_send(ep, sender, 0, false, true, true, true);
    assert_int_equal(sender->state, TS_BLOCKED_ON_REPLY);
    cap_t caller = receiver->slots[TCB_CALLER].cap;
    assert_int_equal(cap_type(caller), CAP_REPLY);
    assert_false(cap_reply_is_master(caller));
    assert_true(cap_reply_can_grant(caller));

    receiver->ctx.x[1] = info(3, 0, 1);
    receiver->ctx.x[2] = 0x88;
    handle_reply(receiver);
    assert_int_equal(sender->state, TS_RUNNING);
    assert_int_equal(sender->ctx.x[0], 0);
    assert_int_equal(sender->ctx.x[1], info(3, 0, 1));
    assert_int_equal(sender->ctx.x[2], 0x88);
    assert_true(cap_is_null(receiver->slots[TCB_CALLER].cap));
}

UNIT_TEST(call_without_grant_leaves_caller_inactive)
{
    endpoint_receive(ep, receiver, true, true);
    sender->ctx.x[1] = info(1, 0, 0);
    endpoint_send(ep, sender, 0, false, false, true, true);
    assert_int_equal(sender->state, TS_INACTIVE);
    assert_true(cap_is_null(receiver->slots[TCB_CALLER].cap));
}

UNIT_TEST(nbrecv_with_nothing_gives_badge_zero)
{
    receiver->ctx.x[0] = 0x1234;
    endpoint_receive(ep, receiver, false, false);
    assert_int_equal(receiver->ctx.x[0], 0);
    assert_int_equal(receiver->state, TS_INACTIVE);
}

UNIT_TEST_MAIN(
    "tests", cmocka_unit_test_setup(send_reaches_waiting_receiver_with_all_mrs, setup),
    cmocka_unit_test_setup(cap_transfer_with_grant_fills_receive_slot, setup),
    cmocka_unit_test_setup(cap_transfer_without_grant_drops_the_cap, setup),
    cmocka_unit_test_setup(call_with_grant_reply_creates_caller_cap_and_reply_wakes_caller, setup),
    cmocka_unit_test_setup(call_without_grant_leaves_caller_inactive, setup),
    cmocka_unit_test_setup(nbrecv_with_nothing_gives_badge_zero, setup))
