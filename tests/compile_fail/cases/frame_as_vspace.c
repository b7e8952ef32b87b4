// SPDX-License-Identifier: BSD-2-Clause
// The frame's own cap where the VSpace belongs (the arguments in the wrong order).
// expect: incompatible type for argument 2 of 'cairn_granule_map'
// expect: expected 'cairn_vspace_t'
// expect: argument is of type 'cairn_granule_t'
#include <cairn/caps.h>

seL4_Error mistake(cairn_granule_t frame);

seL4_Error mistake(cairn_granule_t frame)
{
    return cairn_frame_map(frame, frame, 0x10000, seL4_ReadWrite, seL4_ARM_Default_VMAttributes);
}
