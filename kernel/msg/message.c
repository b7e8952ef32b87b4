// SPDX-License-Identifier: BSD-2-Clause
// The message layer's functions: the IPC buffer lookup and the message words of failures.
#include "msg/message.h"

word_t *msg_ipc_buffer(cap_t frame, vptr_t vaddr, bool is_receiver)
{
    if (cap_type(frame) != CAP_FRAME || cap_frame_is_device(frame)) {
        return NULL;
    }
    unsigned rights = cap_frame_vm_rights(frame);
    if (rights != VM_READ_WRITE && (is_receiver || rights != VM_READ_ONLY)) {
        return NULL;
    }
    return (word_t *)(cap_ptr(frame) + (vaddr & MASK(frame_size_bits(cap_frame_size(frame)))));
}

unsigned lookup_fault_mrs(const struct lookup_fault *lf, word_t *mrs)
{
    // How many words each failure type sends: the type, then bits left, then for a depth
    // mismatch the bits found, for a guard mismatch the guard and its size.
    static const uint8_t words[] = {
        [seL4_InvalidRoot] = 1,
        [seL4_MissingCapability] = 2,
        [seL4_DepthMismatch] = 3,
        [seL4_GuardMismatch] = 4,
    };
    mrs[0] = lf->type;
    mrs[1] = lf->bits_left;
    mrs[2] = lf->type == seL4_GuardMismatch ? lf->guard_found : lf->bits_found;
    mrs[3] = lf->bits_found;
    return lf->type < ARRAY_SIZE(words) && words[lf->type] ? words[lf->type] : 1;
}

unsigned syscall_error_mrs(const struct syscall_error *e, word_t mrs[SYSCALL_ERROR_MAX_MRS])
{
    switch (e->type) {
    case seL4_InvalidArgument:
        mrs[0] = e->invalid_argument;
        return 1;
    case seL4_InvalidCapability:
        mrs[0] = e->invalid_cap;
        return 1;
    case seL4_RangeError:
        mrs[0] = e->range_min;
        mrs[1] = e->range_max;
        return 2;
    case seL4_FailedLookup:
        mrs[0] = e->failed_lookup_was_source;
        return 1 + lookup_fault_mrs(&e->lookup, &mrs[1]);
    case seL4_NotEnoughMemory:
        mrs[0] = e->memory_left;
        return 1;
    default:
        return 0;
    }
}
