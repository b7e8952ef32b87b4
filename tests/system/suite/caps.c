// SPDX-License-Identifier: BSD-2-Clause
// CAPS tests: the runtime's typed capabilities (<cairn/caps.h>) reach the kernel with the
// right CPtrs in seL4's argument order. Each wrapper is used once where it must succeed and,
// where the kernel can refuse it, once where its exact error must come back unchanged. That
// the wrong kind of cap does not compile is checked outside QEMU (tests/compile_fail/).

#include <cairn/caps.h>
#include <cairn/process.h>
#include <cairn/runtime.h>
#include <sel4/sel4.h>

#include "test.h"
#include "threads.h"

#define PRIO 255
#define CAPS_VA 0x20000000000UL /* 2 TiB: a level-0 entry no other test uses */

static seL4_Uint32 tag_of(seL4_CPtr cptr)
{
    return seL4_DebugCapIdentify(cptr);
}

TEST(CAPS0001, "untyped_retype with each blueprint makes that kind; an occupied slot: DeleteFirst")
{
    static const struct {
        cairn_blueprint_t bp;
        seL4_Uint32 tag;
    } kinds[] = {
        {CAIRN_BP_TCB, seL4_CapTag_TCB},
        {CAIRN_BP_ENDPOINT, seL4_CapTag_Endpoint},
        {CAIRN_BP_NOTIFICATION, seL4_CapTag_Notification},
        {CAIRN_BP_CNODE(4), seL4_CapTag_CNode},
        {CAIRN_BP_UNTYPED(12), seL4_CapTag_Untyped},
        {CAIRN_BP_VSPACE, seL4_CapTag_VSpace},
        {CAIRN_BP_PAGE_TABLE, seL4_CapTag_PageTable},
        {CAIRN_BP_GRANULE, seL4_CapTag_Frame},
        {CAIRN_BP_LARGE_PAGE, seL4_CapTag_Frame},
    };
    cairn_untyped_t ut = cairn_as_untyped(test_alloc_untyped(env, 23));
    for (unsigned i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        seL4_CPtr slot = test_alloc_slot(env);
        ASSERT_OK(
            cairn_untyped_retype(ut, kinds[i].bp, cairn_cnode_self(CAIRN_INIT_CNODE), slot, 1));
        ASSERT_EQ(tag_of(slot), kinds[i].tag);
        ASSERT_EQ(cairn_blueprint_size_bits(kinds[i].bp) != 0, 1);
    }
    seL4_CPtr used = test_alloc_slot(env);
    ASSERT_OK(
        cairn_untyped_retype(ut, CAIRN_BP_ENDPOINT, cairn_cnode_self(CAIRN_INIT_CNODE), used, 1));
    ASSERT_ERR(
        cairn_untyped_retype(ut, CAIRN_BP_ENDPOINT, cairn_cnode_self(CAIRN_INIT_CNODE), used, 1),
        seL4_DeleteFirst);
    ASSERT_EQ(cairn_blueprint_size_bits(CAIRN_BP_CNODE(4)), 4 + seL4_SlotBits);
}

