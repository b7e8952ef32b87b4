// SPDX-License-Identifier: BSD-2-Clause
// The benchmark root task: guest instructions per kernel operation, read from the cycle
// counter PMCCNTR_EL0 around each operation. Under QEMU with `-icount shift=0` that counter
// advances by exactly one per guest instruction (user and kernel alike), so the figures are
// deterministic. It needs a kernel that lets EL0 use the PMU (Cairn's BENCH=1 build, or
// seL4's KernelArmExportPMUUser); it uses the seL4 ABI only, so the same ELF runs on both.
//
// Output: a table, and one machine-readable line per operation that bench/run.py turns into
// build/bench.json:
//     BENCH <name> iterations=<n> per_op=<instructions> min=<m> max=<M>
// per_op is the mean over n runs minus the cost of an empty measurement (two counter reads).

#include <stdint.h>
#include <stdio.h>

#include <cairn/bootinfo.h>
#include "bench.h"

#define MANY_PAGES 1000

#define PAGE 0x1000UL
#define LARGE 0x200000UL
#define BENCH_VA 0x10000000000UL         /* level-0 entry 2: nothing else lives here */
#define VA_SMALL (BENCH_VA)              /* 4 KiB map/unmap: L1-L3 present */
#define VA_LARGE (BENCH_VA + 8 * LARGE)  /* 2 MiB map/unmap: L1-L2 present */
#define VA_TABLE (BENCH_VA + 16 * LARGE) /* PageTable_Map: installs the L3 table */
#define VA_MANY (BENCH_VA + 32 * LARGE)  /* 1000 pages: two L3 tables */
#define ATTRS seL4_ARM_Default_VMAttributes

/* Turn the cycle counter on from EL0 (allowed by the bench kernel's PMUSERENR_EL0). */
static void counter_enable(void)
{
    __asm__ volatile("msr pmcr_el0, %0" : : "r"((uint64_t)1) : "memory");             /* E */
    __asm__ volatile("msr pmcntenset_el0, %0" : : "r"((uint64_t)1 << 31) : "memory"); /* C */
    __asm__ volatile("isb" : : : "memory");
}

/* ---- objects ---------------------------------------------------------------------------- */

static seL4_CPtr untyped;

static seL4_CPtr alloc_slot(void)
{
    seL4_CPtr slot = cairn_slot_alloc();
    if (slot == seL4_CapNull)
        panic("out of slots");
    return slot;
}

seL4_CPtr alloc_object(seL4_Word type, seL4_Word size_bits)
{
    seL4_CPtr slot = alloc_slot();
    CHECK(seL4_Untyped_Retype(untyped, type, size_bits, seL4_CapInitThreadCNode, 0, 0, slot, 1));
    return slot;
}

static void map_table(seL4_Word va)
{
    CHECK(seL4_ARM_PageTable_Map(alloc_object(seL4_ARM_PageTableObject, 0),
                                 seL4_CapInitThreadVSpace, va, ATTRS));
}

/* ---- statistics ------------------------------------------------------------------------- */

static uint64_t overhead; /* an empty measurement: the counter reads themselves */

void stat_add(struct stat *s, uint64_t v)
{
    if (s->n == 0 || v < s->min)
        s->min = v;
    if (v > s->max)
        s->max = v;
    s->sum += v;
    s->n++;
}

void report(const char *name, const char *what, const struct stat *s)
{
    uint64_t mean = s->sum / s->n;
    uint64_t per_op = mean > overhead ? mean - overhead : 0;
    printf("  %-24s %-44s %8lu  (min %lu, max %lu, n %lu)\n", name, what, (unsigned long)per_op,
           (unsigned long)(s->min - overhead), (unsigned long)(s->max - overhead),
           (unsigned long)s->n);
    printf("BENCH %s iterations=%lu per_op=%lu min=%lu max=%lu\n", name, (unsigned long)s->n,
           (unsigned long)per_op, (unsigned long)(s->min - overhead),
           (unsigned long)(s->max - overhead));
}

static seL4_Error yield(void)
{
    seL4_Yield();
    return seL4_NoError;
}

static seL4_Error copy_then_delete(seL4_CPtr src, seL4_CPtr dest)
{
    seL4_Error e = seL4_CNode_Copy(seL4_CapInitThreadCNode, dest, seL4_WordBits,
                                   seL4_CapInitThreadCNode, src, seL4_WordBits, seL4_AllRights);
    return e != seL4_NoError ? e : seL4_CNode_Delete(seL4_CapInitThreadCNode, dest, seL4_WordBits);
}

static seL4_Error pt_unmap_then_map(seL4_CPtr table, seL4_Word va)
{
    seL4_Error e = seL4_ARM_PageTable_Unmap(table);
    return e != seL4_NoError ? e
                             : seL4_ARM_PageTable_Map(table, seL4_CapInitThreadVSpace, va, ATTRS);
}

/* ---- the benchmarks --------------------------------------------------------------------- */

