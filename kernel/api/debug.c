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

static const char *const state_names[] = {
    [TS_INACTIVE] = "inactive",
    [TS_RUNNING] = "running",
    [TS_RESTART] = "restart",
    [TS_BLOCKED_ON_RECEIVE] = "blocked on recv",
    [TS_BLOCKED_ON_SEND] = "blocked on send",
    [TS_BLOCKED_ON_REPLY] = "blocked on reply",
    [TS_BLOCKED_ON_NOTIFICATION] = "blocked on ntfn",
};

static void dump_thread(const struct tcb *t)
{
    kprintf("%-16s %-16s 0x%-14lx %-5lu %p\n", t->name, state_names[t->state], t->ctx.elr,
            t->priority, (const void *)t);
}

void debug_dump_scheduler(void)
{
    kprintf("Dumping all tcbs!\n");
    kprintf("%-16s %-16s %-16s %-5s %s\n", "Name", "State", "IP", "Prio", "TCB");
    if (ks_cur_thread) {
        dump_thread(ks_cur_thread);
    }
    for (unsigned p = 0; p < CONFIG_NUM_PRIORITIES; p++) {
        for (const struct tcb *t = ks_ready_head[p]; t; t = t->sched_next) {
            if (t != ks_cur_thread) {
                dump_thread(t);
            }
        }
    }
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
