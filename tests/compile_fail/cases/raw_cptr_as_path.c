// SPDX-License-Identifier: BSD-2-Clause
// cairn_cspath_of wants a typed cap; for a raw slot number use cairn_cspath(slot).
// expect: request for member 'cptr' in something not a structure or union
#include <cairn/caps.h>

seL4_Error mistake(void);

seL4_Error mistake(void)
{
    return cairn_cnode_delete(cairn_cspath_of(seL4_CapInitThreadTCB));
}
