// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): SchedContext objects and the
// SchedControl cap. This layer gives them their objects, caps, boot binding, derivation and
// deletion; budgets are not yet enforced and the invocations are not yet decoded beyond
// their labels (TODO(#11)).
#include "object/sched_context.h"

#include "arch/api.h"
#include "assert.h"
#include "config.h"
#include "msg/invocation.h"
#include "object/notification.h"
#include "object/tcb.h"

cap_t sched_context_create(pptr_t region, unsigned size_bits)
{
    arch_zero_range(region, BIT(size_bits));
    struct sched_context *sc = (struct sched_context *)region;
    sc->refill_max = (BIT(size_bits) - sizeof(struct sched_context)) / sizeof(struct refill);
    return cap_sched_context_new(region, size_bits);
}

void sched_context_boot(struct sched_context *sc, struct tcb *t, uint64_t budget)
{
    sc->refill_max =
        (BIT(seL4_MinSchedContextBits) - sizeof(struct sched_context)) / sizeof(struct refill);
    sc->period = budget;
    sc->refills[0] = (struct refill){.time = 0, .amount = budget};
    sc->refill_head = 0;
    sc->refill_count = 1;
    sc->tcb = t;
    t->sc = sc;
}

bool sched_caps_same_region(cap_t a, cap_t b)
{
    if (cap_type(a) != cap_type(b)) {
        return false;
    }
    if (cap_type(a) == CAP_SCHED_CONTROL) {
        return cap_sched_control_core(a) == cap_sched_control_core(b);
    }
    return cap_ptr(a) == cap_ptr(b);
}

void sched_context_finalise(cap_t cap)
{
    struct sched_context *sc = (struct sched_context *)cap_ptr(cap);
    if (sc->tcb != NULL) {
        sc->tcb->sc = NULL;
        sc->tcb = NULL;
    }
    sc->ntfn = 0;
}

exception_t decode_sched_context_invocation(struct invocation *inv)
{
    switch (inv->label) {
    case SchedContextConsumed:
    case SchedContextBind:
    case SchedContextUnbindObject:
    case SchedContextUnbind:
    case SchedContextYieldTo:
        // TODO(#11): decode and invoke these; until then they are refused.
        USER_ERROR(inv->thread, "SchedContext invocation: not yet implemented by Cairn.");
        return error_illegal_operation(inv);
    default:
        USER_ERROR(inv->thread, "SchedContext invocation: Illegal operation attempted.");
        return error_illegal_operation(inv);
    }
}

exception_t decode_sched_control_invocation(struct invocation *inv)
{
    if (inv->label == SchedControlConfigureFlags) {
        // TODO(#11): decode and invoke ConfigureFlags; until then it is refused.
        USER_ERROR(inv->thread, "SchedControl invocation: not yet implemented by Cairn.");
        return error_illegal_operation(inv);
    }
    USER_ERROR(inv->thread, "SchedControl invocation: Illegal operation attempted.");
    return error_illegal_operation(inv);
}
