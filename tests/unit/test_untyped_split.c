// SPDX-License-Identifier: BSD-2-Clause
// boot/untyped_split.c: blocks are naturally aligned powers of two within [4, 47] bits, in
// ascending order, disjoint, maximal, and cover the region except for sub-16-byte pieces.
#include "fixtures.h"

#include <stdlib.h>

#include "boot/untyped_split.h"
#include "unit_main.h"

#define MAX_BLOCKS 512

// Check every property for one region; returns the number of blocks.
static unsigned check_region(paddr_t start, paddr_t end)
{
    static struct untyped_block b[MAX_BLOCKS];
    unsigned n = untyped_split(start, end, b, MAX_BLOCKS);
    assert_true(n <= MAX_BLOCKS);

    paddr_t at = start;
    word_t lost = 0;
    for (unsigned i = 0; i < n; i++) {
        assert_in_range(b[i].size_bits, seL4_MinUntypedBits, seL4_MaxUntypedBits);
        assert_true(IS_ALIGNED(b[i].paddr, b[i].size_bits));
        assert_true(b[i].paddr >= at); // ascending, disjoint
        lost += b[i].paddr - at;       // skipped pieces
        at = b[i].paddr + BIT(b[i].size_bits);
        assert_true(at <= end);
        // Maximal: doubling would break alignment, overrun the region or the 47-bit cap.
        unsigned up = b[i].size_bits + 1;
        bool can_grow =
            up <= seL4_MaxUntypedBits && IS_ALIGNED(b[i].paddr, up) && b[i].paddr + BIT(up) <= end;
        assert_false(can_grow);
    }
    lost += end > at ? end - at : 0;
    // Only pieces below 16 bytes are lost: at most 15 at the start and 15 at the end.
    assert_true(lost < 2 * BIT(seL4_MinUntypedBits));
    return n;
}

UNIT_TEST(ram_gigabyte_is_one_block)
{
    struct untyped_block b[4];
    assert_int_equal(untyped_split(0x40000000, 0x80000000, b, 4), 1);
    assert_int_equal(b[0].paddr, 0x40000000);
    assert_int_equal(b[0].size_bits, 30);
}

UNIT_TEST(unaligned_region_splits_ascending)
{
    struct untyped_block b[8];
    // [0x1010, 0x3000): 16 B, 32 B, ... up to 0x2000, then 4 KiB.
    unsigned n = untyped_split(0x1010, 0x3000, b, 8);
    assert_int_equal(n, 9);
    assert_int_equal(b[0].paddr, 0x1010);
    assert_int_equal(b[0].size_bits, 4);
    assert_int_equal(b[1].paddr, 0x1020);
    assert_int_equal(b[1].size_bits, 5);
    assert_int_equal(b[7].paddr, 0x1800);
    assert_int_equal(b[7].size_bits, 11);
    check_region(0x1010, 0x3000);
}

UNIT_TEST(tiny_and_empty_regions)
{
    struct untyped_block b[2];
    assert_int_equal(untyped_split(0x1000, 0x1000, b, 2), 0);
    assert_int_equal(untyped_split(0x2000, 0x1000, b, 2), 0);
    assert_int_equal(untyped_split(0x1001, 0x100f, b, 2), 0);
    // 0x1008..0x1020: the first 8 bytes are lost, then one 16-byte block.
    assert_int_equal(untyped_split(0x1008, 0x1020, b, 2), 1);
    assert_int_equal(b[0].paddr, 0x1010);
}

UNIT_TEST(zero_start_and_47_bit_cap)
{
    struct untyped_block b[4];
    // A device region from 0 to 2^40: address 0 is aligned to everything.
    assert_int_equal(untyped_split(0, BIT(40), b, 4), 1);
    assert_int_equal(b[0].size_bits, 40);
    // 2^48 bytes: two blocks of the 47-bit maximum.
    assert_int_equal(untyped_split(0, BIT(48), b, 4), 2);
    assert_int_equal(b[0].size_bits, 47);
    assert_int_equal(b[1].paddr, BIT(47));
    check_region(0, BIT(48));
}

UNIT_TEST(count_beyond_max_is_reported)
{
    struct untyped_block b[2];
    unsigned n = untyped_split(0x1010, 0x3000, b, 2);
    assert_int_equal(n, 9);
    assert_int_equal(b[1].paddr, 0x1020);
}

UNIT_TEST(seeded_random_regions_are_covered)
{
    unsigned seed = 0xca1e;
    srand(seed);
    for (int i = 0; i < 2000; i++) {
        paddr_t start = ((paddr_t)rand() << 20 ^ (paddr_t)rand()) & MASK(40);
        paddr_t len = ((paddr_t)rand() << 12 ^ (paddr_t)rand()) & MASK(1 + rand() % 36);
        check_region(start, start + len);
    }
}

UNIT_TEST_MAIN("untyped_split", cmocka_unit_test(ram_gigabyte_is_one_block),
               cmocka_unit_test(unaligned_region_splits_ascending),
               cmocka_unit_test(tiny_and_empty_regions),
               cmocka_unit_test(zero_start_and_47_bit_cap),
               cmocka_unit_test(count_beyond_max_is_reported),
               cmocka_unit_test(seeded_random_regions_are_covered))
