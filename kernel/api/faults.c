// SPDX-License-Identifier: BSD-2-Clause
// Fault recording, delivery and reporting. A thread whose fault handler CPtr does not
// name an endpoint it may send to gets seL4's double-fault report on the console (plus a
// decoded line of our own) and is stopped; the kernel carries on.
#include "api/faults.h"

#include "abi.h"
#include "arch/aarch64/esr.h"
#include "arch/api.h"
#include "config.h"
#include "cspace/lookup.h"
#include "lib/printf.h"
#include "object/endpoint.h"
#include "object/vspace.h"
#include "sched/sched.h"
#include "state.h"
#include "vm/pt_walk.h"
#ifdef CONFIG_KERNEL_MCS
#include "api/budget.h"
#endif

void handle_vm_fault(bool is_instruction, vptr_t addr, word_t esr)
{
    struct tcb *t = ks_cur_thread;
#ifdef CONFIG_KERNEL_MCS
    if (!budget_entry()) {
        return; // out of budget: the instruction faults again once the thread runs
    }
#endif
    t->fault.type = seL4_Fault_VMFault;
    t->fault.w[0] = addr;
    t->fault.w[1] = esr & MASK(32);
    t->fault.w[2] = is_instruction;
    handle_fault(t);
}

void handle_user_exception(word_t esr)
{
    struct tcb *t = ks_cur_thread;
#ifdef CONFIG_KERNEL_MCS
    if (!budget_entry()) {
        return;
    }
#endif
    t->fault.type = seL4_Fault_UserException;
    t->fault.w[0] = esr & MASK(32);
    handle_fault(t);
}

void fault_print(const struct fault *f)
{
    switch (f->type) {
    case seL4_Fault_NullFault:
        kprintf("null fault");
        break;
    case seL4_Fault_CapFault:
        kprintf("cap fault in %s phase at address %p", f->w[1] ? "receive" : "send",
                (void *)f->w[0]);
        break;
    case seL4_Fault_VMFault:
        kprintf("vm fault on %s at address %p with status %p", f->w[2] ? "code" : "data",
                (void *)f->w[0], (void *)f->w[1]);
        break;
    case seL4_Fault_UnknownSyscall:
        kprintf("unknown syscall %p", (void *)f->w[0]);
        break;
    case seL4_Fault_UserException:
        kprintf("user exception %p code %p", (void *)f->w[0], (void *)0);
        break;
#ifdef CONFIG_KERNEL_MCS
    case seL4_Fault_Timeout:
        kprintf("Timeout fault for 0x%x\n", (unsigned)f->w[0]);
        break;
#endif
    default:
        kprintf("unknown fault");
        break;
    }
}

// Read one word of user memory through the VSpace `root` (as seL4's readWordFromVSpace).
// `root` must be a VSpace its ASID still names (vspace_from_cap): only such a tree is
// known to link kernel-owned tables alone. A VSpace whose ASID was released may still link
// memory that user space has since retyped and written (a page table deleted while its
// ASID could not be found is left linked there, as in seL4).
static bool read_user_word(pte_t *root, vptr_t va, word_t *out)
{
    if (va > seL4_UserTop) {
        return false;
    }
    struct pt_slot s = pt_lookup_slot(root, va);
    if (!pte_is_frame(*s.pte, s.level)) {
        return false;
    }
    paddr_t pa = pte_paddr(*s.pte) + (va & MASK(s.bits_left));
    *out = *(const word_t *)paddr_to_pptr(pa);
    return true;
}

// seL4's Arch_userStackTrace, except that the walk starts only from a VSpace its ASID
// still names: a VSpace cap with a stale ASID prints "Invalid vspace" like a non-VSpace cap.
static void print_user_stack(const struct tcb *t)
{
    word_t sp = t->ctx.sp;
    pte_t *root = vspace_from_cap(t->slots[TCB_VTABLE].cap);
    if (root == NULL) {
        kprintf("Invalid vspace\n");
        return;
    }
    if (!IS_ALIGNED(sp, seL4_WordSizeBits)) {
        kprintf("SP %p not aligned\n", (void *)sp);
        return;
    }
    for (unsigned i = 0; i < CONFIG_USER_STACK_TRACE_LENGTH; i++) {
        vptr_t va = sp + i * sizeof(word_t);
        word_t w;
        if (read_user_word(root, va, &w)) {
            kprintf("0x%lx: 0x%lx\n", va, w);
        } else {
            kprintf("0x%lx: INVALID\n", va);
        }
    }
}

