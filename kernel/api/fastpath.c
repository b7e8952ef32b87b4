// SPDX-License-Identifier: BSD-2-Clause
// The IPC fastpath: seL4_Call and seL4_ReplyRecv in the common case, entered straight from
// the syscall trap (vectors.S) before anything else runs. Each function first checks every
// condition under which its result could differ from the general path's (api/syscall.c
// and below); any failed check hands the syscall to the general path, which then does the
// whole job. Past the checks nothing can fail, and the result is the one the general path
// would give: badge, message info, message registers, reply cap and derivation tree (MCS:
// Reply object, call stack and scheduling contexts), thread states, endpoint queue, which
// thread runs next and the ready queues. Both configurations share everything but who
// answers whom (the caller cap, or the Reply object with its scheduling context).
//
// The common case, and why each condition is there (seL4's fastpath checks the same things):
//   Call       MessageInfo: length <= 4, no extra caps (the message is in registers, no
//              IPC buffer or cap transfer); the caller has no pending fault (it would send
//              a fault message); x0 resolves to an endpoint cap with Write and with Grant
//              or GrantReply (else the caller would not wait for a reply); a receiver is
//              queued on it, has no bound notification and an empty caller slot; the
//              caller's master reply cap is in place; the receiver's VSpace is valid; no
//              ready thread has a higher priority than the receiver (schedule() would pick
//              it: the receiver is queued at the head of its priority) and no scheduler
//              decision is pending. Cairn has one scheduling domain, so domains never
//              decide.
//   ReplyRecv  the same MessageInfo and no pending fault; x0 resolves to an endpoint cap
//              with Read; no signal pending on the thread's bound notification (the
//              receive would take it); nobody is queued to send on the endpoint (the
//              receive would complete at once); the caller slot holds a reply cap to a
//              thread blocked on reply without a fault (a fault reply restarts the thread
//              instead); that thread's VSpace is valid, and it would be scheduled (as above).
//
// MCS (make MCS=1) takes only the round trip with a passive server, as seL4's MCS fastpath
// does: the scheduling context travels with the message, so the one that runs next is the
// one that ran, and no time has to be accounted or a timer reprogrammed (the time used is
// charged to that context at the next general kernel entry, as seL4 does):
//   Call       instead of the caller slot and master reply cap: the receiver has no
//              scheduling context of its own (else it would run on its own: general path)
//              and waits with a Reply object (without one the caller would become
//              Inactive). The Call links the Reply object to the caller, puts it on top of
//              the caller's context's call stack and lends the context to the receiver
//              (seL4 reply_push and schedContext_donate).
//   ReplyRecv  instead of the caller slot: x6 resolves (in the fast lookup) to a Reply cap;
//              its object links a caller and heads the call stack of the very context this
//              thread runs on, i.e. it is that context's top Reply object (a reply that gives
//              no context back, or another one, changes which context runs: general path),
//              and that caller has no context of its own (it would keep it and the server
//              its own). The reply takes the object off
//              the stack and gives the context back (seL4 reply_pop); the receive links the
//              same object to this thread, which waits without a context.
//   seL4 16.0.0's MCS Call/ReplyRecv fastpath checks no budget: the caller's context keeps
//   running, so its budget and the timer stay as they were (only seL4's signal fastpath,
//   which may start another context, checks that one's refills).
//
// The message is read and written through the message layer (msg/message.h): the
// MessageInfo codec and the register MRs.
#include "api/fastpath.h"

#include "config.h"

#include "abi.h"
#include "assert.h"
#include "util.h"
#include "state.h"
#include "arch/api.h"
#include "api/invocation.h"
#include "api/syscall.h"
#include "check/invariants.h"
#include "cspace/cte.h"
#include "cspace/lookup.h"
#include "msg/message.h"
#include "object/endpoint.h"
#include "object/notification.h"
#include "object/tcb.h"
#include "object/vspace.h"
#include "sched/sched.h"

#if CONFIG_FASTPATH

