// SPDX-License-Identifier: BSD-2-Clause
// puts, the one subroutine of the raw root tasks (raw_task.S, raw_task_mcs.S), included
// where it goes in their text: print the NUL-terminated string at x0 through
// seL4_DebugPutChar (SYS_DEBUG_PUT_CHAR, defined by the includer), one call per
// character. The string pointer stays in x19 across the calls, so a kernel that does not
// preserve x19 prints garbage. Changes x0, x7 and x19.

puts:
    mov x19, x0
1:  ldrb w0, [x19], #1
    cbz w0, 2f
    mov x7, #SYS_DEBUG_PUT_CHAR
    svc #0
    b 1b
2:  ret
