// SPDX-License-Identifier: BSD-2-Clause
// The ELF64 file header and program header, and the constants Cairn's two ELF loaders
// read: the kernel's root-task check (kernel/boot/elf.c, also built into tools/mkimage)
// and the runtime's process loader (runtime/process.c). Field names are the ELF
// specification's without their e_ / p_ prefix; constant names are the specification's.
#pragma once

#include <stdint.h>

#define EI_NIDENT 16
#define ELFCLASS64 2  // ident[4]
#define ELFDATA2LSB 1 // ident[5]: little endian
#define ET_EXEC 2     // type: a static executable
#define EM_AARCH64 183
#define PT_LOAD 1 // program header types
#define PT_TLS 7
#define PF_X 1 // program header flags
#define PF_W 2
#define PF_R 4

struct elf64_ehdr {
    unsigned char ident[EI_NIDENT];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};