int main(const seL4_BootInfo *bi)
{
    untyped = cairn_largest_untyped(bi);
    counter_enable();

    /* Calibrate: two back-to-back reads. */
    struct stat empty = {0};
    for (int i = 0; i < ITERATIONS; i++) {
        uint64_t t0 = counter();
        uint64_t t1 = counter();
        stat_add(&empty, t1 - t0);
    }
    overhead = empty.min;
    if (empty.max == 0)
        panic("PMCCNTR_EL0 does not count: is this a bench kernel (BENCH=1)?");

    /* Tables the map benchmarks need, made up front. */
    map_table(VA_SMALL); /* L1 */
    map_table(VA_SMALL); /* L2 */
    map_table(VA_SMALL); /* L3 for VA_SMALL */
    map_table(VA_MANY);
    map_table(VA_MANY + LARGE);
    seL4_CPtr small = alloc_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = alloc_object(seL4_ARM_LargePageObject, 0);
    seL4_CPtr table = alloc_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr table2 = alloc_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr copy_src = alloc_object(seL4_EndpointObject, 0), copy_dest = alloc_slot();
    CHECK(seL4_ARM_PageTable_Map(table2, seL4_CapInitThreadVSpace, VA_TABLE + LARGE, ATTRS));

    struct stat s_yield = {0}, s_map = {0}, s_unmap = {0}, s_lmap = {0}, s_lunmap = {0};
    struct stat s_ptmap = {0}, s_ptunmap = {0}, s_retype = {0}, s_delete = {0};
    struct stat s_copy_delete = {0}, s_pt_unmap_map = {0};
    for (int i = 0; i < ITERATIONS; i++) {
        TIME(s_yield, yield());
        TIME(s_map,
             seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, VA_SMALL, seL4_ReadWrite, ATTRS));
        TIME(s_unmap, seL4_ARM_Page_Unmap(small));
        TIME(s_lmap,
             seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, VA_LARGE, seL4_ReadWrite, ATTRS));
        TIME(s_lunmap, seL4_ARM_Page_Unmap(large));
        TIME(s_ptmap, seL4_ARM_PageTable_Map(table, seL4_CapInitThreadVSpace, VA_TABLE, ATTRS));
        TIME(s_ptunmap, seL4_ARM_PageTable_Unmap(table));
        TIME(s_copy_delete, copy_then_delete(copy_src, copy_dest));
        TIME(s_pt_unmap_map, pt_unmap_then_map(table2, VA_TABLE + LARGE));
    }

    /* Retype one 4 KiB frame and delete it. The untyped keeps other children (the objects
     * above), so no retype pays for a reset of the untyped. */
    seL4_CPtr slot = alloc_slot();
    for (int i = 0; i < ITERATIONS; i++) {
        TIME(s_retype, seL4_Untyped_Retype(untyped, seL4_ARM_SmallPageObject, 0,
                                           seL4_CapInitThreadCNode, 0, 0, slot, 1));
        TIME(s_delete, seL4_CNode_Delete(seL4_CapInitThreadCNode, slot, seL4_WordBits));
    }

    /* Map 1000 pages in a row (the frames made beforehand), then unmap them. */
    static seL4_CPtr frames[MANY_PAGES];
    for (int i = 0; i < MANY_PAGES; i++)
        frames[i] = alloc_object(seL4_ARM_SmallPageObject, 0);
    struct stat s_many = {0}, s_many_unmap = {0};
    uint64_t t0 = counter();
    for (int i = 0; i < MANY_PAGES; i++)
        CHECK(seL4_ARM_Page_Map(frames[i], seL4_CapInitThreadVSpace, VA_MANY + i * PAGE,
                                seL4_ReadWrite, ATTRS));
    uint64_t t1 = counter();
    for (int i = 0; i < MANY_PAGES; i++)
        CHECK(seL4_ARM_Page_Unmap(frames[i]));
    uint64_t t2 = counter();
    stat_add(&s_many, t1 - t0);
    stat_add(&s_many_unmap, t2 - t1);

    printf("guest instructions per operation (PMCCNTR_EL0 under -icount shift=0; "
           "user side included, %lu subtracted for the counter reads)\n",
           (unsigned long)overhead);
    report("yield", "seL4_Yield (null syscall)", &s_yield);
    report("page_map_4k", "ARM_Page_Map, 4 KiB frame, tables present", &s_map);
    report("page_unmap_4k", "ARM_Page_Unmap, 4 KiB frame", &s_unmap);
    report("page_map_2m", "ARM_Page_Map, 2 MiB frame (level-2 block)", &s_lmap);
    report("page_unmap_2m", "ARM_Page_Unmap, 2 MiB frame", &s_lunmap);
    report("page_table_map", "ARM_PageTable_Map (level 3)", &s_ptmap);
    report("page_table_unmap", "ARM_PageTable_Unmap (zeroes the table)", &s_ptunmap);
    report("cnode_copy_delete", "CNode_Copy then CNode_Delete (endpoint cap)", &s_copy_delete);
    report("pt_unmap_map", "PageTable_Unmap then PageTable_Map (level 3)", &s_pt_unmap_map);
    report("retype_4k", "Untyped_Retype of one 4 KiB frame (zeroed)", &s_retype);
    report("delete_4k", "CNode_Delete of that frame cap", &s_delete);
    report("map_1000_pages", "1000 x ARM_Page_Map in a row (whole sequence)", &s_many);
    report("unmap_1000_pages", "1000 x ARM_Page_Unmap in a row (whole sequence)", &s_many_unmap);
    bench_ipc(bi);
    printf("BENCH done\n");
    return 0;
}
