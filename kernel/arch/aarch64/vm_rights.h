// SPDX-License-Identifier: BSD-2-Clause
// Frame VM rights (seL4's vm_rights_t): what a mapping of a frame cap may at most allow.
// Stored in frame caps (cspace/cap.h) and turned into descriptor bits (pte.h).
#pragma once

#define VM_RIGHT_WRITE 0x1u
#define VM_RIGHT_READ 0x2u
#define VM_READ_WRITE (VM_RIGHT_WRITE | VM_RIGHT_READ)
#define VM_READ_ONLY VM_RIGHT_READ
#define VM_KERNEL_ONLY 0u
