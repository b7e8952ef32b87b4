// SPDX-License-Identifier: BSD-2-Clause
// The one include a root task needs: types, constants, system calls, every invocation
// stub, BootInfo and fault decoding, as upstream's <sel4/sel4.h> provides them.
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/sel4_arch/constants.h>
#include <sel4/arch/constants.h>
#include <sel4/functions.h>
#include <sel4/syscalls.h>
#include <sel4/arch/syscalls.h>
#include <sel4/sel4_arch/syscalls.h>
#include <sel4/invocation.h>
#include <sel4/sel4_client.h>
#include <sel4/bootinfo_types.h>
#include <sel4/bootinfo.h>
#include <sel4/faults.h>
#include <sel4/arch/mapping.h>
#include <sel4/deprecated.h>
