// SPDX-License-Identifier: BSD-2-Clause
// A root task for the MCS kernel (make MCS=1) written against seL4's MCS ABI alone: no
// Cairn runtime, no libsel4, raw `svc` with the MCS numbers (docs/design/abi.md §1.2, §7).
// It prints through seL4_DebugPutChar (-12), checks BootInfo's MCS layout (schedcontrol
// at 0x98 holding one cap, right before the image frames; untyped at 0xa8), identifies
// slot 14 (the initial thread's SchedContext, tag 22) and the SchedControl cap (tag 24)
// with seL4_DebugCapIdentify (-15), then suspends itself: TCB_Suspend is label 12.

#define SYS_CALL -1
#define SYS_DEBUG_PUT_CHAR -12
#define SYS_DEBUG_CAP_IDENTIFY -15
#define TCB_SUSPEND_TAG 0xc000      // label TCBSuspend (12 in MCS) << 12, no caps, length 0
#define CAP_INIT_THREAD_TCB 1
#define CAP_INIT_THREAD_SC 14
#define BI_USER_IMAGE_FRAMES 0x48
#define BI_SCHEDCONTROL 0x98
#define BI_UNTYPED 0xa8

    .section .text
    .global _start
_start:
    mov x20, x0                     // BootInfo pointer from the kernel
    adr x0, hello
    bl puts

    // schedcontrol = [s, s + 1), and the image frames start right after it.
    ldp x21, x22, [x20, #BI_SCHEDCONTROL]
    sub x1, x22, x21
    cmp x1, #1
    b.ne bad
    ldr x1, [x20, #BI_USER_IMAGE_FRAMES]
    cmp x1, x22
    b.ne bad
    ldp x1, x2, [x20, #BI_UNTYPED]  // a non-empty untyped region after it
    cmp x2, x1
    b.ls bad
    cmp x1, x22
    b.lo bad
    adr x0, layout_ok
    bl puts

    mov x0, #CAP_INIT_THREAD_SC
    mov x7, #SYS_DEBUG_CAP_IDENTIFY
    svc #0
    cmp x0, #22                     // seL4's sched context cap tag
    b.ne bad
    mov x0, x21
    mov x7, #SYS_DEBUG_CAP_IDENTIFY
    svc #0
    cmp x0, #24                     // seL4's sched control cap tag
    b.ne bad
    adr x0, caps_ok
    bl puts

    mov x0, #CAP_INIT_THREAD_TCB
    mov x1, #TCB_SUSPEND_TAG
    mov x7, #SYS_CALL
    svc #0
1:  b 1b                            // never reached: the thread is suspended

bad:
    adr x0, bad_line
    bl puts
2:  b 2b

// Print the NUL-terminated string at x0 (clobbers x0, x19, x7).
#include "raw_puts.S"

hello:
    .asciz "mcs root task: hello through raw seL4_DebugPutChar (-12)\n"
layout_ok:
    .asciz "mcs root task: BootInfo schedcontrol holds one cap, before the image frames\n"
caps_ok:
    .asciz "mcs root task: slot 14 is a SchedContext, schedcontrol a SchedControl, suspending\n"
bad_line:
    .asciz "mcs root task: BAD BootInfo or initial caps\n"
