// SPDX-License-Identifier: BSD-2-Clause
// mkimage check TASK.elf RAM_MB: refuse, at image-build time, a root task the kernel
// could not boot. Uses the kernel's own ELF checker (kernel/boot/elf.c), so the build and
// the kernel agree on what is acceptable.
#include <stdio.h>
#include <stdlib.h>

#include "boot/elf.h"

#define USER_TOP 0x00007fffffffffffull
#define PAGE_BYTES 4096ull
// RAM the kernel keeps for itself and boot objects (kernel image, root CNode, tables).
#define KERNEL_RESERVE_BYTES (8ull << 20)

static void *read_file(const char *path, size_t *bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    void *buf = n > 0 ? malloc((size_t)n) : NULL;
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    *bytes = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 4 || (argv[1][0] != 'c')) {
        fprintf(stderr, "usage: mkimage check TASK.elf RAM_MB\n");
        return 2;
    }
    const char *path = argv[2];
    unsigned long long ram = strtoull(argv[3], NULL, 0) << 20;
    size_t bytes;
    void *file = read_file(path, &bytes);
    if (!file) {
        fprintf(stderr, "mkimage: %s: cannot read the root task\n", path);
        return 1;
    }
    struct elf_info info;
    const char *why = elf_check(file, bytes, USER_TOP, &info);
    if (why) {
        fprintf(stderr, "mkimage: %s: refused: %s\n", path, why);
        return 1;
    }
    // The image is carried in the kernel (file bytes) and copied into frames at boot.
    unsigned long long need = (info.image_end - info.image_start) + bytes + KERNEL_RESERVE_BYTES;
    if (need > ram) {
        fprintf(stderr,
                "mkimage: %s: refused: image needs %llu KiB but the machine has %llu KiB of RAM\n",
                path, need >> 10, ram >> 10);
        return 1;
    }
    free(file);
    return 0;
}
