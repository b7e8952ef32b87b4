// SPDX-License-Identifier: BSD-2-Clause
// Upstream's deprecated libsel4-held BootInfo pointer. New code should keep the pointer
// it received in x0 itself; these exist so old code links (libsel4/src/bootinfo.c).
#pragma once

#include <sel4/types.h>
#include <sel4/bootinfo_types.h>

// Remember bi for later seL4_GetBootInfo calls.
void seL4_InitBootInfo(seL4_BootInfo *bi) SEL4_DEPRECATED("keep the BootInfo pointer yourself");

// The pointer last given to seL4_InitBootInfo, or null.
seL4_BootInfo *seL4_GetBootInfo(void) SEL4_DEPRECATED("keep the BootInfo pointer yourself");
