// SPDX-License-Identifier: BSD-2-Clause
// Just enough of the ELF64 format to load a program: the file header, the program headers
// and the constants a loader reads. The runtime's processes (cairn/process.h) load with it,
// and so does chapter 7's hand-written loader (workspaces/root-task/spawn-task/loader.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <elf64.h> /* common/ */

/* The structures and the specification's constant names are common/elf64.h's, which the
 * kernel's root-task check shares; here they have the runtime's names. */
typedef struct elf64_ehdr elf64_header_t;
typedef struct elf64_phdr elf64_phdr_t;

enum { ELF_ET_EXEC = ET_EXEC, ELF_EM_AARCH64 = EM_AARCH64 };
enum { ELF_PT_LOAD = PT_LOAD, ELF_PT_TLS = PT_TLS };
enum { ELF_PF_X = PF_X, ELF_PF_W = PF_W };

/* The program headers of `file` (`bytes` long) if it is an AArch64 ELF64 executable whose
 * program headers lie inside it, else NULL. */
const elf64_phdr_t *cairn_elf_phdrs(const void *file, size_t bytes);
