// SPDX-License-Identifier: BSD-2-Clause
// handle_syscall: from seL4's syscall number (docs/design/abi.md §1.2) to its handler, then the one
// shared exit path. API syscalls are -1..-8; the debug ones go through the unknown-syscall
// path first, as in seL4, and anything else raises an UnknownSyscall fault. MCS numbers the
// API calls -1..-11 and the debug calls from -12 (the #ifdef below is its one seam here).
#include "api/syscall.h"

#include "check/invariants.h"

#include "abi.h"
#include "api/debug.h"
#include "api/faults.h"
#include "api/interrupt.h"
#include "api/invocation.h"
#include "api/ipc.h"
#include "arch/api.h"
#include "sched/sched.h"
#include "state.h"
#ifdef CONFIG_KERNEL_MCS
#include "api/budget.h"
#include "object/sched_context.h"
#include "sched/mcs.h"
#endif

// seL4_SysDebugPutChar .. seL4_SysDebugNameThread and the rest of the debug range.
static bool handle_debug_syscall(word_t number)
{
    struct tcb *t = ks_cur_thread;
    switch ((sword_t)number) {
    case seL4_SysDebugPutChar:
        arch_putchar((char)(t->ctx.x[0] & 0xff));
        return true;
    case seL4_SysDebugDumpScheduler:
        debug_dump_scheduler();
        return true;
    case seL4_SysDebugHalt:
        debug_halt(t);
        return true;
    case seL4_SysDebugCapIdentify:
        t->ctx.x[0] = debug_cap_identify(t, t->ctx.x[0]);
        return true;
    case seL4_SysDebugSnapshot:
        debug_snapshot(t);
        return true;
    case seL4_SysDebugNameThread:
        debug_name_thread(t, t->ctx.x[0]);
        return true;
    default:
        if (number == CAIRN_SYS_DEBUG_DUMP_VSPACE) {
            debug_dump_vspace(t, t->ctx.x[0]);
            return true;
        }
        return false;
    }
}

#ifdef CONFIG_KERNEL_MCS
// MCS: seL4's API system calls are -1 .. -11; the debug calls after them are not billed.
#define SYSCALL_IS_API(n) ((sword_t)(n) < 0 && (sword_t)(n) >= seL4_SysYield)

// ReplyRecv, NBSendRecv and NBSendWait: a non-blocking Send on the cap `send_cptr` (usually
// the Reply cap), then, unless that send was preempted (Restart), a blocking receive, with
// the Reply object or without.
static void send_then_recv(struct tcb *t, cptr_t send_cptr, bool with_reply)
{
    handle_invocation_on(t, send_cptr);
    if (t->state != TS_RESTART) {
        handle_recv(t, true, with_reply);
    }
}
#endif

void handle_syscall(word_t number)
{
    struct tcb *t = ks_cur_thread;
#ifdef CONFIG_KERNEL_MCS
    // MCS: a thread whose budget ran out does not get its system call now (api/budget.h).
    if (SYSCALL_IS_API(number) && !budget_entry()) {
        return;
    }
#endif
    switch ((sword_t)number) {
    case seL4_SysCall:
        handle_invocation(t, NULL, true, true);
        break;
    case seL4_SysSend:
        handle_invocation(t, NULL, false, true);
        break;
    case seL4_SysNBSend:
        handle_invocation(t, NULL, false, false);
        break;
#ifdef CONFIG_KERNEL_MCS
    case seL4_SysRecv:
        handle_recv(t, true, true);
        break;
    case seL4_SysNBRecv:
        handle_recv(t, false, true);
        break;
    case seL4_SysWait:
        handle_recv(t, true, false);
        break;
    case seL4_SysNBWait:
        handle_recv(t, false, false);
        break;
    case seL4_SysReplyRecv:
        send_then_recv(t, t->ctx.x[REG_REPLY], true);
        break;
    case seL4_SysNBSendRecv:
        send_then_recv(t, t->ctx.x[REG_NB_SEND], true);
        break;
    case seL4_SysNBSendWait:
        send_then_recv(t, t->ctx.x[REG_REPLY], false);
        break;
#else
    case seL4_SysRecv:
        handle_recv(t, true);
        break;
    case seL4_SysNBRecv:
        handle_recv(t, false);
        break;
    case seL4_SysReply:
        handle_reply(t);
        break;
    case seL4_SysReplyRecv:
        handle_reply(t);
        handle_recv(t, true);
        break;
#endif
    case seL4_SysYield:
#ifdef CONFIG_KERNEL_MCS
        budget_yield();
#else
        sched_yield_current();
#endif
        break;
    default:
        if (!handle_debug_syscall(number)) {
#ifdef CONFIG_KERNEL_MCS
            if (!budget_entry()) {
                break;
            }
#endif
            t->fault.type = seL4_Fault_UnknownSyscall;
            t->fault.w[0] = number;
            handle_fault(t);
        }
        break;
    }
}

NORETURN void restore_user_context(struct user_context *ctx);

void kernel_exit(void)
{
    for (;;) {
        schedule();
        if (CONFIG_CHECK_INVARIANTS) {
            invariants_check();
            // The check's own time is not charged to the thread: the next tick comes a
            // full period after it. Otherwise, on a slow or loaded host, a tick could be
            // due again at every exit and no thread would make progress.
#ifdef CONFIG_KERNEL_MCS
            mcs_forget_check_time();
#else
            arch_timer_reset();
#endif
        }
        struct tcb *t = ks_cur_thread;
        if (t) {
#ifdef CONFIG_KERNEL_MCS
            // A thread that did YieldTo gets its answer now (seL4 activateThread).
            if (t->yield_to != NULL) {
                sched_context_complete_yield_to(t);
            }
#endif
            if (t->state == TS_RESTART) {
                // Re-execute the svc or faulting instruction (seL4's activateThread).
                t->ctx.elr = t->ctx.fault_ip;
                t->state = TS_RUNNING;
            }
            restore_user_context(&t->ctx);
        }
        // Nothing runnable: wait for an interrupt (still masked at the CPU, so the wait
        // just ends), handle it here, then look again.
        arch_idle_wait();
        handle_interrupt();
    }
}
