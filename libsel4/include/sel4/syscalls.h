// SPDX-License-Identifier: BSD-2-Clause
// Entry point for the system-call wrappers (seL4_Send, seL4_Call, seL4_Recv, the debug
// calls ...). The definitions live in <sel4/arch/syscalls.h>; upstream splits
// declarations and definitions the same way.
#pragma once

#include <sel4/functions.h>
#include <sel4/arch/syscalls.h>
