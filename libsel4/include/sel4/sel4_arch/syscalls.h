// SPDX-License-Identifier: BSD-2-Clause
// The AArch64 trap helpers: the only inline assembly in libsel4 (docs/design/abi.md §2.2).
// Syscall number in x7, then `svc #0`. Each helper declares exactly the registers the
// kernel may change, because the kernel preserves all others and compiled callers
// keep live values in them across the trap.
#pragma once

#include <sel4/macros.h>
#include <sel4/simple_types.h>

// MR0..MR3 travel in x2..x5 (msg0..msg3 in every helper below): declared, optionally
// given the words to send, named as asm operands with a constraint ("+r" in and out,
// "=r" out only), and copied out to the caller's words after the trap.
#define SEL4_MR_REGS_                                                                              \
    register seL4_Word msg0 __asm__("x2"), msg1 __asm__("x3"), msg2 __asm__("x4"),                 \
        msg3 __asm__("x5")
#define SEL4_MR_REGS_SET_(m0, m1, m2, m3)                                                          \
    SEL4_MR_REGS_;                                                                                 \
    msg0 = (m0);                                                                                   \
    msg1 = (m1);                                                                                   \
    msg2 = (m2);                                                                                   \
    msg3 = (m3)
#define SEL4_MR_OPERANDS_(c) c(msg0), c(msg1), c(msg2), c(msg3)
#define SEL4_MR_REGS_GET_(p0, p1, p2, p3)                                                          \
    do {                                                                                           \
        *(p0) = msg0;                                                                              \
        *(p1) = msg1;                                                                              \
        *(p2) = msg2;                                                                              \
        *(p3) = msg3;                                                                              \
    } while (0)

// Send-type call: x0 dest, x1 info, x2..x5 MR0..3. Declared as clobbering x0..x5.
// The "memory" clobber (absent upstream) orders the caller's IPC-buffer stores of
// MR4+ and extra caps before the trap; it changes no register usage.
static inline void arm_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info_arg, seL4_Word mr0,
                                seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word destptr __asm__("x0") = dest;
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word scno __asm__("x7") = sys;
    SEL4_MR_REGS_SET_(mr0, mr1, mr2, mr3);
    __asm__ volatile("svc #0"
                     : "+r"(destptr), SEL4_MR_OPERANDS_("+r"), "+r"(info)
                     : "r"(scno)
                     : "memory");
}

#ifndef CONFIG_KERNEL_MCS
// Reply (non-MCS): x1 info, x2..x5 MR0..3; the target is the thread's saved caller.
static inline void arm_sys_reply(seL4_Word sys, seL4_Word info_arg, seL4_Word mr0, seL4_Word mr1,
                                 seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word info __asm__("x1") = info_arg;
    register seL4_Word scno __asm__("x7") = sys;
    SEL4_MR_REGS_SET_(mr0, mr1, mr2, mr3);
    __asm__ volatile("svc #0" : SEL4_MR_OPERANDS_("+r"), "+r"(info) : "r"(scno) : "memory");
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
    register seL4_Word scno __asm__("x7") = sys;
    SEL4_MR_REGS_;
    __asm__ volatile("svc #0"
                     : SEL4_MR_OPERANDS_("=r"), "=r"(info), "+r"(src_and_badge)
                     : "r"(scno)SEL4_REPLY_IN_
                     : "memory");
    *out_badge = src_and_badge;
    *out_info = info;
    SEL4_MR_REGS_GET_(out_mr0, out_mr1, out_mr2, out_mr3);
}

// The send-then-receive trap: x0 (the register variable `x0`), x1 info and x2..x5 MR0..3
// in and out, the asm inputs `...` (x7 the syscall number, others by call); then x0 to
// *out_badge, x1 to *out_info, MR0..3 back to *in_out_mr0..3.
#define SEL4_SEND_RECV_TRAP_(x0, ...)                                                              \
    register seL4_Word info __asm__("x1") = info_arg;                                              \
    SEL4_MR_REGS_SET_(*in_out_mr0, *in_out_mr1, *in_out_mr2, *in_out_mr3);                         \
    __asm__ volatile("svc #0"                                                                      \
                     : SEL4_MR_OPERANDS_("+r"), "+r"(info), "+r"(x0)                               \
                     : __VA_ARGS__                                                                 \
                     : "memory");                                                                  \
    *out_info = info;                                                                              \
    *out_badge = x0;                                                                               \
    SEL4_MR_REGS_GET_(in_out_mr0, in_out_mr1, in_out_mr2, in_out_mr3)

// Send then receive in one trap (Call, ReplyRecv, most debug calls): x0..x5 in and out.
static inline void arm_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                     seL4_Word info_arg, seL4_Word *out_info, seL4_Word *in_out_mr0,
                                     seL4_Word *in_out_mr1, seL4_Word *in_out_mr2,
                                     seL4_Word *in_out_mr3, LIBSEL4_UNUSED seL4_Word reply)
{
    SEL4_REPLY_REG_
    register seL4_Word destptr __asm__("x0") = dest;
    register seL4_Word scno __asm__("x7") = sys;
    SEL4_SEND_RECV_TRAP_(destptr, "r"(scno)SEL4_REPLY_IN_);
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
    register seL4_Word reply_reg __asm__("x6") = reply;
    register seL4_Word scno __asm__("x7") = sys;
    register seL4_Word dest_reg __asm__("x8") = dest;
    SEL4_SEND_RECV_TRAP_(src_and_badge, "r"(scno), "r"(reply_reg), "r"(dest_reg));
}
#endif

// No arguments, no results (Yield, DebugHalt, DebugSnapshot): only x7 is used and every
// register survives, so nothing is declared as changed.
static inline void arm_sys_null(seL4_Word sys)
{
    register seL4_Word scno __asm__("x7") = sys;
    __asm__ volatile("svc #0" : : "r"(scno));
}
