// SPDX-License-Identifier: BSD-2-Clause
// Host implementation of the machine hooks of kernel/arch/api.h (and the assembly exit
// path restore_user_context): record, capture, never touch hardware.
#include "hw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/api.h"

#define MAX_CALLS 4096
#define CONSOLE_BYTES (64 * 1024)

static struct hw_call calls[MAX_CALLS];
static unsigned ncalls;
static char console[CONSOLE_BYTES];
static size_t console_len;
static jmp_buf halt_jmp;
static bool halt_armed;

static void record(enum hw_call_kind kind, word_t a, word_t b, word_t c)
{
    if (ncalls < MAX_CALLS) {
        calls[ncalls++] = (struct hw_call){kind, a, b, c};
    }
}

void hw_reset(void)
{
    ncalls = 0;
    console_len = 0;
    console[0] = '\0';
    halt_armed = false;
}

unsigned hw_call_count(void)
{
    return ncalls;
}

const struct hw_call *hw_call_at(unsigned i)
{
    return i < ncalls ? &calls[i] : NULL;
}

unsigned hw_count(enum hw_call_kind kind)
{
    unsigned n = 0;
    for (unsigned i = 0; i < ncalls; i++) {
        n += calls[i].kind == kind;
    }
    return n;
}

bool hw_seen(enum hw_call_kind kind, word_t a, word_t b, word_t c)
{
    for (unsigned i = 0; i < ncalls; i++) {
        if (calls[i].kind == kind && calls[i].a == a && calls[i].b == b && calls[i].c == c) {
            return true;
        }
    }
    return false;
}

const char *hw_console(void)
{
    return console;
}

bool hw_console_has(const char *text)
{
    return strstr(console, text) != NULL;
}

jmp_buf *hw_expect_halt(void)
{
    halt_armed = true;
    return &halt_jmp;
}

static _Noreturn void stop(const char *why)
{
    if (halt_armed) {
        halt_armed = false;
        longjmp(halt_jmp, 1);
    }
    fprintf(stderr, "fake hw: %s\nconsole so far:\n%s\n", why, console);
    abort();
}

// ---- arch/api.h ---------------------------------------------------------------------------

void arch_putchar(char c)
{
    if (console_len + 1 < CONSOLE_BYTES) {
        console[console_len++] = c;
        console[console_len] = '\0';
    }
}

void arch_set_vspace(paddr_t root, word_t asid)
{
    record(HW_SET_VSPACE, root, asid, 0);
}

void arch_tlb_invalidate_va(word_t asid, vptr_t va)
{
    record(HW_TLB_VA, asid, va, 0);
}

void arch_tlb_invalidate_asid(word_t asid)
{
    record(HW_TLB_ASID, asid, 0, 0);
}

void arch_clean_pte(pptr_t pte)
{
    record(HW_CLEAN_PTE, pte, 0, 0);
}

void arch_zero_range(pptr_t start, word_t bytes)
{
    memset((void *)start, 0, bytes); // not recorded: zeroing is not a machine side effect
}

void arch_cache_range(enum cache_op op, pptr_t start, pptr_t end)
{
    record(HW_CACHE_RANGE, (word_t)op, start, end);
}

void arch_fpu_switch(struct fpu_state *save, const struct fpu_state *load)
{
    record(HW_FPU_SWITCH, (word_t)save, (word_t)load, 0);
}

void arch_tls_save(struct user_context *ctx)
{
    record(HW_TLS_SAVE, (word_t)ctx, 0, 0);
}

void arch_tls_load(const struct user_context *ctx)
{
    record(HW_TLS_LOAD, (word_t)ctx, 0, 0);
}

void arch_fpu_enable(bool enable)
{
    record(HW_FPU_ENABLE, enable, 0, 0);
}

void arch_export_pmu_user(void)
{
    record(HW_EXPORT_PMU, 0, 0, 0);
}

void arch_idle_wait(void)
{
    record(HW_IDLE_WAIT, 0, 0, 0);
}

void arch_halt(void)
{
    stop("arch_halt (kernel panic or DebugHalt)");
}

// The exit path to user mode (vectors.S on the target).
_Noreturn void restore_user_context(struct user_context *ctx);
_Noreturn void restore_user_context(struct user_context *ctx)
{
    record(HW_RESTORE_USER, (word_t)ctx, 0, 0);
    stop("restore_user_context");
}

// ---- interrupts: nothing is ever pending on the host ------------------------------------------

void arch_irq_init(void)
{
    record(HW_IRQ_INIT, 0, 0, 0);
}

void arch_timer_init(void)
{
    record(HW_TIMER_INIT, 0, 0, 0);
}

word_t arch_irq_get_active(void)
{
    return ARCH_IRQ_NONE;
}

void arch_irq_ack(word_t irq)
{
    record(HW_IRQ_ACK, irq, 0, 0);
}

void arch_irq_mask(word_t irq)
{
    record(HW_IRQ_MASK, irq, 0, 0);
}

void arch_irq_set_trigger(word_t irq, bool edge)
{
    record(HW_IRQ_TRIGGER, irq, edge, 0);
}

void arch_irq_unmask(word_t irq)
{
    record(HW_IRQ_UNMASK, irq, 0, 0);
}

bool arch_irq_pending(void)
{
    return false;
}

void arch_timer_reset(void)
{
    record(HW_TIMER_RESET, 0, 0, 0);
}
