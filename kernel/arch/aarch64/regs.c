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

word_t ctx_get_register(const struct user_context *c, unsigned reg)
{
    if (reg < 31) {
        return c->x[reg];
    }
    switch (reg) {
    case TCB_REG_SP:
        return c->sp;
    case TCB_REG_ELR:
        return c->elr;
    case TCB_REG_SPSR:
        return c->spsr;
    case TCB_REG_FAULT_IP:
        return c->fault_ip;
    case TCB_REG_TPIDR:
        return c->tpidr_el0;
    case TCB_REG_TPIDRRO:
        return c->tpidrro_el0;
    default:
        panic("ctx_get_register: register %u", reg);
    }
}

void ctx_set_register(struct user_context *c, unsigned reg, word_t v)
{
    if (reg < 31) {
        c->x[reg] = v;
        return;
    }
    switch (reg) {
    case TCB_REG_SP:
        c->sp = v;
        break;
    case TCB_REG_ELR:
        c->elr = v;
        break;
    case TCB_REG_SPSR:
        c->spsr = sanitise_spsr(v);
        break;
    case TCB_REG_FAULT_IP:
        c->fault_ip = v;
        break;
    case TCB_REG_TPIDR:
        c->tpidr_el0 = v;
        break;
    case TCB_REG_TPIDRRO:
        c->tpidrro_el0 = v;
        break;
    default:
        panic("ctx_set_register: register %u", reg);
    }
}
