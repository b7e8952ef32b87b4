// SPDX-License-Identifier: BSD-2-Clause
// seL4 deriveCap and its AArch64 half (Arch_deriveCap), over the cap layout and the CDT.
#include "cspace/derive.h"

#include "cspace/cdt.h"

exception_t derive_cap(struct syscall_error *err, const struct cte *slot, cap_t cap, cap_t *out)
{
    *out = cap;
    switch (cap_type(cap)) {
    case CAP_ZOMBIE:
    case CAP_IRQ_CONTROL:
#ifndef CONFIG_KERNEL_MCS // MCS Reply caps (to Reply objects) copy like any object cap
    case CAP_REPLY:
#endif
        *out = cap_null();
        break;
    case CAP_UNTYPED:
        // An untyped with children may not be copied.
        if (cdt_has_children(slot)) {
            *out = cap_null();
            err->type = seL4_RevokeFirst;
            return EXC_SYSCALL_ERROR;
        }
        break;
    case CAP_VSPACE:
        // A VSpace cap without ASID cannot be copied.
        if (!cap_vspace_has_asid(cap)) {
            *out = cap_null();
        }
        break;
    case CAP_PAGE_TABLE:
        // Nor an unmapped page-table cap.
        if (!cap_page_table_is_mapped(cap)) {
            *out = cap_null();
        }
        break;
    case CAP_FRAME:
        // A copy of a frame cap starts unmapped: one mapping belongs to one cap.
        *out = cap_set_mapping(cap, 0, 0);
        break;
    default:
        break;
    }
    return EXC_NONE;
}
