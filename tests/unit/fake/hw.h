// SPDX-License-Identifier: BSD-2-Clause
// Host fake of the machine half of kernel/arch/api.h: every hook records its call so tests
// can assert on TLB/cache maintenance and address-space switches; the console is captured
// in a buffer; a halt (kernel panic) either aborts the test or returns to a test that
// expects it through hw_expect_halt.
#pragma once

#include <setjmp.h>
#include <stdbool.h>

#include "types.h"

enum hw_call_kind {
    HW_SET_VSPACE,  // a = root paddr, b = asid
    HW_TLB_VA,      // a = asid, b = va
    HW_TLB_ASID,    // a = asid
    HW_CLEAN_PTE,   // a = pte pointer
    HW_CACHE_RANGE, // a = op, b = start, c = end
    HW_FPU_SWITCH,  // a = save pointer, b = load pointer
    HW_TLS_SAVE,
    HW_TLS_LOAD,
    HW_FPU_ENABLE, // a = enable
    HW_EXPORT_PMU,
    HW_IDLE_WAIT,
    HW_RESTORE_USER, // a = context pointer (never returns: ends like a halt)
    HW_IRQ_INIT,
    HW_TIMER_INIT,
    HW_IRQ_ACK,     // a = irq
    HW_IRQ_MASK,    // a = irq
    HW_IRQ_UNMASK,  // a = irq
    HW_IRQ_TRIGGER, // a = irq, b = edge
    HW_TIMER_RESET,
};

struct hw_call {
    enum hw_call_kind kind;
    word_t a, b, c;
};

// Forget recorded calls and console output; disarm hw_expect_halt.
void hw_reset(void);
// Number of recorded calls, and the i-th one (0 = oldest).
unsigned hw_call_count(void);
const struct hw_call *hw_call_at(unsigned i);
// How many calls of `kind` were recorded; whether one matched kind with these arguments.
unsigned hw_count(enum hw_call_kind kind);
bool hw_seen(enum hw_call_kind kind, word_t a, word_t b, word_t c);

// Everything written through arch_putchar since the last reset (NUL-terminated).
const char *hw_console(void);
// Whether the console output contains `text`.
bool hw_console_has(const char *text);

// Arm a halt catcher: arch_halt and restore_user_context longjmp here with value 1 instead
// of aborting the test. Use as: if (setjmp(*hw_expect_halt()) == 0) { ...call...; fail(); }
jmp_buf *hw_expect_halt(void);
