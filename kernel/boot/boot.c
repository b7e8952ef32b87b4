// SPDX-License-Identifier: BSD-2-Clause
// The boot order: the device tree check, console greeting, root-task ELF check, the extra
// BootInfo, boot objects for the root task, BootInfo with the untyped memory left over,
// then the first entry to user space.
#include "boot/boot.h"

#include "api/debug.h"
#include "api/syscall.h"
#include "arch/api.h"
#include "assert.h"
#include "boot/dtb.h"
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

// The device tree goes into extra BootInfo, allocated like the root task's other boot
// objects just above the kernel (naturally aligned), so the untyped memory above them stays
// in blocks as large as the RAM allows.
static BOOT_CODE void place_extra_bootinfo(struct root_task *rt, struct boot_alloc *alloc,
                                           const void *dtb, word_t dtb_size)
{
    rt->extra_bi_bytes = extra_bootinfo_bytes(dtb_size);
    rt->extra_bi_bits = extra_bootinfo_size_bits(rt->extra_bi_bytes);
    rt->extra_bi = 0;
    if (rt->extra_bi_bytes == 0) {
        return;
    }
    rt->extra_bi = boot_alloc_object(alloc, rt->extra_bi_bits);
    extra_bootinfo_write((void *)rt->extra_bi, dtb, dtb_size);
}

BOOT_CODE void boot_kernel(word_t boot_el)
{
    machine_boot_el = boot_el;
    state_reset();

    paddr_t kernel_start = pptr_to_paddr((pptr_t)_kernel_start);
    paddr_t kernel_end = pptr_to_paddr((pptr_t)_kernel_end);

    // QEMU writes the device tree at the start of RAM when it boots an ELF that is not a
    // Linux image; it may reach up to the kernel. It stays reserved (no untyped covers it).
    const void *dtb = (const void *)paddr_to_pptr(RAM_BASE);
    word_t dtb_size = 0;
    dtb_report(dtb_check(dtb, kernel_start - RAM_BASE, &dtb_size));

    kprintf("Bootstrapping kernel\n");
    kprintf("Cairn: seL4 16.0.0 ABI, AArch64 on QEMU virt, %u MiB RAM, entered at EL%lu, "
            "root CNode %u bits%s%s\n",
            (unsigned)CONFIG_RAM_MB, boot_el, (unsigned)CONFIG_ROOT_CNODE_SIZE_BITS,
            CONFIG_BENCH ? ", bench build (EL0 cycle counter)" : "",
            CONFIG_RELEASE ? ", release build" : "");

#ifdef CONFIG_KERNEL_MCS
    ks_cur_time = arch_time_now(); // the initial thread's budget is usable from now
#endif
    struct root_task rt = {0};
    struct boot_alloc alloc = {.start = kernel_end, .next = kernel_end, .end = RAM_END};
    place_extra_bootinfo(&rt, &alloc, dtb, dtb_size);
    create_root_task(&alloc, _rootimage_start, &rt);
    debug_idle_record_boot();
    populate_bootinfo(&rt, RAM_BASE + dtb_size, kernel_start, alloc.next, RAM_END);

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
