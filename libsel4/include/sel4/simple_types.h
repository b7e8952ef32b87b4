// SPDX-License-Identifier: BSD-2-Clause
// Fixed-width integers, seL4_Word, seL4_CPtr and seL4_Bool. Built from the compiler's
// predefined type macros rather than <stdint.h>, so it is freestanding and also
// compiles for the host (x86_64), where the kernel's unit tests include it.
#pragma once

#include <sel4/macros.h>

typedef __INT8_TYPE__ seL4_Int8;
typedef __UINT8_TYPE__ seL4_Uint8;
typedef __INT16_TYPE__ seL4_Int16;
typedef __UINT16_TYPE__ seL4_Uint16;
typedef __INT32_TYPE__ seL4_Int32;
typedef __UINT32_TYPE__ seL4_Uint32;
typedef __INT64_TYPE__ seL4_Int64;
typedef __UINT64_TYPE__ seL4_Uint64;

SEL4_COMPILE_ASSERT(seL4_Uint8_is_1_byte, sizeof(seL4_Uint8) == 1)
SEL4_COMPILE_ASSERT(seL4_Uint16_is_2_bytes, sizeof(seL4_Uint16) == 2)
SEL4_COMPILE_ASSERT(seL4_Uint32_is_4_bytes, sizeof(seL4_Uint32) == 4)
SEL4_COMPILE_ASSERT(seL4_Uint64_is_8_bytes, sizeof(seL4_Uint64) == 8)

// Upstream's AArch64 build defines SEL4_INT64_IS_LONG; the printf helpers below and
// code that tests these macros rely on it.
#define SEL4_WORD_IS_UINT64
#define SEL4_INT64_IS_LONG

#define SEL4_PRId64 "ld"
#define SEL4_PRIi64 "li"
#define SEL4_PRIu64 "lu"
#define SEL4_PRIx64 "lx"
#define SEL4_PRId_word "ld"
#define SEL4_PRIi_word "li"
#define SEL4_PRIu_word "lu"
#define SEL4_PRIx_word "lx"
#define SEL4_PRI_word SEL4_PRIu_word

// A byte, not _Bool: upstream packs it into messages and structs as 8 bits.
typedef seL4_Int8 seL4_Bool;
#define seL4_True 1
#define seL4_False 0

#define seL4_Null ((void *)0)

// The machine word: one message register, one capability address (CPtr).
typedef seL4_Uint64 seL4_Word;
typedef seL4_Word seL4_CPtr;

// Word-sized scalar names used by BootInfo and the Domain API.
typedef seL4_Word seL4_NodeId;
typedef seL4_Word seL4_PAddr;
typedef seL4_Word seL4_Domain;

#include <sel4/sel4_arch/constants.h>

SEL4_COMPILE_ASSERT(seL4_WordSizeBits_matches, sizeof(seL4_Word) == (1u << seL4_WordSizeBits))
SEL4_COMPILE_ASSERT(seL4_WordBits_matches, 8 * sizeof(seL4_Word) == seL4_WordBits)
