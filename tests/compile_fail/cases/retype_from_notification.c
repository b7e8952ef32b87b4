// SPDX-License-Identifier: BSD-2-Clause
// Retyping from something that is not untyped memory.
// expect: incompatible type for argument 1 of 'cairn_untyped_retype'
// expect: expected 'cairn_untyped_t'
// expect: argument is of type 'cairn_notification_t'
#include <cairn/caps.h>

seL4_Error mistake(cairn_notification_t n);

seL4_Error mistake(cairn_notification_t n)
{
    return cairn_untyped_retype(n, CAIRN_BP_TCB, cairn_cnode_self(CAIRN_INIT_CNODE), 100, 1);
}
