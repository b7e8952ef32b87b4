// SPDX-License-Identifier: BSD-2-Clause
// Interrupt delivery to user space: a real device line (the PL011 UART, IRQ 33 on QEMU
// virt) claimed with IRQControl_Get, bound to a notification, raised by the device and
// acknowledged with IRQHandler_Ack, with seL4's masking rules between the steps.

#include <stdint.h>

#include <sel4/sel4.h>

#include "test.h"

#define VS seL4_CapInitThreadVSpace
#define UART_PADDR 0x09000000UL
#define UART_IRQ 33
#define UART_VA 0x18000000000UL /* level-0 index 3: no tables there yet */
#define UART_IMSC 0x38          /* interrupt mask set/clear */
#define UART_TXIM (1u << 5)     /* transmit interrupt: QEMU holds it while the FIFO is empty */
#define BADGE 0x1e
#define POLL_LIMIT 5000

/* The BootInfo device untyped holding paddr, its base address in *base; or seL4_CapNull. */
static seL4_CPtr device_untyped_at(const seL4_BootInfo *bi, seL4_Word paddr, seL4_Word *base)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (d->isDevice && d->paddr <= paddr && paddr - d->paddr < (1UL << d->sizeBits)) {
            *base = d->paddr;
            return s;
        }
    }
    return seL4_CapNull;
}

/* A frame cap to the 4 KiB device page at paddr: untyped children fill the untyped
 * from its start (largest first, each naturally aligned) until the watermark is there. */
static seL4_CPtr device_frame(struct test_env *env, seL4_CPtr ut, seL4_Word base, seL4_Word paddr)
{
    seL4_Word offset = paddr - base;
    for (int bit = 63; bit >= seL4_PageBits; bit--) {
        if (offset & (1UL << bit)) {
            seL4_CPtr pad = test_alloc_slot(env);
            ASSERT_OK(seL4_Untyped_Retype(ut, seL4_UntypedObject, bit, env->cnode, 0, 0, pad, 1));
        }
    }
    seL4_CPtr frame = test_alloc_slot(env);
    ASSERT_OK(seL4_Untyped_Retype(ut, seL4_ARM_SmallPageObject, 0, env->cnode, 0, 0, frame, 1));
    ASSERT_EQ(seL4_ARM_Page_GetAddress(frame).paddr, paddr);
    return frame;
}

/* Poll the notification up to POLL_LIMIT times; the badge seen, or 0. */
static seL4_Word poll_for_signal(seL4_CPtr ntfn)
{
    for (int i = 0; i < POLL_LIMIT; i++) {
        seL4_Word badge = 0;
        seL4_Poll(ntfn, &badge);
        if (badge)
            return badge;
    }
    return 0;
}

/* The UART mapped at UART_VA with IRQ 33 claimed into a new handler cap (edge-triggered
 * through GetTrigger when asked) and bound to a BADGE-badged notification. */
struct uart {
    seL4_CPtr dev, frame, handler, ntfn;
    volatile uint32_t *imsc;
    uint32_t saved;
};

static struct uart uart_claim(struct test_env *env, bool get_trigger, seL4_Word edge)
{
    struct uart u;
    seL4_Word base = 0;
    u.dev = device_untyped_at(env->bi, UART_PADDR, &base);
    ASSERT_NE(u.dev, seL4_CapNull);
    u.frame = device_frame(env, u.dev, base, UART_PADDR);
    for (int i = 0; i < 3; i++) {
        seL4_CPtr pt = test_alloc_object(env, seL4_ARM_PageTableObject, 0);
        ASSERT_OK(seL4_ARM_PageTable_Map(pt, VS, UART_VA, seL4_ARM_Default_VMAttributes));
    }
    ASSERT_OK(seL4_ARM_Page_Map(u.frame, VS, UART_VA, seL4_ReadWrite, seL4_ARM_ExecuteNever));
    u.imsc = (volatile uint32_t *)(UART_VA + UART_IMSC);
    u.saved = *u.imsc;

