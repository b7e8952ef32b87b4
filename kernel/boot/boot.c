// SPDX-License-Identifier: BSD-2-Clause
// The boot order: console greeting, root-task ELF check, boot objects for the root task,
// BootInfo with the untyped memory left over, then the first entry to user space.
#include "boot/boot.h"

#include "api/syscall.h"
#include "arch/api.h"
#include "assert.h"
#include "config.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "plat/qemu-virt/platform.h"
#include "sched/sched.h"
#include "state.h"

extern char _rootimage_start[], _rootimage_end[], _kernel_start[], _kernel_end[];
extern word_t machine_boot_el;

NORETURN void boot_kernel(word_t boot_el);

BOOT_CODE pptr_t boot_alloc_object(struct boot_alloc *a, unsigned bits)
{
    paddr_t pa = ALIGN_UP(a->next, bits);
    if (pa + BIT(bits) > a->end) {
        panic("boot: out of memory allocating 2^%u bytes", bits);
    }
    a->next = pa + BIT(bits);
    pptr_t p = paddr_to_pptr(pa);
    memset((void *)p, 0, BIT(bits));
    return p;
}

BOOT_CODE void boot_kernel(word_t boot_el)
{
    machine_boot_el = boot_el;
    state_reset();
    kprintf("Bootstrapping kernel\n");
    kprintf("Cairn: seL4 16.0.0 ABI, AArch64 on QEMU virt, %u MiB RAM, entered at EL%lu, "
            "root CNode %u bits%s%s\n",
            (unsigned)CONFIG_RAM_MB, boot_el, (unsigned)CONFIG_ROOT_CNODE_SIZE_BITS,
            CONFIG_BENCH ? ", bench build (EL0 cycle counter)" : "",
            CONFIG_RELEASE ? ", release build" : "");

    paddr_t kernel_start = pptr_to_paddr((pptr_t)_kernel_start);
    paddr_t kernel_end = pptr_to_paddr((pptr_t)_kernel_end);
    struct boot_alloc alloc = {.start = kernel_end, .next = kernel_end, .end = RAM_END};

    struct root_task rt;
    create_root_task(&alloc, _rootimage_start, &rt);
    populate_bootinfo(&rt, alloc.next, RAM_END, kernel_start);

#if CONFIG_BENCH
    arch_export_pmu_user();
#endif

    arch_irq_init();
    arch_timer_init();

    ks_cur_thread = NULL;
    sched_switch_to(rt.tcb);
    kprintf("Booting all finished, dropped to user space\n");
    kernel_exit();
}
