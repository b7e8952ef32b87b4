// SPDX-License-Identifier: BSD-2-Clause
// The single source of ABI numbers: the kernel takes syscall numbers, invocation labels,
// errors, object types and sizes and the BootInfo layout from our libsel4 headers.
#pragma once

#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>
#include <sel4/objecttype.h>
#include <sel4/bootinfo_types.h>
#include <sel4/cap_tags.h>
#include <sel4/shared_types.h>
#include <sel4/syscall.h>
#include <sel4/sel4_arch/constants.h>
#include <sel4/arch/types.h>