#ifdef CONFIG_KERNEL_MCS
#include "object/reply.h"
#endif

NORETURN void restore_user_context(struct user_context *ctx);

// ---- conditions ---------------------------------------------------------------------------

// lookup_slot's successful case (the slot x0 names), or NULL: the general path reports it.
static FORCE_INLINE struct cte *lookup_slot_fast(const struct tcb *t, cptr_t cptr)
{
    word_t bits_left;
    return resolve_address_bits_fast(t->slots[TCB_CTABLE].cap, cptr, 64, &bits_left);
}

// The general path for the whole syscall, or for an invocation whose CPtr resolved to slot.
static NORETURN void slowpath(word_t number)
{
    handle_syscall(number);
    kernel_exit();
}
static NORETURN void slowpath_invocation(struct tcb *t, struct cte *slot)
{
    handle_invocation(t, slot, true, true);
    kernel_exit();
}

// Where t runs: its VSpace's TTBR0 value, and whether that is the one installed (then the
// switch writes nothing).
struct vspace_switch {
    word_t ttbr0;
    bool installed;
};

// Whether t's VSpace is valid (else the general path activates the empty one), and where it
// runs. The installed VSpace is valid, so a thread of the same VSpace needs no ASID table
// lookup.
static FORCE_INLINE bool vspace_valid(const struct tcb *t, struct vspace_switch *to)
{
    cap_t c = t->slots[TCB_VTABLE].cap;
    if (unlikely(cap_type(c) != CAP_VSPACE || !cap_vspace_has_asid(c))) {
        return false;
    }
    to->ttbr0 = arch_vspace_ttbr(pptr_to_paddr(cap_ptr(c)), cap_vspace_asid(c));
    to->installed = arch_vspace_is_current(to->ttbr0);
    return to->installed || vspace_from_cap(c) != NULL;
}

// The thread would run at once after the syscall: nothing of higher priority is ready. (No
// scheduler decision is pending on entry from user mode: schedule() always clears it.)
static FORCE_INLINE bool would_be_scheduled(const struct tcb *t)
{
    kassert(ks_sched_action == NULL);
    return sched_is_highest_priority(t->priority);
}

// ---- the transfer -------------------------------------------------------------------------

// MR i (< 4) register to register.
static FORCE_INLINE void copy_mr(const struct tcb *from, struct tcb *to, unsigned i)
{
    msg_set_mr(&to->ctx, NULL, i, msg_get_mr(&from->ctx, NULL, i));
}

// MR0..length-1 (length <= 4) register to register, then x1 and x0 (seL4 doIPCTransfer).
// The receiver's registers past the length keep their values, as in the general path.
static FORCE_INLINE void transfer_registers(struct tcb *from, struct tcb *to, word_t info,
                                            word_t badge)
{
    word_t length = seL4_MessageInfo_get_length(msg_info(info)); // <= 4 here
    if (length >= 2) { // in pairs: MR0, MR1, then MR2 and MR3 as far as the length goes
        copy_mr(from, to, 0);
        copy_mr(from, to, 1);
        if (length == 4) {
            copy_mr(from, to, 2);
            copy_mr(from, to, 3);
        } else if (length == 3) {
            copy_mr(from, to, 2);
        }
    } else if (length == 1) {
        copy_mr(from, to, 0);
    }
    to->ctx.x[REG_MSGINFO] = msg_info_registers_received(info);
    to->ctx.x[REG_CAP] = badge;
}

// ---- the endpoint queue -------------------------------------------------------------------

// dest, the first receiver queued on ep, leaves the queue.
static FORCE_INLINE void receiver_dequeue(struct endpoint *ep, struct tcb *dest)
{
    struct tcb *next = dest->ep_next;
    ep_set_queue(ep, next, next ? ep_tail(ep) : NULL, next ? EP_RECV : EP_IDLE);
    if (next) {
        next->ep_prev = NULL;
    }
    dest->ep_next = NULL;
}

