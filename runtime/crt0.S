// SPDX-License-Identifier: BSD-2-Clause
// _start: the root task's first instruction. The kernel enters here with x0 = the BootInfo
// pointer, SP = 0 and every other register zero (seL4 ABI, docs/design/abi.md §8). We
// only give ourselves a stack and call the C start-up; .bss is already zero (the kernel
// maps the image's zero-filled part from zeroed frames), so nothing is cleared here.

    .section .text.cairn_start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    // __cairn_stack_top (root-task.ld) is the 16-byte aligned top of the stack region.
    adrp    x1, __cairn_stack_top
    add     x1, x1, :lo12:__cairn_stack_top
    mov     sp, x1
    // A zero frame record ends stack walks (debuggers, backtraces) here.
    mov     x29, xzr
    mov     x30, xzr
    // x0 still holds the BootInfo pointer: cairn_start(const seL4_BootInfo *bi).
    bl      cairn_start
    // cairn_start never returns; if it somehow did, trap where a debugger will see it.
1:  brk     #0x1
    b       1b
    .size _start, . - _start

    // No executable stack wanted (silences the linker's warning).
    .section .note.GNU-stack, "", %progbits
