// SPDX-License-Identifier: BSD-2-Clause
// Typed capabilities for C: one single-member struct per kind of seL4 object, so that a
// cap of one kind cannot be passed where another is wanted (the compiler refuses it), with
// conversions to and from a raw seL4_CPtr, object blueprints ("what to retype"), the
// initial thread's fixed slots as typed constants, and typed CSpace paths. The invocations
// on these types are in <cairn/caps.h>, which includes this header. Everything is plain
// seL4 ABI: a typed cap is a CPtr and nothing else.
#pragma once

#include <cairn/alloc.h>
#include <sel4/sel4.h>

/*
 * The kinds, one struct each (the Rust sel4 crate's cap::* in parentheses):
 *
 *   cairn_untyped_t        untyped memory                         (Untyped)
 *   cairn_cnode_t          a CNode                                (CNode)
 *   cairn_tcb_t            a thread control block                 (Tcb)
 *   cairn_endpoint_t       an IPC endpoint                        (Endpoint)
 *   cairn_notification_t   a notification                         (Notification)
 *   cairn_vspace_t         the top-level translation table        (VSpace)
 *   cairn_page_table_t     an intermediate translation table      (PT)
 *   cairn_granule_t        a 4 KiB frame (seL4_ARM_SmallPageObject) (Granule)
 *   cairn_large_page_t     a 2 MiB frame (seL4_ARM_LargePageObject) (LargePage)
 *   cairn_huge_page_t      a 1 GiB frame (seL4_ARM_HugePageObject)  (HugePage)
 *   cairn_asid_pool_t      an ASID pool                           (AsidPool)
 *   cairn_asid_control_t   the ASID control cap                   (AsidControl)
 *   cairn_irq_control_t    the IRQ control cap                    (IrqControl)
 *   cairn_irq_handler_t    the handler cap of one interrupt       (IrqHandler)
 *
 * Each is `typedef struct cairn_<kind> { seL4_CPtr cptr; } cairn_<kind>_t;` and comes with
 * `cairn_as_<kind>(seL4_CPtr)`, which says "the cap in this slot is a <kind>": the only
 * place a raw CPtr becomes typed. Nothing is checked at run time; a wrong claim gives the
 * kernel's seL4_InvalidCapability (or IllegalOperation) at the first invocation.
 * cairn_cptr(cap) gives the raw CPtr back, for plain libsel4 calls.
 */
