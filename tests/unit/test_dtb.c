// SPDX-License-Identifier: BSD-2-Clause
// boot/dtb.c: which device tree headers the kernel accepts (seL4's loader's rules), the
// boot-log line for each refusal, and the extra BootInfo chunk's size, memory and bytes.
#include "fixtures.h"

#include <string.h>

#include "boot/dtb.h"
#include "util.h"
#include "unit_main.h"

// A flattened device tree header: magic, totalsize, ..., version 17, last_comp_version 16.
static void make_header(uint8_t *b, uint32_t magic, uint32_t total, uint32_t last_comp)
{
    memset(b, 0, 40);
    const uint32_t words[10] = {magic, total, 0x38, 0x100, 0x28, 17, last_comp, 0, 0x20, 0xc0};
    for (int i = 0; i < 10; i++) {
        b[4 * i] = (uint8_t)(words[i] >> 24);
        b[4 * i + 1] = (uint8_t)(words[i] >> 16);
        b[4 * i + 2] = (uint8_t)(words[i] >> 8);
        b[4 * i + 3] = (uint8_t)words[i];
    }
}

UNIT_TEST(accepted_header_gives_packed_size)
{
    uint8_t b[40];
    word_t size = 0;
    // Blocks in dtc's order: passed on up to the end of the strings (0x100 + 0x20).
    make_header(b, 0xd00dfeed, 0x100000, 16);
    assert_int_equal(dtb_check(b, 0x200000, &size), DTB_FOUND);
    assert_int_equal(size, 0x120);
    // Strings before the structure block: passed on whole.
    b[14] = 0;
    b[15] = 0x30;
    assert_int_equal(dtb_check(b, 0x200000, &size), DTB_FOUND);
    assert_int_equal(size, 0x100000);
    make_header(b, 0xd00dfeed, 40, 17); // the smallest, newest acceptable header
    assert_int_equal(dtb_check(b, 40, &size), DTB_FOUND);
    assert_int_equal(size, 40);
}

UNIT_TEST(refusals_and_their_log_lines)
{
    uint8_t b[40];
    word_t size = 7;
    struct {
        uint32_t magic, total, last_comp;
        word_t room;
        enum dtb_status status;
        const char *line;
    } cases[] = {
        {0, 0, 0, 0x200000, DTB_MISSING, "No DTB passed in from boot loader.\n"},
        {0xedfe0dd0, 0x1000, 16, 0x200000, DTB_MISSING, "No DTB passed in from boot loader.\n"},
        {0xd00dfeed, 0x1000, 18, 0x200000, DTB_INVALID,
         "ERROR: Invalid device tree blob supplied\n"},
        {0xd00dfeed, 0, 16, 0x200000, DTB_INVALID, "ERROR: Invalid device tree blob supplied\n"},
        {0xd00dfeed, 39, 16, 0x200000, DTB_INVALID, "ERROR: Invalid device tree blob supplied\n"},
        {0xd00dfeed, 0x200001, 16, 0x200000, DTB_OUT_OF_RANGE,
         "ERROR: Physical address of DTB invalid\n"},
    };
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        make_header(b, cases[i].magic, cases[i].total, cases[i].last_comp);
        enum dtb_status st = dtb_check(b, cases[i].room, &size);
        assert_int_equal(st, cases[i].status);
        assert_int_equal(size, 7); // untouched
        hw_reset();
        dtb_report(st);
        assert_string_equal(hw_console(), cases[i].line);
    }
    hw_reset();
    dtb_report(DTB_FOUND);
    assert_string_equal(hw_console(), "");
}

UNIT_TEST(extra_bootinfo_sizes_follow_sel4)
{
    assert_int_equal(extra_bootinfo_bytes(0), 0);
    assert_int_equal(extra_bootinfo_bytes(0x100000), 0x100010);
    assert_int_equal(extra_bootinfo_size_bits(0), 0);
    assert_int_equal(extra_bootinfo_size_bits(1), 12);
    assert_int_equal(extra_bootinfo_size_bits(4096), 12);
    assert_int_equal(extra_bootinfo_size_bits(4097), 13);
    assert_int_equal(extra_bootinfo_size_bits(0x2010), 14); // three pages round up to four
    assert_int_equal(extra_bootinfo_size_bits(0x100000), 20);
    assert_int_equal(extra_bootinfo_size_bits(0x100010), 21); // QEMU virt's 1 MiB tree
}

UNIT_TEST(chunk_is_header_then_blob)
{
    uint8_t dtb[100], out[200];
    for (size_t i = 0; i < sizeof(dtb); i++) {
        dtb[i] = (uint8_t)(i * 7 + 1);
    }
    memset(out, 0xee, sizeof(out));
    extra_bootinfo_write(out, dtb, sizeof(dtb));
    seL4_BootInfoHeader h;
    memcpy(&h, out, sizeof(h));
    assert_int_equal(h.id, SEL4_BOOTINFO_HEADER_FDT);
    assert_int_equal(h.len, 16 + sizeof(dtb));
    assert_memory_equal(out + 16, dtb, 4);
    const uint8_t total[4] = {0, 0, 0, sizeof(dtb)}; // the copy's totalsize: what was passed on
    assert_memory_equal(out + 20, total, 4);
    assert_memory_equal(out + 24, dtb + 8, sizeof(dtb) - 8);
    assert_int_equal(out[16 + sizeof(dtb)], 0xee); // nothing written past the chunk
}

UNIT_TEST_MAIN("dtb", cmocka_unit_test(accepted_header_gives_packed_size),
               cmocka_unit_test(refusals_and_their_log_lines),
               cmocka_unit_test(extra_bootinfo_sizes_follow_sel4),
               cmocka_unit_test(chunk_is_header_then_blob))
