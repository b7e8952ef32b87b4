// SPDX-License-Identifier: BSD-2-Clause
// The rejection helpers and the userError line (msg/invocation.h).
#include "msg/invocation.h"

#include "lib/printf.h"

static exception_t reject(struct invocation *inv, seL4_Error type)
{
    inv->error.type = type;
    return EXC_SYSCALL_ERROR;
}

exception_t error_invalid_argument(struct invocation *inv, word_t argument)
{
    inv->error.invalid_argument = argument;
    return reject(inv, seL4_InvalidArgument);
}

exception_t error_invalid_capability(struct invocation *inv, word_t cap_index)
{
    inv->error.invalid_cap = cap_index;
    return reject(inv, seL4_InvalidCapability);
}

exception_t error_illegal_operation(struct invocation *inv)
{
    return reject(inv, seL4_IllegalOperation);
}

exception_t error_range(struct invocation *inv, word_t min, word_t max)
{
    inv->error.range_min = min;
    inv->error.range_max = max;
    return reject(inv, seL4_RangeError);
}

exception_t error_alignment(struct invocation *inv)
{
    return reject(inv, seL4_AlignmentError);
}

exception_t error_failed_lookup(struct invocation *inv, bool source, const struct lookup_fault *lf)
{
    inv->error.failed_lookup_was_source = source;
    inv->error.lookup = *lf;
    return reject(inv, seL4_FailedLookup);
}

exception_t error_truncated_message(struct invocation *inv)
{
    return reject(inv, seL4_TruncatedMessage);
}

exception_t error_delete_first(struct invocation *inv)
{
    return reject(inv, seL4_DeleteFirst);
}

exception_t error_revoke_first(struct invocation *inv)
{
    return reject(inv, seL4_RevokeFirst);
}

exception_t error_not_enough_memory(struct invocation *inv, word_t bytes_left)
{
    inv->error.memory_left = bytes_left;
    return reject(inv, seL4_NotEnoughMemory);
}

#define ANSI_BOLD "\033[1m"
#define ANSI_GREEN "\033[32m"
#define ANSI_RESET "\033[0m"

void user_error_print(const void *thread, const char *name, word_t fault_ip, const char *func,
                      int line, const char *fmt, ...)
{
    kprintf(ANSI_BOLD "<<" ANSI_GREEN "seL4(CPU 0)" ANSI_BOLD " [%s/%d T%p \"%s\" @%lx]: ", func,
            line, thread, name, fault_ip);
    va_list ap;
    va_start(ap, fmt);
    kvprintf(fmt, ap);
    va_end(ap);
    kprintf(">>" ANSI_RESET "\n");
}