TEST(CAPS0002, "CNode paths: copy, mint (badge), move, mutate, delete, revoke; signal/wait/poll")
{
    cairn_notification_t n =
        cairn_as_notification(test_alloc_object(env, seL4_NotificationObject, 0));
    cairn_notification_t badged = cairn_as_notification(test_alloc_slot(env));
    cairn_notification_t copy = cairn_as_notification(test_alloc_slot(env));
    cairn_notification_t moved = cairn_as_notification(test_alloc_slot(env));

    ASSERT_OK(cairn_cnode_mint(cairn_cspath_of(badged), cairn_cspath_of(n), seL4_CanWrite, 0x1337));
    ASSERT_OK(cairn_cnode_copy(cairn_cspath_of(copy), cairn_cspath_of(badged), seL4_AllRights));
    ASSERT_ERR(cairn_cnode_copy(cairn_cspath_of(copy), cairn_cspath_of(n), seL4_AllRights),
               seL4_DeleteFirst);
    ASSERT_OK(cairn_cnode_move(cairn_cspath_of(moved), cairn_cspath_of(copy)));
    ASSERT_EQ(tag_of(cairn_cptr(copy)), seL4_CapTag_Null);

    cairn_notification_signal(moved);
    seL4_Word badge = 0;
    cairn_notification_wait(n, &badge);
    ASSERT_EQ(badge, 0x1337);
    cairn_notification_poll(n, &badge);
    ASSERT_EQ(badge, 0);

    /* The same slot through the typed-CNode path constructors. */
    ASSERT_OK(cairn_cnode_delete(cairn_cnode_slot(CAIRN_INIT_CNODE, cairn_cptr(moved))));
    ASSERT_ERR(cairn_cnode_move(cairn_cspath_of(copy),
                                cairn_cnode_slot(CAIRN_INIT_CNODE, cairn_cptr(moved))),
               seL4_FailedLookup);
    ASSERT_OK(cairn_cnode_revoke(cairn_cspath_of(n)));
    ASSERT_EQ(tag_of(cairn_cptr(badged)), seL4_CapTag_Null);
    ASSERT_EQ(tag_of(cairn_cptr(n)), seL4_CapTag_Notification);
}

TEST(CAPS0003,
     "frames and tables: page_table_map per level, frame_map/get_address/unmap, ASID pool")
{
    cairn_granule_t g = cairn_as_granule(test_alloc_object(env, seL4_ARM_SmallPageObject, 0));
    ASSERT_ERR(cairn_frame_map(g, CAIRN_INIT_VSPACE, CAPS_VA, seL4_ReadWrite,
                               seL4_ARM_Default_VMAttributes),
               seL4_FailedLookup);
    for (int level = 0; level < 3; level++) {
        cairn_page_table_t pt =
            cairn_as_page_table(test_alloc_object(env, seL4_ARM_PageTableObject, 0));
        ASSERT_OK(
            cairn_page_table_map(pt, CAIRN_INIT_VSPACE, CAPS_VA, seL4_ARM_Default_VMAttributes));
    }
    ASSERT_OK(cairn_frame_map(g, CAIRN_INIT_VSPACE, CAPS_VA, seL4_ReadWrite,
                              seL4_ARM_Default_VMAttributes));
    volatile seL4_Word *p = (volatile seL4_Word *)CAPS_VA;
    *p = 0xcafe;
    ASSERT_EQ(*p, 0xcafe);
    seL4_Word paddr = 0;
    ASSERT_OK(cairn_frame_get_address(g, &paddr));
    ASSERT_NE(paddr, 0);
    ASSERT_EQ(paddr & 0xfff, 0);
    ASSERT_OK(cairn_frame_unmap(g));

    /* A 2 MiB frame one L2 entry further on (its L2 table exists already). */
    cairn_large_page_t big =
        cairn_as_large_page(test_alloc_object(env, seL4_ARM_LargePageObject, 0));
    ASSERT_ERR(cairn_frame_map(big, CAIRN_INIT_VSPACE, CAPS_VA + 0x1000, seL4_ReadWrite,
                               seL4_ARM_Default_VMAttributes),
               seL4_AlignmentError);
    ASSERT_OK(cairn_frame_map(big, CAIRN_INIT_VSPACE, CAPS_VA + 0x200000, seL4_ReadWrite,
                              seL4_ARM_Default_VMAttributes));
    ASSERT_OK(cairn_frame_get_address(big, &paddr));
    ASSERT_EQ(paddr & 0x1fffff, 0);
    ASSERT_OK(cairn_frame_unmap(big));

    /* A new VSpace needs an ASID: from a new pool, or from the initial one. */
    cairn_vspace_t vs = cairn_as_vspace(test_alloc_object(env, seL4_ARM_VSpaceObject, 0));
    cairn_untyped_t pool_mem = cairn_as_untyped(test_alloc_untyped(env, seL4_ASIDPoolBits));
    cairn_asid_pool_t pool = cairn_as_asid_pool(test_alloc_slot(env));
    ASSERT_OK(cairn_asid_control_make_pool(CAIRN_ASID_CONTROL, pool_mem, cairn_cspath_of(pool)));
    ASSERT_EQ(tag_of(cairn_cptr(pool)), seL4_CapTag_ASIDPool);
    ASSERT_OK(cairn_asid_pool_assign(pool, vs));
    ASSERT_ERR(cairn_asid_pool_assign(CAIRN_INIT_ASID_POOL, vs), seL4_InvalidCapability);
    cairn_page_table_t pt =
        cairn_as_page_table(test_alloc_object(env, seL4_ARM_PageTableObject, 0));
    ASSERT_OK(cairn_page_table_map(pt, vs, 0x400000, seL4_ARM_Default_VMAttributes));
    ASSERT_OK(cairn_page_table_unmap(pt));
    ASSERT_OK(cairn_cnode_delete(cairn_cspath_of(pool)));
}

