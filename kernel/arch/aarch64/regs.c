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

// Where the registers after x30 are saved (enum tcb_register order from TCB_REG_SP).
static const uint16_t named_register_offset[] = {
    offsetof(struct user_context, sp),        offsetof(struct user_context, elr),
    offsetof(struct user_context, spsr),      offsetof(struct user_context, fault_ip),
    offsetof(struct user_context, tpidr_el0), offsetof(struct user_context, tpidrro_el0),
};
_Static_assert(TCB_REG_TPIDRRO - TCB_REG_SP + 1 == ARRAY_SIZE(named_register_offset),
               "one offset per named register");

// The saved word of register `reg` (enum tcb_register): x0..x30 by index, the rest by name.
static word_t *register_word(const struct user_context *c, unsigned reg)
{
    if (reg < TCB_REG_SP) {
        return (word_t *)&c->x[reg];
    }
    if (reg > TCB_REG_TPIDRRO) {
        panic("user context: no register %u", reg);
    }
    return (word_t *)((uintptr_t)c + named_register_offset[reg - TCB_REG_SP]);
}

word_t ctx_get_register(const struct user_context *c, unsigned reg)
{
    return *register_word(c, reg);
}

void ctx_set_register(struct user_context *c, unsigned reg, word_t v)
{
    *register_word(c, reg) = reg == TCB_REG_SPSR ? sanitise_spsr(v) : v;
}
