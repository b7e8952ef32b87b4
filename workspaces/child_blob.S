/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A child program's ELF file, byte for byte, inside the root task (workspaces/build.mk
 * passes its path as CHILD_ELF). The root task reads it as
 *     extern const char _child_elf_start[], _child_elf_end[];
 * 16-byte aligned, so the ELF headers can be read in place.
 */
    .section .rodata.child_elf, "a"
    .balign 16
    .global _child_elf_start
_child_elf_start:
    .incbin CHILD_ELF
    .global _child_elf_end
_child_elf_end:
    .previous
