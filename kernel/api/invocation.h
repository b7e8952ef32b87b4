// SPDX-License-Identifier: BSD-2-Clause
// The per-invocation context shared by decode and invoke functions, the readers for the
// caller's message, and the one-line rejection helpers. Replies are composed from this
// record in api/invocation.c only; object files never write reply registers themselves
// (except through inv_set_reply_mr for successful results with data).
#pragma once

#include "types.h"
#include "abi.h"
#include "api/failures.h"
#include "cspace/cte.h"
#include "object/tcb.h"

struct extra_cap {
    cap_t cap;        // the cap as looked up at invocation time
    struct cte *slot; // where it lives
};

struct invocation {
    struct tcb *thread; // the invoking thread
    cptr_t cptr;        // the CPtr it invoked (x0)
    cap_t cap;          // the invoked cap
    struct cte *slot;   // the invoked cap's slot
    word_t label;       // invocation label (seL4_MessageInfo.label)
    word_t length;      // message length in MRs, clamped to what was really sent
    unsigned extra_count;
    struct extra_cap extra[seL4_MsgMaxExtraCaps];
    word_t *ipc_buffer;         // caller's IPC buffer in the kernel window, NULL if none
    bool is_call;               // SysCall: the caller gets a reply
    struct syscall_error error; // filled by the error helpers when decode rejects
    word_t reply_length;        // set by invoke for a successful reply carrying MRs
};

// MR i of the caller's message (MR0..3 from x2..x5, the rest from the IPC buffer).
// Callers check inv->length first; reading past it is a kernel bug. Inline: every decode
// reads its arguments through it.
static inline word_t inv_mr(const struct invocation *inv, unsigned i)
{
    if (i < FAST_MSG_REGS) {
        return ctx_get_mr(&inv->thread->ctx, i);
    }
    return inv->ipc_buffer ? inv->ipc_buffer[1 + i] : 0;
}
// Write MR i of a successful reply and extend reply_length to cover it.
void inv_set_reply_mr(struct invocation *inv, unsigned i, word_t v);

// ---- rejections: fill the error record and return EXC_SYSCALL_ERROR --------------------
exception_t error_invalid_argument(struct invocation *inv, word_t argument);
exception_t error_invalid_capability(struct invocation *inv, word_t cap_index);
exception_t error_illegal_operation(struct invocation *inv);
exception_t error_range(struct invocation *inv, word_t min, word_t max);
exception_t error_alignment(struct invocation *inv);
exception_t error_failed_lookup(struct invocation *inv, bool source, const struct lookup_fault *lf);
exception_t error_truncated_message(struct invocation *inv);
exception_t error_delete_first(struct invocation *inv);
exception_t error_revoke_first(struct invocation *inv);
exception_t error_not_enough_memory(struct invocation *inv, word_t bytes_left);

// Debug builds: print seL4's userError line for the current thread,
//   <<seL4(CPU 0) [function/line T0x... "name" @pc]: message>>
void user_error_print(const struct tcb *thread, const char *func, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#if CONFIG_DEBUG_PRINTING
#define USER_ERROR(thread, ...) user_error_print((thread), __func__, __LINE__, __VA_ARGS__)
#else
#define USER_ERROR(thread, ...) ((void)(thread))
#endif
