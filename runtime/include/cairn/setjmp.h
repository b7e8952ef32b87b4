// SPDX-License-Identifier: BSD-2-Clause
// Non-local jumps for AArch64 (runtime/setjmp.S): saves the callee-saved state of the AAPCS64
// (x19-x30, sp, d8-d15). Used by CAIRN_TRY; <setjmp.h> maps the standard names onto these.
#pragma once

/* 13 general registers (x19-x30, sp) + 8 FP registers (d8-d15), plus one spare word. */
typedef unsigned long cairn_jmp_buf[22];

/* Save the caller's state. Returns 0 now, and val (1 if val was 0) when jumped back to. */
int cairn_setjmp(cairn_jmp_buf env) __attribute__((returns_twice));

/* Return a second time from the cairn_setjmp that filled env, whose frame must still exist. */
_Noreturn void cairn_longjmp(cairn_jmp_buf env, int val);
