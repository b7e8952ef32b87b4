// SPDX-License-Identifier: BSD-2-Clause
// The control case: correct uses of the typed caps compile without a warning, so the
// failures of the other cases come from their one mistake, not from a broken header.
// expect: compiles
#include <cairn/caps.h>

void control(cairn_granule_t g, cairn_large_page_t big, cairn_endpoint_t ep, cairn_tcb_t tcb);

void control(cairn_granule_t g, cairn_large_page_t big, cairn_endpoint_t ep, cairn_tcb_t tcb)
{
    seL4_Word badge;
    (void)cairn_frame_map(g, CAIRN_INIT_VSPACE, 0x10000, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes);
    (void)cairn_frame_map(big, CAIRN_INIT_VSPACE, 0x200000, seL4_ReadWrite,
                          seL4_ARM_Default_VMAttributes);
    (void)cairn_tcb_configure(tcb, seL4_CapNull, CAIRN_INIT_CNODE, 0, CAIRN_INIT_VSPACE, 0, 0x1000,
                              g);
    (void)cairn_endpoint_recv(ep, &badge);
    (void)cairn_cnode_copy(cairn_cspath_of(ep), cairn_cspath_of(tcb), seL4_AllRights);
    (void)seL4_TCB_Resume(cairn_cptr(tcb)); /* plain libsel4 beside the typed calls */
}
