// SPDX-License-Identifier: BSD-2-Clause
// VSPACE tests that need a fault handler (docs/design/abi.md §10, §11): a child thread uses pages
// the root task mapped with reduced rights, ExecuteNever, a write-only request or not at
// all, and the root task receives the exact VMFault message on an endpoint (label 5,
// MR0 IP, MR1 Addr, MR2 PrefetchFault, MR3 FSR = ESR_EL1 low 32 bits), fixes the mapping
// and replies so the child restarts. Also 1 GiB and 2 MiB frames.
//
// The child reports progress with ordinary messages on the same badged endpoint (labels
// MSG_STEP through seL4_Call, MSG_DONE through seL4_Send), so one Recv tells a completion
// from an unexpected second fault. Mappings live at TEST_VA (level-0 entry 2), as in
// vspace.c; the driver's revoke of the memory pool removes the tables and frames.

#include <stdint.h>

#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"
#include "vspace_common.h"

#define HUGE_BITS 30 /* TEST_VA (vspace_common.h) is 1 GiB aligned */
#define PRIO 255
#define FAULT_BADGE 0xfb

#define MSG_STEP 0x57e9 /* child -> root through seL4_Call: MR0 = a value, wait for reply */
#define MSG_DONE 0xd0e  /* child -> root through seL4_Send: MR0 = a value, then it ends */

/* ESR_EL1 fields (Arm ARM D17.2.37). */
#define EC_IABT_LOWER 0x20 /* instruction abort from EL0 */
#define EC_DABT_LOWER 0x24 /* data abort from EL0 */
#define ESR_IL (1UL << 25)
#define ESR_WNR (1UL << 6)
#define FSC_TRANSLATION_L3 0x07
#define FSC_PERMISSION_L3 0x0f

/*
 * Probes with the faulting instruction at a known address:
 *   probe_read(addr)        returns the byte at addr  (the ldrb is probe_read_insn)
 *   probe_write(addr, v)    stores the byte v at addr (the strb is probe_write_insn)
 */
__asm__(".text\n"
        ".global probe_read\n"
        "probe_read:\n"
        ".global probe_read_insn\n"
        "probe_read_insn:\n"
        "  ldrb w0, [x0]\n"
        "  ret\n"
        ".global probe_write\n"
        "probe_write:\n"
        ".global probe_write_insn\n"
        "probe_write_insn:\n"
        "  strb w1, [x0]\n"
        "  ret\n");
seL4_Word probe_read(seL4_Word addr);
void probe_write(seL4_Word addr, seL4_Word value);
extern char probe_read_insn[], probe_write_insn[];

/* ---- child side ------------------------------------------------------------------------ */

/* The child's endpoint (the badged fault endpoint) is arg[0]. */
static void child_send_done(struct test_thread *self, seL4_Word value)
{
    seL4_SetMR(0, value);
    seL4_Send(self->arg[0], seL4_MessageInfo_new(MSG_DONE, 0, 0, 1));
}

static void child_step(struct test_thread *self, seL4_Word value)
{
    seL4_SetMR(0, value);
    seL4_Call(self->arg[0], seL4_MessageInfo_new(MSG_STEP, 0, 0, 1));
}

/* ---- root side ------------------------------------------------------------------------- */

/* A badged endpoint cap with every right: fault endpoint and message channel in one. */
static seL4_CPtr fault_endpoint(struct test_env *env, seL4_CPtr *ep)
{
    *ep = test_alloc_object(env, seL4_EndpointObject, 0);
    seL4_CPtr slot = test_mint(env, *ep, seL4_AllRights, FAULT_BADGE);
    return slot;
}

/* A child at thread index 0 running fn, with the badged endpoint as fault handler and arg[0]. */
static struct test_thread *start_child(struct test_env *env, seL4_CPtr *ep,
                                       void (*fn)(struct test_thread *self))
{
    seL4_CPtr fep = fault_endpoint(env, ep);
    struct test_thread *t = test_thread_run_handled(env, 0, fep, PRIO, fn, fep);
    return t;
}

