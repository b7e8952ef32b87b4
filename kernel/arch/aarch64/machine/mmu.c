// SPDX-License-Identifier: BSD-2-Clause
// MMU hooks of arch/api.h: the physical window, user address-space switch, TLB and cache
// maintenance. The kernel's own mappings are set up once by head.S.
#include "arch/api.h"

#include "plat/qemu-virt/platform.h"
#include "sysreg.h"
#include "util.h"

pptr_t paddr_to_pptr(paddr_t pa)
{
    return pa + PPTR_OFFSET;
}

paddr_t pptr_to_paddr(pptr_t p)
{
    return p - PPTR_OFFSET;
}

// An all-invalid level-0 table for threads without a VSpace: every user access faults.
static word_t empty_vspace[512] __attribute__((aligned(4096)));

void arch_set_vspace(paddr_t root, word_t asid)
{
    if (root == 0) {
        root = pptr_to_paddr((pptr_t)&empty_vspace);
        asid = 0;
    }
    MSR("ttbr0_el1", (asid << 48) | root);
    ISB();
}

void arch_tlb_invalidate_va(word_t asid, vptr_t va)
{
    DSB(ishst);
    __asm__ volatile("tlbi vae1, %0" ::"r"((asid << 48) | ((va >> 12) & MASK(44))) : "memory");
    DSB(ish);
    ISB();
}

void arch_tlb_invalidate_asid(word_t asid)
{
    DSB(ishst);
    __asm__ volatile("tlbi aside1, %0" ::"r"(asid << 48) : "memory");
    DSB(ish);
    ISB();
}

void arch_clean_pte(pptr_t pte)
{
    __asm__ volatile("dc cvau, %0" ::"r"(pte) : "memory");
    DSB(ish);
}

#define CACHE_LINE 64

void arch_cache_range(enum cache_op op, pptr_t start, pptr_t end)
{
    for (pptr_t line = ALIGN_DOWN(start, 6); line < end; line += CACHE_LINE) {
        switch (op) {
        case CACHE_CLEAN:
            __asm__ volatile("dc cvac, %0" ::"r"(line) : "memory");
            break;
        case CACHE_INVALIDATE:
            __asm__ volatile("dc ivac, %0" ::"r"(line) : "memory");
            break;
        case CACHE_CLEAN_INVALIDATE:
            __asm__ volatile("dc civac, %0" ::"r"(line) : "memory");
            break;
        case CACHE_UNIFY:
            __asm__ volatile("dc cvau, %0" ::"r"(line) : "memory");
            DSB(ish);
            __asm__ volatile("ic ivau, %0" ::"r"(line) : "memory");
            break;
        }
    }
    DSB(sy);
    ISB();
}
