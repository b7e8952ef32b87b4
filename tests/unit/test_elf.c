// SPDX-License-Identifier: BSD-2-Clause
// boot/elf.c: the root-task checks shared by the kernel and tools/mkimage. Each refusal is
// provoked from one valid in-memory ELF by changing a single field.
#include "fixtures.h"

#include <string.h>

#include "boot/elf.h"
#include "unit_main.h"

#define USER_TOP 0x00007fffffffffffull

// A two-segment executable: text at 0x400000 (file 0x1000, 0x800 bytes), data+bss at
// 0x401000 (file 0x2000, 0x100 bytes in the file, 0x3000 in memory).
struct image {
    struct elf64_ehdr eh;
    struct elf64_phdr ph[2];
    unsigned char pad[0x3000 - sizeof(struct elf64_ehdr) - 2 * sizeof(struct elf64_phdr)];
};

static struct image img;

static void make_valid(void)
{
    memset(&img, 0, sizeof(img));
    memcpy(img.eh.ident, "\177ELF\x02\x01\x01", 7);
    img.eh.type = 2;
    img.eh.machine = 183;
    img.eh.version = 1;
    img.eh.entry = 0x400010;
    img.eh.phoff = offsetof(struct image, ph);
    img.eh.ehsize = sizeof(struct elf64_ehdr);
    img.eh.phentsize = sizeof(struct elf64_phdr);
    img.eh.phnum = 2;
    img.ph[0] = (struct elf64_phdr){1, 5, 0x1000, 0x400000, 0x400000, 0x800, 0x800, 0x1000};
    img.ph[1] = (struct elf64_phdr){1, 6, 0x2000, 0x401000, 0x401000, 0x100, 0x3000, 0x1000};
}

static const char *check(void)
{
    struct elf_info info;
    return elf_check(&img, sizeof(img), USER_TOP, &info);
}

UNIT_TEST(valid_image_is_described)
{
    make_valid();
    struct elf_info info;
    assert_null(elf_check(&img, sizeof(img), USER_TOP, &info));
    assert_int_equal(info.entry, 0x400010);
    assert_int_equal(info.image_start, 0x400000);
    assert_int_equal(info.image_end, 0x404000);
    assert_int_equal(info.segment_count, 2);
    struct elf_segment s = elf_segment(&img, 1);
    assert_int_equal(s.vaddr, 0x401000);
    assert_int_equal(s.file_offset, 0x2000);
    assert_int_equal(s.file_bytes, 0x100);
    assert_int_equal(s.mem_bytes, 0x3000);
}

UNIT_TEST(refuses_each_malformation)
{
    make_valid();
    img.eh.ident[0] = 'X';
    assert_string_equal(check(), "not an ELF file (bad magic)");

    make_valid();
    img.eh.ident[4] = 1;
    assert_string_equal(check(), "not a little-endian 64-bit ELF");

    make_valid();
    img.eh.machine = 62;
    assert_string_equal(check(), "not an AArch64 ELF (e_machine)");

    make_valid();
    img.eh.type = 3;
    assert_string_equal(check(), "not a static executable (e_type must be ET_EXEC)");

    make_valid();
    img.eh.phoff = sizeof(img) - 8;
    assert_string_equal(check(), "program headers lie outside the file");

    make_valid();
    img.ph[1].filesz = 0x4000;
    assert_string_equal(check(), "PT_LOAD segment with p_filesz > p_memsz");

    make_valid();
    img.ph[1].offset = 0x2f80;
    img.ph[1].vaddr = 0x401f80;
    assert_string_equal(check(), "PT_LOAD segment lies outside the file");

    make_valid();
    img.ph[1].vaddr = 0x401010;
    assert_string_equal(
        check(), "PT_LOAD segment not page-aligned (p_vaddr and p_offset differ modulo 4 KiB)");

    make_valid();
    img.ph[1].vaddr = 0xffffff8000401000ull;
    assert_string_equal(check(),
                        "PT_LOAD segment above the user address space (kernel space or beyond)");

    make_valid();
    img.ph[1].vaddr = 0x400000;
    assert_string_equal(check(), "PT_LOAD segments overlap");

    make_valid();
    img.eh.entry = 0x500000;
    assert_string_equal(check(), "entry point is not inside a PT_LOAD segment");

    make_valid();
    img.ph[0].type = img.ph[1].type = 6;
    assert_string_equal(check(), "no PT_LOAD segments");

    make_valid();
    assert_string_equal(elf_check(&img, 10, USER_TOP, &(struct elf_info){0}),
                        "file too small for an ELF header");
}

UNIT_TEST(image_must_leave_room_for_ipc_buffer_and_bootinfo)
{
    make_valid();
    // The data segment ends exactly one page below the top: the IPC buffer fits, BootInfo not.
    img.ph[1].vaddr = USER_TOP + 1 - 0x4000;
    img.ph[1].offset = 0x2000;
    assert_string_equal(
        check(),
        "image reaches the top of the user address space (no room for IPC buffer and BootInfo)");
    img.ph[1].vaddr = USER_TOP + 1 - 0x5000;
    assert_null(check());
}

UNIT_TEST_MAIN("elf", cmocka_unit_test(valid_image_is_described),
               cmocka_unit_test(refuses_each_malformation),
               cmocka_unit_test(image_must_leave_room_for_ipc_buffer_and_bootinfo))