/* What one Recv on the endpoint delivered. MRs are copied before any other call. */
struct msg {
    seL4_Word label, length, badge, mr[4];
};

static struct msg receive(seL4_CPtr ep)
{
    struct msg m = {0};
    seL4_MessageInfo_t info = test_recv(ep, &m.badge);
    m.label = seL4_MessageInfo_get_label(info);
    m.length = seL4_MessageInfo_get_length(info);
    for (int i = 0; i < 4; i++)
        m.mr[i] = seL4_GetMR(i);
    return m;
}

/*
 * Receive a VM fault and check every word: IP, Addr, PrefetchFault, and in the FSR the
 * exception class, IL, WnR (data aborts; RES0 for instruction aborts) and the fault
 * status code. The thread is left waiting for the reply.
 */
static void expect_vm_fault(seL4_CPtr ep, seL4_Word ip, seL4_Word addr, seL4_Word prefetch,
                            seL4_Word wnr, seL4_Word fsc)
{
    struct msg m = receive(ep);
    ASSERT_EQ(m.badge, FAULT_BADGE);
    if (m.label != seL4_Fault_VMFault)
        test_fail(__FILE__, __LINE__, "expected a VM fault, got label 0x%lx MR0 0x%lx",
                  (unsigned long)m.label, (unsigned long)m.mr[0]);
    ASSERT_EQ(m.length, seL4_VMFault_Length);
    ASSERT_EQ(m.mr[seL4_VMFault_IP], ip);
    ASSERT_EQ(m.mr[seL4_VMFault_Addr], addr);
    ASSERT_EQ(m.mr[seL4_VMFault_PrefetchFault], prefetch);
    seL4_Word fsr = m.mr[seL4_VMFault_FSR];
    ASSERT_EQ(fsr >> 32, 0);
    ASSERT_EQ(fsr >> 26, prefetch ? EC_IABT_LOWER : EC_DABT_LOWER);
    ASSERT_EQ(fsr & ESR_IL, ESR_IL);
    ASSERT_EQ(fsr & ESR_WNR, wnr ? ESR_WNR : 0);
    ASSERT_EQ(fsr & 0x3f, fsc);
}

/* Receive a child message with `label` and MR0 == value; a fault instead fails the test. */
static void expect_msg(seL4_CPtr ep, seL4_Word label, seL4_Word value)
{
    struct msg m = receive(ep);
    if (m.label == seL4_Fault_VMFault)
        test_fail(__FILE__, __LINE__,
                  "unexpected VM fault: IP 0x%lx Addr 0x%lx prefetch %lu FSR 0x%lx",
                  (unsigned long)m.mr[0], (unsigned long)m.mr[1], (unsigned long)m.mr[2],
                  (unsigned long)m.mr[3]);
    ASSERT_EQ(m.badge, FAULT_BADGE);
    ASSERT_EQ(m.label, label);
    ASSERT_EQ(m.length, 1);
    ASSERT_EQ(m.mr[0], value);
}

/* Reply to a fault (VM faults: contents ignored, the thread re-executes the instruction). */
static void reply_restart(void)
{
    test_reply(seL4_MessageInfo_new(0, 0, 0, 0));
}

/* The child ended: it sent MSG_DONE and then ran to its suspend. */
static void expect_done(seL4_CPtr ep, struct test_thread *t, seL4_Word value)
{
    expect_msg(ep, MSG_DONE, value);
    test_yield();
    ASSERT_EQ(t->done, 1);
}

/* A new 4 KiB frame mapped read-write at va (tables must exist), first byte set to `first`. */
static seL4_CPtr page_with(struct test_env *env, seL4_Word va, unsigned char first)
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, va, seL4_ReadWrite, ATTRS));
    *at(va) = first;
    return frame;
}

/* page_with at TEST_VA (after its tables), then remapped with `rights`. */
static seL4_CPtr page_with_rights(struct test_env *env, unsigned char first,
                                  seL4_CapRights_t rights)
{
    add_tables(env, VS, TEST_VA, 3);
    seL4_CPtr frame = page_with(env, TEST_VA, first);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, rights, ATTRS));
    return frame;
}

