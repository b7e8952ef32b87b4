// SPDX-License-Identifier: BSD-2-Clause
// Kernel-wide basic types. The three address types are kept apart on purpose:
// a paddr_t is never dereferenced, a pptr_t is a kernel pointer into the physical
// window, a vptr_t is a user virtual address that the kernel never dereferences.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t word_t; // one machine word; also the seL4_Word of the ABI
typedef int64_t sword_t;
typedef word_t paddr_t; // physical address
typedef word_t pptr_t;  // kernel virtual address of physical memory (the window)
typedef word_t vptr_t;  // user virtual address
typedef word_t cptr_t;  // capability address, resolved through a CSpace
