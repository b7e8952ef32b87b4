// SPDX-License-Identifier: BSD-2-Clause
// Raw invocations for the system tests: an seL4_Call with any label, length, message words
// and extra caps, for the rejections the libsel4 stubs cannot produce (short messages, wrong
// labels, missing caps) and for fuzzing. Also DebugCapIdentify's tags (docs/design/abi.md §6.3).
#pragma once

#include <sel4/sel4.h>

enum {
    TAG_NULL = 0,
    TAG_FRAME = 1,
    TAG_UNTYPED = 2,
    TAG_PAGE_TABLE = 3,
    TAG_ENDPOINT = 4,
    TAG_NOTIFICATION = 6,
    TAG_REPLY = 8,
    TAG_VSPACE = 9,
    TAG_CNODE = 10,
    TAG_ASID_CONTROL = 11,
    TAG_TCB = 12,
    TAG_ASID_POOL = 13,
    TAG_IRQ_CONTROL = 14,
    TAG_IRQ_HANDLER = 16,
    TAG_ZOMBIE = 18,
    TAG_DOMAIN = 20,
};

/*
 * seL4_Call(service) with message label `label`, `length` message words taken from mrs[]
 * and `ncaps` extra caps from caps[]. Returns the reply's label, which for a kernel object
 * is the seL4_Error; the error details are then in seL4_GetMR(0...).
 */
static inline seL4_Error raw_invoke(seL4_CPtr service, seL4_Word label, seL4_Word length,
                                    const seL4_Word *mrs, seL4_Word ncaps, const seL4_CPtr *caps)
{
    for (seL4_Word i = 0; i < length; i++)
        seL4_SetMR((int)i, mrs[i]);
    for (seL4_Word i = 0; i < ncaps; i++)
        seL4_SetCap((int)i, caps[i]);
    seL4_MessageInfo_t reply = seL4_Call(service, seL4_MessageInfo_new(label, 0, ncaps, length));
    return (seL4_Error)seL4_MessageInfo_get_label(reply);
}
