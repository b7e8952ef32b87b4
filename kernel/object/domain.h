// SPDX-License-Identifier: BSD-2-Clause
// The domain cap: DomainSet_Set and the domain schedule invocations with one domain
// (seL4 domain.c with CONFIG_NUM_DOMAINS = 1).
#pragma once

#include "types.h"
#include "msg/failures.h"

struct invocation;

/*
 * Decode and invoke an invocation on the domain cap: DomainSetSet (only domain 0 exists),
 * DomainScheduleConfigure, DomainScheduleSetStart. EXC_NONE or EXC_SYSCALL_ERROR.
 */
exception_t decode_domain_invocation(struct invocation *inv);

// Reset the domain schedule to its boot value (boot and host tests).
void domain_init(void);
