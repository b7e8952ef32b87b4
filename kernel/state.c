// SPDX-License-Identifier: BSD-2-Clause
// Definitions of the global kernel state declared in state.h.
#include "state.h"

#include "lib/string.h"

struct tcb *ks_cur_thread;
struct tcb *ks_sched_action;
struct tcb *ks_fpu_owner;
struct tcb *ks_debug_tcbs;
struct tcb *ks_ready_head[CONFIG_NUM_PRIORITIES];
struct tcb *ks_ready_tail[CONFIG_NUM_PRIORITIES];
word_t ks_ready_bitmap[CONFIG_NUM_PRIORITIES / 64];
struct asid_pool *ks_asid_table[1u << seL4_NumASIDPoolsBits];
word_t ks_work_units;
enum irq_state ks_irq_state[IRQ_COUNT];
struct cte ks_irq_node[IRQ_COUNT];
word_t ks_dom_schedule[DOMAIN_SCHEDULE_LENGTH];
word_t ks_dom_schedule_start;
#ifdef CONFIG_KERNEL_MCS
uint64_t ks_cur_time;
uint64_t ks_consumed;
struct sched_context *ks_cur_sc;
bool ks_reprogram;
struct tcb *ks_release_head;
#endif

void state_reset(void)
{
    ks_cur_thread = NULL;
    ks_sched_action = NULL;
    ks_fpu_owner = NULL;
    ks_debug_tcbs = NULL;
    memset(ks_ready_head, 0, sizeof(ks_ready_head));
    memset(ks_ready_tail, 0, sizeof(ks_ready_tail));
    memset(ks_ready_bitmap, 0, sizeof(ks_ready_bitmap));
    memset(ks_asid_table, 0, sizeof(ks_asid_table));
    ks_work_units = 0;
    // Every IRQ line inactive except the kernel timer's.
    memset(ks_irq_state, 0, sizeof(ks_irq_state));
    memset(ks_irq_node, 0, sizeof(ks_irq_node));
    ks_irq_state[IRQ_KERNEL_TIMER] = IRQ_TIMER;
    // Domain 0 forever, then the end marker.
    ks_dom_schedule[0] = DSCHED_MAX_DURATION;
    ks_dom_schedule[1] = 0;
    ks_dom_schedule_start = 0;
#ifdef CONFIG_KERNEL_MCS
    ks_cur_time = 0;
    ks_consumed = 0;
    ks_cur_sc = NULL;
    ks_reprogram = true;
    ks_release_head = NULL;
#endif
}
