#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host wall time of the frame workload (bench/walltime/main.c): boot the image RUNS times
under QEMU, time each run's second pass (from the console line "walltime: warm" to
"walltime: done", so neither the boot nor the host's first touch of guest RAM counts), print
every run and the median, and write them to a JSON file.

    walltime.py --qemu 'QEMU CMD with {image}' --image IMG --json OUT [--runs 5]
"""
import argparse
import json
import shlex
import statistics
import subprocess
import sys
import threading
import time

DONE = b"walltime: done"
WARM = b"walltime: warm"


def one_run(cmd, timeout):
    start = None
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    ok = False
    try:
        for line in proc.stdout:
            if WARM in line:
                start = time.monotonic()
            if DONE in line:
                ok = True
                break
            if b"KERNEL PANIC" in line or line.startswith(b"Caught "):
                sys.stdout.write(line.decode("utf-8", "replace"))
                break
    finally:
        elapsed = time.monotonic() - start if start is not None else 0.0
        timer.cancel()
        proc.kill()
        proc.wait()
    return elapsed if ok and start is not None else None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--image", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    cmd = shlex.split(args.qemu.replace("{image}", args.image))
    times = []
    for i in range(args.runs):
        t = one_run(cmd, args.timeout)
        if t is None:
            print(f"walltime: run {i + 1} did not finish", file=sys.stderr)
            return 1
        times.append(t)
        print(f"walltime: run {i + 1}: {t:.3f} s", flush=True)
    median = statistics.median(times)
    print(f"walltime: median of {len(times)} runs: {median:.3f} s (host wall time of the second pass)")
    with open(args.json, "w") as f:
        json.dump({"qemu": args.qemu, "image": args.image, "runs_s": times, "median_s": median},
                  f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
