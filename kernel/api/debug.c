// SPDX-License-Identifier: BSD-2-Clause
// seL4's debug system calls: cap identification, thread names, halt, scheduler dump.
#include "api/debug.h"

#include "msg/invocation.h"
#include "arch/api.h"
#include "cspace/lookup.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "state.h"
#include "vm/vspace_dump.h"

word_t debug_cap_identify(struct tcb *t, cptr_t cptr)
{
    struct lookup_fault lf;
    cap_t c;
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE) {
        return CAP_NULL;
    }
    return cap_type(c);
}

// The NUL-terminated name fills msg[] of the caller's IPC buffer, seL4_MsgMaxLength words.
#define NAME_MAX_SCAN (seL4_MsgMaxLength * sizeof(word_t))

void debug_name_thread(struct tcb *t, cptr_t cptr)
{
    struct lookup_fault lf;
    cap_t c;
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE || cap_type(c) != CAP_THREAD) {
        USER_ERROR(t, "SysDebugNameThread: cap is not a TCB, halting");
        debug_halt(t);
    }
    const word_t *buffer = lookup_ipc_buffer(t, true);
    if (!buffer) {
        USER_ERROR(t, "SysDebugNameThread: no writable IPC buffer, name ignored");
        return;
    }
    const char *name = (const char *)&buffer[IPC_BUFFER_MR(0)];
    size_t len = 0;
    while (len < NAME_MAX_SCAN && name[len]) {
        len++;
    }
    if (len == NAME_MAX_SCAN) {
        USER_ERROR(t, "SysDebugNameThread: Name too long, halting");
        debug_halt(t);
    }
    struct tcb *target = tcb_from_pptr(cap_ptr(c));
    len = MIN(len, TCB_NAME_LENGTH - 1);
    memcpy(target->name, name, len);
    target->name[len] = '\0';
}

void debug_halt(struct tcb *t)
{
    kprintf("Debug halt syscall from user thread %p \"%s\"\n", (void *)t, t ? t->name : "");
    arch_halt();
}

// seL4's words for the thread states in the scheduler dump.
static const char *const state_names[] = {
    [TS_INACTIVE] = "inactive",
    [TS_RUNNING] = "running",
    [TS_RESTART] = "restart",
    [TS_BLOCKED_ON_RECEIVE] = "blocked on recv",
    [TS_BLOCKED_ON_SEND] = "blocked on send",
    [TS_BLOCKED_ON_REPLY] = "blocked on reply",
    [TS_BLOCKED_ON_NOTIFICATION] = "blocked on ntfn",
    [TS_IDLE] = "idle",
};

// One row, in seL4's layout: name right-aligned in 40 columns, state in 15, the restart
// PC as seL4's printf prints a pointer (0x and 16 digits; a null one as 16 zeros), the
// priority in 20 columns, the core (always 0), tab-separated; MCS adds a column: whether the
// thread waits in the release queue for its next refill (1) or not (0).
static void dump_thread(const struct tcb *t)
{
    word_t pc = t->ctx.fault_ip;
    kprintf("%40s\t%15s\t", t->name, state_names[t->state]);
    kprintf(pc ? "0x%016lx" : "%016lx", pc);
    kprintf("\t%20lu\t%lu", t->priority, 0ul);
#ifdef CONFIG_KERNEL_MCS
    kprintf("\t%lu", (word_t)t->in_release_queue);
#endif
    kprintf("\n");
}

void debug_dump_scheduler(void)
{
    kprintf("Dumping all tcbs!\n");
#ifdef CONFIG_KERNEL_MCS
    kprintf("Name                                    \tState          \tIP                  "
            "\t Prio \t Core\t InReleaseQueue\n");
#else
    kprintf("Name                                    \tState          \tIP                  "
            "\t Prio \t Core\n");
#endif
    kprintf("--------------------------------------------------------------------------------"
            "------\n");
    for (const struct tcb *t = ks_debug_tcbs; t; t = t->debug_next) {
        dump_thread(t);
    }
}

// The idle thread's record: a TCB-sized object that is never scheduled.
static uint8_t idle_record[TCB_BYTES] ALIGNED(16);

BOOT_CODE void debug_idle_record_boot(void)
{
    struct tcb *idle = (struct tcb *)(void *)idle_record;
    memset(idle_record, 0, sizeof(idle_record));
    idle->state = TS_IDLE;
    memcpy(idle->name, "idle_thread", sizeof("idle_thread"));
    tcb_debug_append(idle);
}

void debug_snapshot(struct tcb *t)
{
    kprintf("Debug snapshot syscall from user thread %p \"%s\" (capDL dump not supported)\n",
            (void *)t, t->name);
}

void debug_dump_vspace(struct tcb *t, cptr_t cptr)
{
    struct lookup_fault lf;
    cap_t c;
    if (lookup_cap(t, cptr, &lf, &c) != EXC_NONE || cap_type(c) != CAP_VSPACE) {
        USER_ERROR(t, "DebugDumpVSpace: cap #%lu is not a VSpace cap", cptr);
        return;
    }
    vspace_dump(c);
}
