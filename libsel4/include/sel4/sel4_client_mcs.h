// SPDX-License-Identifier: BSD-2-Clause
// Invocation stubs that exist only in the MCS configuration, or have an MCS form
// (included by <sel4/sel4_client.h> when CONFIG_KERNEL_MCS is set): TCB_Configure,
// SetSchedParams and SetSpace take the fault endpoint as a cap the TCB keeps (Configure
// no longer takes one), TCB_SetTimeoutEndpoint, SchedControl and SchedContext.
// Message layouts: docs/design/abi.md §9 (MCS). Same conventions and stub families as
// sel4_client.h, which includes this file before it undefines them.
#pragma once

#include <sel4/sel4_client.h>

/* ---- TCB (MCS forms) --------------------------------------------------------------- */

// Set CSpace, VSpace and IPC buffer (MCS: no fault endpoint here, see SetSpace).
LIBSEL4_INLINE seL4_Error seL4_TCB_Configure(seL4_TCB _service, seL4_CNode cspace_root,
                                             seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                                             seL4_Word vspace_root_data, seL4_Word buffer,
                                             seL4_CPtr bufferFrame)
{
    seL4_Word mr[4] = {cspace_root_data, vspace_root_data, buffer, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBConfigure, 3, mr, cspace_root, vspace_root, bufferFrame);
}

// Set MCP and priority (bounded by authority's MCP), the scheduling context and the fault
// endpoint cap the TCB keeps.
LIBSEL4_INLINE seL4_Error seL4_TCB_SetSchedParams(seL4_TCB _service, seL4_TCB authority,
                                                  seL4_Word mcp, seL4_Word priority,
                                                  seL4_CPtr sched_context, seL4_CPtr fault_ep)
{
    seL4_Word mr[4] = {mcp, priority, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBSetSchedParams, 2, mr, authority, sched_context,
                             fault_ep);
}

// Set the endpoint a timeout fault of this thread is sent to (a cap the TCB keeps).
SEL4_CAP_OP_(seL4_TCB_SetTimeoutEndpoint, seL4_TCB, TCBSetTimeoutEndpoint, timeout_fault_ep)

// Set the fault endpoint cap, CSpace and VSpace.
LIBSEL4_INLINE seL4_Error seL4_TCB_SetSpace(seL4_TCB _service, seL4_CPtr fault_ep,
                                            seL4_CNode cspace_root, seL4_Word cspace_root_data,
                                            seL4_CPtr vspace_root, seL4_Word vspace_root_data)
{
    seL4_Word mr[4] = {cspace_root_data, vspace_root_data, 0, 0};

    return SEL4_INVOKE_CAPS_(_service, TCBSetSpace, 2, mr, fault_ep, cspace_root, vspace_root);
}

/* ---- SchedControl ----------------------------------------------------------------- */

// Give schedcontext `budget` every `period` (both in microseconds), with extra_refills
// beyond the two every context has, the badge of its timeout faults and the
// seL4_SchedContextFlag bits.
LIBSEL4_INLINE seL4_Error seL4_SchedControl_ConfigureFlags(seL4_SchedControl _service,
                                                           seL4_SchedContext schedcontext,
                                                           seL4_Time budget, seL4_Time period,
                                                           seL4_Word extra_refills, seL4_Word badge,
                                                           seL4_Word flags)
{
    seL4_Word mr[4] = {budget, period, extra_refills, badge};

    seL4_SetMR(4, flags);
    return SEL4_INVOKE_CAPS_(_service, SchedControlConfigureFlags, 5, mr, schedcontext);
}

/* ---- SchedContext ----------------------------------------------------------------- */

// Bind a TCB or a notification to this scheduling context.
SEL4_CAP_OP_(seL4_SchedContext_Bind, seL4_SchedContext, SchedContextBind, cap)
// Unbind every TCB and notification from this scheduling context.
SEL4_NOARG_OP_(seL4_SchedContext_Unbind, seL4_SchedContext, SchedContextUnbind)
// Unbind one object (a TCB or a notification) from this scheduling context.
SEL4_CAP_OP_(seL4_SchedContext_UnbindObject, seL4_SchedContext, SchedContextUnbindObject, cap)

struct seL4_SchedContext_Consumed {
    int error;
    seL4_Time consumed; // time consumed since the last Consumed or YieldTo
};
typedef struct seL4_SchedContext_Consumed seL4_SchedContext_Consumed_t;

SEL4_RESULT_OP_(seL4_SchedContext_Consumed, seL4_SchedContext, SchedContextConsumed, consumed)

struct seL4_SchedContext_YieldTo {
    int error;
    seL4_Time consumed;
};
typedef struct seL4_SchedContext_YieldTo seL4_SchedContext_YieldTo_t;

// Run the thread bound to this scheduling context now, if its priority allows.
SEL4_RESULT_OP_(seL4_SchedContext_YieldTo, seL4_SchedContext, SchedContextYieldTo, consumed)
