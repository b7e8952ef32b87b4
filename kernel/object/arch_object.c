// SPDX-License-Identifier: BSD-2-Clause
// The arch half of the cap-type switchboard: frame, page-table, VSpace, ASID control and
// ASID pool caps (seL4's Arch_* functions in arch/arm/64/object/objecttype.c). Each hook
// dispatches on the cap type to the object file that owns the behaviour.
#include "object/arch_object.h"

#include "util.h"
#include "assert.h"
#include "msg/invocation.h"
#include "lib/string.h"
#include "object/asid.h"
#include "object/frame.h"
#include "object/page_table.h"
#include "object/vspace.h"
#include "arch/api.h"

#include <sel4/arch/objecttype.h>

exception_t arch_decode_invocation(struct invocation *inv)
{
    switch (cap_type(inv->cap)) {
    case CAP_FRAME:
        return decode_frame_invocation(inv);
    case CAP_PAGE_TABLE:
        return decode_page_table_invocation(inv);
    case CAP_VSPACE:
        return decode_vspace_invocation(inv);
    case CAP_ASID_CONTROL:
        return decode_asid_control_invocation(inv);
    case CAP_ASID_POOL:
        return decode_asid_pool_invocation(inv);
    default:
        panic("arch_decode_invocation: cap type %u is not an arch cap",
              (unsigned)cap_type(inv->cap));
    }
}

bool arch_is_type(word_t type)
{
    switch (type) {
    case seL4_ARM_HugePageObject:
    case seL4_ARM_VSpaceObject:
    case seL4_ARM_SmallPageObject:
    case seL4_ARM_LargePageObject:
    case seL4_ARM_PageTableObject:
        return true;
    default:
        return false;
    }
}

// Zero a new object and push the zeroes out of the data cache, so an uncached user mapping
// or the table walker sees them (seL4 cleans caches here; our untyped memory is not
// guaranteed zero, so we also zero).
static void clear_object(pptr_t region, unsigned bits)
{
    arch_zero_range(region, BIT(bits));
    arch_cache_range(CACHE_CLEAN, region, region + BIT(bits));
}

cap_t arch_create_object(word_t type, pptr_t region, bool device)
{
    enum frame_size size;

    switch (type) {
    case seL4_ARM_SmallPageObject:
        size = FRAME_SMALL;
        break;
    case seL4_ARM_LargePageObject:
        size = FRAME_LARGE;
        break;
    case seL4_ARM_HugePageObject:
        size = FRAME_HUGE;
        break;
    case seL4_ARM_PageTableObject:
        clear_object(region, seL4_PageTableBits);
        return cap_page_table_new(region);
    case seL4_ARM_VSpaceObject:
        clear_object(region, seL4_VSpaceBits);
        return cap_vspace_new(region, 0);
    default:
        panic("arch_create_object: type %lu is not an arch type", (unsigned long)type);
    }
    // Frames: RAM is handed out zeroed, device memory untouched; full rights, unmapped.
    if (!device) {
        clear_object(region, frame_size_bits(size));
    }
    return cap_frame_new(region, size, VM_READ_WRITE, device);
}

cap_t arch_finalise_cap(cap_t cap, bool final)
{
    switch (cap_type(cap)) {
    case CAP_ASID_POOL:
        if (final) {
            asid_pool_delete(cap_asid_pool_base(cap), (const struct asid_pool *)cap_ptr(cap));
        }
        break;
    case CAP_VSPACE:
        if (final && cap_vspace_has_asid(cap)) {
            asid_delete(cap_vspace_asid(cap), (const pte_t *)cap_ptr(cap));
        }
        break;
    case CAP_PAGE_TABLE:
        if (final && cap_page_table_is_mapped(cap)) {
            page_table_unmap(cap_mapped_asid(cap), cap_mapped_vaddr(cap),
                             (const pte_t *)cap_ptr(cap));
        }
        break;
    case CAP_FRAME:
        // Final or not: this cap's own mapping goes with it.
        if (cap_mapped_asid(cap) != 0) {
            frame_unmap(cap_frame_size(cap), cap_mapped_asid(cap), cap_mapped_vaddr(cap),
                        cap_ptr(cap));
        }
        break;
    default:
        break;
    }
    return cap_null();
}

bool arch_same_region_as(cap_t a, cap_t b)
{
    if (cap_type(a) != cap_type(b)) {
        return false;
    }
    switch (cap_type(a)) {
    case CAP_FRAME: {
        pptr_t bot_a = cap_ptr(a), bot_b = cap_ptr(b);
        pptr_t top_a = bot_a + MASK(frame_size_bits(cap_frame_size(a)));
        pptr_t top_b = bot_b + MASK(frame_size_bits(cap_frame_size(b)));
        return bot_a <= bot_b && top_a >= top_b && bot_b <= top_b;
    }
    case CAP_PAGE_TABLE:
    case CAP_VSPACE:
    case CAP_ASID_POOL:
        return cap_ptr(a) == cap_ptr(b);
    case CAP_ASID_CONTROL:
        return true;
    default:
        return false;
    }
}

cap_t arch_mask_cap_rights(word_t rights, cap_t cap)
{
    if (cap_type(cap) != CAP_FRAME) {
        return cap;
    }
    return cap_frame_set_vm_rights(cap, vm_rights_mask(cap_frame_vm_rights(cap), rights));
}
