// SPDX-License-Identifier: BSD-2-Clause
// Deprecated Arm-wide names. There are none beyond the AArch64 ones; this header exists
// because upstream code includes it.
#pragma once

#include <sel4/sel4_arch/deprecated.h>
