// SPDX-License-Identifier: BSD-2-Clause
// Threads inside the root task (see cairn/thread.h): TLS block construction, shared with
// start.c, and cairn_thread_create with the entry trampoline every new thread starts in.

#include <stdint.h>
#include <string.h>

#include <cairn/alloc.h>
#include <cairn/bootinfo.h>
#include <cairn/runtime.h>
#include <cairn/thread.h>
#include <sel4/sel4.h>

/* From root-task.ld. */
extern char __cairn_tdata_start[], __cairn_tdata_end[];
extern char __cairn_tls_size[], __cairn_tls_align[]; /* absolute: use the address as value */

/*
 * AArch64 TLS "variant 1": the thread pointer (TPIDR_EL0) addresses a 16-byte header that
 * belongs to the C library (unused by us, kept zero), and the TLS image follows at the
 * segment's alignment:
 *
 *   TPIDR_EL0 -> +----------------------+
 *                | header: 16 bytes, 0  |
 *                +----------------------+  TPIDR_EL0 + align_up(16, tls_align)
 *                | .tdata image (copy)  |
 *                | .tbss (zeroed)       |
 *                +----------------------+
 *
 * The linker resolves every __thread variable to a fixed offset from TPIDR_EL0 under this
 * layout (local-exec model), so building the block and pointing at it is all there is.
 */
#define TLS_HEADER_BYTES 16

static uintptr_t align_up(uintptr_t v, uintptr_t a)
{
    return (v + a - 1) & ~(a - 1);
}

uintptr_t cairn_tls_init(void *area, size_t area_bytes)
{
    uintptr_t size = (uintptr_t)__cairn_tls_size;
    uintptr_t align = (uintptr_t)__cairn_tls_align;
    if (align < TLS_HEADER_BYTES)
        align = TLS_HEADER_BYTES;

    uintptr_t tp = align_up((uintptr_t)area, align);
    uintptr_t block = tp + align_up(TLS_HEADER_BYTES, align);
    if (block + size > (uintptr_t)area + area_bytes)
        return 0;

    size_t data_bytes = (size_t)(__cairn_tdata_end - __cairn_tdata_start);
    memset((void *)tp, 0, block - tp);
    memcpy((void *)block, __cairn_tdata_start, data_bytes);
    memset((void *)(block + data_bytes), 0, size - data_bytes);
    return tp;
}

/*
 * The first code of every new thread, with x0 = its cairn_thread_t and TPIDR_EL0 = its TLS
 * block. __sel4_ipc_buffer is thread-local, so this thread's copy starts out NULL (a fresh
 * .tbss) until we set it here.
 */
static _Noreturn void thread_entry(cairn_thread_t *self)
{
    seL4_SetIPCBuffer(&self->ipc_buffer);
    self->fn(self->arg);
    seL4_TCB_Suspend(self->tcb);
    /* Unreachable unless the suspend was refused. */
    for (;;)
        seL4_Yield();
}

#ifdef CONFIG_KERNEL_MCS
/* The running thread's Reply object: thread-local, like __sel4_ipc_buffer. */
static __thread seL4_CPtr thread_reply;

/* Set thread_reply in the TLS block at thread pointer `tp`: every thread has the variable at
 * the same offset from its thread pointer (see above), so ours gives the offset. */
static void set_thread_reply(uintptr_t tp, seL4_CPtr reply)
{
    uintptr_t my_tp;
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(my_tp));
    *(seL4_CPtr *)(tp + ((uintptr_t)&thread_reply - my_tp)) = reply;
}

seL4_CPtr cairn_reply_cap(void)
{
    if (thread_reply == seL4_CapNull)
        thread_reply = cairn_retype(seL4_ReplyObject, 0);
    return thread_reply;
}

void cairn_set_reply_cap(seL4_CPtr reply)
{
    thread_reply = reply;
}
#endif

#ifdef CONFIG_KERNEL_MCS
seL4_Error cairn_tcb_give_sc(seL4_CPtr tcb, seL4_CPtr *sc_out)
{
    seL4_CPtr sc = cairn_retype(seL4_SchedContextObject, seL4_MinSchedContextBits);
    if (sc == seL4_CapNull)
        return cairn_retype_error();
    if (sc_out != NULL)
        *sc_out = sc;
    seL4_Error err = seL4_SchedControl_ConfigureFlags(
        cairn_bootinfo()->schedcontrol.start, sc, CAIRN_THREAD_BUDGET_US, CAIRN_THREAD_BUDGET_US, 0,
        0, seL4_SchedContext_NoFlag);
    return err != seL4_NoError ? err : seL4_SchedContext_Bind(sc, tcb);
}
#endif

seL4_Error cairn_thread_create(cairn_thread_t *thread, seL4_CPtr tcb, seL4_Word priority,
                               void (*fn)(void *arg), void *arg)
{
    /* The IPC buffer's frame: the image frame that backs its page. */
    seL4_CPtr ipc_frame = cairn_image_frame_slot(cairn_bootinfo(), (uintptr_t)&thread->ipc_buffer);
    if (ipc_frame == seL4_CapNull || fn == NULL)
        return seL4_InvalidArgument;

    uintptr_t tp = cairn_tls_init(thread->tls, sizeof thread->tls);
    if (tp == 0)
        return seL4_NotEnoughMemory;

    if (tcb == seL4_CapNull) {
        tcb = cairn_retype(seL4_TCBObject, 0);
        if (tcb == seL4_CapNull)
            return cairn_retype_error();
    }
    thread->tcb = tcb;
    thread->fn = fn;
    thread->arg = arg;
    memset(&thread->ipc_buffer, 0, sizeof thread->ipc_buffer);

    /* No fault endpoint; our CNode with guard data 0 and our VSpace; the IPC buffer. */
#ifdef CONFIG_KERNEL_MCS
    /* MCS: Configure takes no fault endpoint; the thread also needs a scheduling context of
     * its own to run at all: the smallest, with the boot thread's share (5 ms every 5 ms). */
    seL4_Error err = seL4_TCB_Configure(tcb, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace,
                                        0, (seL4_Word)&thread->ipc_buffer, ipc_frame);
    if (err != seL4_NoError)
        return err;
    err = cairn_tcb_give_sc(tcb, &thread->sc);
    if (err != seL4_NoError)
        return err;
    /* ... and a Reply object, its cairn_reply_cap, written into its TLS block. */
    thread->reply = cairn_retype(seL4_ReplyObject, 0);
    if (thread->reply == seL4_CapNull)
        return cairn_retype_error();
    set_thread_reply(tp, thread->reply);
#else
    seL4_Error err =
        seL4_TCB_Configure(tcb, seL4_CapNull, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace,
                           0, (seL4_Word)&thread->ipc_buffer, ipc_frame);
#endif
    if (err != seL4_NoError)
        return err;
    err = seL4_TCB_SetPriority(tcb, seL4_CapInitThreadTCB, priority);
    if (err != seL4_NoError)
        return err;

    seL4_UserContext regs;
    memset(&regs, 0, sizeof regs);
    regs.pc = (seL4_Word)thread_entry;
    regs.sp = (seL4_Word)(thread->stack + sizeof thread->stack);
    regs.x0 = (seL4_Word)thread;
    regs.tpidr_el0 = tp;
    return seL4_TCB_WriteRegisters(tcb, true, 0, sizeof regs / sizeof(seL4_Word), &regs);
}
