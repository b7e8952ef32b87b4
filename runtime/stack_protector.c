// SPDX-License-Identifier: BSD-2-Clause
// What code built with -fstack-protector expects (Debian's libfdt.a is): the canary the
// compiler stores below a function's saved registers, and the call made when it was
// overwritten. Root-task code itself is built without stack protection.

#include <stdint.h>

#include <cairn/panic.h>

/* A fixed canary: no entropy source at start-up. Its zero low byte stops string overruns. */
uintptr_t __stack_chk_guard = 0x5ca1ab1e0ddba100ul;

_Noreturn void __stack_chk_fail(void);

_Noreturn void __stack_chk_fail(void)
{
    panic("stack smashing detected (a -fstack-protector canary was overwritten)");
}
