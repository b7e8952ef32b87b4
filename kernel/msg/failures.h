// SPDX-License-Identifier: BSD-2-Clause
// How the syscall path reports failure: exception_t plus an error record per invocation.
// Values of seL4_Error and seL4_LookupFailureType come from libsel4 (abi.h).
#pragma once

#include "types.h"
#include "abi.h"

typedef enum {
    EXC_NONE = 0,      // success
    EXC_FAULT,         // the current thread faulted (fault recorded in its TCB)
    EXC_LOOKUP_FAULT,  // a cap lookup failed (details in the lookup_fault record)
    EXC_SYSCALL_ERROR, // an invocation was rejected (details in the syscall_error record)
    EXC_PREEMPTED,     // a long operation stopped at a preemption point
} exception_t;

// A failed CPtr resolution, as seL4 reports it (type uses seL4_LookupFailureType values).
struct lookup_fault {
    word_t type;        // seL4_InvalidRoot, seL4_MissingCapability, seL4_DepthMismatch, ...
    word_t bits_left;   // MissingCapability, DepthMismatch, GuardMismatch
    word_t bits_found;  // DepthMismatch, GuardMismatch
    word_t guard_found; // GuardMismatch
};

// The details of a rejected invocation; replied to the caller by api/invocation.c, its
// message words written by msg/message.c (syscall_error_mrs).
struct syscall_error {
    seL4_Error type;
    word_t invalid_argument;       // InvalidArgument: which MR argument (0-based)
    word_t invalid_cap;            // InvalidCapability: 0 = invoked cap, n = extra cap n-1
    word_t range_min, range_max;   // RangeError
    word_t memory_left;            // NotEnoughMemory: bytes still free
    bool failed_lookup_was_source; // FailedLookup: MR0
    struct lookup_fault lookup;    // FailedLookup: MR1..
};