/* ---- 1: read-only mapping ---------------------------------------------------------------- */

/* Read byte 0, write byte 8, read byte 8 back. */
static void read_then_write_child(struct test_thread *self)
{
    self->out[0] = probe_read(TEST_VA);
    probe_write(TEST_VA + 8, 0x22);
    child_send_done(self, self->out[0] << 8 | probe_read(TEST_VA + 8));
}

TEST(VSPACE0100, "Read-only mapping: the child reads, its write takes a permission fault "
                 "(WnR); remap read-write + reply: the write completes")
{
    seL4_CPtr frame = page_with_rights(env, 0x11, seL4_CanRead);
    seL4_CPtr ep;
    struct test_thread *t = start_child(env, &ep, read_then_write_child);
    expect_vm_fault(ep, (seL4_Word)probe_write_insn, TEST_VA + 8, 0, 1, FSC_PERMISSION_L3);
    ASSERT_EQ(t->out[0], 0x11); /* the read before it worked */
    ASSERT_EQ(*at(TEST_VA + 8), 0);
    /* Same cap, same address: a remap, allowed. */
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    reply_restart();
    expect_done(ep, t, 0x1122);
    ASSERT_EQ(*at(TEST_VA + 8), 0x22);
}

/* ---- 2: rights masked by the cap ---------------------------------------------------------- */

static void write_child(struct test_thread *self)
{
    self->out[0] = probe_read(TEST_VA);
    probe_write(TEST_VA, 0x33);
    child_send_done(self, probe_read(TEST_VA));
}

TEST(VSPACE0101, "Read-only frame cap mapped with seL4_ReadWrite: accepted, mapped read-only; "
                 "the child's write faults until a read-write cap maps the frame")
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr ro = test_mint(env, frame, seL4_CanRead, 0);
    add_tables(env, VS, TEST_VA, 3);
    ASSERT_OK(seL4_ARM_Page_Map(ro, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    seL4_CPtr ep;
    struct test_thread *t = start_child(env, &ep, write_child);
    expect_vm_fault(ep, (seL4_Word)probe_write_insn, TEST_VA, 0, 1, FSC_PERMISSION_L3);
    ASSERT_EQ(t->out[0], 0); /* a fresh frame, readable */
    /* Remapping through the read-only cap with all rights changes nothing: same fault. */
    ASSERT_OK(seL4_ARM_Page_Map(ro, VS, TEST_VA, seL4_AllRights, ATTRS));
    reply_restart();
    expect_vm_fault(ep, (seL4_Word)probe_write_insn, TEST_VA, 0, 1, FSC_PERMISSION_L3);
    /* The read-write original at the same address: the write goes through. */
    ASSERT_OK(seL4_ARM_Page_Unmap(ro));
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    reply_restart();
    expect_done(ep, t, 0x33);
}

/* ---- 3: ExecuteNever ------------------------------------------------------------------- */

/* movz x0, #42; ret */
static const seL4_Uint32 code_return_42[] = {0xd2800540, 0xd65f03c0};

static void call_code_child(struct test_thread *self)
{
    seL4_Word (*code)(void) = (seL4_Word(*)(void))(uintptr_t)TEST_VA;
    child_send_done(self, code());
}

/* A new frame at TEST_VA with `attrs`, holding code_return_42, caches made coherent. */
static seL4_CPtr code_page(struct test_env *env, seL4_Word attrs)
{
    seL4_CPtr frame = test_alloc_object(env, seL4_ARM_SmallPageObject, 0);
    add_tables(env, VS, TEST_VA, 3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, attrs));
    volatile seL4_Uint32 *code = (volatile seL4_Uint32 *)TEST_VA;
    for (unsigned i = 0; i < sizeof(code_return_42) / sizeof(code_return_42[0]); i++)
        code[i] = code_return_42[i];
    ASSERT_OK(seL4_ARM_Page_Unify_Instruction(frame, 0, sizeof(code_return_42)));
    return frame;
}

