// SPDX-License-Identifier: BSD-2-Clause
// Host-side coverage-guided fuzzing of the generic kernel through its system-call entry
// (make fuzz-host; tests/fuzz-host/README.md). Each input boots a fresh fake machine (the
// host fakes of tests/unit/fake: a 64 MiB arena for RAM, recorded hardware calls) holding a
// root task as seL4's boot leaves it, then plays a sequence of system calls from whichever
// thread is current: arbitrary x0..x7, IPC-buffer words and syscall numbers, with timer
// ticks in between. After each call the kernel's exit path runs (schedule, restart) and
// the invariant checker verifies the whole state. A step may also be a user-space store. Any kernel
// panic, failed assertion, broken invariant or sanitizer report ends the run as a crash.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "abi.h"
#include "state.h"
#include "arch/api.h"
#include "api/syscall.h"
#include "check/invariants.h"
#include "cspace/cdt.h"
#include "object/asid.h"
#include "object/domain.h"
#include "object/irq.h"
#include "object/objecttype.h"
#include "object/vspace.h"
#include "sched/sched.h"
#include "vm/pt_walk.h"
#include "fake/hw.h"
#include "fake/phys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ROOT_BITS 10
#define IPC_VADDR 0x10000000ul
#define MAX_STEPS 96
#define DEBUG_DUMP_VSPACE (-64)

struct input {
    const uint8_t *p;
    size_t left;
};

static uint8_t byte(struct input *in)
{
    if (in->left == 0) {
        return 0;
    }
    in->left--;
    return *in->p++;
}

// A word biased towards values that pass the first checks: small numbers, slot numbers,
// powers of two, small negatives, or eight raw bytes.
static word_t word(struct input *in)
{
    uint8_t sel = byte(in);
    switch (sel % 8) {
    case 0:
    case 1:
    case 2:
        return byte(in) % 32;
    case 3:
        return byte(in);
    case 4:
        return (word_t)1 << (byte(in) % 64);
    case 5:
        return (word_t)(-(sword_t)(byte(in) % 8) - 1);
    default: {
        word_t w = 0;
        for (int i = 0; i < 8; i++) {
            w = (w << 8) | byte(in);
        }
        return w;
    }
    }
}

// Put `cap` in the empty slot `dest`: a boot cap (its own derivation list) or, with a
// source, a child of it.
static void give(struct cte *dest, cap_t cap, struct cte *src)
{
    if (src != NULL) {
        cdt_insert(cap, src, dest);
        return;
    }
    dest->cap = cap;
    dest->mdb = (struct mdb_node){0, 0};
    mdb_set_flags(dest, true, true);
}

// A fresh machine with a root task as seL4's boot leaves it (the parts the fuzzer can
// use): root CNode, TCB, VSpace with ASID 1 in pool 0, IPC buffer frame, IRQ and ASID
// control, the domain cap, and three RAM untypeds.
static void boot(void)
{
    state_reset();
    phys_reset();
    hw_reset();
    preemption_force_after(0);

    struct cte *root = phys_alloc(ROOT_BITS + seL4_SlotBits);
    pte_t *vspace = phys_alloc(seL4_VSpaceBits);
    struct asid_pool *pool = phys_alloc(seL4_ASIDPoolBits);
    void *ipc = phys_alloc(seL4_PageBits);
    pptr_t tcb = (pptr_t)phys_alloc(seL4_TCBBits);
    create_object(seL4_TCBObject, tcb, 0, false);
    struct tcb *t = tcb_from_pptr(tcb);
    pool->vspace[1] = vspace;
    ks_asid_table[0] = pool;

    give(&root[seL4_CapInitThreadTCB], cap_thread_new(tcb), NULL);
    give(&root[seL4_CapInitThreadCNode], cap_cnode_new((pptr_t)root, ROOT_BITS, 64 - ROOT_BITS, 0),
         NULL);
    give(&root[seL4_CapInitThreadVSpace], cap_vspace_new((pptr_t)vspace, 1), NULL);
    give(&root[seL4_CapIRQControl], cap_irq_control_new(), NULL);
    give(&root[seL4_CapASIDControl], cap_asid_control_new(), NULL);
    give(&root[seL4_CapInitThreadASIDPool], cap_asid_pool_new((pptr_t)pool, 0), NULL);
    give(&root[seL4_CapInitThreadIPCBuffer],
         cap_frame_new((pptr_t)ipc, FRAME_SMALL, VM_READ_WRITE, false), NULL);
    give(&root[seL4_CapDomain], cap_domain_new(), NULL);
    static const unsigned untyped_bits[] = {20, 16, 12};
    for (unsigned i = 0; i < ARRAY_SIZE(untyped_bits); i++) {
        pptr_t ut = (pptr_t)phys_alloc(untyped_bits[i]);
        give(&root[16 + i], cap_untyped_new(ut, untyped_bits[i], false, 0), NULL);
    }

    give(tcb_slot(t, TCB_CTABLE), root[seL4_CapInitThreadCNode].cap,
         &root[seL4_CapInitThreadCNode]);
    give(tcb_slot(t, TCB_VTABLE), root[seL4_CapInitThreadVSpace].cap,
         &root[seL4_CapInitThreadVSpace]);
    give(tcb_slot(t, TCB_BUFFER), root[seL4_CapInitThreadIPCBuffer].cap,
         &root[seL4_CapInitThreadIPCBuffer]);
    tcb_setup_reply_master(t);
    memcpy(t->name, "rootserver", sizeof("rootserver"));
    t->priority = seL4_MaxPrio;
    t->mcp = seL4_MaxPrio;
    t->ipc_buffer = IPC_VADDR;
    t->state = TS_RUNNING;
    ks_cur_thread = t;
}

