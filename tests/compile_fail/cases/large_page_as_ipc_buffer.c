// SPDX-License-Identifier: BSD-2-Clause
// An IPC buffer must be a 4 KiB frame (a granule), not a 2 MiB one.
// expect: incompatible type for argument 8 of 'cairn_tcb_configure'
// expect: expected 'cairn_granule_t'
// expect: argument is of type 'cairn_large_page_t'
#include <cairn/caps.h>

seL4_Error mistake(cairn_tcb_t tcb, cairn_large_page_t big);

seL4_Error mistake(cairn_tcb_t tcb, cairn_large_page_t big)
{
    return cairn_tcb_configure(tcb, seL4_CapNull, CAIRN_INIT_CNODE, 0, CAIRN_INIT_VSPACE, 0, 0x1000,
                               big);
}
