#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""`make check` for a tutorial chapter: boot the learner's program once and say, step by
step, which steps' expected output it produces and where it first differs.

The expected output of a step is the chapter's expect/<step>.txt, the same file the system
tests hold the step's solution to (tests/system/README.md has the format). The program
boots once; every step's file is followed through the one console text at the same time
(a `send:` line types its text once the lines before it have matched). The boot ends when
QEMU exits, when the root task has ended or was stopped by a fault, when nothing has been
printed for --idle seconds, or after --timeout seconds.

Steps build on each other, so the chapter is done up to the last step whose file the output
satisfies; the step after it is the next exercise, and for it the report gives the first
expectation not met and the console line standing where it was expected:

  4.C  next: expected a line matching `PAGE_A is backed by image frame cap \\d+`;
             saw `TEST_PASS`

  check.py --qemu CMD --image IMG --chapter DIR [--docs FILE] [--log FILE]
      report on one program; exit status 0 only if every step is done
  check.py --qemu CMD --fresh NAME:IMAGE:DIR ... [--result FILE] [--log-dir DIR]
      the system test of fresh learner's files (NAME is e.g. hello-world/main.c, DIR the
      chapter): each must boot, end cleanly, and leave a next exercise to name; one
      "[PASS] NAME" line each and "N passed, N failed"
"""

import argparse
import os
import re
import sys
import time

from expect_file import CONFIGS, HarnessError, Matcher, parse_expect_file
from run import PANIC_TEXT, Console, add_console_options, fault_line, qemu_argv

BOOTED = "Booting all finished, dropped to user space"
# Lines after which the program runs no more: main returned, or the kernel stopped the
# thread after a fault report (Cairn's own line), or the kernel panicked.
END_RE = re.compile(r"^root task exited with status|^Cairn: thread .* stopped|KERNEL PANIC",
                    re.MULTILINE)
DEFAULT_IDLE = 5.0        # seconds without output that end the boot
DEFAULT_TIMEOUT = 90.0    # seconds for the whole boot
BOOT_TIMEOUT = 60.0       # seconds allowed before the kernel hands over to user space
GRACE = 1.0               # seconds still read after an end line


def step_order(name):
    """Steps sort by name (2.A < 2.B, 6.0 < 6.A, 3b.A < 3b.B)."""
    return name


def load_steps(chapter_dir, config="classic"):
    expect_dir = os.path.join(chapter_dir, "expect")
    names = sorted((f[:-4] for f in os.listdir(expect_dir) if f.endswith(".txt")), key=step_order)
    return [(n, parse_expect_file(os.path.join(expect_dir, n + ".txt"), config)) for n in names]


def doc_sections(docs_path):
    """Step name -> heading of its section in the chapter text ("4.C: unmap it and fault")."""
    sections = {}
    if not docs_path or not os.path.isfile(docs_path):
        return sections
    with open(docs_path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^#+\s+(?:Step\s+)?(\S+?)(?::|\s\(|\s*$)(.*)$", line.rstrip())
            if m:
                sections.setdefault(m.group(1), line.lstrip("#").strip())
    return sections


def boot_and_follow(argv, steps, log_path, idle, timeout):
    """Boot once, following every step's matcher; returns (console text, matchers)."""
    matchers = [Matcher(spec) for _, spec in steps]
    sent = set()

    def send_once(text):
        if text not in sent:
            sent.add(text)
            console.send(text)

    console = Console(argv, log_path)
    try:
        start = last_output = time.monotonic()
        end_seen = None
        while not console.eof:
            now = time.monotonic()
            if console.poll(0.2):
                last_output = now
            for m in matchers:
                m.advance(console.text, console.eof, send_once)
            if end_seen is None and END_RE.search(console.text):
                end_seen = now
            booted = BOOTED in console.text
            if end_seen is not None and now - end_seen >= GRACE:
                break
            if booted and now - last_output >= idle:
                break
            if not booted and now - start >= BOOT_TIMEOUT:
                break
            if now - start >= timeout:
                break
        console.drain(0.2)
        for m in matchers:
            m.advance(console.text, True, send_once)
        return console.text, matchers
    finally:
        console.close()


def show(text, limit=100):
    text = text.strip()
    return "`%s`" % (text if len(text) <= limit else text[:limit - 3] + "...")


def line_at(text, offset):
    """The first non-blank console line at or after `offset` (the rest of a line when
    `offset` is inside one), or None at the end of the output."""
    rest = text[offset:]
    if rest and not rest.startswith("\n") and offset > 0 and text[offset - 1] != "\n":
        rest = rest.split("\n", 1)[1] if "\n" in rest else ""
    for line in rest.split("\n"):
        if line.strip():
            return line
    return None


def verdict(spec, matcher, text):
    """None if the output satisfies the step, else why not (one line): the first
    expectation not met and the line standing where it was expected; else an unexpected
    fault report; else a forbidden text."""
    lines = text.split("\n")
    for line in lines:
        if PANIC_TEXT in line:
            return "the kernel panicked: %s" % show(line)
    fault = None if spec.allow_fault else next((l for l in lines if fault_line(l)), None)
    pending = matcher.pending()
    while pending is not None and pending[0] == "send":
        matcher.step += 1
        pending = matcher.pending()
    if pending is not None:
        kind, arg = pending
        if kind == "expect":
            want = "expected %s" % show(arg)
        else:
            want = "expected a line matching %s" % show(arg.strip("^$"))
        seen = line_at(text, matcher.search_from)
        why = "%s; saw %s" % (want, show(seen) if seen is not None else "the end of the output")
        if fault is not None and seen is not None and not fault_line(seen):
            why += " (later a fault report: %s)" % show(fault)
        return why
    if fault is not None:
        return "expected no fault; saw the kernel's fault report %s" % show(fault)
    f = matcher.forbidden(text)
    if f is not None:
        return "saw %s, which this step must not print" % show(f)
    return None


