// SPDX-License-Identifier: BSD-2-Clause
// kernel_panic: print where and why, then stop the machine. For kernel bugs only.
#include "assert.h"

#include "arch/api.h"
#include "lib/printf.h"

void kernel_panic(const char *file, int line, const char *func, const char *fmt, ...)
{
    kprintf("\nKERNEL PANIC at %s:%d (%s): ", file, line, func);
    va_list ap;
    va_start(ap, fmt);
    kvprintf(fmt, ap);
    va_end(ap);
    kprintf("\n");
    arch_halt();
}
