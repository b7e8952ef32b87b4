// SPDX-License-Identifier: BSD-2-Clause
// AArch64 stage-1 translation descriptors for user VSpaces (4 KiB granule, 4 levels) as
// seL4 writes them (docs/design/abi.md §11.2). Host-safe: pure encode/decode of 64-bit values.
#pragma once

#include "types.h"
#include "util.h"
#include "arch/aarch64/vm_rights.h"

/*
 * Virtual address split (48-bit, TTBR0, user range 0 .. 0x7fff_ffff_ffff):
 *
 *   47      39 38      30 29      21 20      12 11         0
 *  +----------+----------+----------+----------+------------+
 *  | level 0  | level 1  | level 2  | level 3  | page offset|
 *  | (VSpace) |          |          |          |            |
 *  +----------+----------+----------+----------+------------+
 *   a level-1 entry may be a 1 GiB block, a level-2 entry a 2 MiB block,
 *   a level-3 entry is a 4 KiB page.
 *
 * Descriptor bits (table | page | block):
 *   1:0 type (0b11 table or level-3 page, 0b01 block), 4:2 AttrIndx (4 = Normal WB,
 *   0 = Device-nGnRnE), 7:6 AP (0b01 RW EL0+EL1, 0b11 RO EL0+EL1, 0b00 EL1 only),
 *   9:8 SH, 10 AF, 11 nG, 47:12 output address, 53 PXN, 54 UXN,
 *   58 software: marks a level-3 page (seL4's convention).
 */
typedef word_t pte_t;

#define PT_LEVELS 4
#define PT_INDEX_BITS 9
#define PT_ENTRIES (1u << PT_INDEX_BITS)

#define PTE_VALID 0x1ull
#define PTE_TYPE_MASK 0x3ull
#define PTE_TYPE_TABLE 0x3ull
#define PTE_TYPE_BLOCK 0x1ull
#define PTE_ATTR_SHIFT 2
#define PTE_ATTR_NORMAL 4ull // MAIR index of Normal write-back memory
#define PTE_ATTR_DEVICE 0ull // MAIR index of Device-nGnRnE
#define PTE_AP_SHIFT 6
#define PTE_AP_RW_ALL 0x1ull
#define PTE_AP_RO_ALL 0x3ull
#define PTE_AP_KERNEL 0x0ull
#define PTE_AF BIT(10)
#define PTE_NG BIT(11)
#define PTE_PXN BIT(53)
#define PTE_UXN BIT(54)
#define PTE_SW_PAGE BIT(58)
#define PTE_ADDR_MASK (MASK(48) & ~MASK(12))

// VA bits translated below an entry of `level` (39, 30, 21, 12 for levels 0..3).
static inline unsigned pt_level_shift(unsigned level)
{
    return 39 - PT_INDEX_BITS * level;
}

static inline unsigned pt_index(vptr_t va, unsigned level)
{
    return (unsigned)bits_get(va, pt_level_shift(level), PT_INDEX_BITS);
}

static inline bool pte_is_valid(pte_t p)
{
    return p & PTE_VALID;
}

// A pointer to a next-level table: only below level 3.
static inline bool pte_is_table(pte_t p, unsigned level)
{
    return level < 3 && (p & PTE_TYPE_MASK) == PTE_TYPE_TABLE;
}

// A frame mapping: a level-3 page or a level-1/2 block.
static inline bool pte_is_frame(pte_t p, unsigned level)
{
    return level == 3 ? (p & PTE_TYPE_MASK) == PTE_TYPE_TABLE
                      : (p & PTE_TYPE_MASK) == PTE_TYPE_BLOCK;
}

static inline paddr_t pte_paddr(pte_t p)
{
    return p & PTE_ADDR_MASK;
}

static inline pte_t pte_make_table(paddr_t table)
{
    return (table & PTE_ADDR_MASK) | PTE_TYPE_TABLE;
}

// A user frame mapping at `level` (3: 4 KiB page, 2: 2 MiB block, 1: 1 GiB block).
// vm_rights: VM_* (vm_rights.h), already masked by the caller.
static inline pte_t pte_make_frame(paddr_t frame, unsigned level, unsigned vm_rights,
                                   bool cacheable, bool execute_never)
{
    pte_t ap;
    if ((vm_rights & VM_READ_WRITE) == VM_READ_WRITE) {
        ap = PTE_AP_RW_ALL;
    } else if (vm_rights & VM_RIGHT_READ) {
        ap = PTE_AP_RO_ALL;
    } else {
        ap = PTE_AP_KERNEL;
    }
    pte_t p = (frame & PTE_ADDR_MASK) | (ap << PTE_AP_SHIFT) | PTE_AF | PTE_NG |
              ((cacheable ? PTE_ATTR_NORMAL : PTE_ATTR_DEVICE) << PTE_ATTR_SHIFT);
    if (execute_never) {
        p |= PTE_UXN;
    }
    return level == 3 ? (p | PTE_TYPE_TABLE | PTE_SW_PAGE) : (p | PTE_TYPE_BLOCK);
}

// The VM rights (VM_*) a frame descriptor grants to user space.
static inline unsigned pte_vm_rights(pte_t p)
{
    switch (bits_get(p, PTE_AP_SHIFT, 2)) {
    case PTE_AP_RW_ALL:
        return VM_READ_WRITE;
    case PTE_AP_RO_ALL:
        return VM_READ_ONLY;
    default:
        return VM_KERNEL_ONLY;
    }
}

static inline bool pte_is_cacheable(pte_t p)
{
    return bits_get(p, PTE_ATTR_SHIFT, 3) == PTE_ATTR_NORMAL;
}

static inline bool pte_is_execute_never(pte_t p)
{
    return p & PTE_UXN;
}
