#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Check that the code a document points at still exists (part of `make lint`).

A reference is a backticked repository path, optionally followed by backticked symbols in
brackets:  `kernel/api/faults.c` (`handle_fault`, `fault_message_mrs`).  The path must
exist, and each symbol must occur as a whole word in that file (`prefix_*`: as a prefix). Usage:
    check_doc_refs.py DOC.md...
Prints one line per broken reference and exits 1 if there is any.
"""
import os
import re
import sys

# A path: at least one slash, starting at a top-level folder of the repository.
REF = re.compile(r"`((?:kernel|libsel4|runtime|tests|workspaces|bench|tools|mk|docs)/[\w./-]*)`"
                 r"(?:\s*\(([^()]*)\))?")
SYMBOL = re.compile(r"`([^`]+)`")
IDENT = re.compile(r"[A-Za-z_]\w*")


def check(doc, root):
    text = open(doc, encoding="utf-8").read()
    bad = []
    for m in REF.finditer(text):
        path, inner = m.group(1), m.group(2)
        line = text.count("\n", 0, m.start()) + 1
        full = os.path.join(root, path)
        if not os.path.exists(full):
            bad.append(f"{doc}:{line}: {path} does not exist")
            continue
        if not inner or os.path.isdir(full):
            continue
        body = open(full, encoding="utf-8", errors="replace").read()
        for sym in SYMBOL.findall(inner):
            names = IDENT.findall(sym)
            if not names or "/" in sym:
                continue
            name = names[-1]
            tail = "" if sym.rstrip().endswith("*") else r"(?![\w])"  # `arm_sys_*`: a prefix
            if not re.search(r"(?<![\w])" + re.escape(name) + tail, body):
                bad.append(f"{doc}:{line}: {path} has no `{name}`")
    return bad


def main(argv):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    bad = [b for doc in argv[1:] for b in check(doc, root)]
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