#define CAIRN_CAP_KIND_(kind)                                                                      \
    typedef struct cairn_##kind {                                                                  \
        seL4_CPtr cptr;                                                                            \
    } cairn_##kind##_t;                                                                            \
    static inline cairn_##kind##_t cairn_as_##kind(seL4_CPtr cptr)                                 \
    {                                                                                              \
        return (cairn_##kind##_t){cptr};                                                           \
    }

CAIRN_CAP_KIND_(untyped)
CAIRN_CAP_KIND_(cnode)
CAIRN_CAP_KIND_(tcb)
CAIRN_CAP_KIND_(endpoint)
CAIRN_CAP_KIND_(notification)
CAIRN_CAP_KIND_(vspace)
CAIRN_CAP_KIND_(page_table)
CAIRN_CAP_KIND_(granule)
CAIRN_CAP_KIND_(large_page)
CAIRN_CAP_KIND_(huge_page)
CAIRN_CAP_KIND_(asid_pool)
CAIRN_CAP_KIND_(asid_control)
CAIRN_CAP_KIND_(irq_control)
CAIRN_CAP_KIND_(irq_handler)

/* The raw CPtr of any typed cap (a raw integer here is a compile error: no member cptr). */
#define cairn_cptr(cap) ((cap).cptr)

/* True when a typed cap names slot 0, the null slot (what the allocators return on failure). */
#define cairn_cap_is_null(cap) ((cap).cptr == seL4_CapNull)

/* ---- the initial thread's fixed slots, typed (libsel4's seL4_CapInitThread* values) ---- */

#define CAIRN_INIT_TCB ((cairn_tcb_t){seL4_CapInitThreadTCB})
#define CAIRN_INIT_CNODE ((cairn_cnode_t){seL4_CapInitThreadCNode})
#define CAIRN_INIT_VSPACE ((cairn_vspace_t){seL4_CapInitThreadVSpace})
#define CAIRN_IRQ_CONTROL ((cairn_irq_control_t){seL4_CapIRQControl})
#define CAIRN_ASID_CONTROL ((cairn_asid_control_t){seL4_CapASIDControl})
#define CAIRN_INIT_ASID_POOL ((cairn_asid_pool_t){seL4_CapInitThreadASIDPool})
#define CAIRN_IPC_BUFFER_FRAME ((cairn_granule_t){seL4_CapInitThreadIPCBuffer})
#define CAIRN_BOOTINFO_FRAME ((cairn_granule_t){seL4_CapBootInfoFrame})

/* ---- CSpace paths from typed caps (cairn_cspath_t is in <cairn/alloc.h>) ---------------- */

/* The slot of a typed cap in the root task's CNode: (seL4_CapInitThreadCNode, cptr, 64). */
#define cairn_cspath_of(cap) cairn_cspath((cap).cptr)

/* Slot `index` of `cnode`, resolving a whole word (depth seL4_WordBits): right for the root
 * CNode and for any CNode whose guard makes up the rest of the word. (Rust: absolute_cptr) */
static inline cairn_cspath_t cairn_cnode_slot(cairn_cnode_t cnode, seL4_Word index)
{
    return cairn_cspath_in(cnode.cptr, index, seL4_WordBits);
}

/* Slot `index` of `cnode`, resolving only `depth` bits (e.g. a CNode with no guard). */
static inline cairn_cspath_t cairn_cnode_slot_depth(cairn_cnode_t cnode, seL4_Word index,
                                                    seL4_Uint8 depth)
{
    return cairn_cspath_in(cnode.cptr, index, depth);
}

/* `cnode` itself as a destination CNode (depth 0), for Untyped_Retype: the new caps go to
 * its slots offset, offset + 1, ... (Rust: absolute_cptr_for_self) */
static inline cairn_cspath_t cairn_cnode_self(cairn_cnode_t cnode)
{
    return cairn_cspath_in(cnode.cptr, 0, 0);
}

/* ---- object blueprints: what Untyped_Retype makes ---------------------------------------- */

/*
 * One value for "an object of this type and size": the type and size_bits arguments of
 * seL4_Untyped_Retype. size_bits matters only for untyped (log2 bytes) and CNodes (log2
 * slots); the kernel ignores it for the fixed-size types. (Rust: ObjectBlueprint)
 */
typedef struct {
    seL4_Word type;
    seL4_Word size_bits;
} cairn_blueprint_t;

#define CAIRN_BP_UNTYPED(bits) ((cairn_blueprint_t){seL4_UntypedObject, (bits)})
#define CAIRN_BP_CNODE(slot_bits) ((cairn_blueprint_t){seL4_CapTableObject, (slot_bits)})
#define CAIRN_BP_TCB ((cairn_blueprint_t){seL4_TCBObject, 0})
#define CAIRN_BP_ENDPOINT ((cairn_blueprint_t){seL4_EndpointObject, 0})
#define CAIRN_BP_NOTIFICATION ((cairn_blueprint_t){seL4_NotificationObject, 0})
#define CAIRN_BP_VSPACE ((cairn_blueprint_t){seL4_ARM_VSpaceObject, 0})
#define CAIRN_BP_PAGE_TABLE ((cairn_blueprint_t){seL4_ARM_PageTableObject, 0})
#define CAIRN_BP_GRANULE ((cairn_blueprint_t){seL4_ARM_SmallPageObject, 0})
#define CAIRN_BP_LARGE_PAGE ((cairn_blueprint_t){seL4_ARM_LargePageObject, 0})
#define CAIRN_BP_HUGE_PAGE ((cairn_blueprint_t){seL4_ARM_HugePageObject, 0})

/* log2 of the bytes the object takes out of an untyped (cairn_object_size_bits). */
static inline seL4_Word cairn_blueprint_size_bits(cairn_blueprint_t bp)
{
    return cairn_object_size_bits(bp.type, bp.size_bits);
}
