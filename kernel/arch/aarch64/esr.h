// SPDX-License-Identifier: BSD-2-Clause
// Decoding the exception syndrome register (ESR_EL1) of a user exception into words a
// learner can read: data or instruction, read or write, and which fault at which table
// level (Arm ARM D17.2.37). Host-safe: a pure function of the value; it reads no registers.
#pragma once

#include "types.h"

// Exception classes (ESR_EL1.EC, bits 31:26) the kernel routes.
#define ESR_EC_UNKNOWN 0x00u
#define ESR_EC_FP_ACCESS 0x07u
#define ESR_EC_SVC64 0x15u
#define ESR_EC_IABT_LOWER 0x20u // instruction abort from EL0
#define ESR_EC_IABT_SAME 0x21u
#define ESR_EC_PC_ALIGN 0x22u
#define ESR_EC_DABT_LOWER 0x24u // data abort from EL0
#define ESR_EC_DABT_SAME 0x25u
#define ESR_EC_SP_ALIGN 0x26u
#define ESR_EC_BRK64 0x3cu

#define ESR_EC_SHIFT 26

// The exception class of a syndrome.
static inline unsigned esr_ec(word_t esr)
{
    return (unsigned)(esr >> ESR_EC_SHIFT) & 0x3fu;
}

enum esr_fault_kind {
    ESR_FAULT_NONE,         // not an instruction or data abort
    ESR_FAULT_ADDRESS_SIZE, // output or input address too large for the tables
    ESR_FAULT_TRANSLATION,  // an entry on the walk was invalid (nothing mapped)
    ESR_FAULT_ACCESS_FLAG,  // entry valid but its access flag clear
    ESR_FAULT_PERMISSION,   // entry valid but its rights forbid this access
    ESR_FAULT_ALIGNMENT,
    ESR_FAULT_EXTERNAL, // the memory system signalled an error
    ESR_FAULT_OTHER,    // TLB conflict, lockdown, parity, ...
};

// A decoded syndrome. level is the translation level the fault names (0..3), or -1 when
// the fault kind has none.
struct esr_info {
    unsigned ec;         // exception class
    bool is_abort;       // an instruction or data abort (a VM fault in seL4 terms)
    bool is_instruction; // instruction fetch (else data access)
    bool is_write;       // data write (WnR); false for reads and fetches
    bool is_cache_maint; // data abort caused by a cache-maintenance instruction (CM)
    bool on_table_walk;  // stage-2 fault during a stage-1 walk (S1PTW)
    unsigned fsc;        // fault status code, ISS bits 5:0
    enum esr_fault_kind kind;
    int level;
};

// Decode an ESR_EL1 value. Pure.
struct esr_info esr_decode(word_t esr);

// Write a one-line description of `esr` into buf (always NUL-terminated when len > 0,
// truncated to fit), without a trailing newline, e.g.
//   "data read, translation fault at level 3 (no page mapped)"
//   "data write, permission fault at level 3 (the mapping does not allow writes)"
//   "not a memory abort (exception class 0x15: SVC from AArch64)"
// The fault report prints it after "decoded: ". Returns the length of the full text
// (excluding the NUL), which may exceed len - 1 if it was truncated. Pure.
int esr_describe(word_t esr, char *buf, size_t len);
