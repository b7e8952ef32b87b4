// SPDX-License-Identifier: BSD-2-Clause
// Names for seL4 error codes, and CHECK(expr): evaluate an invocation and panic with the
// source position and the error's name unless it returned seL4_NoError.
#pragma once

#include <sel4/sel4.h>

/* The enum constant's name as a string ("seL4_NoError", "seL4_FailedLookup", ...; the
 * runtime's own CAIRN_ERROR_NO_SLOTS too), or "unknown seL4_Error" for any other value.
 * Never NULL. */
const char *seL4_strerror(seL4_Error err);

/*
 * CHECK(expr): expr must have type seL4_Error (every libsel4 invocation stub returns one).
 * On anything but seL4_NoError it panics:
 *     panicked at main.c:42:
 *     CHECK failed: seL4_CNode_Copy(...) returned seL4_FailedLookup (6)
 */
#define CHECK(expr)                                                                                \
    do {                                                                                           \
        seL4_Error cairn_check_err_ = (expr);                                                      \
        if (cairn_check_err_ != seL4_NoError)                                                      \
            cairn_check_failed(__FILE__, __LINE__, #expr, cairn_check_err_);                       \
    } while (0)
#define cairn_check(expr) CHECK(expr)

_Noreturn void cairn_check_failed(const char *file, int line, const char *expr, seL4_Error err);
