// SPDX-License-Identifier: BSD-2-Clause
// Fault handler tests: the root task is a child thread's fault handler and receives its
// VM fault, unknown syscall, user exception and cap fault messages (docs/design/abi.md
// §10.2), then replies as §10.3 says: VM/cap faults restart the thread, UnknownSyscall and
// UserException write registers back and resume only with label 0.

#include <stdint.h>

#include <cairn/bootinfo.h>
#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define PRIO 255
#define FAULT_BADGE 0xfa

/* A badged fault endpoint in a new slot; *ep gets the unbadged original. */
static seL4_CPtr fault_endpoint(struct test_env *env, seL4_CPtr *ep)
{
    *ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr slot = test_mint(env, *ep, seL4_AllRights, FAULT_BADGE);
    return slot;
}

/* A page of its own that the VM fault test unmaps and maps again. */
static volatile seL4_Word fault_page[4096 / sizeof(seL4_Word)] __attribute__((aligned(4096)));

/* The load that faults, at a known address (vm_fault_insn). */
static void vm_fault_child(struct test_thread *self)
{
    seL4_Word v;
    __asm__ volatile(".global vm_fault_insn\n"
                     "vm_fault_insn: ldr %0, [%1]"
                     : "=r"(v)
                     : "r"(&fault_page[0])
                     : "memory");
    self->out[0] = v;
}
extern char vm_fault_insn[];

TEST(FLTH0001,
     "VM fault: handler gets IP, Addr, PrefetchFault, FSR; remapping and replying restarts")
{
    seL4_CPtr ep;
    seL4_CPtr fep = fault_endpoint(env, &ep);
    seL4_CPtr frame = cairn_image_frame_slot(env->bi, (uintptr_t)fault_page);
    ASSERT_NE(frame, seL4_CapNull);
    fault_page[0] = 0x5eed;
    ASSERT_OK(seL4_ARM_Page_Unmap(frame));

    struct test_thread *t = test_thread_start(env, 0, fep, PRIO, vm_fault_child);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    seL4_Word mr[4] = {seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2), seL4_GetMR(3)};
    seL4_Error remap = seL4_ARM_Page_Map(frame, seL4_CapInitThreadVSpace, (seL4_Word)fault_page,
                                         seL4_AllRights, seL4_ARM_Default_VMAttributes);
    ASSERT_OK(remap);
    ASSERT_EQ(badge, FAULT_BADGE);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_VMFault);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_VMFault_Length);
    ASSERT_EQ(mr[0], (seL4_Word)vm_fault_insn);
    ASSERT_EQ(mr[1], (seL4_Word)fault_page);
    ASSERT_EQ(mr[2], 0);
    ASSERT_EQ(mr[3] >> 26, 0x24);  /* data abort from EL0 */
    ASSERT_EQ(mr[3] & 0x3f, 0x07); /* level-3 translation fault */

    test_reply(seL4_MessageInfo_new(0, 0, 0, 0));
    test_yield();
    ASSERT_EQ(t->done, 1);
    ASSERT_EQ(t->out[0], 0x5eed);
}

/*
 * Unknown syscall 0x77 with x0..x6 = 0x10..0x16; afterwards x0 is stored to *out.
 * usys_insn is the svc. x9 and x30 survive: the kernel writes back only x0..x7 and the
 * special registers.
 */
__asm__(".text\n"
        ".global usys_probe\n"
        "usys_probe:\n"
        "  mov x9, x0\n"
        "  mov x0, #0x10\n mov x1, #0x11\n mov x2, #0x12\n mov x3, #0x13\n"
        "  mov x4, #0x14\n mov x5, #0x15\n mov x6, #0x16\n mov x7, #0x77\n"
        ".global usys_insn\n"
        "usys_insn:\n"
        "  svc #0\n"
        "  str x0, [x9]\n"
        "  ret\n");
void usys_probe(volatile seL4_Word *out);
extern char usys_insn[];

static void usys_child(struct test_thread *self)
{
    usys_probe(&self->out[0]);
    self->out[1] = 1;
}

/* Start usys_child (in *t) with a fault endpoint, receive its UnknownSyscall fault and check
 * its 13 words (left in mrs). Returns FaultIP. */
