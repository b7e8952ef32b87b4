// SPDX-License-Identifier: BSD-2-Clause
// Host tests of ESR_EL1 decoding (arch/aarch64/esr.c): the fields of data and instruction
// aborts, every fault-status group with its level, the one-line text of the fault report,
// and truncation into a short buffer.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "arch/aarch64/esr.h"
#include "util.h"
#include "unit_main.h"

UNIT_TEST(decodes_data_read_translation_fault_level_3)
{
    struct esr_info i = esr_decode(0x92000007); // docs/design/abi.md §10.4: unmapped-page read
    assert_true(i.is_abort);
    assert_false(i.is_instruction);
    assert_false(i.is_write);
    assert_int_equal(i.ec, ESR_EC_DABT_LOWER);
    assert_int_equal(i.kind, ESR_FAULT_TRANSLATION);
    assert_int_equal(i.level, 3);
}

UNIT_TEST(decodes_each_fault_group_and_level)
{
    static const struct {
        unsigned fsc;
        enum esr_fault_kind kind;
        int level;
    } rows[] = {
        {0x00, ESR_FAULT_ADDRESS_SIZE, 0}, {0x04, ESR_FAULT_TRANSLATION, 0},
        {0x05, ESR_FAULT_TRANSLATION, 1},  {0x06, ESR_FAULT_TRANSLATION, 2},
        {0x0b, ESR_FAULT_ACCESS_FLAG, 3},  {0x0d, ESR_FAULT_PERMISSION, 1},
        {0x0f, ESR_FAULT_PERMISSION, 3},   {0x10, ESR_FAULT_EXTERNAL, -1},
        {0x15, ESR_FAULT_EXTERNAL, 1},     {0x21, ESR_FAULT_ALIGNMENT, -1},
        {0x30, ESR_FAULT_OTHER, -1},
    };
    for (unsigned r = 0; r < ARRAY_SIZE(rows); r++) {
        struct esr_info i = esr_decode(0x92000000u | rows[r].fsc);
        assert_int_equal(i.fsc, rows[r].fsc);
        assert_int_equal(i.kind, rows[r].kind);
        assert_int_equal(i.level, rows[r].level);
    }
}

UNIT_TEST(write_cache_maintenance_and_fetch_are_told_apart)
{
    assert_true(esr_decode(0x9200004f).is_write);
    struct esr_info cm = esr_decode(0x92000147); // CM and WnR both set
    assert_true(cm.is_cache_maint);
    assert_false(cm.is_write);
    struct esr_info ia = esr_decode(0x8200000f);
    assert_true(ia.is_instruction);
    assert_false(ia.is_write);
    assert_int_equal(ia.kind, ESR_FAULT_PERMISSION);
    assert_false(esr_decode(0x56000000).is_abort); // SVC
}

UNIT_TEST(describe_gives_readable_line)
{
    static const struct {
        word_t esr;
        const char *text;
    } rows[] = {
        {0x92000007, "data read, translation fault at level 3 (no page mapped)"},
        {0x92000006, "data read, translation fault at level 2 (no level-3 page table or 2 MiB "
                     "page mapped)"},
        {0x92000045, "data write, translation fault at level 1 (no level-2 page table or 1 GiB "
                     "page mapped)"},
        {0x92000004, "data read, translation fault at level 0 (no level-1 page table mapped)"},
        {0x9200004f, "data write, permission fault at level 3 (the mapping does not allow writes)"},
        {0x9200000f, "data read, permission fault at level 3 (the mapping does not allow user "
                     "reads)"},
        {0x8200000f, "instruction fetch, permission fault at level 3 (the mapping is "
                     "execute-never)"},
        {0x82000007, "instruction fetch, translation fault at level 3 (no page mapped)"},
        {0x96000021, "data read, alignment fault"},
        {0x56000000, "not a memory abort (exception class 0x15: SVC from AArch64)"},
        {0x02000000, "not a memory abort (exception class 0x0: unknown reason (undefined "
                     "instruction))"},
    };
    char buf[160];
    for (unsigned r = 0; r < ARRAY_SIZE(rows); r++) {
        int n = esr_describe(rows[r].esr, buf, sizeof(buf));
        assert_string_equal(buf, rows[r].text);
        assert_int_equal(n, (int)strlen(rows[r].text));
    }
}

UNIT_TEST(describe_truncates_and_terminates)
{
    char buf[10];
    memset(buf, 'x', sizeof(buf));
    int n = esr_describe(0x92000007, buf, sizeof(buf));
    assert_string_equal(buf, "data read");
    assert_int_equal(n, 56);
    char one[1] = {'x'};
    esr_describe(0x92000007, one, 1);
    assert_int_equal(one[0], '\0');
    assert_int_equal(esr_describe(0x92000007, NULL, 0), 56);
}

UNIT_TEST_MAIN("tests", cmocka_unit_test(decodes_data_read_translation_fault_level_3),
               cmocka_unit_test(decodes_each_fault_group_and_level),
               cmocka_unit_test(write_cache_maintenance_and_fetch_are_told_apart),
               cmocka_unit_test(describe_gives_readable_line),
               cmocka_unit_test(describe_truncates_and_terminates))
