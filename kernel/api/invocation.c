// SPDX-License-Identifier: BSD-2-Clause
// handle_invocation: look up the invoked cap and the extra caps, read the message, run
// decode (which runs invoke), and compose the reply. This is the only place replies to
// kernel invocations are written (sheet §5.2).
#include "api/invocation.h"

#include "api/faults.h"
#include "api/ipc.h"
#include "arch/api.h"
#include "cspace/lookup.h"
#include "lib/printf.h"
#include "object/notification.h"
#include "object/objecttype.h"
#include "sched/sched.h"

#define IPC_BUFFER_CAPS_OFFSET 122 // word index of caps_or_badges[0] (sheet §2.4)

word_t *lookup_ipc_buffer(const struct tcb *t, bool is_receiver)
{
    cap_t c = t->slots[TCB_BUFFER].cap;
    if (cap_type(c) != CAP_FRAME || cap_frame_is_device(c)) {
        return NULL;
    }
    unsigned rights = cap_frame_vm_rights(c);
    if (rights != VM_READ_WRITE && (is_receiver || rights != VM_READ_ONLY)) {
        return NULL;
    }
    unsigned bits = cap_frame_size(c) == FRAME_SMALL   ? seL4_PageBits
                    : cap_frame_size(c) == FRAME_LARGE ? seL4_LargePageBits
                                                       : seL4_HugePageBits;
    return (word_t *)(cap_ptr(c) + (t->ipc_buffer & MASK(bits)));
}

void set_mr(struct tcb *t, word_t *buffer, unsigned i, word_t v)
{
    if (i < FAST_MSG_REGS) {
        ctx_set_mr(&t->ctx, i, v);
    } else if (buffer) {
        buffer[1 + i] = v;
    }
}

void inv_set_reply_mr(struct invocation *inv, unsigned i, word_t v)
{
    set_mr(inv->thread, lookup_ipc_buffer(inv->thread, true), i, v);
    if (inv->reply_length < i + 1) {
        inv->reply_length = i + 1;
    }
}

// ---- rejections ---------------------------------------------------------------------------

static exception_t reject(struct invocation *inv, seL4_Error type)
{
    inv->error.type = type;
    return EXC_SYSCALL_ERROR;
}

exception_t error_invalid_argument(struct invocation *inv, word_t argument)
{
    inv->error.invalid_argument = argument;
    return reject(inv, seL4_InvalidArgument);
}

exception_t error_invalid_capability(struct invocation *inv, word_t cap_index)
{
    inv->error.invalid_cap = cap_index;
    return reject(inv, seL4_InvalidCapability);
}

exception_t error_illegal_operation(struct invocation *inv)
{
    return reject(inv, seL4_IllegalOperation);
}

exception_t error_range(struct invocation *inv, word_t min, word_t max)
{
    inv->error.range_min = min;
    inv->error.range_max = max;
    return reject(inv, seL4_RangeError);
}

exception_t error_alignment(struct invocation *inv)
{
    return reject(inv, seL4_AlignmentError);
}

exception_t error_failed_lookup(struct invocation *inv, bool source, const struct lookup_fault *lf)
{
    inv->error.failed_lookup_was_source = source;
    inv->error.lookup = *lf;
    return reject(inv, seL4_FailedLookup);
}

exception_t error_truncated_message(struct invocation *inv)
{
    return reject(inv, seL4_TruncatedMessage);
}

exception_t error_delete_first(struct invocation *inv)
{
    return reject(inv, seL4_DeleteFirst);
}

exception_t error_revoke_first(struct invocation *inv)
{
    return reject(inv, seL4_RevokeFirst);
}

exception_t error_not_enough_memory(struct invocation *inv, word_t bytes_left)
{
    inv->error.memory_left = bytes_left;
    return reject(inv, seL4_NotEnoughMemory);
}

#define ANSI_BOLD "\033[1m"
#define ANSI_GREEN "\033[32m"
#define ANSI_RESET "\033[0m"

void user_error_print(const struct tcb *thread, const char *func, int line, const char *fmt, ...)
{
    kprintf(ANSI_BOLD "<<" ANSI_GREEN "seL4(CPU 0)" ANSI_BOLD " [%s/%d T%p \"%s\" @%lx]: ", func,
            line, (const void *)thread, thread ? thread->name : "",
            thread ? thread->ctx.fault_ip : 0);
    va_list ap;
    va_start(ap, fmt);
    kvprintf(fmt, ap);
    va_end(ap);
    kprintf(">>" ANSI_RESET "\n");
}

// ---- replies ----------------------------------------------------------------------------

// Message words of an error reply, in seL4's order (setMRs_syscall_error).
static unsigned error_reply_mrs(const struct syscall_error *e, word_t mrs[5])
{
    switch (e->type) {
    case seL4_InvalidArgument:
        mrs[0] = e->invalid_argument;
        return 1;
    case seL4_InvalidCapability:
        mrs[0] = e->invalid_cap;
        return 1;
    case seL4_RangeError:
        mrs[0] = e->range_min;
        mrs[1] = e->range_max;
        return 2;
    case seL4_FailedLookup:
        mrs[0] = e->failed_lookup_was_source;
        return 1 + lookup_fault_mrs(&e->lookup, &mrs[1]);
    case seL4_NotEnoughMemory:
        mrs[0] = e->memory_left;
        return 1;
    default:
        return 0;
    }
}

static void reply_error(struct tcb *t, const struct syscall_error *e)
{
    word_t mrs[5];
    unsigned n = error_reply_mrs(e, mrs);
    word_t *buffer = lookup_ipc_buffer(t, true);
    for (unsigned i = 0; i < n; i++) {
        set_mr(t, buffer, i, mrs[i]);
    }
    if (!buffer && n > FAST_MSG_REGS) {
        n = FAST_MSG_REGS;
    }
    t->ctx.x[REG_CAP] = 0;
    t->ctx.x[REG_MSGINFO] = ((word_t)e->type << 12) | n;
}

