// SPDX-License-Identifier: BSD-2-Clause
// Printable names for seL4_Error values, and the failure path of CHECK(expr).

#include <stddef.h>

#include <cairn/alloc.h>
#include <cairn/errors.h>
#include <cairn/panic.h>

/* Each error's name is its enumerator's own spelling. */
#define NAME_OF(e) [e] = #e
static const char *const error_names[] = {
    NAME_OF(seL4_NoError),          NAME_OF(seL4_InvalidArgument),  NAME_OF(seL4_InvalidCapability),
    NAME_OF(seL4_IllegalOperation), NAME_OF(seL4_RangeError),       NAME_OF(seL4_AlignmentError),
    NAME_OF(seL4_FailedLookup),     NAME_OF(seL4_TruncatedMessage), NAME_OF(seL4_DeleteFirst),
    NAME_OF(seL4_RevokeFirst),      NAME_OF(seL4_NotEnoughMemory),  NAME_OF(CAIRN_ERROR_NO_SLOTS),
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
