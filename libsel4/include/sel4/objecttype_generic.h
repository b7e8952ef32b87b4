// SPDX-License-Identifier: BSD-2-Clause
// Architecture-independent object types for Untyped_Retype (docs/design/abi.md §6.1).
// MCS adds SchedContext and Reply, so every architecture type is 2 higher there.
// The numbering continues in sel4_arch/objecttype.h and arch/objecttype.h. Include
// <sel4/objecttype.h>, which gives the complete list. Pure header.
#pragma once

#include <sel4/simple_types.h>

typedef enum api_object {
    seL4_UntypedObject = 0,
    seL4_TCBObject = 1,
    seL4_EndpointObject = 2,
    seL4_NotificationObject = 3,
    seL4_CapTableObject = 4,
#ifdef CONFIG_KERNEL_MCS
    seL4_SchedContextObject = 5, // variable size, 2^seL4_MinSchedContextBits at least
    seL4_ReplyObject = 6,        // 2^seL4_ReplyBits
    seL4_NonArchObjectTypeCount = 7,
#else
    seL4_NonArchObjectTypeCount = 5,
#endif
} seL4_ObjectType;

typedef seL4_Word api_object_t;

// Pre-notification name of the notification object.
#define seL4_AsyncEndpointObject seL4_NotificationObject
