#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot a benchmark image in QEMU, pass its console through, and collect the figures.

Reads lines "BENCH <name> key=value ..." from the console until the root task ends
("root task exited"), "BENCH done", a kernel fault report, or the timeout; then stops QEMU
and writes every BENCH line as JSON:
    {"qemu": ..., "config": {"build": "release", ...}, "results": {name: {key: int, ...}}}.
Exit status 0 only if the run ended normally (a root task with no BENCH lines is fine).

seL4's own benchmark suite, sel4bench, runs as it is (make bench ROOTTASK=...): its table,
printed between "JSON OUTPUT" and "END JSON OUTPUT", goes into the JSON as "sel4bench", and
its last lines ("All is well in the universe.", then "Fin") end the run normally.
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


def print_mcs(results, config, reference_path):
    """MCS: every figure beside seL4's MCS figure where reference.json has one
    (sel4_mcs_release; none is known yet, and its note says why); no targets. The non-MCS
    seL4 figures are not comparable (another configuration), so they are not shown."""
    with open(reference_path) as f:
        ref = json.load(f)
    known = {n: r["sel4_mcs_release"] for n, r in ref["operations"].items()
             if "sel4_mcs_release" in r}
    print(f"\nCairn MCS ({config.get('build', '?')} build, FASTPATH={config.get('FASTPATH', '?')}), "
          "guest instructions per operation:")
    print("| operation            |  Cairn | seL4 MCS release |")
    print("|----------------------|--------|------------------|")
    for name, r in results.items():
        print(f"| {name:<20} | {r['per_op']:>6} | {known.get(name, 'not known'):>16} |")
    if not known:
        print("seL4 MCS: " + ref.get("sel4_mcs_note", "no figure known"))


def print_comparison(results, config, reference_path):
    """The table beside seL4's figures: ratio to seL4's release build and the target."""
    if config.get("MCS"):
        print_mcs(results, config, reference_path)
        return
    with open(reference_path) as f:
        ref = json.load(f)["operations"]
    build = config.get("build", "?")
    release = build == "release"
    print(f"\nCairn ({build} build, FASTPATH={config.get('FASTPATH', '?')}) against upstream "
          "seL4 16.0.0, guest instructions per operation:")
    head = f"| {'operation':<20} | {'Cairn':>6} | {'seL4 debug':>10} | {'seL4 release':>12} | " \
           f"{'ratio':>5} | {'target':>6} |" + (" before |" if not release else "")
    print(head)
    print("|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|")
    for name, r in ref.items():
        if name not in results or "sel4_release" not in r:
            continue
        ours = results[name]["per_op"]
        ratio = ours / r["sel4_release"]
        mark = ""
        if release:
            mark = "" if ours <= r["target"] else "  MISSED"
        elif "cairn_debug_before" in r and ours > r["cairn_debug_before"]:
            mark = "  SLOWER"
        line = f"| {name:<20} | {ours:>6} | {r['sel4_debug']:>10} | {r['sel4_release']:>12} | " \
               f"{ratio:>5.2f} | {r['target']:>6} |"
        if not release:
            line += f" {r.get('cairn_debug_before', ''):>6} |"
        print(line + mark)
    if not release:
        slower = [n for n, r in ref.items() if n in results and "cairn_debug_before" in r
                  and results[n]["per_op"] > r["cairn_debug_before"]]
        print("debug build: " + (", ".join(slower) + " slower than before" if slower
                                 else "nothing slower than before the fastpath work"))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--qemu", required=True, help="QEMU command line")
    ap.add_argument("--json", required=True, help="where to write the results")
    ap.add_argument("--log", help="copy of the console")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--config", default="{}", help="kernel configuration (JSON), recorded")
    ap.add_argument("--reference", help="seL4's figures and targets (bench/reference.json)")
    args = ap.parse_args()

    proc = subprocess.Popen(shlex.split(args.qemu), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timer = threading.Timer(args.timeout, proc.kill)
    timer.start()
    results, lines, ended = {}, [], None
    sel4bench, table, well = None, None, False
    try:
        for raw in proc.stdout:
            line = ANSI.sub("", raw.decode("utf-8", "replace")).strip("\r\n")
            lines.append(line)
            print(line, flush=True)
            m = BENCH.match(line)
            if m and m.group(1) != "done":
                results[m.group(1)] = {k: int(v) for k, v in
                                       (kv.split("=") for kv in m.group(2).split())}
            if line == "BENCH done" or line.startswith("root task exited"):
                ended = "normal"
                break
            # sel4bench: its JSON table, then its closing lines.
            if line == "JSON OUTPUT":
                table = []
            elif table is not None:
                table.append(line.split("END JSON OUTPUT")[0])
                if "END JSON OUTPUT" in line:
                    sel4bench, table = json.loads("".join(table)), None
            well = well or line == "All is well in the universe."
            if well and line == "Fin":
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
        out = {"qemu": args.qemu, "config": json.loads(args.config),
               "ended": ended or "timeout", "results": results}
        if sel4bench is not None:
            out["sel4bench"] = sel4bench
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    if args.reference and results:
        print_comparison(results, json.loads(args.config), args.reference)
    print(f"bench: {len(results)} figures written to {args.json}", file=sys.stderr)
    for bench in sel4bench or []:
        for r in bench.get("Results", []):
            print(f"sel4bench: {bench.get('Benchmark')}: {r.get('Function')} "
                  f"{r.get('Direction')}, same vspace {r.get('Same vspace?')}, "
                  f"length {r.get('IPC length')}: mean {r.get('Mean')}", file=sys.stderr)
    return 0 if ended == "normal" else 1


if __name__ == "__main__":
    sys.exit(main())
