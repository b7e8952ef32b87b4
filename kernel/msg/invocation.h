// SPDX-License-Identifier: BSD-2-Clause
// The invocation record (part of the message layer): what decode and invoke functions
// read (the invoked cap, the label, the MRs, the extra caps) and fill (the error record on
// a rejection, reply MRs on a success), with the one-line rejection helpers and seL4's
// userError line. api/invocation.c builds the record and writes every reply from it;
// object files never write reply registers themselves (only inv_set_reply_mr for a
// successful result that carries data).
#pragma once

#include "types.h"
#include "abi.h"
#include "config.h"
#include "msg/failures.h"
#include "msg/message.h"

struct tcb;
struct cte;

struct extra_cap {
    cap_t cap;        // the cap as looked up at invocation time
    struct cte *slot; // where it lives
};

struct invocation {
    struct tcb *thread;        // the invoking thread
    struct user_context *regs; // its saved registers (thread->ctx): MR0..3, the reply
    cptr_t cptr;               // the CPtr it invoked (x0)
    cap_t cap;                 // the invoked cap
    struct cte *slot;          // the invoked cap's slot
    word_t label;              // invocation label (seL4_MessageInfo.label)
    word_t length;             // message length in MRs, clamped to what was really sent
    unsigned extra_count;
    struct extra_cap extra[seL4_MsgMaxExtraCaps];
    word_t *ipc_buffer; // caller's IPC buffer in the kernel window, NULL if none
    bool is_call;       // SysCall: the caller gets a reply
#ifdef CONFIG_KERNEL_MCS
    bool can_donate; // MCS: a send from here may lend the caller's scheduling context
#endif
    struct syscall_error error; // filled by the error helpers when decode rejects
    word_t reply_length;        // set by invoke for a successful reply carrying MRs
};

// MR i of the caller's message. Callers check inv->length first; reading past it is a
// kernel bug.
static inline word_t inv_mr(const struct invocation *inv, unsigned i)
{
    return msg_get_mr(inv->regs, inv->ipc_buffer, i);
}

// Write MR i of a successful reply and extend reply_length to cover it. `buffer` is the
// caller's IPC buffer as a receiver sees it (NULL when it has none writable: MR0..3 still
// arrive, the rest are dropped and not counted).
static inline void inv_set_reply_mr(struct invocation *inv, word_t *buffer, unsigned i, word_t v)
{
    msg_set_mr(inv->regs, buffer, i, v);
    if ((buffer || i < FAST_MSG_REGS) && inv->reply_length < i + 1) {
        inv->reply_length = i + 1;
    }
}

// The CPtr of extra cap i as the caller wrote it in its IPC buffer (0 without one).
static inline word_t inv_extra_cptr(const struct invocation *inv, unsigned i)
{
    return inv->ipc_buffer ? inv->ipc_buffer[IPC_BUFFER_CAPS + i] : 0;
}

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

// Debug builds: print seL4's userError line for a thread (its address, name and FaultIP),
//   <<seL4(CPU 0) [function/line T0x... "name" @pc]: message>>
void user_error_print(const void *thread, const char *name, word_t fault_ip, const char *func,
                      int line, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
#if CONFIG_DEBUG_PRINTING
#define USER_ERROR(thread, ...)                                                                    \
    user_error_print((thread), (thread)->name, (thread)->ctx.fault_ip, __func__, __LINE__,         \
                     __VA_ARGS__)
#else
// Compiled out (release builds), but the arguments still count as used and the format is
// still checked.
#define USER_ERROR(thread, ...)                                                                    \
    do {                                                                                           \
        if (0) {                                                                                   \
            user_error_print((thread), (thread)->name, (thread)->ctx.fault_ip, __func__, __LINE__, \
                             __VA_ARGS__);                                                         \
        }                                                                                          \
    } while (0)
#endif
