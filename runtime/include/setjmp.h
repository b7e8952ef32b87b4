// SPDX-License-Identifier: BSD-2-Clause
// Standard setjmp/longjmp names over the runtime's own AArch64 implementation
// (<cairn/setjmp.h>, runtime/setjmp.S).
#pragma once

#include <cairn/setjmp.h>

typedef cairn_jmp_buf jmp_buf;

#define setjmp(env) cairn_setjmp(env)
#define longjmp(env, val) cairn_longjmp((env), (val))