static void reply_success(struct tcb *t, word_t length)
{
    t->ctx.x[REG_CAP] = 0;
    t->ctx.x[REG_MSGINFO] = length;
}

// ---- the invocation path -------------------------------------------------------------------

// A cap fault on the invoked or an extra cap: the thread faults if it would have blocked.
static void invocation_cap_fault(struct tcb *t, cptr_t cptr, const struct lookup_fault *lf,
                                 bool is_blocking)
{
    if (!is_blocking) {
        return; // NBSend: no fault, and nothing left behind in the TCB
    }
    t->fault.type = seL4_Fault_CapFault;
    t->fault.w[0] = cptr;
    t->fault.w[1] = 0; // send phase
    t->fault.lookup = *lf;
    handle_fault(t);
}

// Null, endpoint, notification and reply caps are handled here; everything else is an
// object invocation for the switchboard.
static exception_t dispatch_invocation(struct invocation *inv, bool is_blocking)
{
    cap_t c = inv->cap;
    switch (cap_type(c)) {
    case CAP_NULL:
        USER_ERROR(inv->thread, "Attempted to invoke a null cap #%lu.", inv->cptr);
        return error_invalid_capability(inv, 0);
    case CAP_NOTIFICATION:
        if (!(cap_ipc_rights(c) & CAP_RIGHT_WRITE)) {
            USER_ERROR(inv->thread, "Attempted to invoke a read-only notification cap #%lu.",
                       inv->cptr);
            return error_invalid_capability(inv, 0);
        }
        thread_set_state(inv->thread, TS_RESTART);
        notification_signal((struct notification *)cap_ptr(c), cap_ipc_badge(c));
        return EXC_NONE;
    case CAP_ENDPOINT:
        if (!(cap_ipc_rights(c) & CAP_RIGHT_WRITE)) {
            USER_ERROR(inv->thread, "Attempted to invoke a read-only endpoint cap #%lu.",
                       inv->cptr);
            return error_invalid_capability(inv, 0);
        }
        thread_set_state(inv->thread, TS_RESTART);
        return endpoint_send_from_invocation(inv, is_blocking);
    default:
        return decode_invocation(inv);
    }
}

// Everything after the lookup of x0; inlined into both entry points below.
static FORCE_INLINE void invoke_slot(struct tcb *t, struct cte *slot, bool is_call, bool is_blocking)
{
    word_t info = t->ctx.x[REG_MSGINFO];
    // Filled field by field: zero-initialising the whole record (error details and all)
    // costs a memset on every invocation. The error record is written only by the error
    // helpers, for the fields its error type reports; unused extra caps read as null.
    struct invocation inv;
    inv.thread = t;
    inv.cptr = t->ctx.x[REG_CAP];
    inv.label = info >> 12;
    inv.length = MIN(info & 0x7f, (word_t)seL4_MsgMaxLength);
    inv.is_call = is_call;
    inv.extra_count = 0;
    inv.reply_length = 0;
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++) {
        inv.extra[i] = (struct extra_cap){.cap = cap_null(), .slot = NULL};
    }
    struct lookup_fault lf;
    inv.slot = slot;
    inv.cap = slot->cap;

    inv.ipc_buffer = lookup_ipc_buffer(t, false);
    if (inv.ipc_buffer) {
        unsigned extra = (unsigned)bits_get(info, 7, 2);
        for (unsigned i = 0; i < extra; i++) {
            cptr_t cptr = inv.ipc_buffer[IPC_BUFFER_CAPS_OFFSET + i];
            struct cte *extra_slot;
            if (lookup_slot(t, cptr, &lf, &extra_slot) != EXC_NONE) {
                USER_ERROR(t, "Invocation of invalid extra cap #%lu.", cptr);
                invocation_cap_fault(t, cptr, &lf, is_blocking);
                return;
            }
            inv.extra[i] = (struct extra_cap){.cap = extra_slot->cap, .slot = extra_slot};
            inv.extra_count++;
        }
    } else if (inv.length > FAST_MSG_REGS) {
        // Without an IPC buffer only MR0..3 (the registers) can be read.
        USER_ERROR(t, "Invocation with no IPC buffer: message truncated to %u words.",
                   FAST_MSG_REGS);
        inv.length = FAST_MSG_REGS;
    }

    exception_t status = dispatch_invocation(&inv, is_blocking);
    if (status == EXC_PREEMPTED) {
        return; // the thread is in Restart and re-executes the syscall
    }
    if (status == EXC_SYSCALL_ERROR) {
        if (is_call) {
            reply_error(t, &inv.error);
        }
        return;
    }
    if (t->state == TS_RESTART) {
        if (is_call) {
            reply_success(t, inv.reply_length);
        }
        thread_set_state(t, TS_RUNNING);
    }
}

void handle_invocation(struct tcb *t, bool is_call, bool is_blocking)
{
    cptr_t cptr = t->ctx.x[REG_CAP];
    struct lookup_fault lf;
    struct cte *slot;
    if (lookup_slot(t, cptr, &lf, &slot) != EXC_NONE) {
        USER_ERROR(t, "Invocation of invalid cap #%lu.", cptr);
        invocation_cap_fault(t, cptr, &lf, is_blocking);
        return;
    }
    invoke_slot(t, slot, is_call, is_blocking);
}

void handle_invocation_of(struct tcb *t, struct cte *slot, bool is_call, bool is_blocking)
{
    invoke_slot(t, slot, is_call, is_blocking);
}
