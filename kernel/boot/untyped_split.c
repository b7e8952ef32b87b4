// SPDX-License-Identifier: BSD-2-Clause
// Free region to power-of-two untyped blocks, as seL4 hands out its boot untypeds.
// Deliberately not here: choosing the regions (boot.c) and filling BootInfo (bootinfo.c).
#include "boot/untyped_split.h"

#include "util.h"
#include "abi.h"

unsigned untyped_split(paddr_t start, paddr_t end, struct untyped_block *out, unsigned max)
{
    unsigned n = 0;

    while (start < end) {
        // As large as what is left allows, capped at the largest untyped, and no larger
        // than the alignment of start (address 0 is aligned to everything).
        unsigned size_bits = 63 - clz64(end - start);
        if (size_bits > seL4_MaxUntypedBits) {
            size_bits = seL4_MaxUntypedBits;
        }
        if (start != 0 && ctz64(start) < size_bits) {
            size_bits = ctz64(start);
        }
        if (size_bits >= seL4_MinUntypedBits) {
            if (n < max) {
                out[n] = (struct untyped_block){.paddr = start, .size_bits = size_bits};
            }
            n++;
        }
        start += BIT(size_bits);
    }
    return n;
}
