// SPDX-License-Identifier: BSD-2-Clause
// Builders for the CSpace/object unit tests: a fresh kernel state, an invoking thread whose
// CSpace root is a root CNode (guard 64 - radix, as at boot), untyped caps of N bits in root
// slots, TCBs, and invocations with MRs and extra caps exactly as api/invocation.c would
// prepare them. Also the "nothing changed" snapshot around a rejected decode.
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "types.h"
#include "abi.h"
#include "msg/invocation.h"
#include "cspace/cap.h"
#include "cspace/cte.h"
#include "object/tcb.h"
#include "fake/hw.h"
#include "fake/phys.h"

#include <sel4/arch/invocation.h>
#include <sel4/arch/objecttype.h>

#define FX_ROOT_BITS 8 // root CNode of 256 slots

struct fx {
    struct tcb *thread; // the invoking thread (current thread, priority 100)
    struct cte *root;   // root CNode slots
    cap_t root_cap;     // radix FX_ROOT_BITS, guard size 64 - FX_ROOT_BITS, guard 0
    word_t ipc_buffer[1u << (seL4_IPCBufferSizeBits - 3)]; // the thread's IPC buffer
};

extern struct fx fx;

// Reset everything (kernel state, arena, fake hw, IRQ and domain state, preemption) and
// build the thread and its root CNode. The root CNode cap itself sits in root slot 2.
void fx_setup(void);
// cmocka group setup/teardown wrappers around fx_setup.
int fx_setup_cmocka(void **state);

// A new untyped cap of 2^bits bytes (RAM unless device) in root slot `slot`.
struct cte *fx_untyped(word_t slot, unsigned bits, bool device);
// A new object of `type` (user size bits `bits`) in root slot `slot`, created the way
// Retype would (as a child of nothing). Returns the slot.
struct cte *fx_object(word_t slot, word_t type, unsigned bits);
// A TCB object (not in any slot).
struct tcb *fx_tcb(void);
// Root slot `i`.
struct cte *fx_slot(word_t i);

// An invocation of the cap in `slot` (CPtr `cptr`) with `label`, the given MRs and up to
// three extra-cap slots (NULL ends the list).
struct invocation fx_inv(struct cte *slot, word_t label, unsigned length, const word_t *mrs,
                         struct cte *extra0, struct cte *extra1);

// seL4_Call on `cptr` by the fixture's thread through the live invocation path
// (api/invocation.c), with `label` and `length` MRs already in place. Returns the reply's
// seL4_MessageInfo word (label = the error, 0 on success); MR0.. are in x2...
word_t fx_handle_call(word_t cptr, word_t label, unsigned length);

// fx_inv, then fx_snapshot, then decode_invocation: one invocation whose rejection can be
// checked with assert_rejected.
exception_t fx_decode(struct invocation *inv, struct cte *slot, word_t label, unsigned length,
                      const word_t *mrs, struct cte *extra0, struct cte *extra1);

// Snapshot arena + ks state; assert nothing changed since.
void fx_snapshot(void);
void fx_assert_unchanged(void);

// Assert a rejection: status, error type, and that nothing changed since fx_snapshot.
#define assert_rejected(status, inv, err)                                                          \
    do {                                                                                           \
        assert_int_equal((status), EXC_SYSCALL_ERROR);                                             \
        assert_int_equal((inv).error.type, (err));                                                 \
        fx_assert_unchanged();                                                                     \
    } while (0)

// assert_rejected with RangeError(lo, hi): the range the error reports.
#define assert_rejected_range(status, inv, lo, hi)                                                 \
    do {                                                                                           \
        assert_rejected(status, inv, seL4_RangeError);                                             \
        assert_int_equal((inv).error.range_min, (lo));                                             \
        assert_int_equal((inv).error.range_max, (hi));                                             \
    } while (0)
