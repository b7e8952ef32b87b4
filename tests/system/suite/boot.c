// SPDX-License-Identifier: BSD-2-Clause
// BOOT tests: what the root task finds when it starts, checked against the upstream seL4
// ABI (docs/design/abi.md §2.2 registers, §6.3 cap tags, §7 BootInfo and initial CSpace,
// §8 start-up). They need only the boot-time kernel: no objects are created.

#include <stdint.h>

#include <cairn/runtime.h>
#include <sel4/sel4.h>

#include "regs_probe.h"
#include "test.h"

TEST(BOOT0001, "BootInfo: node, slot regions, untyped list and IPC buffer are sane")
{
    const seL4_BootInfo *bi = env->bi;

    ASSERT_EQ(bi->nodeID, 0);
    ASSERT_EQ(bi->numNodes, 1);
    ASSERT_EQ(bi->numIOPTLevels, 0);
    ASSERT_EQ(bi->initThreadDomain, 0);
    ASSERT_EQ(bi->initThreadCNodeSizeBits, CONFIG_ROOT_CNODE_SIZE_BITS);

    /* Slot regions in seL4's allocation order (§7.4): paging, [extra BI], image frames,
     * untypeds, then the empty rest of the CNode. */
    ASSERT_EQ(bi->sharedFrames.start, 0);
    ASSERT_EQ(bi->sharedFrames.end, 0);
    ASSERT_EQ(bi->userImagePaging.start, seL4_NumInitialCaps);
    ASSERT_TRUE(bi->userImagePaging.start <= bi->userImagePaging.end);
    ASSERT_TRUE(bi->userImagePaging.end <= bi->userImageFrames.start);
    ASSERT_TRUE(bi->userImageFrames.start < bi->userImageFrames.end);
    ASSERT_TRUE(bi->userImageFrames.end <= bi->untyped.start);
    ASSERT_TRUE(bi->untyped.start < bi->untyped.end);
    ASSERT_TRUE(bi->untyped.end <= bi->empty.start);
    ASSERT_TRUE(bi->empty.start <= bi->empty.end);
    ASSERT_EQ(bi->empty.end, 1UL << bi->initThreadCNodeSizeBits);

    /* One frame cap per 4 KiB page of the image. */
    uintptr_t image_pages = ((uintptr_t)_end - (uintptr_t)__executable_start) / 4096;
    ASSERT_EQ(bi->userImageFrames.end - bi->userImageFrames.start, image_pages);

    /* The IPC buffer is the page after the image, BootInfo the page after that (§8.2),
     * and the runtime pointed libsel4's TLS variable at it. */
    ASSERT_EQ((seL4_Word)bi->ipcBuffer % 4096, 0);
    ASSERT_EQ((seL4_Word)bi->ipcBuffer, (seL4_Word)seL4_GetIPCBuffer());
    ASSERT_EQ((seL4_Word)bi->ipcBuffer, (seL4_Word)_end);
    ASSERT_EQ((seL4_Word)bi, (seL4_Word)bi->ipcBuffer + 4096);

    /* Untyped list: sane sizes, natural alignment, device entries before RAM (§7.4). */
    seL4_Word count = bi->untyped.end - bi->untyped.start;
    ASSERT_TRUE(count <= CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS);
    seL4_Word ram = 0;
    for (seL4_Word i = 0; i < count; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        ASSERT_TRUE(d->sizeBits >= seL4_MinUntypedBits && d->sizeBits <= seL4_MaxUntypedBits);
        ASSERT_EQ(d->paddr & ((1UL << d->sizeBits) - 1), 0);
        ASSERT_TRUE(d->isDevice == 0 || d->isDevice == 1);
        if (d->isDevice)
            ASSERT_EQ(ram, 0); /* no device untyped after the first RAM one */
        else
            ram++;
    }
    ASSERT_TRUE(ram > 0);
}

/* A recognisable, distinct value for register `n` of a bank. */
static uint64_t pattern(uint64_t bank, uint64_t n)
{
    return 0xc0de000000000000UL | (bank << 40) | (n << 16) | (0xa5 ^ n);
}

static void probe_fill(struct regs_probe *in, seL4_Word syscall, seL4_Word x0)
{
    for (int i = 0; i < 64; i++)
        in->q[i] = pattern(1, (uint64_t)i);
    for (int i = 0; i < 31; i++)
        in->x[i] = pattern(2, (uint64_t)i);
    in->x[0] = x0;
    in->x[7] = syscall;
    in->tpidr = pattern(3, 0);
    in->nzcv = 0xa0000000UL; /* N and C set */
    in->fpcr = 0x03c00000UL; /* DN, FZ, round towards zero */
    in->fpsr = 0x0800009fUL; /* QC and every cumulative exception flag */
}

