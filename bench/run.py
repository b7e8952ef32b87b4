#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot a benchmark image in QEMU, pass its console through, and collect the figures.

Reads lines "BENCH <name> key=value ..." from the console until the root task ends
("root task exited"), "BENCH done", a kernel fault report, or the timeout; then stops QEMU
and writes every BENCH line as JSON:  {"qemu": ..., "results": {name: {key: int, ...}}}.
Exit status 0 only if the run ended normally (a root task with no BENCH lines is fine).
"""
import argparse
import json
import re
import shlex
import subprocess
import sys
import threading
import time

ANSI = re.compile(r"\x1b\[[0-9;]*m")
BENCH = re.compile(r"^BENCH (\S+)((?: \w+=\d+)*)\s*$")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--qemu", required=True, help="QEMU command line")
    ap.add_argument("--json", required=True, help="where to write the results")
    ap.add_argument("--log", help="copy of the console")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()

    proc = subprocess.Popen(shlex.split(args.qemu), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timer = threading.Timer(args.timeout, proc.kill)
    timer.start()
    results, lines, ended = {}, [], None
    try:
        for raw in proc.stdout:
            line = ANSI.sub("", raw.decode("utf-8", "replace")).rstrip("\r\n")
            lines.append(line)
            print(line, flush=True)
            m = BENCH.match(line)
            if m and m.group(1) != "done":
                results[m.group(1)] = {k: int(v) for k, v in
                                       (kv.split("=") for kv in m.group(2).split())}
            if line == "BENCH done" or line.startswith("root task exited"):
                ended = "normal"
                break
            if line.startswith("Caught ") or "KERNEL PANIC" in line:
                ended = "fault"
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
    if args.log:
        with open(args.log, "w") as f:
            f.write("\n".join(lines) + "\n")
    with open(args.json, "w") as f:
        json.dump({"qemu": args.qemu, "ended": ended or "timeout", "results": results}, f,
                  indent=2, sort_keys=True)
        f.write("\n")
    print(f"bench: {len(results)} figures written to {args.json}", file=sys.stderr)
    return 0 if ended == "normal" else 1


if __name__ == "__main__":
    sys.exit(main())
