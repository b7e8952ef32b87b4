// SPDX-License-Identifier: BSD-2-Clause
// The transfer of a message between two threads (seL4 thread.c, non-MCS): words from
// registers and IPC buffers, badges, extra caps (derived into the receiver's slot or
// unwrapped), fault messages, the reply cap a Call leaves, and replies, fault replies
// included. Below the objects: object/endpoint.c decides who meets whom and calls here.
#include "ipc/transfer.h"

#include "assert.h"
#include "util.h"
#include "msg/message.h"
#include "cspace/cdt.h"
#include "cspace/derive.h"
#include "cspace/lookup.h"
#include "sched/sched.h"
#ifdef CONFIG_KERNEL_MCS
#include "sched/refill.h"
#endif

// ---- message registers -----------------------------------------------------------------------

// seL4 copyMRs: MR0..3 always, the rest only when both buffers exist. Returns the count.
static word_t copy_mrs(struct tcb *sender, const word_t *send_buf, struct tcb *receiver,
                       word_t *recv_buf, word_t n)
{
    word_t i;
    for (i = 0; i < n && i < FAST_MSG_REGS; i++) {
        ctx_set_mr(&receiver->ctx, (unsigned)i, ctx_get_mr(&sender->ctx, (unsigned)i));
    }
    if (!send_buf || !recv_buf) {
        return i;
    }
    for (; i < n; i++) {
        recv_buf[IPC_BUFFER_MR(i)] = send_buf[IPC_BUFFER_MR(i)];
    }
    return i;
}

// ---- caps -------------------------------------------------------------------------------------

// seL4 getReceiveSlots: the empty slot the receiver named for one incoming cap, or NULL.
static struct cte *receive_slot(struct tcb *receiver, const word_t *recv_buf)
{
    struct lookup_fault lf;
    cap_t root;
    if (lookup_cap(receiver, recv_buf[IPC_BUFFER_RECEIVE_CNODE], &lf, &root) != EXC_NONE) {
        return NULL;
    }
    // A failure here only means no slot: the error it describes is dropped.
    struct syscall_error unused;
    struct cte *slot;
    if (lookup_slot_for_cnode_op(&unused, root, recv_buf[IPC_BUFFER_RECEIVE_INDEX],
                                 recv_buf[IPC_BUFFER_RECEIVE_DEPTH], false, &slot) != EXC_NONE) {
        return NULL;
    }
    return cap_is_null(slot->cap) ? slot : NULL;
}

// seL4 lookupExtraCaps at transfer time: the sender's extra-cap slots, or 0 caps when
// any lookup fails (the message still goes through, without caps).
static unsigned lookup_extra_caps(struct tcb *sender, const word_t *send_buf, word_t info,
                                  struct cte *slots[seL4_MsgMaxExtraCaps])
{
    unsigned n = msg_info_extra_caps(info);
    for (unsigned i = 0; i < n; i++) {
        struct lookup_fault lf;
        if (lookup_slot(sender, send_buf[IPC_BUFFER_CAPS + i], &lf, &slots[i]) != EXC_NONE) {
            return 0;
        }
    }
    return n;
}

/*
 * seL4 transferCaps: at most one real cap, into the receiver's receive slot. A cap to the
 * endpoint the message came through is "unwrapped": only its badge goes to
 * caps_or_badges[i] and bit i of capsUnwrapped is set. Stops at the first cap that cannot
 * be transferred (no slot left, or it cannot be derived). Returns the receiver's info
 * word with extraCaps = caps handled and capsUnwrapped filled in.
 */
static word_t transfer_caps(word_t info, struct endpoint *ep, struct tcb *receiver,
                            word_t *recv_buf, struct cte *const *slots, unsigned count)
{
    word_t unwrapped = 0;
    unsigned i = 0;
    if (count == 0 || !recv_buf) {
        return msg_info_new(msg_info_label(info), 0, 0, 0);
    }
    struct cte *dest = receive_slot(receiver, recv_buf);
    for (; i < count; i++) {
        struct cte *slot = slots[i];
        cap_t cap = slot->cap;
        if (cap_type(cap) == CAP_ENDPOINT && (struct endpoint *)cap_ptr(cap) == ep) {
            recv_buf[IPC_BUFFER_CAPS + i] = cap_ipc_badge(cap);
            unwrapped |= BIT(i);
            continue;
        }
        if (!dest) {
            break;
        }
        struct syscall_error unused;
        cap_t derived;
        if (derive_cap(&unused, slot, cap, &derived) != EXC_NONE || cap_is_null(derived)) {
            break;
        }
        cdt_insert(derived, slot, dest);
        dest = NULL;
    }
    return msg_info_new(msg_info_label(info), unwrapped, i, 0);
}

// ---- the transfer -----------------------------------------------------------------------------

