// SPDX-License-Identifier: BSD-2-Clause
// Attribute and helper macros used throughout libsel4, under the names upstream
// libsel4 exports so that existing root-task code keeps compiling.
// Pure header: no code, no asm, no thread-locals; the kernel and host tests include it.
#pragma once

#ifndef CONST
#define CONST __attribute__((__const__))
#endif

#ifndef PURE
#define PURE __attribute__((__pure__))
#endif

#define SEL4_PACKED __attribute__((__packed__))
#define SEL4_DEPRECATED(msg) __attribute__((__deprecated__(msg)))
// Upstream marks deprecated macros this way; GCC ignores the unknown pragma (and
// warns about it under -Wunknown-pragmas), which is also what happens upstream.
#define SEL4_DEPRECATE_MACRO(x) _Pragma("deprecated") x

#define LIBSEL4_UNUSED __attribute__((__unused__))
#define LIBSEL4_WEAK __attribute__((__weak__))
#define LIBSEL4_NOINLINE __attribute__((__noinline__))

// Upstream's default build makes invocation stubs weak out-of-line functions. Cairn
// always makes every libsel4 function `static inline`: nothing needs linking except
// the IPC-buffer pointer, and a root task only pays for the calls it makes.
#define LIBSEL4_INLINE static inline
#define LIBSEL4_INLINE_FUNC static inline
#define SEL4_FORCE_INLINE static inline __attribute__((__always_inline__))

// The trailing semicolon is part of the macro (as upstream), so uses at file scope
// may be written with or without one.
#define SEL4_COMPILE_ASSERT(name, expr) _Static_assert(expr, #name);

// Checks that "entry bits + index bits == object bits" for a table object.
#define SEL4_SIZE_SANITY(index, entry, size)                                                       \
    SEL4_COMPILE_ASSERT(index##_##entry##_##size, (index) + (entry) == (size))

// An enumerator this large forces the enum to be word-sized, so enum-typed values can
// travel in message registers and struct fields without truncation (upstream ABI).
#define SEL4_FORCE_LONG_ENUM(type) _enum_pad_##type = __LONG_MAX__

#define LIBSEL4_BIT(n) (1ul << (n))
