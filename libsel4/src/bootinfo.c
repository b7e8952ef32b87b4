// SPDX-License-Identifier: BSD-2-Clause
// Backing store for the deprecated seL4_InitBootInfo/seL4_GetBootInfo pair.
// One pointer for the whole process: BootInfo describes the root task, not a thread.
#include <sel4/bootinfo.h>

static seL4_BootInfo *boot_info;

void seL4_InitBootInfo(seL4_BootInfo *bi)
{
    boot_info = bi;
}

seL4_BootInfo *seL4_GetBootInfo(void)
{
    return boot_info;
}