// seL4's report for a fault nobody can handle (the "double fault": delivering the first
// fault failed with a cap fault on the handler CPtr; MCS: the thread has no fault endpoint
// cap), then our decoded line.
static void report_unhandled_fault(struct tcb *t, const struct fault *handler_fault)
{
#ifdef CONFIG_KERNEL_MCS
    (void)handler_fault;
    kprintf("Found thread has no fault handler while trying to handle:\n");
#else
    kprintf("Caught ");
    fault_print(handler_fault);
    kprintf("\nwhile trying to handle:\n");
#endif
    fault_print(&t->fault);
    kprintf("\nin thread %p \"%s\" at address %p\n", (void *)t, t->name, (void *)t->ctx.fault_ip);
    kprintf("With stack:\n");
    print_user_stack(t);
    if (t->fault.type == seL4_Fault_VMFault || t->fault.type == seL4_Fault_UserException) {
        char text[160];
        esr_describe(t->fault.type == seL4_Fault_VMFault ? t->fault.w[1] : t->fault.w[0], text,
                     sizeof(text));
        kprintf("Cairn: thread \"%s\" stopped: %s\n", t->name, text);
    } else {
        kprintf("Cairn: thread \"%s\" stopped (no fault handler)\n", t->name);
    }
}

#ifdef CONFIG_KERNEL_MCS
// MCS: the handler is the endpoint cap the TCB keeps (TCB_SetSpace, SetSchedParams; only a
// valid fault endpoint gets there). The fault goes as a Send whose receiver's Reply object
// links it, as a Call would (object/reply.c); without a cap, the report.
void handle_fault(struct tcb *t)
{
    cap_t handler = tcb_slot(t, TCB_FAULT_HANDLER)->cap;
    if (cap_type(handler) == CAP_ENDPOINT) {
        unsigned rights = cap_ipc_rights(handler);
        endpoint_send((struct endpoint *)cap_ptr(handler), t, cap_ipc_badge(handler),
                      (rights & CAP_RIGHT_GRANT) != 0, (rights & CAP_RIGHT_GRANT_REPLY) != 0, false,
                      true, t->sc != NULL);
        return;
    }
    report_unhandled_fault(t, NULL);
    t->fault.type = seL4_Fault_NullFault;
    thread_set_state(t, TS_INACTIVE);
}
#else
// Deliver t's pending fault to the endpoint cap `ep`, its fault handler, as a blocking
// Call with GrantReply. The caller checked that ep may be sent to.
static void send_fault(struct tcb *t, cap_t ep)
{
    endpoint_send((struct endpoint *)cap_ptr(ep), t, cap_ipc_badge(ep),
                  (cap_ipc_rights(ep) & CAP_RIGHT_GRANT) != 0, true, true, true);
}

void handle_fault(struct tcb *t)
{
    struct lookup_fault lf = {0};
    cap_t handler;
    bool found = lookup_cap(t, t->fault_handler, &lf, &handler) == EXC_NONE;
    if (found && cap_type(handler) == CAP_ENDPOINT && (cap_ipc_rights(handler) & CAP_RIGHT_WRITE) &&
        (cap_ipc_rights(handler) & (CAP_RIGHT_GRANT | CAP_RIGHT_GRANT_REPLY))) {
        send_fault(t, handler);
        return;
    }
    if (found) {
        // The CPtr resolved, but not to a usable endpoint: seL4 reports MissingCapability(0).
        lf = (struct lookup_fault){.type = seL4_MissingCapability, .bits_left = 0};
    }
    struct fault handler_fault = {
        .type = seL4_Fault_CapFault, .w = {t->fault_handler, 0, 0}, .lookup = lf};
    report_unhandled_fault(t, &handler_fault);
    // The fault was not delivered: forget it, so a later message from t (once resumed)
    // is not taken for a fault message (seL4 only records a fault it delivers).
    t->fault.type = seL4_Fault_NullFault;
    thread_set_state(t, TS_INACTIVE);
}
#endif