// seL4 doNormalTransfer.
static void normal_transfer(struct tcb *sender, const word_t *send_buf, struct endpoint *ep,
                            word_t badge, bool can_grant, struct tcb *receiver, word_t *recv_buf)
{
    word_t info = sender->ctx.x[REG_MSGINFO];
    struct cte *slots[seL4_MsgMaxExtraCaps];
    unsigned count = 0;
    if (can_grant && send_buf) {
        count = lookup_extra_caps(sender, send_buf, info, slots);
    }
    word_t sent = copy_mrs(sender, send_buf, receiver, recv_buf, msg_info_length(info));
    word_t out = transfer_caps(info, ep, receiver, recv_buf, slots, count);
    receiver->ctx.x[REG_MSGINFO] = out | sent;
    receiver->ctx.x[REG_CAP] = badge;
}

// The fault message words for t->fault (docs/design/abi.md §10.2, seL4 setMRs_fault). Returns the
// length.
static unsigned fault_message_mrs(const struct tcb *t, word_t *mrs)
{
    const struct fault *f = &t->fault;
    const struct user_context *ctx = &t->ctx;
    switch (f->type) {
    case seL4_Fault_CapFault:
        mrs[0] = ctx->fault_ip;
        mrs[1] = f->w[0];
        mrs[2] = f->w[1];
        return 3 + lookup_fault_mrs(&f->lookup, &mrs[3]);
    case seL4_Fault_VMFault:
        mrs[0] = ctx->fault_ip;
        mrs[1] = f->w[0];
        mrs[2] = f->w[2];
        mrs[3] = f->w[1];
        return seL4_VMFault_Length;
    case seL4_Fault_UnknownSyscall:
        for (unsigned i = 0; i < 8; i++) {
            mrs[i] = ctx->x[i];
        }
        mrs[8] = ctx->fault_ip;
        mrs[9] = ctx->sp;
        mrs[10] = ctx->elr;
        mrs[11] = ctx->spsr;
        mrs[12] = f->w[0];
        return seL4_UnknownSyscall_Length;
    case seL4_Fault_UserException:
        mrs[0] = ctx->fault_ip;
        mrs[1] = ctx->sp;
        mrs[2] = ctx->spsr;
        mrs[3] = f->w[0];
        mrs[4] = 0;
        return seL4_UserException_Length;
#ifdef CONFIG_KERNEL_MCS
    case seL4_Fault_Timeout:
        // The context's badge, then (with a context) the time it used since the last
        // report, in microseconds, which restarts from 0.
        mrs[seL4_Timeout_Data] = f->w[0];
        if (t->sc == NULL) {
            return seL4_Timeout_Data + 1;
        }
        mrs[seL4_Timeout_Consumed] = sc_take_consumed_us(t->sc);
        return seL4_Timeout_Length;
#endif
    default:
        return 0;
    }
}

// seL4 doFaultTransfer: the fault message, label = fault type.
static void fault_transfer(word_t badge, struct tcb *sender, struct tcb *receiver, word_t *recv_buf)
{
    word_t mrs[16];
    unsigned n = fault_message_mrs(sender, mrs);
    for (unsigned i = 0; i < n; i++) {
        msg_set_mr(&receiver->ctx, recv_buf, i, mrs[i]);
    }
    // Without a receive buffer only the register MRs arrive, and the length says so.
    word_t sent = (recv_buf || n <= FAST_MSG_REGS) ? n : FAST_MSG_REGS;
    receiver->ctx.x[REG_MSGINFO] = msg_info_new(sender->fault.type, 0, 0, sent);
    receiver->ctx.x[REG_CAP] = badge;
}

void ipc_transfer(struct tcb *sender, struct endpoint *ep, word_t badge, bool can_grant,
                  struct tcb *receiver)
{
    word_t *recv_buf = lookup_ipc_buffer(receiver, true);
    if (sender->fault.type == seL4_Fault_NullFault) {
        word_t *send_buf = lookup_ipc_buffer(sender, false);
        normal_transfer(sender, send_buf, ep, badge, can_grant, receiver, recv_buf);
    } else {
        fault_transfer(badge, sender, receiver, recv_buf);
    }
}

// ---- caller caps and replies ---------------------------------------------------------------

#ifndef CONFIG_KERNEL_MCS
void ipc_setup_caller_cap(struct tcb *sender, struct tcb *receiver, bool can_grant)
{
    thread_set_state(sender, TS_BLOCKED_ON_REPLY);
    struct cte *reply_slot = tcb_slot(sender, TCB_REPLY);
    struct cte *caller_slot = tcb_slot(receiver, TCB_CALLER);
    kassert(cap_type(reply_slot->cap) == CAP_REPLY && cap_reply_is_master(reply_slot->cap));
    kassert(cap_is_null(caller_slot->cap));
    cdt_insert(cap_reply_new((pptr_t)sender, false, can_grant), reply_slot, caller_slot);
}
#endif

