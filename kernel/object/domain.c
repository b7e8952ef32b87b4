// SPDX-License-Identifier: BSD-2-Clause
// The domain cap with a single domain (seL4 domain.c, CONFIG_NUM_DOMAINS = 1): DomainSet_Set
// accepts only domain 0; the schedule has one entry plus its end marker. There is no domain
// switching to do, so invocations only record what they are told.
#include "object/domain.h"

#include "util.h"
#include "msg/invocation.h"
#include "object/tcb.h"
#include "sched/sched.h"
#include "state.h"

#define NUM_DOMAINS 1

static exception_t decode_domain_set_set(struct invocation *inv)
{
    // No domain argument: TruncatedMessage.
    if (inv->length == 0) {
        USER_ERROR(inv->thread, "Domain Configure: Truncated message.");
        return error_truncated_message(inv);
    }
    word_t domain = inv_mr(inv, 0);

    // Domain does not exist: InvalidArgument(0).
    if (domain >= NUM_DOMAINS) {
        USER_ERROR(inv->thread, "Domain Configure: invalid domain (%lu >= %u).", domain,
                   (unsigned)NUM_DOMAINS);
        return error_invalid_argument(inv, 0);
    }

    // No thread cap: TruncatedMessage.
    if (inv->extra_count < 1) {
        USER_ERROR(inv->thread, "Domain Configure: Truncated message.");
        return error_truncated_message(inv);
    }

    // Extra cap is not a thread cap: InvalidArgument(1).
    cap_t tcap = inv->extra[0].cap;
    if (cap_type(tcap) != CAP_THREAD) {
        USER_ERROR(inv->thread, "Domain Configure: thread cap required.");
        return error_invalid_argument(inv, 1);
    }

    thread_set_state(inv->thread, TS_RESTART);
    tcb_from_pptr(cap_ptr(tcap))->domain = domain;
    return EXC_NONE;
}

// Configure and SetStart begin alike: fewer than `words` MRs is TruncatedMessage (seL4's
// text names Configure for both), then MR0 is a schedule index below `limit`, else
// RangeError(0, limit - 1).
static exception_t decode_schedule_index(struct invocation *inv, const char *op, word_t words,
                                         word_t limit, word_t *index)
{
    if (inv->length < words) {
        USER_ERROR(inv->thread, "Domain Schedule Configure: Truncated message.");
        return error_truncated_message(inv);
    }
    *index = inv_mr(inv, 0);
    if (*index >= limit) {
        USER_ERROR(inv->thread, "Domain Schedule %s: Invalid index.", op);
        return error_range(inv, 0, limit - 1);
    }
    return EXC_NONE;
}

static exception_t decode_domain_schedule_configure(struct invocation *inv)
{
    // Fewer than 3 MRs (index, domain, 64-bit duration): TruncatedMessage; index of the end
    // marker or beyond: RangeError(0, length - 2).
    word_t index = 0;
    exception_t status =
        decode_schedule_index(inv, "Configure", 3, DOMAIN_SCHEDULE_LENGTH - 1, &index);
    if (status != EXC_NONE) {
        return status;
    }
    word_t domain = inv_mr(inv, 1), duration = inv_mr(inv, 2);

    // Domain does not exist: RangeError(0, domains - 1).
    if (domain >= NUM_DOMAINS) {
        USER_ERROR(inv->thread, "Domain Schedule Configure: Invalid domain.");
        return error_range(inv, 0, NUM_DOMAINS - 1);
    }

    // Duration above 56 bits: InvalidArgument(2).
    if (duration > DSCHED_MAX_DURATION) {
        USER_ERROR(inv->thread, "Domain Schedule Configure: Duration must fit in 56 bits.");
        return error_invalid_argument(inv, 2);
    }

    // End marker with a non-zero domain: InvalidArgument(1).
    if (duration == 0 && domain != 0) {
        USER_ERROR(inv->thread, "Domain Schedule Configure: Both domain and duration must be "
                                "zero for end markers.");
        return error_invalid_argument(inv, 1);
    }

    // Turning the starting entry into an end marker: InvalidArgument(2).
    if (index == ks_dom_schedule_start && duration == 0) {
        USER_ERROR(inv->thread,
                   "Domain Schedule Configure: Starting schedule's duration must not be zero.");
        return error_invalid_argument(inv, 2);
    }

    thread_set_state(inv->thread, TS_RESTART);
    ks_dom_schedule[index] = (domain << DSCHED_DOMAIN_SHIFT) | duration;
    return EXC_NONE;
}

static exception_t decode_domain_schedule_set_start(struct invocation *inv)
{
    // No index: TruncatedMessage; index beyond the schedule: RangeError(0, length - 1).
    word_t index = 0;
    exception_t status = decode_schedule_index(inv, "Set Start", 1, DOMAIN_SCHEDULE_LENGTH, &index);
    if (status != EXC_NONE) {
        return status;
    }

    // Starting at an end marker: InvalidArgument(0).
    if (ks_dom_schedule[index] == 0) {
        USER_ERROR(inv->thread,
                   "Domain Schedule Set Start: Starting schedule must not be an end marker.");
        return error_invalid_argument(inv, 0);
    }

    thread_set_state(inv->thread, TS_RESTART);
    ks_dom_schedule_start = index;
    sched_reschedule_required();
    return EXC_NONE;
}

exception_t decode_domain_invocation(struct invocation *inv)
{
    switch (inv->label) {
    case DomainSetSet:
        return decode_domain_set_set(inv);
    case DomainScheduleConfigure:
        return decode_domain_schedule_configure(inv);
    case DomainScheduleSetStart:
        return decode_domain_schedule_set_start(inv);
    default:
        // Any other label: IllegalOperation.
        return error_illegal_operation(inv);
    }
}