// t waits to receive at the end of ep's queue (MCS: in priority order), through a cap with
// these rights.
static FORCE_INLINE void receiver_enqueue(struct endpoint *ep, struct tcb *t, unsigned rights)
{
    t->state = TS_BLOCKED_ON_RECEIVE;
    t->blocked_on = (pptr_t)ep;
    t->blocking_can_grant = (rights & CAP_RIGHT_GRANT) != 0;
#ifdef CONFIG_KERNEL_MCS
    ep_queue_insert(ep, t, EP_RECV); // MCS: in priority order, as the general path
#else
    struct tcb *tail = ep_tail(ep);
    t->ep_prev = tail;
    t->ep_next = NULL;
    if (tail) {
        tail->ep_next = t;
    }
    ep_set_queue(ep, tail ? ep->head : t, t, EP_RECV);
#endif
}

// ---- who answers whom ---------------------------------------------------------------------
// call_can_link(cur, dest): the Call's conditions on the way back (above). call_link: cur,
// BlockedOnReply, can be answered by dest. reply_may_be_fast(cur), then replied_caller(cur,
// &link, &caller): ReplyRecv's conditions on the way back, and whom it answers. replied_unlink(cur,
// caller, &link): that link is gone. receive_link(cur, &link): the receive keeps what it needs for
// the next Call.

#ifdef CONFIG_KERNEL_MCS

struct reply_link {
    struct reply *reply;
};

static FORCE_INLINE bool call_can_link(const struct tcb *cur, const struct tcb *dest)
{
    // A thread runs only on a scheduling context, the one whose time runs (sched/mcs.c); it
    // stays the one whose time runs, so nothing is accounted here.
    kassert(cur->sc != NULL && cur->sc == ks_cur_sc);
    (void)cur;
    return dest->sc == NULL && dest->reply != NULL;
}

// seL4 reply_push with the donation: the context goes to dest, which is in no ready queue
// (it was blocked), from cur, which is current (so in none either).
static FORCE_INLINE void call_link(struct tcb *cur, struct tcb *dest)
{
    struct reply *r = dest->reply;
    struct sched_context *sc = cur->sc;
    dest->reply = NULL;
    cur->state = TS_BLOCKED_ON_REPLY;
    r->tcb = cur;
    cur->reply = r;
    reply_stack_push(sc, r);
    cur->sc = NULL;
    sc->tcb = dest;
    dest->sc = sc;
}

// Checked first, before any CPtr lookup: cur runs on a lent context (a server on its own has
// no call stack, and its ReplyRecv goes the general way at once).
static FORCE_INLINE bool reply_may_be_fast(const struct tcb *cur)
{
    kassert(cur->sc != NULL && cur->sc == ks_cur_sc);
    return cur->sc->reply != NULL;
}

static FORCE_INLINE bool replied_caller(struct tcb *cur, struct reply_link *link,
                                        struct tcb **caller)
{
    // The Reply object on top of the call stack of the context cur runs on must be the one
    // x6 names.
    struct reply *r = cur->sc->reply;
    kassert(reply_heads_stack(r) && reply_stack_sc(r) == cur->sc);
    struct cte *slot = lookup_slot_fast(cur, cur->ctx.x[REG_REPLY]);
    if (unlikely(slot == NULL || cap_type(slot->cap) != CAP_REPLY ||
                 reply_from_cap(slot->cap) != r || r->tcb == NULL)) {
        return false;
    }
    link->reply = r;
    *caller = r->tcb;
    return r->tcb->sc == NULL;
}

// seL4 reply_pop: the context goes back to the caller (cur is current and the caller blocked:
// neither is in a ready queue).
static FORCE_INLINE void replied_unlink(struct tcb *cur, struct tcb *caller,
                                        const struct reply_link *link)
{
    struct sched_context *sc = reply_stack_pop(link->reply);
    caller->reply = NULL;
    cur->sc = NULL;
    sc->tcb = caller;
    caller->sc = sc;
}