def report(chapter, steps, matchers, text, sections, docs_name, out):
    """Print the step-by-step report; returns (steps done, next step or None)."""
    results = [verdict(spec, m, text) for (_, spec), m in zip(steps, matchers)]
    reached = max((i for i, r in enumerate(results) if r is None), default=-1)
    out.write("make check: %s, your program\n" % chapter)
    if BOOTED not in text:
        out.write("  it did not boot: the kernel never handed over to user space\n")
    width = max(len(n) for n, _ in steps)
    nxt = None
    for i, ((name, _), why) in enumerate(zip((s for s in steps), results)):
        if i <= reached:
            state = "done" if why is None else "done (a later step changed its output)"
        elif nxt is None:
            nxt = name
            state = "next: " + why
        else:
            state = "to do"
        out.write("  %-*s  %s\n" % (width, name, state))
    done = reached + 1
    out.write("%d of %d steps done.\n" % (done, len(steps)))
    if nxt is not None:
        where = sections.get(nxt)
        out.write("Next: exercise %s: see its EXERCISE comment in the chapter's files%s.\n"
                  % (nxt, (" and %s, \"%s\"" % (docs_name, where)) if where else ""))
        out.write("Its expected output: expect/%s.txt; one solution: solution/, where the step"
                  " is named (make simulate STEP=%s runs it).\n" % (nxt, nxt))
    else:
        out.write("Every step is done.\n")
    return done, nxt


def parse_args(argv):
    p = argparse.ArgumentParser(description="Say which steps of a chapter a program completes.")
    add_console_options(p, "program")  # --log-dir and --result: with --fresh
    p.add_argument("--image", help="the learner's boot image")
    p.add_argument("--chapter", help="the chapter's directory (its expect/ is used)")
    p.add_argument("--docs", help="the chapter text, for section names")
    p.add_argument("--fresh", action="append", default=[], metavar="NAME:IMAGE:DIR",
                   help="system test: a fresh learner's program must boot and leave work")
    p.add_argument("--docs-dir", help="with --fresh: directory of the chapter texts")
    p.add_argument("--idle", type=float, default=DEFAULT_IDLE)
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    p.add_argument("--config", choices=CONFIGS, default="classic",
                   help="kernel configuration: which 'classic:'/'mcs:' expect lines apply")
    opts = p.parse_args(argv)
    if not opts.fresh and not (opts.image and opts.chapter):
        p.error("give --image and --chapter, or --fresh NAME:IMAGE:DIR")
    return opts


def check_one(opts, name, image, chapter_dir, docs, log, out):
    steps = load_steps(chapter_dir, opts.config)
    if not steps:
        raise HarnessError("%s has no expect files" % chapter_dir)
    if not os.path.isfile(image):
        raise HarnessError("image not found: %s (did it build?)" % image)
    text, matchers = boot_and_follow(qemu_argv(opts.qemu, image), steps, log,
                                     opts.idle, opts.timeout)
    done, nxt = report(name, steps, matchers, text, doc_sections(docs),
                       os.path.relpath(docs) if docs else "the chapter text", out)
    return text, done, nxt


def main(argv=None):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    if not opts.fresh:
        try:
            _, done, nxt = check_one(opts, os.path.basename(os.path.normpath(opts.chapter)),
                                     opts.image, opts.chapter, opts.docs, opts.log, sys.stdout)
        except HarnessError as e:
            sys.stderr.write("check.py: %s\n" % e)
            return 2
        return 0 if nxt is None else 1

    passed = failed = 0
    if opts.log_dir:
        os.makedirs(opts.log_dir, exist_ok=True)
    for item in opts.fresh:
        label, _, rest = item.partition(":")
        image, _, chapter_dir = rest.rpartition(":")
        name = os.path.basename(os.path.normpath(chapter_dir))
        docs = os.path.join(opts.docs_dir, name + ".md") if opts.docs_dir else None
        log = os.path.join(opts.log_dir, name + ".log") if opts.log_dir else None

        class Captured:
            def __init__(self):
                self.text = ""

            def write(self, s):
                self.text += s

        out = Captured()
        try:
            text, done, nxt = check_one(opts, name, image, chapter_dir, docs, log, out)
        except HarnessError as e:
            print("[FAIL] %s: %s" % (label, e))
            failed += 1
            continue
        problems = []
        if BOOTED not in text:
            problems.append("did not boot")
        elif not END_RE.search(text):
            problems.append("did not end (no exit line, no fault report)")
        if PANIC_TEXT in text or any(fault_line(line) for line in text.split("\n")):
            problems.append("a kernel panic or fault report")
        if nxt is None:
            problems.append("every step already done: nothing left for the learner")
        elif "Next: exercise %s" % nxt not in out.text:
            problems.append("the report does not name the next exercise")
        if problems:
            failed += 1
            print("[FAIL] %s: %s\n%s" % (label, "; ".join(problems), out.text))
        else:
            passed += 1
            print("[PASS] %s (boots; %d of its steps done; check names %s next)"
                  % (label, done, nxt))
    line = "%d passed, %d failed" % (passed, failed)
    print(line)
    if opts.result:
        with open(opts.result, "w") as f:
            f.write(line + "\n")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
