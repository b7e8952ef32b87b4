#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes hand-made fuzz-host inputs (the byte format fuzz_syscall.c reads) into
tests/fuzz-host/regressions/: sequences a fuzzer would take long to find, kept so that
`make test` replays them. Run it after changing the format: python3 encode.py DIR.

Format of one step: an op byte (op % 16 == 15: timer tick; 14: user store, then two
words va, value; otherwise a syscall, syscalls[op % 14] in fuzz_syscall.c, then seven
words x0..x6 and a count byte with that many (index byte, word) IPC-buffer writes).
A word is a selector byte and, for selector 6, eight bytes big-endian."""
import os
import sys

CALL, DUMP_VSPACE, STORE = 0, 12, 14
ROOT = 2  # the root CNode's CPtr (seL4_CapInitThreadCNode); slots are CPtrs, depth 64
ROOT_VSPACE, ASID_CONTROL = 3, 5
UT_BIG, UT_MID = 16, 17  # 2^20 and 2^16 untypeds
UNTYPED, VSPACE, SMALL_PAGE, PAGE_TABLE = 0, 6, 7, 9
RETYPE, CNODE_DELETE, PT_MAP, PAGE_MAP, MAKE_POOL, ASSIGN = 1, 18, 38, 40, 47, 48


def word(v):
    return bytes([6]) + (v & (2**64 - 1)).to_bytes(8, "big")


def call(cptr, label, mrs=(), caps=()):
    """seL4_Call on cptr: MR0-MR3 in x2-x5, the rest and the extra CPtrs in the buffer."""
    info = (label << 12) | (len(caps) << 7) | len(mrs)
    regs = [cptr, info] + list(mrs[:4]) + [0] * (4 - len(mrs[:4])) + [0]
    writes = [(1 + i, v) for i, v in enumerate(mrs) if i >= 4]
    writes += [(122 + i, c) for i, c in enumerate(caps)]
    out = bytes([CALL]) + b"".join(word(r) for r in regs[:7]) + bytes([len(writes)])
    return out + b"".join(bytes([i]) + word(v) for i, v in writes)


def retype(ut, obj_type, bits, offset):
    return call(ut, RETYPE, [obj_type, bits, 0, 0, offset, 1], [ROOT])


def store(va, value):
    return bytes([STORE]) + word(va) + word(value)


def dump_vspace(cptr):
    return bytes([DUMP_VSPACE]) + b"".join(word(r) for r in [cptr, 0, 0, 0, 0, 0, 0]) + bytes([0])


def stale_vspace():
    """Issue 9: a VSpace's ASID pool is deleted, then a table mapped in it; the table's
    memory becomes a frame the root task fills with table descriptors for 256 GiB; then
    the VSpace picture of the dead VSpace (the kernel must not walk it)."""
    dead_va, fill_va = 0x8000000000, 0x10000000000
    s = retype(UT_MID, UNTYPED, 12, 100)  # the pool's memory
    s += retype(UT_MID, UNTYPED, 12, 101)  # the table's memory
    s += retype(UT_BIG, VSPACE, 0, 102)
    s += call(ASID_CONTROL, MAKE_POOL, [103, 64], [100, ROOT])
    s += call(103, ASSIGN, [], [102])
    s += retype(101, PAGE_TABLE, 0, 104)
    s += call(104, PT_MAP, [dead_va, 0], [102])
    s += call(ROOT, CNODE_DELETE, [103, 64])  # the pool
    s += call(ROOT, CNODE_DELETE, [104, 64])  # the table: stays linked in the dead VSpace
    s += retype(101, SMALL_PAGE, 0, 105)
    for i in range(3):  # tables for fill_va in the root task's VSpace
        s += retype(UT_BIG, PAGE_TABLE, 0, 106 + i)
        s += call(106 + i, PT_MAP, [fill_va, 0], [ROOT_VSPACE])
    s += call(105, PAGE_MAP, [fill_va, 3, 0], [ROOT_VSPACE])
    for i in range(8):
        s += store(fill_va + 8 * i, (256 << 30) | 3)
    return s + dump_vspace(102)


def idle_after_fault():
    """The first crash fuzz-host found (the checker's, not the kernel's): ReplyRecv on a null
    cap faults the only thread, which stops; with nothing current or queued the checker
    could no longer reach the root CNode and took the ASID pool's cap for gone. Found by
    libFuzzer as these two bytes; the checker now starts from every existing thread."""
    return b"Z\n"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "regressions")
    os.makedirs(out, exist_ok=True)
    for name, data in [("stale-vspace-picture", stale_vspace()),
                       ("idle-after-fault", idle_after_fault())]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
