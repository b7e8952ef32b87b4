// SPDX-License-Identifier: BSD-2-Clause
// All libsel4 types and constants in one include (no functions): word types, object
// types, labels' companions, errors, shared structs and the capability type names
// used in invocation signatures. Pure header.
#pragma once

#include <sel4/config.h>
#include <sel4/macros.h>
#include <sel4/simple_types.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/syscall.h>
#include <sel4/objecttype.h>
#include <sel4/shared_types.h>
#include <sel4/sel4_arch/constants.h>
#include <sel4/sel4_arch/types.h>
#include <sel4/sel4_arch/objecttype.h>
#include <sel4/arch/constants.h>
#include <sel4/arch/types.h>
#include <sel4/arch/objecttype.h>
#include <sel4/cap_tags.h>

// Retype creates at most this many objects per call.
#define seL4_UntypedRetypeMaxObjects CONFIG_RETYPE_FAN_OUT_LIMIT

// Capability type names; they document intent but are all plain CPtrs.
typedef seL4_CPtr seL4_CNode;
typedef seL4_CPtr seL4_IRQHandler;
typedef seL4_CPtr seL4_IRQControl;
typedef seL4_CPtr seL4_TCB;
typedef seL4_CPtr seL4_Untyped;
typedef seL4_CPtr seL4_DomainSet;
typedef seL4_CPtr seL4_SchedContext;
typedef seL4_CPtr seL4_SchedControl;

typedef seL4_Uint64 seL4_Time;

// "No badge / no guard" data word for Mint, Mutate and TCB_Configure.
#define seL4_NilData 0

// CNode guard and badge widths on a 64-bit kernel.
#define seL4_GuardSizeBits 6
#define seL4_GuardBits 58
#define seL4_BadgeBits 64
