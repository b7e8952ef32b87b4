// SPDX-License-Identifier: BSD-2-Clause
// Arm constants beyond the AArch64 ones. Upstream takes the breakpoint counts from the
// CPU (Cortex-A53 here, QEMU's default for Cairn); they are informational only, since
// the hardware-debug API is not supported. Pure header.
#pragma once

#include <sel4/sel4_arch/constants.h>

#define seL4_NumHWBreakpoints 10
#define seL4_NumExclusiveBreakpoints 6
#define seL4_NumExclusiveWatchpoints 4
