// SPDX-License-Identifier: BSD-2-Clause
// Standard assert(): on failure it panics (see <cairn/panic.h>) with
// "assertion failed: <expr>", so CAIRN_TRY can catch it. Disabled when NDEBUG is defined.
// Deliberately no #pragma once: the standard asks that NDEBUG be re-read on each inclusion.

#include <cairn/panic.h>

#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) cairn_assert(expr)
#endif

#ifndef static_assert
#define static_assert _Static_assert
#endif
