// SPDX-License-Identifier: BSD-2-Clause
// The steps of a chapter's solution. A chapter's solution (its solution/ folder) is one
// program for all of the chapter's steps. The build compiles it once per step, with STEP
// defined as that step's name (`make simulate STEP=5.C` builds it with STEP "5.C"), and the
// code of each step is marked with the step's name. Where steps build on each other, each
// is a block of plain C that begins with a comment naming the step and ends in
//
//     if (step_is("5.C"))
//         return;
//
// so the program of one step is everything up to that line. Where a step replaces what came
// before, its code is a branch or a function chosen by step_is, or code that earlier steps
// skip with step_before("5.D"): steps are named so that they sort in their order (5.A <
// 5.B, 6c.0 < 6c.A). The tests compare constant strings and fold away at compile time, and
// the compiler drops the code that the step's program never runs.

#ifndef WORKSPACES_STEP_H
#define WORKSPACES_STEP_H

#include <stdbool.h>

#ifndef STEP
#error "step.h belongs to a chapter's solution, which the build compiles with STEP=\"<step>\""
#endif

/* Whether this program is built for `step`: it ends after that step's code. */
static inline bool step_is(const char *step)
{
    return __builtin_strcmp(STEP, step) == 0;
}

/* The same test where C wants a constant (the size of an array at file scope): GCC folds
 * __builtin_strcmp of two string literals into one. */
#define STEP_IS(step) (__builtin_strcmp(STEP, step) == 0)

/* Whether this program is built for a step that comes before `step`. */
static inline bool step_before(const char *step)
{
    return __builtin_strcmp(STEP, step) < 0;
}

#endif
