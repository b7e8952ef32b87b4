// SPDX-License-Identifier: BSD-2-Clause
// TCB_Configure with the CSpace and VSpace roots swapped.
// expect: incompatible type for argument 3 of 'cairn_tcb_configure'
// expect: expected 'cairn_cnode_t'
// expect: argument is of type 'cairn_vspace_t'
#include <cairn/caps.h>

seL4_Error mistake(cairn_tcb_t tcb, cairn_granule_t ipc_frame);

seL4_Error mistake(cairn_tcb_t tcb, cairn_granule_t ipc_frame)
{
    return cairn_tcb_configure(tcb, seL4_CapNull, CAIRN_INIT_VSPACE, 0, CAIRN_INIT_CNODE, 0, 0x1000,
                               ipc_frame);
}