TEST(VSPACE0102, "Code written into a new frame mapped executable runs in a child thread")
{
    code_page(env, ATTRS);
    seL4_CPtr ep;
    struct test_thread *t = start_child(env, &ep, call_code_child);
    expect_done(ep, t, 42);
}

TEST(VSPACE0103, "seL4_ARM_ExecuteNever: the child's fetch takes an instruction abort "
                 "(prefetch 1, Addr = IP = entry, permission L3); remap executable + reply runs it")
{
    seL4_CPtr frame = code_page(env, ATTRS | seL4_ARM_ExecuteNever);
    seL4_CPtr ep;
    struct test_thread *t = start_child(env, &ep, call_code_child);
    expect_vm_fault(ep, TEST_VA, TEST_VA, 1, 0, FSC_PERMISSION_L3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    reply_restart();
    expect_done(ep, t, 42);
}

/* ---- 4: write-only request -------------------------------------------------------------- */

static void read_child(struct test_thread *self)
{
    child_send_done(self, probe_read(TEST_VA));
}

TEST(VSPACE0104, "Write-only request (seL4_CanWrite): Page_Map succeeds with a kernel-only "
                 "mapping; even the child's read takes a permission fault")
{
    seL4_CPtr frame = page_with_rights(env, 0x44, seL4_CanWrite);
    seL4_CPtr ep;
    struct test_thread *t = start_child(env, &ep, read_child);
    expect_vm_fault(ep, (seL4_Word)probe_read_insn, TEST_VA, 0, 0, FSC_PERMISSION_L3);
    /* Rights 0 is kernel-only as well: still the same fault. */
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_NoRights, ATTRS));
    reply_restart();
    expect_vm_fault(ep, (seL4_Word)probe_read_insn, TEST_VA, 0, 0, FSC_PERMISSION_L3);
    ASSERT_OK(seL4_ARM_Page_Map(frame, VS, TEST_VA, seL4_CanRead, ATTRS));
    reply_restart();
    expect_done(ep, t, 0x44);
}

/* ---- 5: Unmap ------------------------------------------------------------------------------ */

/* Read TEST_VA, report it and wait; then read it again (after the unmap). */
static void read_twice_child(struct test_thread *self)
{
    child_step(self, probe_read(TEST_VA));
    child_send_done(self, probe_read(TEST_VA));
}

TEST(VSPACE0105, "After Page_Unmap the child's next access takes a level-3 translation "
                 "fault; mapping another frame there + reply: the child reads that frame")
{
    add_tables(env, VS, TEST_VA, 3);
    seL4_CPtr b = page_with(env, TEST_VA + PAGE, 0xb2);
    ASSERT_OK(seL4_ARM_Page_Unmap(b));
    seL4_CPtr a = page_with(env, TEST_VA, 0xa1);
    seL4_CPtr ep;
    struct test_thread *t = start_child(env, &ep, read_twice_child);
    /* The child has used the translation (it may be in the TLB); unmap while it waits. */
    expect_msg(ep, MSG_STEP, 0xa1);
    ASSERT_OK(seL4_ARM_Page_Unmap(a));
    test_reply(seL4_MessageInfo_new(0, 0, 0, 0));
    expect_vm_fault(ep, (seL4_Word)probe_read_insn, TEST_VA, 0, 0, FSC_TRANSLATION_L3);
    ASSERT_OK(seL4_ARM_Page_Map(b, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    reply_restart();
    expect_done(ep, t, 0xb2);
}

/* ---- 6: 1 GiB and 2 MiB frames ---------------------------------------------------------- */

/* A BootInfo device untyped of at least 2^bits bytes (1 GiB aligned), or seL4_CapNull. */
static seL4_CPtr device_untyped(const seL4_BootInfo *bi, unsigned bits, seL4_Word *paddr)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (d->isDevice && d->sizeBits >= bits) {
            *paddr = d->paddr;
            return s;
        }
    }
    return seL4_CapNull;
}

