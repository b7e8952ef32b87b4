// SPDX-License-Identifier: BSD-2-Clause
// Message passing between threads (seL4 manual §4, seL4 thread.c/syscall.c, non-MCS):
// the Recv and Reply system calls, endpoint sends from invocations and faults, the message
// transfer itself (registers, IPC buffers, extra caps, fault messages), caller caps and
// replies, including fault replies. Who meets whom on an endpoint is object/endpoint.c's.
#include "api/ipc.h"

#include "assert.h"
#include "util.h"
#include "api/faults.h"
#include "api/invocation.h"
#include "cspace/cdt.h"
#include "cspace/lookup.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "sched/sched.h"

/*
 * The IPC buffer words the kernel uses (docs/design/abi.md §2.4): MRi is word 1 + i, then
 *
 *   122..124  caps_or_badges[0..2]: extra-cap CPtrs on send, unwrapped badges on receive
 *   125       receiveCNode  (CPtr, full depth in the receiver's CSpace)
 *   126       receiveIndex
 *   127       receiveDepth
 */
#define IPC_BUFFER_CAPS 122
#define IPC_BUFFER_RECEIVE_CNODE 125
#define IPC_BUFFER_RECEIVE_INDEX 126
#define IPC_BUFFER_RECEIVE_DEPTH 127

// seL4_MessageInfo fields (docs/design/abi.md §3.1).
static word_t info_label(word_t info)
{
    return info >> 12;
}
static word_t info_length(word_t info)
{
    return MIN(info & 0x7f, (word_t)seL4_MsgMaxLength);
}
static unsigned info_extra_caps(word_t info)
{
    return (unsigned)bits_get(info, 7, 2);
}
static word_t info_new(word_t label, word_t unwrapped, word_t extra, word_t length)
{
    return (label << 12) | ((unwrapped & 0x7) << 9) | ((extra & 0x3) << 7) | (length & 0x7f);
}

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
        recv_buf[1 + i] = send_buf[1 + i];
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
    // lookup_slot_for_cnode_op reports through an invocation record; this one is scratch.
    struct invocation scratch = {.thread = receiver};
    struct cte *slot;
    if (lookup_slot_for_cnode_op(&scratch, root, recv_buf[IPC_BUFFER_RECEIVE_INDEX],
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
    unsigned n = info_extra_caps(info);
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
        return info_new(info_label(info), 0, 0, 0);
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
        cap_t derived = derive_cap(slot, cap);
        if (cap_is_null(derived)) {
            break;
        }
        cdt_insert(derived, slot, dest);
        dest = NULL;
    }
    return info_new(info_label(info), unwrapped, i, 0);
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
    word_t sent = copy_mrs(sender, send_buf, receiver, recv_buf, info_length(info));
    word_t out = transfer_caps(info, ep, receiver, recv_buf, slots, count);
    receiver->ctx.x[REG_MSGINFO] = out | sent;
    receiver->ctx.x[REG_CAP] = badge;
}

