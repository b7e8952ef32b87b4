// SPDX-License-Identifier: BSD-2-Clause
// Decoding a failed Page_Map: which translation level is missing (docs/design/abi.md §11.3).
// After FailedLookup, MR2 holds the bits left unresolved when the walk stopped.
#pragma once

#include <sel4/functions.h>

// The message register that carries the bits-left value.
#define SEL4_MAPPING_LOOKUP_LEVEL 2
// Bits left for a 4 KiB frame when the level-3, level-2, level-1 table is missing.
#define SEL4_MAPPING_LOOKUP_NO_PT 21
#define SEL4_MAPPING_LOOKUP_NO_PD 30
#define SEL4_MAPPING_LOOKUP_NO_PUD 39

// Call right after a mapping invocation returned seL4_FailedLookup.
LIBSEL4_INLINE_FUNC seL4_Word seL4_MappingFailedLookupLevel(void)
{
    return seL4_GetMR(SEL4_MAPPING_LOOKUP_LEVEL);
}
