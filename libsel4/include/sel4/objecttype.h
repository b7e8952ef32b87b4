// SPDX-License-Identifier: BSD-2-Clause
// The complete seL4_ObjectType numbering: generic, AArch64 and Arm types (docs/design/abi.md §6.1).
// Upstream's header of this name has only the generic part; a superset is harmless
// and lets the kernel get every type from one include. Pure header.
#pragma once

#include <sel4/arch/objecttype.h>
