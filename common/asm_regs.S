// SPDX-License-Identifier: BSD-2-Clause
// Assembler macros for runs of AArch64 registers kept in memory (the kernel's saved user
// context and FP/SIMD state, the runtime's setjmp buffer, the tests' register probe).
// Include from .S files only.
//
//   reg_pairs op, r, first, last, base, off, size
//       \op (stp or ldp) the registers \r<first> .. \r<last> two at a time: \r<first> and
//       \r<first+1> at [\base, #\off], the next two 2 * \size bytes further on, and so on
//       (an even number of registers; \size is 8 for x and d registers, 16 for q).
//   reg_each op, r, first, last, base, off, size
//       \op (str or ldr) each of \r<first> .. \r<last> at [\base, #\off], \size bytes apart.
//
// Both unroll fully: the instructions are exactly those of the written-out list. They
// count with the assembler's alternate macro mode (%(expr)), which they switch off again.
#pragma once

    .macro reg_pairs op, r, first, last, base, off, size
    .altmacro
    reg_pair_ \op, \r, \first, %(\first + 1), \base, \off
    .if \first + 1 < \last
    reg_pairs \op, \r, %(\first + 2), \last, \base, %(\off + 2 * \size), \size
    .endif
    .noaltmacro
    .endm

    .macro reg_each op, r, first, last, base, off, size
    .altmacro
    reg_one_ \op, \r\first, \base, \off
    .if \first < \last
    reg_each \op, \r, %(\first + 1), \last, \base, %(\off + \size), \size
    .endif
    .noaltmacro
    .endm

    // One instruction each, with the alternate-mode expressions already evaluated.
    .macro reg_pair_ op, r, a, b, base, off
    \op \r\a, \r\b, [\base, #\off]
    .endm

    .macro reg_one_ op, reg, base, off
    \op \reg, [\base, #\off]
    .endm
