// SPDX-License-Identifier: BSD-2-Clause
// The message layer, the bottom of the generic kernel: what a message looks like, said
// once. The seL4_MessageInfo word (x1), message registers (MR0..3 in x2..x5, the rest in
// the IPC buffer), where a thread's IPC buffer is and which of its words the kernel uses,
// and the message words of a syscall error or a lookup failure. Every folder above may
// use it; it uses only libsel4's types, the cap layout (cspace/cap.h) and the saved
// registers (arch/aarch64/regs.h). msg/invocation.h adds the invocation record.
#pragma once

#include "types.h"
#include "util.h"
#include "abi.h"
#include "arch/aarch64/regs.h"
#include "cspace/cap.h"
#include "msg/failures.h"

// ---- seL4_MessageInfo (docs/design/abi.md §3.1), through libsel4's accessors
// ------------------------------------------

static inline seL4_MessageInfo_t msg_info(word_t w)
{
    return (seL4_MessageInfo_t){{w}};
}
static inline word_t msg_info_label(word_t w)
{
    return seL4_MessageInfo_get_label(msg_info(w));
}
// The length field, clamped to the 120 MRs a message can have.
static inline word_t msg_info_length(word_t w)
{
    return MIN(seL4_MessageInfo_get_length(msg_info(w)), (word_t)seL4_MsgMaxLength);
}
static inline unsigned msg_info_extra_caps(word_t w)
{
    return (unsigned)seL4_MessageInfo_get_extraCaps(msg_info(w));
}
static inline word_t msg_info_new(word_t label, word_t caps_unwrapped, word_t extra_caps,
                                  word_t length)
{
    return seL4_MessageInfo_new(label, caps_unwrapped, extra_caps, length).words[0];
}
// The whole message travels in x2..x5: length at most 4 and no extra caps (the IPC
// fastpath's first check). length is bits 6:0 and extraCaps bits 8:7 (abi.md §3.1), so one
// compare of the two fields together against 4 checks both.
static inline bool msg_info_in_registers(word_t w)
{
    return (w & msg_info_new(0, 0, ~(word_t)0, ~(word_t)0)) <= FAST_MSG_REGS;
}
// What a receiver gets for a message that msg_info_in_registers: label and length.
static inline word_t msg_info_registers_received(word_t w)
{
    return msg_info_new(msg_info_label(w), 0, 0, seL4_MessageInfo_get_length(msg_info(w)));
}

// ---- the IPC buffer (docs/design/abi.md §2.4): word indices of libsel4's seL4_IPCBuffer
// -------------------------------

#define IPC_BUFFER_WORD(field) (offsetof(seL4_IPCBuffer, field) / sizeof(word_t))
#define IPC_BUFFER_MR(i) (IPC_BUFFER_WORD(msg) + (i))          // msg[i]
#define IPC_BUFFER_CAPS IPC_BUFFER_WORD(caps_or_badges)        // extra-cap CPtrs / badges
#define IPC_BUFFER_RECEIVE_CNODE IPC_BUFFER_WORD(receiveCNode) // where a received cap goes
#define IPC_BUFFER_RECEIVE_INDEX IPC_BUFFER_WORD(receiveIndex)
#define IPC_BUFFER_RECEIVE_DEPTH IPC_BUFFER_WORD(receiveDepth)

/*
 * A thread's IPC buffer through the kernel window, given its buffer frame cap and the
 * virtual address it registered, or NULL when it has none usable: the cap must be a RAM
 * frame, read-write for a receiver (read-only is enough to send). seL4 lookupIPCBuffer.
 */
word_t *msg_ipc_buffer(cap_t frame, vptr_t vaddr, bool is_receiver);

// ---- message registers ----------------------------------------------------------------------

// MR i of a thread with saved registers `regs` and IPC buffer `buffer` (NULL: none; the
// MRs past the registers then read as 0).
static inline word_t msg_get_mr(const struct user_context *regs, const word_t *buffer, unsigned i)
{
    if (i < FAST_MSG_REGS) {
        return ctx_get_mr(regs, i);
    }
    return buffer ? buffer[IPC_BUFFER_MR(i)] : 0;
}

// Write MR i; dropped when i >= 4 and buffer is NULL.
static inline void msg_set_mr(struct user_context *regs, word_t *buffer, unsigned i, word_t v)
{
    if (i < FAST_MSG_REGS) {
        ctx_set_mr(regs, i, v);
    } else if (buffer) {
        buffer[IPC_BUFFER_MR(i)] = v;
    }
}

// ---- the message words of failures ----------------------------------------------------------

// The lookup-failure words seL4 sends (docs/design/abi.md §3.4): the type, then its details.
// Returns how many of them count (1..4); mrs must have room for 4 (all are written).
unsigned lookup_fault_mrs(const struct lookup_fault *lf, word_t *mrs);

// The words of an error reply, in seL4's order (setMRs_syscall_error). Returns how many
// were written to mrs (0..5).
#define SYSCALL_ERROR_MAX_MRS 5
unsigned syscall_error_mrs(const struct syscall_error *e, word_t mrs[SYSCALL_ERROR_MAX_MRS]);
