// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): budget checks at kernel entry, see
// budget.h. The refill rules are sched/refill.c's, the release queue sched/mcs.c's.
#include "api/budget.h"

#include "object/endpoint.h"
#include "object/sched_context.h"
#include "sched/mcs.h"
#include "sched/sched.h"
#include "state.h"

// seL4 endTimeslice.
static void end_timeslice(bool can_timeout_fault)
{
    struct tcb *t = ks_cur_thread;
    struct sched_context *sc = ks_cur_sc;
    if (can_timeout_fault && !sc_round_robin(sc) && endpoint_has_timeout_handler(t)) {
        endpoint_send_timeout_fault(t);
    } else if (refill_ready(sc, ks_cur_time) && refill_sufficient(sc, 0)) {
        sched_append(t); // round robin within its priority
    } else {
        mcs_postpone(sc);
    }
}

void budget_charge(uint64_t consumed, bool can_timeout_fault)
{
    struct sched_context *sc = ks_cur_sc;
    if (sc != NULL && sc_active(sc)) {
        if (sc_round_robin(sc)) {
            refill_reset_round_robin(sc);
        } else {
            refill_budget_check(sc, consumed);
        }
        sc->consumed += consumed;
    }
    ks_consumed = 0;
    struct tcb *t = ks_cur_thread;
    if (t != NULL && sched_is_schedulable(t) && t->sc == sc) {
        end_timeslice(can_timeout_fault);
        sched_reschedule_required();
        ks_reprogram = true;
    }
}

bool budget_check(void)
{
    struct sched_context *sc = ks_cur_sc;
    if (ks_cur_thread == NULL || sc == NULL || refill_sufficient(sc, ks_consumed)) {
        return true;
    }
    budget_charge(ks_consumed, true);
    return false;
}

bool budget_entry(void)
{
    mcs_update_timestamp();
    struct tcb *t = ks_cur_thread;
    if (budget_check()) {
        return true;
    }
    if (t != NULL && thread_is_runnable(t)) {
        thread_set_state(t, TS_RESTART); // the system call runs again with a new budget
    }
    return false;
}

void budget_yield(void)
{
    struct sched_context *sc = ks_cur_sc;
    uint64_t consumed = sc->consumed + ks_consumed;
    budget_charge(refill_head(sc)->amount, false);
    sc->consumed = consumed;
}

void budget_preemption_point(void)
{
    mcs_update_timestamp();
    struct tcb *t = ks_cur_thread;
    if (t != NULL && sched_is_schedulable(t)) {
        budget_check();
    } else if (ks_cur_sc != NULL && sc_active(ks_cur_sc)) {
        budget_charge(ks_consumed, false);
    } else {
        ks_consumed = 0;
    }
}
