// SPDX-License-Identifier: BSD-2-Clause
// Raw invocations for the system tests: an seL4_Call with any label, length, message words
// and extra caps, for the rejections the libsel4 stubs cannot produce (short messages, wrong
// labels, missing caps) and for fuzzing.
#pragma once

#include <sel4/sel4.h>

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

/* The last CNode method's label: SaveCaller, which MCS does not have (there: Rotate). */
#ifdef CONFIG_KERNEL_MCS
#define CNODE_LAST_LABEL CNodeRotate
#else
#define CNODE_LAST_LABEL CNodeSaveCaller
#endif