// The registers a fault reply writes back, in message order (seL4 fault_messages).
static const uint8_t syscall_reply_regs[] = {
    TCB_REG_X0,       TCB_REG_X0 + 1, TCB_REG_X0 + 2, TCB_REG_X0 + 3,
    TCB_REG_X0 + 4,   TCB_REG_X0 + 5, TCB_REG_X0 + 6, TCB_REG_X0 + 7,
    TCB_REG_FAULT_IP, TCB_REG_SP,     TCB_REG_ELR,    TCB_REG_SPSR,
};
static const uint8_t exception_reply_regs[] = {TCB_REG_FAULT_IP, TCB_REG_SP, TCB_REG_SPSR};
#ifdef CONFIG_KERNEL_MCS
// clang-format off
static const uint8_t timeout_reply_regs[] = {
    TCB_REG_FAULT_IP, TCB_REG_SP, TCB_REG_SPSR, 0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 29, 30,
    9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
};
// clang-format on
#endif

// seL4 copyMRsFaultReply: the replier's first `length` MRs into receiver's registers.
static void copy_fault_reply(struct tcb *sender, struct tcb *receiver, const uint8_t *regs,
                             word_t length)
{
    word_t i;
    for (i = 0; i < length && i < FAST_MSG_REGS; i++) {
        ctx_set_register(&receiver->ctx, regs[i], ctx_get_mr(&sender->ctx, (unsigned)i));
    }
    const word_t *send_buf = i < length ? lookup_ipc_buffer(sender, false) : NULL;
    for (; send_buf && i < length; i++) {
        ctx_set_register(&receiver->ctx, regs[i], send_buf[IPC_BUFFER_MR(i)]);
    }
}

/*
 * seL4 handleFaultReply: interpret sender's reply to receiver's fault. Cap and VM faults
 * restart the thread whatever the reply says; UnknownSyscall and UserException write the
 * reply MRs back into the registers and restart only if the label is 0.
 */
static bool handle_fault_reply(struct tcb *receiver, struct tcb *sender)
{
    word_t info = sender->ctx.x[REG_MSGINFO];
    word_t label = msg_info_label(info), length = msg_info_length(info);
    switch (receiver->fault.type) {
    case seL4_Fault_UnknownSyscall:
        copy_fault_reply(sender, receiver, syscall_reply_regs,
                         MIN(length, ARRAY_SIZE(syscall_reply_regs)));
        return label == 0;
    case seL4_Fault_UserException:
        copy_fault_reply(sender, receiver, exception_reply_regs,
                         MIN(length, ARRAY_SIZE(exception_reply_regs)));
        return label == 0;
#ifdef CONFIG_KERNEL_MCS
    case seL4_Fault_Timeout:
        copy_fault_reply(sender, receiver, timeout_reply_regs,
                         MIN(length, ARRAY_SIZE(timeout_reply_regs)));
        return label == 0;
#endif
    case seL4_Fault_CapFault:
    case seL4_Fault_VMFault:
        return true;
    default:
        panic("handle_fault_reply: fault type %lu", receiver->fault.type);
    }
}

void ipc_reply_transfer(struct tcb *sender, struct tcb *receiver, struct cte *slot, bool can_grant)
{
    kassert(receiver->state == TS_BLOCKED_ON_REPLY);
    if (receiver->fault.type == seL4_Fault_NullFault) {
        ipc_transfer(sender, NULL, 0, can_grant, receiver);
        cte_delete_one(slot);
        thread_set_state(receiver, TS_RUNNING);
        sched_possible_switch_to(receiver);
        return;
    }
    cte_delete_one(slot);
    bool restart = handle_fault_reply(receiver, sender);
    receiver->fault.type = seL4_Fault_NullFault;
    if (restart) {
        thread_set_state(receiver, TS_RESTART);
        sched_possible_switch_to(receiver);
    } else {
        thread_set_state(receiver, TS_INACTIVE);
    }
}

#ifdef CONFIG_KERNEL_MCS
void ipc_reply_to(struct tcb *sender, struct tcb *receiver, bool can_grant)
{
    if (receiver->fault.type == seL4_Fault_NullFault) {
        ipc_transfer(sender, NULL, 0, can_grant, receiver);
        thread_set_state(receiver, TS_RUNNING);
    } else {
        bool restart = handle_fault_reply(receiver, sender);
        receiver->fault.type = seL4_Fault_NullFault;
        thread_set_state(receiver, restart ? TS_RESTART : TS_INACTIVE);
    }
    // Whether it runs now depends on its budget: object/reply.c, reply_transfer.
}
#endif
