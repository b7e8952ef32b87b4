// SPDX-License-Identifier: BSD-2-Clause
// Printable names for seL4_Error values, and the failure path of CHECK(expr).

#include <stddef.h>

#include <cairn/alloc.h>
#include <cairn/errors.h>
#include <cairn/panic.h>

static const char *const error_names[] = {
    [seL4_NoError] = "seL4_NoError",
    [seL4_InvalidArgument] = "seL4_InvalidArgument",
    [seL4_InvalidCapability] = "seL4_InvalidCapability",
    [seL4_IllegalOperation] = "seL4_IllegalOperation",
    [seL4_RangeError] = "seL4_RangeError",
    [seL4_AlignmentError] = "seL4_AlignmentError",
    [seL4_FailedLookup] = "seL4_FailedLookup",
    [seL4_TruncatedMessage] = "seL4_TruncatedMessage",
    [seL4_DeleteFirst] = "seL4_DeleteFirst",
    [seL4_RevokeFirst] = "seL4_RevokeFirst",
    [seL4_NotEnoughMemory] = "seL4_NotEnoughMemory",
    [CAIRN_ERROR_NO_SLOTS] = "CAIRN_ERROR_NO_SLOTS",
};

const char *seL4_strerror(seL4_Error err)
{
    size_t i = (size_t)err;
    if (i < sizeof error_names / sizeof error_names[0] && error_names[i] != NULL)
        return error_names[i];
    return "unknown seL4_Error";
}

_Noreturn void cairn_check_failed(const char *file, int line, const char *expr, seL4_Error err)
{
    cairn_panic_at(file, line, "CHECK failed: %s returned %s (%d)", expr, seL4_strerror(err),
                   (int)err);
}
