// SPDX-License-Identifier: BSD-2-Clause
// Frame objects (4 KiB, 2 MiB and 1 GiB user pages) and their invocations: ARM_Page_Map
// (including remap), Unmap, GetAddress and the four cache-maintenance calls (seL4 manual
// §7.1.3; docs/design/abi.md §9 and §11.3). Frame caps record where they are mapped (cap.h).
#pragma once

#include "types.h"
#include "abi.h"
#include "msg/failures.h"
#include "cspace/cap.h"

struct invocation;

// seL4's maskVMRights: the VM rights (cap.h VM_* bits) of a frame cap holding `vm_rights`
// after masking with the seL4_CapRights word `cap_rights` (bit 0 write, bit 1 read). Without
// read the result is kernel-only: a write-only mapping is not supported and is not an error.
// Pure.
unsigned vm_rights_mask(unsigned vm_rights, word_t cap_rights);

// Decode and invoke a frame invocation (inv->cap is a frame cap). Labels:
//   ARMPageMap        MR0 vaddr, MR1 rights, MR2 attributes, extra cap 0 the VSpace; the
//                     checks/errors of docs/design/abi.md §11.3 in order; success writes the PTE
//                     (replacing whatever the slot held) and records ASID+vaddr in the cap.
//   ARMPageUnmap      always succeeds; removes the mapping if the PTE still maps this frame.
//   ARMPageGetAddress replies MR0 = the frame's physical address (when the caller Called).
//   ARMPage{Clean,Invalidate,CleanInvalidate}_Data, ARMPageUnify_Instruction
//                     MR0 start, MR1 end (offsets in the frame): TruncatedMessage,
//                     IllegalOperation (not mapped), FailedLookup (ASID gone),
//                     InvalidArgument(1) (end <= start), InvalidArgument(0) (outside the
//                     frame), InvalidCapability(0) (stale mapping), IllegalOperation
//                     (Invalidate on a mapping without write rights).
//   anything else     IllegalOperation.
// Returns EXC_NONE or EXC_SYSCALL_ERROR (inv->error filled, no state changed).
exception_t decode_frame_invocation(struct invocation *inv);

// Remove the mapping of the frame at kernel address `base` (size `size`) from `vaddr` in
// `asid`, if that ASID still has a VSpace and the PTE there still maps this frame at this
// size; then clean the PTE and invalidate the TLB entry for ASID+vaddr (seL4's unmapPage).
// Otherwise does nothing. Used by Page_Unmap and by deleting a mapped frame cap.
void frame_unmap(enum frame_size size, word_t asid, vptr_t vaddr, pptr_t base);