static seL4_Word usys_fault(struct test_env *env, struct test_thread **t, seL4_Word mrs[13])
{
    seL4_CPtr ep;
    seL4_CPtr fep = fault_endpoint(env, &ep);
    *t = test_thread_start(env, 0, fep, PRIO, usys_child);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(badge, FAULT_BADGE);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_UnknownSyscall);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_UnknownSyscall_Length);
    for (int i = 0; i < 13; i++)
        mrs[i] = seL4_GetMR(i);
    for (int i = 0; i < 7; i++)
        ASSERT_EQ(mrs[i], 0x10 + (seL4_Word)i);
    ASSERT_EQ(mrs[7], 0x77);
    ASSERT_EQ(mrs[8], (seL4_Word)usys_insn);      /* FaultIP: the svc */
    ASSERT_EQ(mrs[10], (seL4_Word)usys_insn + 4); /* "LR" = ELR: after the svc */
    ASSERT_EQ(mrs[11] & 0xf, 0);                  /* EL0t */
    ASSERT_EQ(mrs[12], 0x77);
    return mrs[8];
}

TEST(FLTH0002, "UnknownSyscall fault: 13-word message; a label-0 reply writes x0 and FaultIP back")
{
    struct test_thread *t;
    seL4_Word mrs[13];
    seL4_Word ip = usys_fault(env, &t, mrs);

    for (int i = 0; i < 12; i++)
        seL4_SetMR(i, mrs[i]);
    seL4_SetMR(0, 0xbeef); /* x0 */
    seL4_SetMR(8, ip + 4); /* skip the svc */
    test_reply(seL4_MessageInfo_new(0, 0, 0, 12));
    test_yield();
    ASSERT_EQ(t->out[0], 0xbeef);
    ASSERT_EQ(t->out[1], 1);
    ASSERT_EQ(t->done, 1);
}

TEST(FLTH0003, "UnknownSyscall fault: a reply with label != 0 leaves the thread stopped")
{
    struct test_thread *t;
    seL4_Word mrs[13];
    seL4_Word ip = usys_fault(env, &t, mrs);
    seL4_SetMR(0, 0xbeef);
    seL4_SetMR(1, ip + 4);
    test_reply(seL4_MessageInfo_new(1, 0, 0, 0));
    test_yield();
    ASSERT_EQ(t->out[1], 0);
    ASSERT_EQ(t->done, 0);
}

/* An undefined instruction at a known address. */
static void udf_child(struct test_thread *self)
{
    __asm__ volatile(".global udf_insn\n"
                     "udf_insn: udf #0\n"
                     :
                     :
                     : "memory");
    self->out[0] = 1;
}
extern char udf_insn[];

TEST(FLTH0004, "UserException fault: FaultIP, SP, SPSR, ESR, 0; a reply moving FaultIP resumes")
{
    seL4_CPtr ep;
    seL4_CPtr fep = fault_endpoint(env, &ep);
    struct test_thread *t = test_thread_start(env, 0, fep, PRIO, udf_child);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(badge, FAULT_BADGE);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_UserException);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), seL4_UserException_Length);
    ASSERT_MR(0, (seL4_Word)udf_insn);
    ASSERT_EQ(seL4_GetMR(3) >> 26, 0); /* EC 0: unknown reason */
    ASSERT_MR(4, 0);
    seL4_Word sp = seL4_GetMR(1), spsr = seL4_GetMR(2);
    seL4_SetMR(0, (seL4_Word)udf_insn + 4);
    seL4_SetMR(1, sp);
    seL4_SetMR(2, spsr);
    test_reply(seL4_MessageInfo_new(0, 0, 0, 3));
    test_yield();
    ASSERT_EQ(t->out[0], 1);
    ASSERT_EQ(t->done, 1);
}

/* Recv on a cap without the Read right: a cap fault in the receive phase. */
static void bad_recv_child(struct test_thread *self)
{
    seL4_Word badge;
    test_recv(self->arg[0], &badge);
    self->out[0] = 1;
}

TEST(FLTH0005, "cap fault: Recv on a write-only endpoint cap; IP, Addr, InRecvPhase, lookup")
{
    seL4_CPtr ep;
    seL4_CPtr fep = fault_endpoint(env, &ep);
    seL4_CPtr write_only = test_mint(env, ep, seL4_CanWrite, 0);
    struct test_thread *t = test_thread_run_handled(env, 0, fep, PRIO, bad_recv_child, write_only);
    seL4_Word badge = 0;
    seL4_MessageInfo_t info = test_recv(ep, &badge);
    ASSERT_EQ(badge, FAULT_BADGE);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_CapFault);
    ASSERT_EQ(seL4_MessageInfo_get_length(info), 5);
    ASSERT_MR(1, write_only);
    ASSERT_MR(2, 1);
    ASSERT_MR(3, seL4_MissingCapability);
    ASSERT_MR(4, 0);
    /* Restart: the thread faults again on the same Recv. */
    test_reply(seL4_MessageInfo_new(0, 0, 0, 0));
    info = test_recv(ep, &badge);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), seL4_Fault_CapFault);
    ASSERT_EQ(t->out[0], 0);
}
