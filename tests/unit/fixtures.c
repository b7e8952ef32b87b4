// SPDX-License-Identifier: BSD-2-Clause
// Fixture builders for the unit tests (see fixtures.h).
#include "fixtures.h"

#include <string.h>

#include "state.h"
#include "util.h"
#include "api/invocation.h"
#include "cspace/cdt.h"
#include "object/domain.h"
#include "object/irq.h"
#include "object/objecttype.h"

struct fx fx;

struct cte *fx_slot(word_t i)
{
    return &fx.root[i];
}

void fx_setup(void)
{
    state_reset();
    phys_reset();
    hw_reset();
    preemption_force_after(0);
    memset(fx.ipc_buffer, 0, sizeof(fx.ipc_buffer));

    fx.thread = fx_tcb();
    fx.thread->priority = 100;
    fx.thread->mcp = 255;
    fx.thread->state = TS_RUNNING;
    ks_cur_thread = fx.thread;

    fx.root = phys_alloc(FX_ROOT_BITS + seL4_SlotBits);
    fx.root_cap = cap_cnode_new((pptr_t)fx.root, FX_ROOT_BITS, 64 - FX_ROOT_BITS, 0);
    tcb_slot(fx.thread, TCB_CTABLE)->cap = fx.root_cap;
    fx.root[seL4_CapInitThreadCNode].cap = fx.root_cap;
}

int fx_setup_cmocka(void **state)
{
    (void)state;
    fx_setup();
    return 0;
}

struct tcb *fx_tcb(void)
{
    pptr_t p = (pptr_t)phys_alloc(seL4_TCBBits);
    create_object(seL4_TCBObject, p, 0, false);
    return tcb_from_pptr(p);
}

struct cte *fx_untyped(word_t slot, unsigned bits, bool device)
{
    pptr_t p = (pptr_t)phys_alloc(bits);
    fx.root[slot].cap = cap_untyped_new(p, bits, device, 0);
    mdb_set_flags(&fx.root[slot], true, true); // as boot writes its caps (seL4 write_slot)
    return &fx.root[slot];
}

struct cte *fx_object(word_t slot, word_t type, unsigned bits)
{
    pptr_t p = (pptr_t)phys_alloc((unsigned)object_size_bits(type, bits));
    fx.root[slot].cap = create_object(type, p, bits, false);
    mdb_set_flags(&fx.root[slot], true, true);
    return &fx.root[slot];
}

struct invocation fx_inv(struct cte *slot, word_t label, unsigned length, const word_t *mrs,
                         struct cte *extra0, struct cte *extra1)
{
    struct invocation inv;
    memset(&inv, 0, sizeof(inv));
    inv.thread = fx.thread;
    inv.regs = &fx.thread->ctx;
    inv.cptr = (word_t)(slot - fx.root);
    inv.cap = slot->cap;
    inv.slot = slot;
    inv.label = label;
    inv.length = length;
    inv.ipc_buffer = fx.ipc_buffer;
    inv.is_call = true;
    for (unsigned i = 0; i < length; i++) {
        if (i < FAST_MSG_REGS) {
            ctx_set_mr(&fx.thread->ctx, i, mrs[i]);
        } else {
            fx.ipc_buffer[IPC_BUFFER_MR(i)] = mrs[i];
        }
    }
    struct cte *extras[2] = {extra0, extra1};
    for (unsigned i = 0; i < 2 && extras[i] != NULL; i++) {
        inv.extra[i].cap = extras[i]->cap;
        inv.extra[i].slot = extras[i];
        inv.extra_count = i + 1;
        fx.ipc_buffer[IPC_BUFFER_CAPS + i] = (word_t)(extras[i] - fx.root);
    }
    return inv;
}

// Kernel state outside the arena that a decode must not touch either.
static struct tcb *snap_cur, *snap_action;
static word_t snap_bitmap[CONFIG_NUM_PRIORITIES / 64];
static enum irq_state snap_irq_state[IRQ_COUNT];
static struct cte snap_irq_node[IRQ_COUNT];
static word_t snap_dom_schedule[DOMAIN_SCHEDULE_LENGTH];
static word_t snap_dom_start;
static struct asid_pool *snap_asid_table[1u << seL4_NumASIDPoolsBits];

exception_t fx_decode(struct invocation *inv, struct cte *slot, word_t label, unsigned length,
                      const word_t *mrs, struct cte *extra0, struct cte *extra1)
{
    *inv = fx_inv(slot, label, length, mrs, extra0, extra1);
    fx_snapshot();
    return decode_invocation(inv);
}

word_t fx_handle_call(word_t cptr, word_t label, unsigned length)
{
    fx.thread->ctx.x[REG_CAP] = cptr;
    fx.thread->ctx.x[REG_MSGINFO] = msg_info_new(label, 0, 0, length);
    handle_invocation(fx.thread, NULL, true, true);
    return fx.thread->ctx.x[REG_MSGINFO];
}

void fx_snapshot(void)
{
    phys_snapshot_take();
    snap_cur = ks_cur_thread;
    snap_action = ks_sched_action;
    memcpy(snap_bitmap, ks_ready_bitmap, sizeof(snap_bitmap));
    memcpy(snap_irq_state, ks_irq_state, sizeof(snap_irq_state));
    memcpy(snap_irq_node, ks_irq_node, sizeof(snap_irq_node));
    memcpy(snap_dom_schedule, ks_dom_schedule, sizeof(snap_dom_schedule));
    snap_dom_start = ks_dom_schedule_start;
    memcpy(snap_asid_table, ks_asid_table, sizeof(snap_asid_table));
}

void fx_assert_unchanged(void)
{
    assert_true(phys_snapshot_unchanged());
    assert_ptr_equal(ks_cur_thread, snap_cur);
    assert_ptr_equal(ks_sched_action, snap_action);
    assert_memory_equal(snap_bitmap, ks_ready_bitmap, sizeof(snap_bitmap));
    assert_memory_equal(snap_irq_state, ks_irq_state, sizeof(snap_irq_state));
    assert_memory_equal(snap_irq_node, ks_irq_node, sizeof(snap_irq_node));
    assert_memory_equal(snap_dom_schedule, ks_dom_schedule, sizeof(snap_dom_schedule));
    assert_int_equal(snap_dom_start, ks_dom_schedule_start);
    assert_memory_equal(snap_asid_table, ks_asid_table, sizeof(snap_asid_table));
}
