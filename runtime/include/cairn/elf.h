// SPDX-License-Identifier: BSD-2-Clause
// Just enough of the ELF64 format to load a program: the file header, the program headers
// and the constants a loader reads. The runtime's processes (cairn/process.h) load with it,
// and so does chapter 7's hand-written loader (workspaces/root-task/spawn-task/loader.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

typedef struct {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
} elf64_header_t;

typedef struct {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
} elf64_phdr_t;

enum { ELF_ET_EXEC = 2, ELF_EM_AARCH64 = 183 };
enum { ELF_PT_LOAD = 1, ELF_PT_TLS = 7 };
enum { ELF_PF_X = 1, ELF_PF_W = 2 };

/* The program headers of `file` (`bytes` long) if it is an AArch64 ELF64 executable whose
 * program headers lie inside it, else NULL. */
const elf64_phdr_t *cairn_elf_phdrs(const void *file, size_t bytes);
