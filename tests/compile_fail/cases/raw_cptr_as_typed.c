// SPDX-License-Identifier: BSD-2-Clause
// A raw slot number where a typed cap is wanted: say what it is with cairn_as_tcb(slot).
// expect: incompatible type for argument 1 of 'cairn_tcb_suspend'
// expect: expected 'cairn_tcb_t'
// expect: argument is of type 'seL4_CPtr'
#include <cairn/caps.h>

seL4_Error mistake(seL4_CPtr slot);

seL4_Error mistake(seL4_CPtr slot)
{
    return cairn_tcb_suspend(slot);
}
