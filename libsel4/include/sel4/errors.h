// SPDX-License-Identifier: BSD-2-Clause
// seL4_Error: the label of a kernel reply to an invocation (0 = success), docs/design/abi.md §5.1.
// Pure header shared by the kernel and user space.
#pragma once

typedef enum {
    seL4_NoError = 0,
    seL4_InvalidArgument = 1,
    seL4_InvalidCapability = 2,
    seL4_IllegalOperation = 3,
    seL4_RangeError = 4,
    seL4_AlignmentError = 5,
    seL4_FailedLookup = 6,
    seL4_TruncatedMessage = 7,
    seL4_DeleteFirst = 8,
    seL4_RevokeFirst = 9,
    seL4_NotEnoughMemory = 10,
    // Not an error: the number of error codes, kept last.
    seL4_NumErrors
} seL4_Error;
