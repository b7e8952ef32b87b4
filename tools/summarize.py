#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Add up the test results of one `make test` run.

Every suite (unit tests, harness self-test, system suite, fault cases, workspace steps)
writes one file into the results directory holding the line "N passed, N failed". This
prints one row per file, then exactly one final line "N passed, N failed" with the totals.

  summarize.py RESULTS_DIR [NAME...]

Each NAME is a result that must be there (RESULTS_DIR/NAME.txt): one that is missing, because
its suite did not build or make stopped before running it, is listed by name and counted as
one failure, so a suite cannot vanish from the total.

Exit status: 0 if at least one test ran and none failed; 1 otherwise (also when a result
file is malformed, which is counted as one failure so it cannot go unnoticed).
"""
import os
import re
import sys

LINE_RE = re.compile(r"^\s*(\d+) passed, (\d+) failed\s*$")


def read_result(path):
    """Return (passed, failed) from the last matching line of `path`, or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        m = LINE_RE.match(line)
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: summarize.py RESULTS_DIR [NAME...]\n")
        return 2
    directory = argv[1]
    expected = [n + ".txt" for n in argv[2:]]
    try:
        names = sorted(n for n in os.listdir(directory)
                       if os.path.isfile(os.path.join(directory, n)))
    except OSError as e:
        print("summarize: cannot read %s: %s" % (directory, e.strerror))
        names = []
    passed = failed = 0
    width = max([len(n) for n in names + expected] + [10])
    for name in sorted(set(names) | set(expected)):
        if name not in names:
            print("  %-*s  did not run (counted as 1 failure)   <--" % (width, name))
            failed += 1
            continue
        counts = read_result(os.path.join(directory, name))
        if counts is None:
            print("  %-*s  malformed result file (counted as 1 failure)" % (width, name))
            failed += 1
            continue
        p, f = counts
        passed += p
        failed += f
        print("  %-*s  %4d passed, %4d failed%s" % (width, name, p, f, "   <--" if f else ""))
    if not names and not expected:
        print("  (no result files in %s)" % directory)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