/* Child: Call endpoint arg[0] with MR0 = 41, leave the reply's MR0 in out[0]. */
static void caller(struct test_thread *self)
{
    seL4_SetMR(0, 41);
    seL4_MessageInfo_t r =
        cairn_endpoint_call(cairn_as_endpoint(self->arg[0]), seL4_MessageInfo_new(7, 0, 0, 1));
    self->out[0] = seL4_GetMR(0);
    self->out[1] = seL4_MessageInfo_get_label(r);
}

TEST(CAPS0004, "TCB: priority, registers, resume/suspend; endpoint call/recv/reply with a badge")
{
    cairn_endpoint_t ep = cairn_as_endpoint(test_alloc_object(env, seL4_EndpointObject, 0));
    cairn_endpoint_t badged = cairn_as_endpoint(test_alloc_slot(env));
    ASSERT_OK(cairn_cnode_mint(cairn_cspath_of(badged), cairn_cspath_of(ep), seL4_AllRights, 5));

    struct test_thread *t = test_thread_create(env, 0, 0, PRIO, caller);
    cairn_tcb_t tcb = cairn_as_tcb(t->tcb);
    t->arg[0] = cairn_cptr(badged);
    ASSERT_ERR(cairn_tcb_set_priority(tcb, tcb, 1), seL4_RangeError); /* its own MCP is 0 */
    ASSERT_OK(cairn_tcb_set_priority(tcb, CAIRN_INIT_TCB, PRIO));
    seL4_UserContext regs;
    ASSERT_OK(cairn_tcb_read_all_registers(tcb, false, &regs));
    ASSERT_NE(regs.pc, 0);
    ASSERT_OK(cairn_tcb_write_all_registers(tcb, false, &regs));
    cairn_tcb_set_name(tcb, "caps-caller");
    test_thread_give_sc(env, t);
    ASSERT_OK(cairn_tcb_resume(tcb));

    seL4_Word badge = 0;
    seL4_MessageInfo_t info = cairn_endpoint_recv(ep, &badge);
    ASSERT_EQ(badge, 5);
    ASSERT_EQ(seL4_MessageInfo_get_label(info), 7);
    ASSERT_EQ(seL4_GetMR(0), 41);
    seL4_SetMR(0, 42);
    cairn_reply(seL4_MessageInfo_new(0, 0, 0, 1));
    test_yield();
    ASSERT_EQ(t->done, 1);
    ASSERT_EQ(t->out[0], 42);
    ASSERT_OK(cairn_tcb_suspend(tcb));

    /* A cap claimed to be the wrong kind reaches the kernel, which refuses it. */
    ASSERT_ERR(cairn_tcb_suspend(cairn_as_tcb(env->bi->userImageFrames.start)),
               seL4_IllegalOperation);
    ASSERT_ERR(cairn_tcb_resume(cairn_as_tcb(seL4_CapNull)), seL4_InvalidCapability);
}

