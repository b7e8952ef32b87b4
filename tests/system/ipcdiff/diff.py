#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot the ipcdiff root task on two kernels (FASTPATH=1 and FASTPATH=0) and require the
same console output, line for line, up to "ipcdiff: done".

    diff.py --qemu 'QEMU CMD with {image}' --result FILE --log-dir DIR IMAGE1 IMAGE0

Writes "1 passed, 0 failed" or "0 passed, 1 failed" to the result file; on a difference it
prints the first differing line of each run. The two consoles are kept as
DIR/fastpath1.log and DIR/fastpath0.log.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
from qemu_lines import crashed, qemu_command, qemu_lines, script_args  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DONE = "ipcdiff: done"


def console(qemu, image, timeout):
    """The console lines of one boot, without colour codes, up to DONE or a crash."""
    lines = []
    with qemu_lines(qemu_command(qemu, image), timeout) as out:
        for raw in out:
            line = ANSI.sub("", raw.decode("utf-8", "replace")).rstrip("\r\n")
            lines.append(line)
            if line == DONE or crashed(line):
                break
    return lines


def main():
    ap = script_args(__doc__)
    ap.add_argument("--result", required=True)
    ap.add_argument("--log-dir", required=True)
    ap.add_argument("images", nargs=2)
    args = ap.parse_args()

    runs = [console(args.qemu, image, args.timeout) for image in args.images]
    os.makedirs(args.log_dir, exist_ok=True)
    for name, lines in zip(("fastpath1", "fastpath0"), runs):
        with open(os.path.join(args.log_dir, name + ".log"), "w") as f:
            f.write("\n".join(lines) + "\n")
    ok = all(lines and lines[-1] == DONE for lines in runs) and runs[0] == runs[1]
    if not ok:
        for i, (a, b) in enumerate(zip(runs[0] + [""], runs[1] + [""])):
            if a != b:
                print(f"ipcdiff: line {i + 1} differs:\n  FASTPATH=1: {a}\n  FASTPATH=0: {b}")
                break
        else:
            print("ipcdiff: a run did not reach '" + DONE + "'")
    print(f"ipcdiff: {len(runs[0])} console lines, "
          + ("identical on both kernels" if ok else "NOT identical"))
    with open(args.result, "w") as f:
        f.write("1 passed, 0 failed\n" if ok else "0 passed, 1 failed\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