    u.handler = test_alloc_slot(env);
    if (get_trigger)
        ASSERT_OK(seL4_IRQControl_GetTrigger(seL4_CapIRQControl, UART_IRQ, edge, env->cnode,
                                             u.handler, env->depth));
    else
        ASSERT_OK(
            seL4_IRQControl_Get(seL4_CapIRQControl, UART_IRQ, env->cnode, u.handler, env->depth));
    u.ntfn = test_alloc_object(env, seL4_NotificationObject, 0);
    seL4_CPtr badged = test_mint(env, u.ntfn, seL4_AllRights, BADGE);
    ASSERT_OK(seL4_IRQHandler_SetNotification(u.handler, badged));
    return u;
}

/* Unmap the UART and give the BootInfo untyped back its memory (the driver frees slots). */
static void uart_release(struct test_env *env, const struct uart *u)
{
    ASSERT_OK(seL4_ARM_Page_Unmap(u->frame));
    ASSERT_OK(seL4_CNode_Revoke(env->cnode, u->dev, env->depth));
}

TEST(IRQ0001, "UART IRQ 33: delivered to the bound notification, masked until Ack, "
              "delivered again after Ack")
{
    struct uart u = uart_claim(env, false, 0);
    volatile uint32_t *imsc = u.imsc;
    uint32_t saved = u.saved;
    seL4_CPtr ntfn = u.ntfn, handler = u.handler;

    /* Raise the line: the kernel signals the notification and masks the line. */
    *imsc = saved | UART_TXIM;
    seL4_Word first = poll_for_signal(ntfn);
    /* Still asserted but masked: no second signal until Ack. */
    seL4_Word while_masked = poll_for_signal(ntfn);
    /* Ack with the line still asserted: it is delivered again. */
    seL4_Error ack1 = seL4_IRQHandler_Ack(handler);
    seL4_Word after_ack = poll_for_signal(ntfn);
    /* Quiet the device, then Ack: nothing more arrives. */
    *imsc = saved;
    seL4_Error ack2 = seL4_IRQHandler_Ack(handler);
    seL4_Word after_quiet = poll_for_signal(ntfn);

    ASSERT_EQ(first, BADGE);
    ASSERT_EQ(while_masked, 0);
    ASSERT_OK(ack1);
    ASSERT_EQ(after_ack, BADGE);
    ASSERT_OK(ack2);
    ASSERT_EQ(after_quiet, 0);

    ASSERT_OK(seL4_IRQHandler_Clear(handler));
    uart_release(env, &u);
}

TEST(IRQ0002, "UART IRQ 33 claimed edge-triggered (IRQControl_GetTrigger): delivered once per "
              "rising edge, not again after Ack while the line stays high")
{
    struct uart u = uart_claim(env, true, 1);
    volatile uint32_t *imsc = u.imsc;
    uint32_t saved = u.saved;

    /* A rising edge: delivered once. */
    *imsc = saved | UART_TXIM;
    seL4_Word first = poll_for_signal(u.ntfn);
    /* Ack with the line still high: no new edge, nothing arrives (level would fire again). */
    seL4_Error ack1 = seL4_IRQHandler_Ack(u.handler);
    seL4_Word after_ack = poll_for_signal(u.ntfn);
    /* Low, then high again: a second edge, delivered. */
    *imsc = saved;
    *imsc = saved | UART_TXIM;
    seL4_Word second = poll_for_signal(u.ntfn);
    *imsc = saved;
    seL4_Error ack2 = seL4_IRQHandler_Ack(u.handler);

    ASSERT_EQ(first, BADGE);
    ASSERT_OK(ack1);
    ASSERT_EQ(after_ack, 0);
    ASSERT_EQ(second, BADGE);
    ASSERT_OK(ack2);

    /* Leave the line level-triggered again, as the other tests expect. */
    ASSERT_OK(seL4_CNode_Delete(env->cnode, u.handler, env->depth));
    ASSERT_OK(seL4_IRQControl_GetTrigger(seL4_CapIRQControl, UART_IRQ, 0, env->cnode, u.handler,
                                         env->depth));
    uart_release(env, &u);
}
