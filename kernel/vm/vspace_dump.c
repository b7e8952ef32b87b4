// SPDX-License-Identifier: BSD-2-Clause
// The VSpace picture (see vspace_dump.h): a depth-first walk over the four levels that
// prints through kprintf. Frames are grouped into runs so a whole image fits on a screen.
#include "vm/vspace_dump.h"

#include "util.h"
#include "lib/printf.h"
#include "vm/pt_walk.h"
#include "object/vspace.h"
#include "arch/api.h"

// Counters for the summary line.
struct dump_totals {
    word_t tables;
    word_t frames[PT_LEVELS]; // by level: [1] 1G, [2] 2M, [3] 4K
};

// A run of frame entries being collected before it is printed.
struct frame_run {
    unsigned first, count; // entry indices in the current table
    vptr_t va;             // va of the first entry
    paddr_t pa;            // pa of the first entry
    pte_t attrs;           // the entry bits that must agree (rights, XN, AttrIndx)
};

static const char *const size_names[PT_LEVELS] = {"?", "1G", "2M", "4K"};

static void indent(unsigned level)
{
    for (unsigned i = 0; i <= level; i++) {
        kprintf("  ");
    }
}

static pte_t frame_attrs(pte_t p)
{
    return p & ((MASK(2) << PTE_AP_SHIFT) | (MASK(3) << PTE_ATTR_SHIFT) | PTE_UXN);
}

static void print_run(const struct frame_run *r, unsigned level)
{
    unsigned shift = pt_level_shift(level);
    pte_t a = r->attrs;
    unsigned rights = pte_vm_rights(a);

    indent(level);
    if (r->count == 1) {
        kprintf("L%u[%3u] ", level, r->first);
    } else {
        kprintf("L%u[%3u..%3u] ", level, r->first, r->first + r->count - 1);
    }
    kprintf("%u x %s va 0x%lx-0x%lx -> pa 0x%lx %c%c%c %s\n", r->count, size_names[level],
            (unsigned long)r->va, (unsigned long)(r->va + ((word_t)r->count << shift) - 1),
            (unsigned long)r->pa, (rights & 0x2u) ? 'r' : '-', (rights & 0x1u) ? 'w' : '-',
            pte_is_execute_never(a) ? '-' : 'x', pte_is_cacheable(a) ? "cached" : "device");
}

// Whether entry `p` at index i extends run r (same attributes, next va and next pa).
static bool run_extends(const struct frame_run *r, pte_t p, unsigned i, unsigned level)
{
    unsigned shift = pt_level_shift(level);
    return r->count > 0 && i == r->first + r->count && frame_attrs(p) == r->attrs &&
           pte_paddr(p) == r->pa + ((word_t)r->count << shift);
}

// Print table `table` of `level` covering va from `base`, and everything below it.
static void dump_table(const pte_t *table, unsigned level, vptr_t base, struct dump_totals *t)
{
    unsigned shift = pt_level_shift(level);
    struct frame_run run = {0};

    for (unsigned i = 0; i < PT_ENTRIES; i++) {
        pte_t p = table[i];
        vptr_t va = base + ((word_t)i << shift);
        bool is_frame = level > 0 && pte_is_valid(p) && pte_is_frame(p, level);

        if (run.count > 0 && !(is_frame && run_extends(&run, p, i, level))) {
            print_run(&run, level);
            run.count = 0;
        }
        if (!pte_is_valid(p)) {
            continue;
        }
        if (pte_is_table(p, level)) {
            t->tables++;
            indent(level);
            kprintf("L%u[%3u] table 0x%lx va 0x%lx-0x%lx\n", level, i, (unsigned long)pte_paddr(p),
                    (unsigned long)va, (unsigned long)(va + MASK(shift)));
            dump_table(pt_next_table(p), level + 1, va, t);
        } else if (is_frame) {
            t->frames[level]++;
            if (run.count == 0) {
                run = (struct frame_run){
                    .first = i, .va = va, .pa = pte_paddr(p), .attrs = frame_attrs(p)};
            }
            run.count++;
        } else {
            indent(level);
            kprintf("L%u[%3u] unexpected entry 0x%lx\n", level, i, (unsigned long)p);
        }
    }
    if (run.count > 0) {
        print_run(&run, level);
    }
}

void vspace_dump(cap_t vspace_cap)
{
    if (cap_type(vspace_cap) != CAP_VSPACE) {
        kprintf("vspace_dump: not a VSpace cap (cap type %u)\n", (unsigned)cap_type(vspace_cap));
        return;
    }
    paddr_t pa = pptr_to_paddr(cap_ptr(vspace_cap));
    if (!cap_vspace_has_asid(vspace_cap)) {
        // Nothing can be mapped into a VSpace before it has an ASID: nothing to walk.
        kprintf("VSpace 0x%lx (no ASID yet)\n", (unsigned long)pa);
        kprintf("summary: 0 tables, 0 x 4K, 0 x 2M, 0 x 1G\n");
        return;
    }
    word_t asid = cap_vspace_asid(vspace_cap);
    // Walk only a tree its ASID still names (as seL4 finds VSpaces through the ASID table):
    // a VSpace whose ASID was released may still link memory user space now writes.
    const pte_t *root = vspace_from_cap(vspace_cap);
    if (root == NULL) {
        kprintf("Invalid vspace: VSpace 0x%lx, ASID %lu no longer names it\n", (unsigned long)pa,
                (unsigned long)asid);
        return;
    }
    struct dump_totals t = {0};
    kprintf("VSpace 0x%lx ASID %lu\n", (unsigned long)pa, (unsigned long)asid);
    dump_table(root, 0, 0, &t);
    kprintf("summary: %lu tables, %lu x 4K, %lu x 2M, %lu x 1G\n", (unsigned long)t.tables,
            (unsigned long)t.frames[3], (unsigned long)t.frames[2], (unsigned long)t.frames[1]);
}
