#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Where one benchmarked operation's guest instructions go, function by function.

Boots the bench image with QEMU's instruction trace (-singlestep -d exec,nochain), cuts the
trace at the bench root task's cycle-counter reads (each TIME window of bench/main.c and
bench/ipc.c is the code between two reads), and prints, for the first window whose length
is the given count plus the two counter-read instructions, how many instructions each
function (kernel or user) executed in it, in order of first appearance.

    bench/profile.py --qemu 'QEMU CMD with {image}' --image build/bench/image.elf \
        --roottask build/bench/bench.elf --count 595
`make bench-profile COUNT=595` runs it on the image the last `make bench` built.
"""
import argparse
import bisect
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading

TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")


def symbols(elf, nm):
    out = subprocess.run([nm, "-n", elf], capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    return syms


def counter_reads(elf, objdump):
    out = subprocess.run([objdump, "-d", elf], capture_output=True, text=True, check=True).stdout
    return {int(m.group(1), 16) for m in
            re.finditer(r"^\s*([0-9a-f]+):\s+\S+\s+mrs\s+\w+, pmccntr_el0", out, re.M)}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--qemu", required=True, help="QEMU command line, {image} for the image")
    ap.add_argument("--image", required=True)
    ap.add_argument("--roottask", required=True)
    ap.add_argument("--count", type=int, required=True, help="per_op figure of the operation")
    ap.add_argument("--cross", default="aarch64-linux-gnu-")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()

    syms = symbols(args.image, args.cross + "nm") + symbols(args.roottask, args.cross + "nm")
    syms.sort()
    addrs = [a for a, _ in syms]
    reads = counter_reads(args.roottask, args.cross + "objdump")

    def name(pc):
        i = bisect.bisect_right(addrs, pc) - 1
        return syms[i][1] if i >= 0 else hex(pc)

    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "trace")
        fifo = os.path.join(tmp, "fifo")
        os.mkfifo(fifo)
        cmd = shlex.split(args.qemu.replace("{image}", args.image))
        cmd += ["-singlestep", "-d", "exec,nochain", "-D", fifo]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        window, found = None, None
        timer = threading.Timer(args.timeout, proc.kill)
        timer.start()
        try:
            with open(fifo) as f:
                for line in f:
                    m = TRACE.match(line)
                    if not m:
                        continue
                    pc = int(m.group(1), 16)
                    if pc in reads:
                        # A window is [after one read, this read]: count + 2 instructions.
                        if window is not None and len(window) in (args.count + 1, args.count + 2):
                            found = window
                            break
                        window = []
                        continue
                    if window is not None:
                        window.append(pc)
                        if len(window) > args.count + 2:
                            window = None
        finally:
            timer.cancel()
            proc.kill()
            proc.wait()
    if found is None:
        print(f"profile: no window of {args.count} instructions", file=sys.stderr)
        return 1
    order, counts = [], {}
    for pc in found:
        n = name(pc)
        if n not in counts:
            order.append(n)
            counts[n] = 0
        counts[n] += 1
    print(f"{args.count} instructions (+2 counter reads), by function in order of first use:")
    for n in order:
        print(f"  {counts[n]:5}  {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
