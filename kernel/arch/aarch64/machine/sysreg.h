// SPDX-License-Identifier: BSD-2-Clause
// System register access and barriers (machine layer only).
#pragma once

#include "types.h"

#define MRS(reg, v) __asm__ volatile("mrs %0, " reg : "=r"(v))
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0" ::"r"((word_t)(v)))
#define ISB() __asm__ volatile("isb" ::: "memory")
#define DSB(opt) __asm__ volatile("dsb " #opt ::: "memory")

static inline word_t read_esr(void)
{
    word_t v;
    MRS("esr_el1", v);
    return v;
}
static inline word_t read_far(void)
{
    word_t v;
    MRS("far_el1", v);
    return v;
}
