// SPDX-License-Identifier: BSD-2-Clause
// Arm entry point for the mapping-failure helpers; the AArch64 header has the numbers.
#pragma once

#include <sel4/sel4_arch/mapping.h>