static FORCE_INLINE void receive_link(struct tcb *cur, const struct reply_link *link)
{
    cur->reply = link->reply;
    link->reply->tcb = cur;
}

#else

struct reply_link {
    struct cte *caller_slot;
};

static FORCE_INLINE bool call_can_link(const struct tcb *cur, const struct tcb *dest)
{
    // A thread that runs has its master reply cap; a receiver deleted its caller cap.
    kassert(cap_type(cur->slots[TCB_REPLY].cap) == CAP_REPLY &&
            cap_is_null(dest->slots[TCB_CALLER].cap));
    (void)cur;
    (void)dest;
    return true;
}

// cdt_insert of the reply cap to cur (never revocable, so both flags clear) after cur's
// master reply cap, into dest's empty caller slot; the receiver's cap decided whether the
// reply may grant.
static FORCE_INLINE void call_link(struct tcb *cur, struct tcb *dest)
{
    struct cte *master = &cur->slots[TCB_REPLY];
    struct cte *dest_slot = &dest->slots[TCB_CALLER];
    cur->state = TS_BLOCKED_ON_REPLY;
    struct cte *next = mdb_next(master);
    dest_slot->cap = cap_reply_new((pptr_t)cur, false, dest->blocking_can_grant);
    dest_slot->mdb.prev = (word_t)master;
    dest_slot->mdb.next_and_flags = (word_t)next;
    mdb_set_next(master, dest_slot);
    if (next) {
        mdb_set_prev(next, dest_slot);
    }
}

static FORCE_INLINE bool reply_may_be_fast(const struct tcb *cur)
{
    (void)cur;
    return true;
}

static FORCE_INLINE bool replied_caller(struct tcb *cur, struct reply_link *link,
                                        struct tcb **caller)
{
    link->caller_slot = &cur->slots[TCB_CALLER];
    cap_t reply = link->caller_slot->cap;
    *caller = tcb_from_pptr(cap_ptr(reply));
    return cap_type(reply) == CAP_REPLY && !cap_reply_is_master(reply);
}

// cte_delete_one of the reply cap (nothing to finalise): unlink it from the tree. A caller
// cap is never revocable nor first-badged, so the next cap's flags stay as they are.
static FORCE_INLINE void replied_unlink(struct tcb *cur, struct tcb *caller,
                                        const struct reply_link *link)
{
    struct cte *slot = link->caller_slot;
    struct cte *prev = mdb_prev(slot), *next = mdb_next(slot);
    (void)cur;
    (void)caller;
    kassert(!mdb_first_badged(slot));
    if (prev) {
        mdb_set_next(prev, next);
    }
    if (next) {
        mdb_set_prev(next, prev);
    }
    slot->cap = cap_null();
    slot->mdb.prev = 0;
    slot->mdb.next_and_flags = 0;
}

static FORCE_INLINE void receive_link(struct tcb *cur, const struct reply_link *link)
{
    (void)cur;
    (void)link;
}

#endif

// ---- the switch ---------------------------------------------------------------------------

// sched_switch_to(to) for a `to` that is in no ready queue and runs in the valid VSpace
// `vs`, then back to user mode in `to`.
static FORCE_INLINE NORETURN void switch_to(struct tcb *from, struct tcb *to,
                                            const struct vspace_switch *vs)
{
    arch_tls_save(&from->ctx);
    if (!vs->installed) {
        arch_set_vspace_ttbr(vs->ttbr0);
    }
    arch_tls_load(&to->ctx);
    sched_fpu_select(to);
    ks_cur_thread = to;
    if (CONFIG_CHECK_INVARIANTS) {
        invariants_check(); // as kernel_exit does after every other kernel entry
    }
    restore_user_context(&to->ctx);
}

// ---- the two system calls -------------------------------------------------------------------

