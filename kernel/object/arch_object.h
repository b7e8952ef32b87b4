// SPDX-License-Identifier: BSD-2-Clause
// The hooks through which the cap-type switchboard (objecttype.c) reaches the AArch64
// VSpace cap types: frame, page table, VSpace, ASID control and ASID pool. Implemented in
// object/arch_object.c by the VSpace code; generic code calls nothing else arch-specific.
#pragma once

#include "types.h"
#include "msg/failures.h"
#include "cspace/cte.h"

struct invocation;

// Decode and invoke an invocation on an arch cap (inv->cap is one of the arch types).
// Same contract as decode_invocation.
exception_t arch_decode_invocation(struct invocation *inv);

// Create an arch object of `type` at `region` (aligned, free, big enough) and return its
// cap. Non-device memory is zeroed; device memory is left untouched.
cap_t arch_create_object(word_t type, pptr_t region, bool device);

// Undo what `cap` did (a frame mapping, a table's attachment); when `final`, also what its
// object holds (a VSpace's ASID). Returns a null cap.
cap_t arch_finalise_cap(cap_t cap, bool final);

// Whether arch cap b's object lies within arch cap a's object (seL4 Arch_sameRegionAs).
bool arch_same_region_as(cap_t a, cap_t b);

// Arch cap `cap` with its rights reduced by the seL4_CapRights word `rights`.
cap_t arch_mask_cap_rights(word_t rights, cap_t cap);

// Whether the seL4 object type `type` is an arch type (frames, tables, VSpace).
bool arch_is_type(word_t type);
