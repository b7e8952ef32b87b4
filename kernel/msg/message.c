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
    mrs[0] = lf->type;
    switch (lf->type) {
    case seL4_MissingCapability:
        mrs[1] = lf->bits_left;
        return 2;
    case seL4_DepthMismatch:
        mrs[1] = lf->bits_left;
        mrs[2] = lf->bits_found;
        return 3;
    case seL4_GuardMismatch:
        mrs[1] = lf->bits_left;
        mrs[2] = lf->guard_found;
        mrs[3] = lf->bits_found;
        return 4;
    default:
        return 1;
    }
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