// Both start alike: FaultIP (as traps.c sets it for every svc), the whole message in
// registers, no pending fault (the thread would send a fault message), and the slot x0
// names; `may_be_fast` is a cheaper condition of the call's own, checked before the lookup.
static FORCE_INLINE struct cte *entry(struct tcb *cur, word_t number, cptr_t cptr, word_t info,
                                      bool may_be_fast)
{
    cur->ctx.fault_ip = cur->ctx.elr - 4;
    if (unlikely(!may_be_fast || !msg_info_in_registers(info) ||
                 cur->fault.type != seL4_Fault_NullFault)) {
        slowpath(number);
    }
    struct cte *slot = lookup_slot_fast(cur, cptr);
    if (unlikely(slot == NULL)) {
        slowpath(number);
    }
    return slot;
}

void fastpath_call(word_t cptr, word_t info)
{
    struct tcb *cur = ks_cur_thread;
    struct cte *slot = entry(cur, (word_t)seL4_SysCall, cptr, info, true);
    cap_t ep_cap = slot->cap;
    unsigned rights = cap_ipc_rights(ep_cap);
    struct endpoint *ep = (struct endpoint *)cap_ptr(ep_cap);
    if (unlikely(cap_type(ep_cap) != CAP_ENDPOINT || !(rights & CAP_RIGHT_WRITE) ||
                 !(rights & (CAP_RIGHT_GRANT | CAP_RIGHT_GRANT_REPLY)) ||
                 ep_state(ep) != EP_RECV)) {
        slowpath_invocation(cur, slot);
    }
    struct tcb *dest = ep->head;
    struct vspace_switch vs;
    if (unlikely(dest->bound_notification != 0 || !vspace_valid(dest, &vs) ||
                 !would_be_scheduled(dest) || !call_can_link(cur, dest))) {
        slowpath_invocation(cur, slot);
    }

    // Past this point nothing fails. The receiver leaves the endpoint queue, gets the message
    // and the badge, and the caller waits for its reply.
    receiver_dequeue(ep, dest);
    transfer_registers(cur, dest, info, cap_ipc_badge(ep_cap));
    call_link(cur, dest);
    dest->state = TS_RUNNING;
    switch_to(cur, dest, &vs);
}

void fastpath_reply_recv(word_t cptr, word_t info)
{
    struct tcb *cur = ks_cur_thread;
    struct cte *slot = entry(cur, (word_t)seL4_SysReplyRecv, cptr, info, reply_may_be_fast(cur));
    cap_t ep_cap = slot->cap;
    unsigned rights = cap_ipc_rights(ep_cap);
    if (unlikely(cap_type(ep_cap) != CAP_ENDPOINT || !(rights & CAP_RIGHT_READ))) {
        slowpath((word_t)seL4_SysReplyRecv);
    }
    struct endpoint *ep = (struct endpoint *)cap_ptr(ep_cap);
    const struct notification *bound = (const struct notification *)cur->bound_notification;
    struct reply_link link;
    struct tcb *caller;
    if (unlikely(ep_state(ep) == EP_SEND || (bound && ntfn_is_active(bound)) ||
                 !replied_caller(cur, &link, &caller))) {
        slowpath((word_t)seL4_SysReplyRecv);
    }
    struct vspace_switch vs;
    if (unlikely(caller->fault.type != seL4_Fault_NullFault || !vspace_valid(caller, &vs) ||
                 !would_be_scheduled(caller))) {
        slowpath((word_t)seL4_SysReplyRecv);
    }
    // A reply names a thread waiting for it (cancelling that wait unlinks it).
    kassert(caller->state == TS_BLOCKED_ON_REPLY);

    // Past this point nothing fails. The reply: message, badge 0, the link goes...
    transfer_registers(cur, caller, info, 0);
    replied_unlink(cur, caller, &link);
    caller->state = TS_RUNNING;
    // ...and the receive: this thread waits at the end of the endpoint's queue.
    receiver_enqueue(ep, cur, rights);
    receive_link(cur, &link);
    switch_to(cur, caller, &vs);
}

#endif
