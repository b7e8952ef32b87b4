// SPDX-License-Identifier: BSD-2-Clause
// ELF64 files (see cairn/elf.h): the one check every loader makes before it reads segments.

#include <string.h>

#include <cairn/elf.h>

const elf64_phdr_t *cairn_elf_phdrs(const void *file, size_t bytes)
{
    const elf64_header_t *eh = file;
    if (bytes < sizeof *eh || memcmp(eh->ident, "\177ELF", 4) != 0 || eh->ident[4] != ELFCLASS64 ||
        eh->type != ELF_ET_EXEC || eh->machine != ELF_EM_AARCH64 ||
        eh->phentsize != sizeof(elf64_phdr_t) ||
        eh->phoff + (uint64_t)eh->phnum * sizeof(elf64_phdr_t) > bytes)
        return NULL;
    return (const elf64_phdr_t *)((const char *)file + eh->phoff);
}