TEST(CAPS0005, "typed BootInfo slots: initial caps, image frames, untypeds, IRQ handler")
{
    const seL4_BootInfo *bi = env->bi;
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_INIT_TCB)), seL4_CapTag_TCB);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_INIT_CNODE)), seL4_CapTag_CNode);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_INIT_VSPACE)), seL4_CapTag_VSpace);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_IRQ_CONTROL)), seL4_CapTag_IRQControl);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_ASID_CONTROL)), seL4_CapTag_ASIDControl);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_INIT_ASID_POOL)), seL4_CapTag_ASIDPool);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_IPC_BUFFER_FRAME)), seL4_CapTag_Frame);
    ASSERT_EQ(tag_of(cairn_cptr(CAIRN_BOOTINFO_FRAME)), seL4_CapTag_Frame);
    ASSERT_EQ(tag_of(cairn_cptr(cairn_bi_image_frame(bi, 0))), seL4_CapTag_Frame);
    ASSERT_EQ(tag_of(cairn_cptr(cairn_bi_image_page_table(bi, 0))), seL4_CapTag_PageTable);
    ASSERT_EQ(tag_of(cairn_cptr(cairn_bi_untyped(bi, 0))), seL4_CapTag_Untyped);
    ASSERT_EQ(tag_of(cairn_cptr(cairn_bi_largest_untyped(bi))), seL4_CapTag_Untyped);

    /* The frame behind this test's own code: mapped, so it has an address. */
    cairn_granule_t code = cairn_bi_image_frame_at(bi, (uintptr_t)tag_of);
    ASSERT_EQ(cairn_cptr(code) - bi->userImageFrames.start,
              ((uintptr_t)tag_of >> 12) - ((uintptr_t)__executable_start >> 12));
    seL4_Word paddr = 0;
    ASSERT_OK(cairn_frame_get_address(code, &paddr));
    ASSERT_NE(paddr, 0);
    ASSERT_TRUE(cairn_cap_is_null(cairn_bi_image_frame_at(bi, 0)));

    /* IRQ 33 (the UART) into a slot, bound to a notification, unbound; the slot's delete
     * by the driver gives the interrupt back. */
    cairn_irq_handler_t h = cairn_as_irq_handler(test_alloc_slot(env));
    ASSERT_OK(cairn_irq_control_get(CAIRN_IRQ_CONTROL, 33, cairn_cspath_of(h)));
    ASSERT_ERR(cairn_irq_control_get(CAIRN_IRQ_CONTROL, 33, cairn_cspath(test_alloc_slot(env))),
               seL4_RevokeFirst);
    cairn_notification_t n =
        cairn_as_notification(test_alloc_object(env, seL4_NotificationObject, 0));
    ASSERT_OK(cairn_irq_handler_set_notification(h, n));
    ASSERT_OK(cairn_irq_handler_clear(h));
    ASSERT_OK(cairn_irq_handler_ack(h));
}

TEST(CAPS0006,
     "cairn_process_create refuses what is not a loadable AArch64 ELF, allocating nothing")
{
    static const char not_elf[64] = "this is not an ELF file";
    static struct {
        unsigned char ident[16];
        seL4_Uint16 type, machine;
        char rest[48];
    } x86 = {{0x7f, 'E', 'L', 'F', 2, 1, 1}, 2, 62, {0}};
    cairn_process_t p;
    size_t slots = cairn_slots_left();
    ASSERT_ERR(cairn_process_create(&p, not_elf, sizeof not_elf, "bad"), seL4_InvalidArgument);
    ASSERT_ERR(cairn_process_create(&p, &x86, sizeof x86, "bad"), seL4_InvalidArgument);
    ASSERT_ERR(cairn_process_create(&p, &x86, 8, "bad"), seL4_InvalidArgument);
    ASSERT_EQ(cairn_slots_left(), slots);
}
