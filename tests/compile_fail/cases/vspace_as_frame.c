// SPDX-License-Identifier: BSD-2-Clause
// Mapping the VSpace instead of a frame: cairn_frame_map takes only the three frame kinds.
// expect: static assertion failed: "cairn_frame_map wants a frame cap: cairn_granule_t,
// cairn_large_page_t or cairn_huge_page_t"
#include <cairn/caps.h>

seL4_Error mistake(void);

seL4_Error mistake(void)
{
    return cairn_frame_map(CAIRN_INIT_VSPACE, CAIRN_INIT_VSPACE, 0x10000, seL4_ReadWrite,
                           seL4_ARM_Default_VMAttributes);
}