TEST(VSPACE0106, "1 GiB HugePage from a device untyped: FailedLookup 39 without a level-1 "
                 "table, then maps as a block; GetAddress; Unmap empties the slot")
{
    seL4_Word dev_paddr = 0;
    seL4_CPtr dev = device_untyped(env->bi, HUGE_BITS, &dev_paddr);
    ASSERT_NE(dev, seL4_CapNull);
    ASSERT_EQ(dev_paddr % (1UL << HUGE_BITS), 0);
    seL4_CPtr huge = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(dev, seL4_ARM_HugePageObject, 0, env->cnode, 0, 0, huge, 1));
    seL4_ARM_Page_GetAddress_t ga = seL4_ARM_Page_GetAddress(huge);
    ASSERT_OK(ga.error);
    ASSERT_EQ(ga.paddr, dev_paddr); /* the untyped had no children: offset 0 */

    ASSERT_ERR(seL4_ARM_Page_Map(huge, VS, TEST_VA, seL4_ReadWrite, ATTRS), seL4_FailedLookup);
    ASSERT_MR(0, 0);
    ASSERT_MR(1, seL4_MissingCapability);
    ASSERT_MR(2, 39);
    add_tables(env, VS, TEST_VA, 1);
    ASSERT_ERR(seL4_ARM_Page_Map(huge, VS, TEST_VA + LARGE, seL4_ReadWrite, ATTRS),
               seL4_AlignmentError);
    /* Device frames take any attributes: cacheable first, then a remap as device memory. */
    ASSERT_OK(seL4_ARM_Page_Map(huge, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    ASSERT_OK(seL4_ARM_Page_Map(huge, VS, TEST_VA, seL4_CanRead, seL4_ARM_ExecuteNever));
    ASSERT_EQ(seL4_ARM_Page_GetAddress(huge).paddr, dev_paddr);
    /* The level-1 slot holds a block now: no level-2 table can go there. */
    seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
    ASSERT_ERR(seL4_ARM_PageTable_Map(pt, VS, TEST_VA, ATTRS), seL4_DeleteFirst);
    ASSERT_OK(seL4_ARM_Page_Unmap(huge));
    ASSERT_OK(seL4_ARM_PageTable_Map(pt, VS, TEST_VA, ATTRS));
    /* Give the BootInfo untyped back its memory. */
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, dev, env->depth));
}

TEST(VSPACE0107, "2 MiB LargePage from RAM: read/write round trip at both ends, seen "
                 "through an alias mapping of a copy")
{
    seL4_CPtr large = test_alloc_object(env, seL4_ARM_LargePageObject, 0);
    add_tables(env, VS, TEST_VA, 2);
    ASSERT_OK(seL4_ARM_Page_Map(large, VS, TEST_VA, seL4_ReadWrite, ATTRS));
    volatile seL4_Word *w = (volatile seL4_Word *)TEST_VA;
    seL4_Word last = LARGE / sizeof(seL4_Word) - 1;
    ASSERT_EQ(w[0], 0);
    ASSERT_EQ(w[last], 0);
    w[0] = 0x0123456789abcdefUL;
    w[LARGE / 2 / sizeof(seL4_Word)] = 0x5a5a;
    w[last] = 0xfedcba9876543210UL;
    ASSERT_EQ(w[0], 0x0123456789abcdefUL);
    ASSERT_EQ(w[last], 0xfedcba9876543210UL);
    seL4_CPtr alias = test_alloc_slot(env);
    ASSERT_OK(seL4_CNode_Copy(env->cnode, alias, env->depth, env->cnode, large, env->depth,
                              seL4_CanRead));
    ASSERT_OK(seL4_ARM_Page_Map(alias, VS, TEST_VA + LARGE, seL4_ReadWrite, ATTRS));
    volatile seL4_Word *v = (volatile seL4_Word *)(TEST_VA + LARGE);
    ASSERT_EQ(v[0], 0x0123456789abcdefUL);
    ASSERT_EQ(v[LARGE / 2 / sizeof(seL4_Word)], 0x5a5a);
    ASSERT_EQ(v[last], 0xfedcba9876543210UL);
    ASSERT_EQ(seL4_ARM_Page_GetAddress(large).paddr % LARGE, 0);
}
