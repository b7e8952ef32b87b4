// SPDX-License-Identifier: BSD-2-Clause
// Every invocation label: generic, AArch64 and Arm (docs/design/abi.md §4.2). Upstream's
// header of this name has only the generic part; giving all three here means code
// (and the kernel) need only this include. Pure header.
#pragma once

#include <sel4/arch/invocation.h>
