#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host wall time of the frame workload (bench/walltime/main.c): boot the image RUNS times
under QEMU, time each run's second pass (from the console line "walltime: warm" to
"walltime: done", so neither the boot nor the host's first touch of guest RAM counts), print
every run and the median, and write them to a JSON file.

    walltime.py --qemu 'QEMU CMD with {image}' --image IMG --json OUT [--runs 5]
"""
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "system", "harness"))
from qemu_lines import crashed, qemu_command, qemu_lines, script_args  # noqa: E402

DONE = b"walltime: done"
WARM = b"walltime: warm"


def one_run(cmd, timeout):
    """Seconds from the WARM line to the DONE line of one boot, or None."""
    start = None
    with qemu_lines(cmd, timeout) as lines:
        for line in lines:
            if WARM in line:
                start = time.monotonic()
            if DONE in line:
                return time.monotonic() - start if start is not None else None
            if crashed(line.decode("utf-8", "replace")):
                sys.stdout.write(line.decode("utf-8", "replace"))
                return None
    return None


def main():
    ap = script_args(__doc__)
    ap.add_argument("--image", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    cmd = qemu_command(args.qemu, args.image)
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
