// SPDX-License-Identifier: BSD-2-Clause
// Untyped_Retype (seL4 manual §2.4; seL4 untyped.c): the checks in seL4's order, the
// watermark ("free index", here in bytes), the reset of an untyped whose children are all
// gone (the watermark goes back to 0), and object creation with CDT insertion.
#include "object/untyped.h"

#include "assert.h"
#include "util.h"
#include "arch/api.h"
#include "config.h"
#include "msg/invocation.h"
#include "cspace/cdt.h"
#include "cspace/lookup.h"
#include "object/objecttype.h"
#include "sched/sched.h"
#include <sel4/arch/objecttype.h>

// What decode hands to invoke.
struct retype {
    bool reset;  // untyped has no children: start again from offset 0
    pptr_t base; // first object, aligned to its size
    word_t type, user_size_bits, object_bits;
    struct cte *dest; // first destination slot
    word_t count;
    bool device;
};

static bool type_is_frame(word_t type)
{
    return type == seL4_ARM_SmallPageObject || type == seL4_ARM_LargePageObject ||
           type == seL4_ARM_HugePageObject;
}

/*
 * Give the untyped in slot back all of its memory: the watermark goes back to 0. Nothing is
 * cleared here: every object is zeroed when it is created (create_object), which is what
 * makes new objects zero, so zeroing the whole used range at reset (as seL4 does, to keep
 * untyped memory zero) would clear the same bytes twice. That double clearing was most of
 * the host time of retyping big frames under QEMU (bench/README.md, wall time).
 */
static void reset_untyped(struct cte *slot)
{
    slot->cap = cap_untyped_set_free_index(slot->cap, 0);
}

// Carve r->count objects out of the untyped in slot and insert their caps. Cannot fail.
static exception_t invoke_untyped_retype(struct cte *slot, const struct retype *r)
{
    if (r->reset) {
        reset_untyped(slot);
    }

    pptr_t region = cap_ptr(slot->cap);
    word_t end = r->base + (r->count << r->object_bits);
    slot->cap = cap_untyped_set_free_index(slot->cap, end - region);

    for (word_t i = 0; i < r->count; i++) {
        cap_t cap =
            create_object(r->type, r->base + (i << r->object_bits), r->user_size_bits, r->device);
        cdt_insert_new(slot, &r->dest[i], cap);
    }
    return EXC_NONE;
}