// seL4 doFaultTransfer: the fault message, label = fault type.
static void fault_transfer(word_t badge, struct tcb *sender, struct tcb *receiver, word_t *recv_buf)
{
    word_t mrs[16];
    unsigned n = fault_message_mrs(sender, mrs);
    for (unsigned i = 0; i < n; i++) {
        set_mr(receiver, recv_buf, i, mrs[i]);
    }
    // Without a receive buffer only the register MRs arrive, and the length says so.
    word_t sent = (recv_buf || n <= FAST_MSG_REGS) ? n : FAST_MSG_REGS;
    receiver->ctx.x[REG_MSGINFO] = info_new(sender->fault.type, 0, 0, sent);
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

void ipc_setup_caller_cap(struct tcb *sender, struct tcb *receiver, bool can_grant)
{
    thread_set_state(sender, TS_BLOCKED_ON_REPLY);
    struct cte *reply_slot = tcb_slot(sender, TCB_REPLY);
    struct cte *caller_slot = tcb_slot(receiver, TCB_CALLER);
    kassert(cap_type(reply_slot->cap) == CAP_REPLY && cap_reply_is_master(reply_slot->cap));
    kassert(cap_is_null(caller_slot->cap));
    cdt_insert(cap_reply_new((pptr_t)sender, false, can_grant), reply_slot, caller_slot);
}

// seL4 deleteCallerCap: a thread that receives again forgets whom it could reply to.
static void delete_caller_cap(struct tcb *t)
{
    cte_delete_one(tcb_slot(t, TCB_CALLER));
}

// The registers a fault reply writes back, in message order (seL4 fault_messages).
static const uint8_t syscall_reply_regs[] = {
    TCB_REG_X0,       TCB_REG_X0 + 1, TCB_REG_X0 + 2, TCB_REG_X0 + 3,
    TCB_REG_X0 + 4,   TCB_REG_X0 + 5, TCB_REG_X0 + 6, TCB_REG_X0 + 7,
    TCB_REG_FAULT_IP, TCB_REG_SP,     TCB_REG_ELR,    TCB_REG_SPSR,
};
static const uint8_t exception_reply_regs[] = {TCB_REG_FAULT_IP, TCB_REG_SP, TCB_REG_SPSR};

// seL4 copyMRsFaultReply: the replier's first `length` MRs into receiver's registers.
static void copy_fault_reply(struct tcb *sender, struct tcb *receiver, const uint8_t *regs,
                             word_t length)
{
    word_t i;
    for (i = 0; i < length && i < FAST_MSG_REGS; i++) {
        tcb_set_register(receiver, regs[i], ctx_get_mr(&sender->ctx, (unsigned)i));
    }
    const word_t *send_buf = i < length ? lookup_ipc_buffer(sender, false) : NULL;
    for (; send_buf && i < length; i++) {
        tcb_set_register(receiver, regs[i], send_buf[1 + i]);
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
    word_t label = info_label(info), length = info_length(info);
    switch (receiver->fault.type) {
    case seL4_Fault_UnknownSyscall:
        copy_fault_reply(sender, receiver, syscall_reply_regs,
                         MIN(length, ARRAY_SIZE(syscall_reply_regs)));
        return label == 0;
    case seL4_Fault_UserException:
        copy_fault_reply(sender, receiver, exception_reply_regs,
                         MIN(length, ARRAY_SIZE(exception_reply_regs)));
        return label == 0;
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

// ---- the system calls ----------------------------------------------------------------------

// A receive-phase cap fault on cptr, delivered to t's fault handler.
static void receive_cap_fault(struct tcb *t, cptr_t cptr, const struct lookup_fault *lf)
{
    t->fault.type = seL4_Fault_CapFault;
    t->fault.w[0] = cptr;
    t->fault.w[1] = 1;
    t->fault.lookup = *lf;
    handle_fault(t);
}

void handle_recv(struct tcb *t, bool is_blocking)
{
    cptr_t cptr = t->ctx.x[REG_CAP];
    struct lookup_fault lf;
    cap_t c;

    // The CPtr does not resolve: CapFault with the lookup failure.
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE) {
        receive_cap_fault(t, cptr, &lf);
        return;
    }

    // Anything else that cannot be received on: CapFault, MissingCapability(0).
    lf = (struct lookup_fault){.type = seL4_MissingCapability, .bits_left = 0};
    switch (cap_type(c)) {
    case CAP_ENDPOINT:
        // An endpoint without the Read right.
        if (!(cap_ipc_rights(c) & CAP_RIGHT_READ)) {
            break;
        }
        delete_caller_cap(t);
        endpoint_receive((struct endpoint *)cap_ptr(c), t,
                         (cap_ipc_rights(c) & CAP_RIGHT_GRANT) != 0, is_blocking);
        return;
    case CAP_NOTIFICATION: {
        // A notification without Read, or bound to another thread.
        struct notification *n = (struct notification *)cap_ptr(c);
        if (!(cap_ipc_rights(c) & CAP_RIGHT_READ) || (n->bound_tcb && n->bound_tcb != t)) {
            break;
        }
        notification_receive(t, n, is_blocking);
        return;
    }
    default:
        break;
    }
    receive_cap_fault(t, cptr, &lf);
}

void handle_reply(struct tcb *t)
{
    struct cte *slot = tcb_slot(t, TCB_CALLER);
    cap_t c = slot->cap;
    switch (cap_type(c)) {
    case CAP_NULL:
        return; // nobody to reply to
    case CAP_REPLY:
        if (!cap_reply_is_master(c)) {
            struct tcb *caller = tcb_from_pptr(cap_ptr(c));
            kassert(caller != t);
            ipc_reply_transfer(t, caller, slot, cap_reply_can_grant(c));
            return;
        }
        break;
    default:
        break;
    }
    panic("handle_reply: caller slot holds cap type %u", (unsigned)cap_type(c));
}

exception_t endpoint_send_from_invocation(struct invocation *inv, bool is_blocking)
{
    cap_t c = inv->cap;
    unsigned rights = cap_ipc_rights(c);
    endpoint_send((struct endpoint *)cap_ptr(c), inv->thread, cap_ipc_badge(c),
                  (rights & CAP_RIGHT_GRANT) != 0, (rights & CAP_RIGHT_GRANT_REPLY) != 0,
                  inv->is_call, is_blocking);
    return EXC_NONE;
}

exception_t reply_from_invocation(struct invocation *inv)
{
    cap_t c = inv->cap;
    kassert(cap_type(c) == CAP_REPLY && !cap_reply_is_master(c));
    ipc_reply_transfer(inv->thread, tcb_from_pptr(cap_ptr(c)), inv->slot, cap_reply_can_grant(c));
    return EXC_NONE;
}

void endpoint_send_fault(struct tcb *t, cap_t ep)
{
    endpoint_send((struct endpoint *)cap_ptr(ep), t, cap_ipc_badge(ep),
                  (cap_ipc_rights(ep) & CAP_RIGHT_GRANT) != 0, true, true, true);
}
