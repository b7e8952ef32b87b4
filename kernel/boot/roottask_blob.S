// SPDX-License-Identifier: BSD-2-Clause
// Carries the root-task ELF, byte for byte, into the kernel image (mk/image.mk assembles
// this with ROOTTASK_PATH set). boot.c finds it between _rootimage_start and _rootimage_end.
    .section .rootimage, "a"
    .incbin ROOTTASK_PATH