/* Compare out with in for x[first..30] and everything else the kernel must preserve. */
static void probe_check(const struct regs_probe *in, const struct regs_probe *out, int first,
                        uint64_t tpidrro)
{
    for (int i = first; i < 31; i++)
        if (out->x[i] != in->x[i])
            test_fail(__FILE__, __LINE__, "x%d changed: 0x%lx, expected 0x%lx", i,
                      (unsigned long)out->x[i], (unsigned long)in->x[i]);
    for (int i = 0; i < 64; i++)
        if (out->q[i] != in->q[i])
            test_fail(__FILE__, __LINE__, "v%d (%s half) changed: 0x%lx, expected 0x%lx", i / 2,
                      i % 2 ? "high" : "low", (unsigned long)out->q[i], (unsigned long)in->q[i]);
    ASSERT_EQ(out->sp_delta, 0);
    ASSERT_EQ(out->tpidr, in->tpidr);
    ASSERT_EQ(out->tpidrro, tpidrro);
    ASSERT_EQ(out->nzcv, in->nzcv);
    ASSERT_EQ(out->fpcr, in->fpcr);
    ASSERT_EQ(out->fpsr, in->fpsr);
}

TEST(BOOT0002, "registers survive seL4_Yield (all) and seL4_DebugPutChar (x6-x30, FP/SIMD)")
{
    static struct regs_probe in, out;
    uint64_t tpidrro;
    __asm__ volatile("mrs %0, tpidrro_el0" : "=r"(tpidrro));

    /* Yield declares no outputs at all: every register must come back (§2.2). */
    probe_fill(&in, (seL4_Word)seL4_SysYield, pattern(2, 0));
    regs_probe_run(&in, &out);
    probe_check(&in, &out, 0, tpidrro);

    /* PutChar may write x0-x5; prints a newline so the markers stay at line starts. */
    probe_fill(&in, (seL4_Word)seL4_SysDebugPutChar, '\n');
    regs_probe_run(&in, &out);
    probe_check(&in, &out, 6, tpidrro);
}

TEST(BOOT0003, "seL4_DebugCapIdentify names the initial caps with seL4's cap type tags")
{
    static const struct {
        seL4_CPtr slot;
        seL4_Uint32 tag;
    } expected[] = {
        {seL4_CapNull, seL4_CapTag_Null},
        {seL4_CapInitThreadTCB, seL4_CapTag_TCB},
        {seL4_CapInitThreadCNode, seL4_CapTag_CNode},
        {seL4_CapInitThreadVSpace, seL4_CapTag_VSpace},
        {seL4_CapIRQControl, seL4_CapTag_IRQControl},
        {seL4_CapASIDControl, seL4_CapTag_ASIDControl},
        {seL4_CapInitThreadASIDPool, seL4_CapTag_ASIDPool},
        {seL4_CapIOPortControl, seL4_CapTag_Null},
        {seL4_CapIOSpace, seL4_CapTag_Null},
        {seL4_CapBootInfoFrame, seL4_CapTag_Frame},
        {seL4_CapInitThreadIPCBuffer, seL4_CapTag_Frame},
        {seL4_CapDomain, seL4_CapTag_Domain},
        {seL4_CapSMMUSIDControl, seL4_CapTag_Null},
        {seL4_CapSMMUCBControl, seL4_CapTag_Null},
#ifdef CONFIG_KERNEL_MCS
        {seL4_CapInitThreadSC, seL4_CapTag_SchedContext},
#else
        {seL4_CapInitThreadSC, seL4_CapTag_Null},
#endif
        {seL4_CapSMC, seL4_CapTag_Null},
    };
    for (unsigned i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
        seL4_Uint32 tag = seL4_DebugCapIdentify(expected[i].slot);
        if (tag != expected[i].tag)
            test_fail(__FILE__, __LINE__, "slot %lu: tag %u, expected %u",
                      (unsigned long)expected[i].slot, tag, expected[i].tag);
    }

    const seL4_BootInfo *bi = env->bi;
    ASSERT_EQ(seL4_DebugCapIdentify(bi->userImageFrames.start), seL4_CapTag_Frame);
    ASSERT_EQ(seL4_DebugCapIdentify(bi->userImageFrames.end - 1), seL4_CapTag_Frame);
    ASSERT_EQ(seL4_DebugCapIdentify(bi->untyped.start), seL4_CapTag_Untyped);
    ASSERT_EQ(seL4_DebugCapIdentify(bi->untyped.end - 1), seL4_CapTag_Untyped);
    if (bi->userImagePaging.start < bi->userImagePaging.end)
        ASSERT_EQ(seL4_DebugCapIdentify(bi->userImagePaging.start), seL4_CapTag_PageTable);
    ASSERT_EQ(seL4_DebugCapIdentify(bi->empty.start), seL4_CapTag_Null);
    ASSERT_EQ(seL4_DebugCapIdentify(bi->empty.end - 1), seL4_CapTag_Null);
}

TEST(BOOT0004, "invoking an empty slot fails with seL4_InvalidCapability, MR0 = 0")
{
    seL4_CPtr last = (1UL << env->bi->initThreadCNodeSizeBits) - 1;
    ASSERT_EQ(seL4_DebugCapIdentify(last), seL4_CapTag_Null);
    ASSERT_ERR(seL4_TCB_Suspend(last), seL4_InvalidCapability);
    ASSERT_MR(0, 0);
}
