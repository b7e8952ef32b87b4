// SPDX-License-Identifier: BSD-2-Clause
// The cap-type switchboard: everything that depends on "what kind of cap is this" goes
// through here, with arch (VSpace) cap types forwarded to the arch_* hooks in
// object/arch_object.h. Generic cap types are handled by their object file.
#pragma once

#include "types.h"
#include "abi.h"
#include "msg/failures.h"
#include "msg/invocation.h"
#include "cspace/cte.h"

// Decode (check everything) and then invoke the invocation inv->label on inv->cap, an
// object cap. Returns EXC_NONE, EXC_SYSCALL_ERROR (inv->error filled), EXC_LOOKUP_FAULT or
// EXC_PREEMPTED. Null, endpoint, notification and reply caps never come here: the
// invocation path (api/invocation.c) handles them as IPC.
exception_t decode_invocation(struct invocation *inv);

// Size in bits of an object of seL4 type `type` with user size `user_size_bits`
// (ignored for fixed-size types). Callers have validated the type.
word_t object_size_bits(word_t type, word_t user_size_bits);

// Create (zero and initialise) one object of `type` at `region` and return its cap.
// Device memory is not zeroed. Precondition: region is free, aligned, and big enough.
cap_t create_object(word_t type, pptr_t region, word_t user_size_bits, bool device);

// Mint/Mutate's data word applied to cap (badge for endpoints/notifications, guard for
// CNodes). Returns a null cap when the data is invalid (e.g. a badge on a badged cap).
cap_t update_cap_data(bool preserve, word_t data, cap_t cap);

// cap with its rights reduced by the seL4_CapRights word `rights`.
cap_t mask_cap_rights(word_t rights, cap_t cap);

// Whether two caps refer to the same object (b derived from a), and whether b's object
// lies within a's region (an untyped covers the objects made from it).
bool same_object_as(cap_t a, cap_t b);
bool same_region_as(cap_t a, cap_t b);

// Whether a new cap derived from src_cap starts a revocable subtree (untyped children,
// first badged endpoint/notification caps).
bool cap_is_revocable(cap_t new_cap, cap_t src_cap);

// Destroy what the last cap to an object held (final == true), or only undo what this
// one cap did (e.g. a frame mapping). Returns a cap that the caller must clean up next
// (a zombie for CNodes and TCBs whose slots must be emptied), or a null cap.
cap_t finalise_cap(cap_t cap, bool final);

// Whether `cap` in `slot` is the last cap to its object (no other cap in the CDT refers
// to the same object).
bool cap_is_final(const struct cte *slot);