// The calls a step may make. Left out: DebugHalt and DebugNameThread's bad-cap path stop
// the machine on purpose (both are covered in QEMU), and there is no console to put to.
static const sword_t syscalls[] = {
    seL4_SysCall,      seL4_SysSend,  seL4_SysNBSend,           seL4_SysRecv,
    seL4_SysNBRecv,    seL4_SysReply, seL4_SysReplyRecv,        seL4_SysYield,
    seL4_SysCall,      seL4_SysCall,  seL4_SysDebugCapIdentify, seL4_SysDebugDumpScheduler,
    DEBUG_DUMP_VSPACE, 0x3039, /* unknown: an UnknownSyscall fault */
};

// The current thread's IPC buffer in the arena, whatever its rights (user space writes it).
static word_t *ipc_buffer_of(const struct tcb *t)
{
    cap_t c = t->slots[TCB_BUFFER].cap;
    if (cap_type(c) != CAP_FRAME || cap_frame_is_device(c)) {
        return NULL;
    }
    return (word_t *)(cap_ptr(c) + (t->ipc_buffer & MASK(seL4_PageBits)));
}

// A user-space store: the current thread writes `value` at `va` through its own VSpace as
// the MMU would let it (a VSpace its ASID names, a mapped frame with write rights). This is
// how user space puts arbitrary bytes into memory that was a kernel object before.
static void user_store(const struct tcb *t, vptr_t va, word_t value)
{
    pte_t *root = vspace_from_cap(t->slots[TCB_VTABLE].cap);
    if (root == NULL || va > seL4_UserTop || !IS_ALIGNED(va, 3)) {
        return;
    }
    struct pt_slot s = pt_lookup_slot(root, va);
    if (s.level == 0 || !pte_is_valid(*s.pte) || !pte_is_frame(*s.pte, s.level) ||
        pte_vm_rights(*s.pte) != VM_READ_WRITE) {
        return;
    }
    *(word_t *)paddr_to_pptr(pte_paddr(*s.pte) + (va & MASK(s.bits_left))) = value;
}

// One step: registers and buffer words from the input, the call, then the exit path.
static void step(struct input *in)
{
    struct tcb *t = ks_cur_thread;
    uint8_t op = byte(in);
    if (op % 16 == 15) {
        sched_timer_tick();
    } else if (op % 16 == 14) {
        vptr_t va = word(in);
        user_store(t, va, word(in));
    } else {
        word_t number = (word_t)syscalls[op % ARRAY_SIZE(syscalls)];
        for (unsigned i = 0; i < 7; i++) {
            t->ctx.x[i] = word(in);
        }
        t->ctx.x[REG_SYSCALL] = number;
        word_t *buf = ipc_buffer_of(t);
        for (unsigned n = byte(in) % 8; n > 0; n--) {
            uint8_t index = byte(in) % 128;
            word_t value = word(in);
            if (buf != NULL) {
                buf[index] = value;
            }
        }
        t->ctx.fault_ip = t->ctx.elr;
        t->ctx.elr += 4;
        handle_syscall(number);
    }
    // kernel_exit, short of returning to user mode.
    schedule();
    invariants_check();
    if (ks_cur_thread != NULL && ks_cur_thread->state == TS_RESTART) {
        ks_cur_thread->ctx.elr = ks_cur_thread->ctx.fault_ip;
        ks_cur_thread->state = TS_RUNNING;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = {data, size};
    boot();
    invariants_check();
    for (unsigned n = 0; n < MAX_STEPS && in.left > 0 && ks_cur_thread != NULL; n++) {
        step(&in);
    }
    return 0;
}
