// SPDX-License-Identifier: BSD-2-Clause
// cairn_frame_unmap on a page table (page tables have cairn_page_table_unmap).
// expect: static assertion failed: "cairn_frame_unmap wants a frame cap
#include <cairn/caps.h>

seL4_Error mistake(cairn_page_table_t pt);

seL4_Error mistake(cairn_page_table_t pt)
{
    return cairn_frame_unmap(pt);
}
