// SPDX-License-Identifier: BSD-2-Clause
// MMU hooks of arch/api.h: the physical window, user address-space switch, TLB and cache
// maintenance. The kernel's own mappings are set up once by head.S.
#include "arch/api.h"

#include "plat/qemu-virt/platform.h"
#include "sysreg.h"
#include "util.h"
#include "lib/string.h"

// From this size on (big frames, big CNodes) a range is zeroed with plain stores, 64 bytes
// per iteration: under QEMU every DC ZVA is a call into the emulator, and stores take about
// a third of its host time (bench/README.md, wall time). Below it DC ZVA, which needs the
// fewest guest instructions (a 4 KiB Retype is a benchmarked operation).
#define ZERO_BY_STORES_MIN (64 * 1024)

void arch_zero_range(pptr_t start, word_t bytes)
{
    if (bytes >= ZERO_BY_STORES_MIN && IS_ALIGNED(start | bytes, 6)) {
        for (pptr_t p = start, end = start + bytes; p < end; p += 64) {
            __asm__ volatile("stp xzr, xzr, [%0]\n\t"
                             "stp xzr, xzr, [%0, #16]\n\t"
                             "stp xzr, xzr, [%0, #32]\n\t"
                             "stp xzr, xzr, [%0, #48]" ::"r"(p)
                             : "memory");
        }
        return;
    }
    word_t dczid;
    MRS("dczid_el0", dczid);
    word_t block = 4ul << (dczid & 0xf); // DC ZVA block size in bytes
    if ((dczid & BIT(4)) || (start | bytes) & (block - 1)) {
        memset((void *)start, 0, bytes); // DC ZVA prohibited or the range is not in blocks
        return;
    }
    pptr_t p = start, end = start + bytes;
    // Four blocks per iteration: this loop is most of the cost of a Retype.
    for (; end - p >= 4 * block; p += 4 * block) {
        __asm__ volatile("dc zva, %0\n\t"
                         "dc zva, %1\n\t"
                         "dc zva, %2\n\t"
                         "dc zva, %3" ::"r"(p),
                         "r"(p + block), "r"(p + 2 * block), "r"(p + 3 * block)
                         : "memory");
    }
    for (; p < end; p += block) {
        __asm__ volatile("dc zva, %0" ::"r"(p) : "memory");
    }
}

// An all-invalid level-0 table for threads without a VSpace: every user access faults.
word_t mmu_empty_vspace[512] __attribute__((aligned(4096)));

// What TTBR0_EL1 holds (arch_set_vspace in switch.h).
word_t mmu_current_ttbr0 = ~(word_t)0;

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

// One data-cache operation over every line of [line, end), four lines per iteration.
#define DC_RANGE(op, line, end)                                                                    \
    do {                                                                                           \
        for (; (end) - (line) >= 4 * CACHE_LINE; (line) += 4 * CACHE_LINE) {                       \
            __asm__ volatile("dc " op ", %0\n\t"                                                   \
                             "dc " op ", %1\n\t"                                                   \
                             "dc " op ", %2\n\t"                                                   \
                             "dc " op ", %3" ::"r"(line),                                          \
                             "r"((line) + CACHE_LINE), "r"((line) + 2 * CACHE_LINE),               \
                             "r"((line) + 3 * CACHE_LINE)                                          \
                             : "memory");                                                          \
        }                                                                                          \
        for (; (line) < (end); (line) += CACHE_LINE) {                                             \
            __asm__ volatile("dc " op ", %0" ::"r"(line) : "memory");                              \
        }                                                                                          \
    } while (0)

void arch_cache_range(enum cache_op op, pptr_t start, pptr_t end)
{
    pptr_t line = ALIGN_DOWN(start, 6);
    switch (op) {
    case CACHE_CLEAN:
        DC_RANGE("cvac", line, end);
        break;
    case CACHE_INVALIDATE:
        DC_RANGE("ivac", line, end);
        break;
    case CACHE_CLEAN_INVALIDATE:
        DC_RANGE("civac", line, end);
        break;
    case CACHE_UNIFY:
        DC_RANGE("cvau", line, end);
        DSB(ish);
        for (line = ALIGN_DOWN(start, 6); line < end; line += CACHE_LINE) {
            __asm__ volatile("ic ivau, %0" ::"r"(line) : "memory");
        }
        break;
    }
    DSB(sy);
    ISB();
}
