// SPDX-License-Identifier: BSD-2-Clause
// The AArch64 trap helpers: the only inline assembly in libsel4 (docs/design/abi.md §2.2).
// Syscall number in x7, then `svc #0`. Each helper declares exactly the registers the
// kernel may change, because the kernel preserves all others and compiled callers
// keep live values in them across the trap.
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>

// Send-type call: x0 dest, x1 info, x2..x5 MR0..3. Declared as clobbering x0..x5.
// The "memory" clobber (absent upstream) orders the caller's IPC-buffer stores of
// MR4+ and extra caps before the trap; it changes no register usage.
static inline void arm_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info_arg, seL4_Word mr0,
                                seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word destptr __asm__("x0") = dest;
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word msg0 __asm__("x2") = mr0;
    register seL4_Word msg1 __asm__("x3") = mr1;
    register seL4_Word msg2 __asm__("x4") = mr2;
    register seL4_Word msg3 __asm__("x5") = mr3;
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(destptr), "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3), "+r"(info)
                     : "r"(scno)
                     : "memory");
}

#ifndef CONFIG_KERNEL_MCS
// Reply (non-MCS): x1 info, x2..x5 MR0..3; the target is the thread's saved caller.
static inline void arm_sys_reply(seL4_Word sys, seL4_Word info_arg, seL4_Word mr0, seL4_Word mr1,
                                 seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word msg0 __asm__("x2") = mr0;
    register seL4_Word msg1 __asm__("x3") = mr1;
    register seL4_Word msg2 __asm__("x4") = mr2;
    register seL4_Word msg3 __asm__("x5") = mr3;
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3), "+r"(info)
                     : "r"(scno)
                     : "memory");
}
#endif

// Two-argument send with no message registers (Signal): x0, x1.
static inline void arm_sys_send_null(seL4_Word sys, seL4_Word src, seL4_Word info_arg)
{
    register seL4_Word destptr __asm__("x0") = src;
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0" : "+r"(destptr), "+r"(info) : "r"(scno) : "memory");
}

// MCS passes the Reply object's CPtr in x6 on Recv, NBRecv and ReplyRecv; non-MCS
// ignores `reply`, and no register is bound for it.
#ifdef CONFIG_KERNEL_MCS
#define SEL4_REPLY_REG_ register seL4_Word reply_reg __asm__("x6") = reply;
#define SEL4_REPLY_IN_ , "r"(reply_reg)
#else
#define SEL4_REPLY_REG_
#define SEL4_REPLY_IN_
#endif

// Receive: x0 source in; badge, info and MR0..3 out of x0..x5 (MCS: x6 the Reply cap).
static inline void arm_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge,
                                seL4_Word *out_info, seL4_Word *out_mr0, seL4_Word *out_mr1,
                                seL4_Word *out_mr2, seL4_Word *out_mr3,
                                LIBSEL4_UNUSED seL4_Word reply)
{
    SEL4_REPLY_REG_
    register seL4_Word src_and_badge __asm__("x0") = src;
    register seL4_Word info __asm__("x1");
    register seL4_Word msg0 __asm__("x2");
    register seL4_Word msg1 __asm__("x3");
    register seL4_Word msg2 __asm__("x4");
    register seL4_Word msg3 __asm__("x5");
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "=r"(msg0), "=r"(msg1), "=r"(msg2), "=r"(msg3), "=r"(info),
                       "+r"(src_and_badge)
                     : "r"(scno)SEL4_REPLY_IN_
                     : "memory");
    *out_badge = src_and_badge;
    *out_info = info;
    *out_mr0 = msg0;
    *out_mr1 = msg1;
    *out_mr2 = msg2;
    *out_mr3 = msg3;
}

// Send then receive in one trap (Call, ReplyRecv, most debug calls): x0..x5 in and out.
static inline void arm_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                     seL4_Word info_arg, seL4_Word *out_info, seL4_Word *in_out_mr0,
                                     seL4_Word *in_out_mr1, seL4_Word *in_out_mr2,
                                     seL4_Word *in_out_mr3, LIBSEL4_UNUSED seL4_Word reply)
{
    SEL4_REPLY_REG_
    register seL4_Word destptr __asm__("x0") = dest;
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word msg0 __asm__("x2") = *in_out_mr0;
    register seL4_Word msg1 __asm__("x3") = *in_out_mr1;
    register seL4_Word msg2 __asm__("x4") = *in_out_mr2;
    register seL4_Word msg3 __asm__("x5") = *in_out_mr3;
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3), "+r"(info), "+r"(destptr)
                     : "r"(scno)SEL4_REPLY_IN_
                     : "memory");
    *out_info = info;
    *out_badge = destptr;
    *in_out_mr0 = msg0;
    *in_out_mr1 = msg1;
    *in_out_mr2 = msg2;
    *in_out_mr3 = msg3;
}

#ifdef CONFIG_KERNEL_MCS
// MCS NBSendRecv/NBSendWait: send to x8 `dest` without blocking, then receive on x0
// `src` (x6 the Reply cap); x0..x5 in and out as for send_recv.
static inline void arm_sys_nbsend_recv(seL4_Word sys, seL4_Word dest, seL4_Word src,
                                       seL4_Word *out_badge, seL4_Word info_arg,
                                       seL4_Word *out_info, seL4_Word *in_out_mr0,
                                       seL4_Word *in_out_mr1, seL4_Word *in_out_mr2,
                                       seL4_Word *in_out_mr3, seL4_Word reply)
{
    register seL4_Word src_and_badge __asm__("x0") = src;
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word msg0 __asm__("x2") = *in_out_mr0;
    register seL4_Word msg1 __asm__("x3") = *in_out_mr1;
    register seL4_Word msg2 __asm__("x4") = *in_out_mr2;
    register seL4_Word msg3 __asm__("x5") = *in_out_mr3;
    register seL4_Word reply_reg __asm__("x6") = reply;
    register seL4_Word scno __asm__("x7") = sys;
    register seL4_Word dest_reg __asm__("x8") = dest;
    __asm__ volatile("svc #0"
                     : "+r"(msg0), "+r"(msg1), "+r"(msg2), "+r"(msg3), "+r"(info),
                       "+r"(src_and_badge)
                     : "r"(scno), "r"(reply_reg), "r"(dest_reg)
                     : "memory");
    *out_info = info;
    *out_badge = src_and_badge;
    *in_out_mr0 = msg0;
    *in_out_mr1 = msg1;
    *in_out_mr2 = msg2;
    *in_out_mr3 = msg3;
}
#endif

// No arguments, no results (Yield, DebugHalt, DebugSnapshot): only x7 is used and every
// register survives, so nothing is declared as changed.
static inline void arm_sys_null(seL4_Word sys)
{
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0" : : "r"(scno));
}