exception_t decode_untyped_invocation(struct invocation *inv)
{
    cap_t cap = inv->cap;
    struct retype r;

    // Label other than UntypedRetype: IllegalOperation.
    if (inv->label != UntypedRetype) {
        USER_ERROR(inv->thread, "Untyped cap: Illegal operation attempted.");
        return error_illegal_operation(inv);
    }

    // Fewer than 6 MRs or no destination root cap: TruncatedMessage.
    if (inv->length < 6 || inv->extra_count < 1) {
        USER_ERROR(inv->thread, "Untyped invocation: Truncated message.");
        return error_truncated_message(inv);
    }

    word_t type = inv_mr(inv, 0), user_size = inv_mr(inv, 1);          // what to make
    word_t node_index = inv_mr(inv, 2), node_depth = inv_mr(inv, 3);   // the destination CNode
    word_t node_offset = inv_mr(inv, 4), node_window = inv_mr(inv, 5); // and its slots
    cap_t root = inv->extra[0].cap;

    // Unknown object type: InvalidArgument(0).
    if (type >= seL4_ObjectTypeCount) {
        USER_ERROR(inv->thread, "Untyped Retype: Invalid object type.");
        return error_invalid_argument(inv, 0);
    }

    // size_bits of 64 or more, or an object above 2^47 bytes: RangeError(0, 47).
    word_t object_bits = object_size_bits(type, user_size);
    if (user_size >= 64 || object_bits > seL4_MaxUntypedBits) {
        USER_ERROR(inv->thread, "Untyped Retype: Invalid object size.");
        return error_range(inv, 0, seL4_MaxUntypedBits);
    }

    // CNode of 2^0 slots: InvalidArgument(1).
    if (type == seL4_CapTableObject && user_size == 0) {
        USER_ERROR(inv->thread, "Untyped Retype: Requested CapTable size too small.");
        return error_invalid_argument(inv, 1);
    }

    // Untyped below 2^4 bytes: InvalidArgument(1).
    if (type == seL4_UntypedObject && user_size < seL4_MinUntypedBits) {
        USER_ERROR(inv->thread, "Untyped Retype: Requested UntypedItem size too small.");
        return error_invalid_argument(inv, 1);
    }

#ifdef CONFIG_KERNEL_MCS
    // SchedContext below 2^seL4_MinSchedContextBits bytes: InvalidArgument(1).
    if (type == seL4_SchedContextObject && user_size < seL4_MinSchedContextBits) {
        USER_ERROR(inv->thread, "Untyped retype: Requested a scheduling context too small.");
        return error_invalid_argument(inv, 1);
    }
#endif

    // Destination CNode: the root itself (depth 0) or a slot in it; lookup errors as for
    // CNode operations (destination side).
    cap_t node_cap = root;
    if (node_depth != 0) {
        struct cte *node_slot;
        exception_t status =
            lookup_slot_for_cnode_op(&inv->error, root, node_index, node_depth, false, &node_slot);
        if (status != EXC_NONE) {
            USER_ERROR(inv->thread, "Untyped Retype: Invalid destination address.");
            return status;
        }
        node_cap = node_slot->cap;
    }

    // Destination is not a CNode: FailedLookup(dest, MissingCapability(node_depth)).
    if (cap_type(node_cap) != CAP_CNODE) {
        struct lookup_fault lf = {.type = seL4_MissingCapability, .bits_left = node_depth};
        USER_ERROR(inv->thread, "Untyped Retype: Destination cap invalid or read-only.");
        return error_failed_lookup(inv, false, &lf);
    }

    // Offset beyond the CNode: RangeError(0, slots - 1).
    word_t node_size = BIT(cap_cnode_radix(node_cap));
    if (node_offset > node_size - 1) {
        USER_ERROR(inv->thread, "Untyped Retype: Destination node offset #%d too large.",
                   (int)node_offset);
        return error_range(inv, 0, node_size - 1);
    }

    // Object count outside [1, 256]: RangeError(1, 256).
    if (node_window < 1 || node_window > CONFIG_RETYPE_FAN_OUT_LIMIT) {
        USER_ERROR(inv->thread,
                   "Untyped Retype: Number of requested objects (%d) too small or large.",
                   (int)node_window);
        return error_range(inv, 1, CONFIG_RETYPE_FAN_OUT_LIMIT);
    }

    // Window running past the CNode's end: RangeError(1, slots - offset).
    if (node_window > node_size - node_offset) {
        USER_ERROR(inv->thread,
                   "Untyped Retype: Requested destination window overruns size of node.");
        return error_range(inv, 1, node_size - node_offset);
    }

    // A destination slot is occupied: DeleteFirst.
    struct cte *dest = (struct cte *)cap_ptr(node_cap) + node_offset;
    for (word_t i = 0; i < node_window; i++) {
        if (!cap_is_null(dest[i].cap)) {
            USER_ERROR(inv->thread, "Untyped Retype: Slot #%d in destination window non-empty.",
                       (int)(node_offset + i));
            return error_delete_first(inv);
        }
    }

    // Without children the untyped starts again from its beginning (after a reset);
    // otherwise allocation continues at the watermark.
    r.reset = !cdt_has_children(inv->slot);
    word_t free_index = r.reset ? 0 : cap_untyped_free_index(cap);

    // Not enough room for node_window objects: NotEnoughMemory(bytes free). Alignment needs
    // no extra room: a fitting run of objects also fits aligned, packed to the top.
    word_t free_bytes = BIT(cap_untyped_size_bits(cap)) - free_index;
    if ((free_bytes >> object_bits) < node_window) {
        USER_ERROR(inv->thread,
                   "Untyped Retype: Insufficient memory (%lu * %lu bytes needed, %lu bytes "
                   "available).",
                   node_window, (word_t)BIT(object_bits), free_bytes);
        return error_not_enough_memory(inv, free_bytes);
    }

    // Kernel objects from device memory (only frames and untypeds allowed):
    // InvalidArgument(1).
    r.device = cap_untyped_is_device(cap);
    if (r.device && !type_is_frame(type) && type != seL4_UntypedObject) {
        USER_ERROR(inv->thread, "Untyped Retype: Creating kernel objects with device untyped");
        return error_invalid_argument(inv, 1);
    }

    r.base = ALIGN_UP(cap_ptr(cap) + free_index, object_bits);
    r.type = type;
    r.user_size_bits = user_size;
    r.object_bits = object_bits;
    r.dest = dest;
    r.count = node_window;

    thread_set_state(inv->thread, TS_RESTART);
    return invoke_untyped_retype(inv->slot, &r);
}
