// SPDX-License-Identifier: BSD-2-Clause
// The domain cap: DomainSet_Set and the domain schedule invocations with one domain
// (seL4 domain.c with CONFIG_NUM_DOMAINS = 1).
#pragma once

#include "types.h"
#include "util.h"
#include "msg/failures.h"

struct invocation;

/*
 * Decode and invoke an invocation on the domain cap: DomainSetSet (only domain 0 exists),
 * DomainScheduleConfigure, DomainScheduleSetStart. EXC_NONE or EXC_SYSCALL_ERROR.
 */
exception_t decode_domain_invocation(struct invocation *inv);

// Entries in the domain schedule: one real entry and the end marker (seL4's default with a
// single domain: 2). An entry: domain in bits 63:56, duration (ticks) in 55:0; 0 ends it.
#define DOMAIN_SCHEDULE_LENGTH 2
#define DSCHED_DOMAIN_SHIFT 56
#define DSCHED_MAX_DURATION MASK(56)
