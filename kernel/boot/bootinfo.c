// SPDX-License-Identifier: BSD-2-Clause
// BootInfo: the fixed fields, the untyped caps (device regions first, then RAM, each
// region split into maximal naturally aligned power-of-two blocks), and the empty region
// (docs/design/abi.md §7.1, §7.4 step 5-6).
#include "boot/boot.h"

#include "arch/api.h"
#include "assert.h"
#include "boot/untyped_split.h"
#include "config.h"
#include "lib/printf.h"
#include "plat/qemu-virt/platform.h"

struct phys_region {
    paddr_t start, end;
    bool device;
};

// Hand out one region as untyped caps; stops (with seL4's warning) when BootInfo is full.
static BOOT_CODE void provide_untypeds(struct root_task *rt, const struct phys_region *r)
{
    struct untyped_block blocks[64];
    unsigned n = untyped_split(r->start, r->end, blocks, ARRAY_SIZE(blocks));
    seL4_BootInfo *bi = rt->bootinfo;
    if (n > ARRAY_SIZE(blocks)) {
        kprintf("Too many untyped regions for boot info\n");
        n = ARRAY_SIZE(blocks);
    }
    for (unsigned i = 0; i < n; i++) {
        word_t index = rt->next_slot - bi->untyped.start;
        if (index >= CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS ||
            rt->next_slot >= BIT(CONFIG_ROOT_CNODE_SIZE_BITS)) {
            kprintf("Too many untyped regions for boot info\n");
            return;
        }
        struct cte *slot = &rt->cnode[rt->next_slot++];
        slot->cap =
            cap_untyped_new(paddr_to_pptr(blocks[i].paddr), blocks[i].size_bits, r->device, 0);
        slot->mdb = (struct mdb_node){0, 0};
        mdb_set_flags(slot, true, false);
        bi->untypedList[index] = (seL4_UntypedDesc){
            .paddr = blocks[i].paddr,
            .sizeBits = (seL4_Uint8)blocks[i].size_bits,
            .isDevice = r->device,
        };
    }
}

BOOT_CODE void populate_bootinfo(struct root_task *rt, paddr_t low_start, paddr_t kernel_start,
                                 paddr_t free_start, paddr_t free_end)
{
    seL4_BootInfo *bi = rt->bootinfo;
    bi->extraLen = rt->extra_bi_bytes;
    bi->nodeID = 0;
    bi->numNodes = 1;
    bi->numIOPTLevels = 0;
    bi->ipcBuffer = (seL4_IPCBuffer *)rt->ipc_buffer_vaddr;
    bi->initThreadCNodeSizeBits = CONFIG_ROOT_CNODE_SIZE_BITS;
    bi->initThreadDomain = 0;

    // Device memory: everything that is not RAM, except the interrupt controller the
    // kernel keeps for itself. The UART stays available to user space, as in seL4.
    const struct phys_region regions[] = {
        {0, GIC_DIST_PADDR, true},
        {GIC_END_PADDR, RAM_BASE, true},
        {RAM_END, PADDR_USER_DEVICE_TOP, true},
        {low_start, kernel_start, false},
        {free_start, free_end, false},
    };
    bi->untyped.start = rt->next_slot;
    for (unsigned i = 0; i < ARRAY_SIZE(regions); i++) {
        provide_untypeds(rt, &regions[i]);
    }
    bi->untyped.end = rt->next_slot;
    bi->empty.start = rt->next_slot;
    bi->empty.end = BIT(CONFIG_ROOT_CNODE_SIZE_BITS);
}
