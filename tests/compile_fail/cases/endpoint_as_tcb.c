// SPDX-License-Identifier: BSD-2-Clause
// Resuming an endpoint: a TCB invocation wants a TCB.
// expect: incompatible type for argument 1 of 'cairn_tcb_resume'
// expect: expected 'cairn_tcb_t'
// expect: argument is of type 'cairn_endpoint_t'
#include <cairn/caps.h>

seL4_Error mistake(cairn_endpoint_t ep);

seL4_Error mistake(cairn_endpoint_t ep)
{
    return cairn_tcb_resume(ep);
}
