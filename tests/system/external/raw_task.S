// SPDX-License-Identifier: BSD-2-Clause
// A root task written against the seL4 ABI alone: no Cairn runtime, no libsel4, raw `svc`
// with seL4 numbers (docs/design/abi.md §1.2, §2.2, §12). Linked at 0x10000000, far from where our
// runtime links, with a separate writable data segment. It prints a line through
// seL4_DebugPutChar, checks that x19 survives the call, identifies its TCB cap with
// seL4_DebugCapIdentify, then suspends itself with a TCB_Suspend Call on slot 1.

#define SYS_CALL -1
#define SYS_DEBUG_PUT_CHAR -9
#define SYS_DEBUG_CAP_IDENTIFY -12
#define TCB_SUSPEND_TAG 0xb000      // label TCBSuspend (11) << 12, no caps, length 0
#define CAP_INIT_THREAD_TCB 1

    .section .text
    .global _start
_start:
    mov x20, x0                     // BootInfo pointer from the kernel
    adrp x0, message
    add x0, x0, :lo12:message
    bl puts
    mov x0, #CAP_INIT_THREAD_TCB
    mov x7, #SYS_DEBUG_CAP_IDENTIFY
    svc #0
    cmp x0, #12                     // seL4's thread cap tag
    adrp x0, ok_line
    add x0, x0, :lo12:ok_line
    b.eq 3f
    adrp x0, bad_line
    add x0, x0, :lo12:bad_line
3:  bl puts
4:  adrp x1, counter                // the data segment is writable
    add x1, x1, :lo12:counter
    str x20, [x1]
    mov x0, #CAP_INIT_THREAD_TCB
    mov x1, #TCB_SUSPEND_TAG
    mov x7, #SYS_CALL
    svc #0
5:  b 5b                            // never reached: the thread is suspended

#include "raw_puts.S"

    .section .rodata
message:
    .asciz "external root task: hello through raw seL4_DebugPutChar\n"
ok_line:
    .asciz "external root task: slot 1 is a TCB cap, suspending\n"
bad_line:
    .asciz "external root task: slot 1 is NOT a TCB cap\n"

    .section .data
    .balign 8
counter:
    .quad 0
