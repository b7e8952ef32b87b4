// SPDX-License-Identifier: BSD-2-Clause
// The saved registers by number, and SPSR sanitising (seL4 registerset.c,
// sanitiseRegister). Host-safe.
#include "arch/aarch64/regs.h"

#include "assert.h"

// SPSR as a user may set it: EL0t, FIQ masked (seL4 PSTATE_USER, debug build), own NZCV.
static word_t sanitise_spsr(word_t v)
{
    return (v & SPSR_NZCV_MASK) | SPSR_USER_DEFAULT;
}

// The saved word of register `reg` (enum tcb_register): x0..x30 by index, the rest by name.
static word_t *register_word(const struct user_context *c, unsigned reg)
{
    struct user_context *ctx = (struct user_context *)c;
    if (reg < 31) {
        return &ctx->x[reg];
    }
    switch (reg) {
    case TCB_REG_SP:
        return &ctx->sp;
    case TCB_REG_ELR:
        return &ctx->elr;
    case TCB_REG_SPSR:
        return &ctx->spsr;
    case TCB_REG_FAULT_IP:
        return &ctx->fault_ip;
    case TCB_REG_TPIDR:
        return &ctx->tpidr_el0;
    case TCB_REG_TPIDRRO:
        return &ctx->tpidrro_el0;
    default:
        panic("user context: no register %u", reg);
    }
}

word_t ctx_get_register(const struct user_context *c, unsigned reg)
{
    return *register_word(c, reg);
}

void ctx_set_register(struct user_context *c, unsigned reg, word_t v)
{
    *register_word(c, reg) = reg == TCB_REG_SPSR ? sanitise_spsr(v) : v;
}
