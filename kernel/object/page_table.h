// SPDX-License-Identifier: BSD-2-Clause
// Page-table objects (every level below the VSpace root, as seL4 models them since 13.0)
// and their invocations ARM_PageTable_Map and ARM_PageTable_Unmap (seL4 manual §7.1.3;
// docs/design/abi.md §11.4). A page-table cap records the ASID and the vaddr its table covers.
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "arch/aarch64/pte.h"

struct invocation;

// Decode and invoke a page-table invocation (inv->cap is a page-table cap). Labels:
//   ARMPageTableUnmap  RevokeFirst while other caps to the table exist; otherwise detaches
//                      the table (if mapped), zeroes it and marks the cap unmapped.
//   ARMPageTableMap    MR0 vaddr, MR1 attributes (ignored), extra cap 0 the VSpace. Errors in
//                      order: TruncatedMessage, InvalidCapability(0) (already mapped),
//                      InvalidCapability(1) (not a VSpace with an ASID), InvalidArgument(0)
//                      (vaddr above seL4_UserTop), FailedLookup (InvalidRoot: ASID gone),
//                      InvalidCapability(1) (ASID now names another VSpace), DeleteFirst
//                      (every level is present, or a frame is mapped there). Success links
//                      the table at the first missing level and records ASID and vaddr
//                      rounded down to the table's span in the cap.
//   anything else      IllegalOperation.
// Returns EXC_NONE or EXC_SYSCALL_ERROR (inv->error filled, no state changed).
exception_t decode_page_table_invocation(struct invocation *inv);

// Detach the table `table` mapped for `vaddr` in `asid`: walk from that ASID's VSpace root
// towards vaddr until an entry points at `table`, clear that entry, clean it and invalidate
// the ASID's TLB entries (seL4's unmapPageTable). Does nothing if the ASID is gone or the
// table is no longer linked there. The table's own contents are left alone.
void page_table_unmap(word_t asid, vptr_t vaddr, const pte_t *table);
