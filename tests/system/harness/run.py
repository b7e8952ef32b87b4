#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot Cairn images in QEMU and judge their console output.

This is the system-test harness (docs/CONTRIBUTING.md §6). It owns the QEMU process, the
console log, timeouts and the verdict; it knows nothing about how images are built. Two
kinds of case:

  expect case   --case NAME:IMAGE:EXPECTFILE
                An expect file lists directives, one per line (see parse_expect_file):
                ordered substrings/regexes that must appear, substrings that must not,
                whether a kernel fault report is the expected end, and timeouts.
  suite case    --suite NAME:IMAGE
                The image is a test-suite root task printing marker lines
                ([TEST:START] ID, [TEST:PASS] ID, [TEST:FAIL] ID file:line reason) and a final
                "N passed, N failed". Each test is reported on its own.

Every case is one QEMU boot. The QEMU command line comes from --qemu, a template with
{image} in it (make passes the one from mk/qemu.mk). Before matching, the console text is
cleaned: ANSI escape sequences are removed (kernel error lines are coloured) and CR LF
becomes LF. The raw console goes to a log file per case.

Output: one line per test, "[PASS] name" or "[FAIL] name: reason" followed by the tail of
the console, then a final "N passed, N failed". --result FILE receives that final line.
Exit status 0 only if every test passed. QEMU is always killed, also on ^C and SIGTERM.
"""

import argparse
import codecs
import os
import re
import shlex
import signal
import sys
import time

from expect_file import CONFIGS, HarnessError, Matcher, parse_expect_file

try:
    import pexpect
except ImportError:  # the build installs python3-pexpect; say so clearly if it did not
    sys.stderr.write("run.py: python3-pexpect is missing (apt-get install python3-pexpect)\n")
    sys.exit(2)

DEFAULT_LINE_TIMEOUT = 10.0    # seconds allowed for each expectation (expect files)
DEFAULT_CASE_TIMEOUT = 120.0   # seconds for one whole expect case
DEFAULT_TEST_TIMEOUT = 30.0    # seconds between suite markers (START to PASS/FAIL)
DEFAULT_SUITE_TIMEOUT = 600.0  # seconds for one whole suite boot
DEFAULT_GRACE = 0.5            # seconds of output still checked after the last expectation
TAIL_LINES = 25                # console lines shown under a failure

# Kernel lines that always fail a run, and lines that start a kernel fault report
# (docs/design/abi.md §10.4; the kernel prints these only for an unhandled fault).
PANIC_TEXT = "KERNEL PANIC"
# A report's first line: "Caught <the handler's cap fault>" (non-MCS), "Found thread has no
# fault handler while trying to handle:" (MCS).
FAULT_PREFIX = ("Caught ", "Found thread has no fault handler")
FAULT_TEXTS = ("vm fault on", "unknown syscall", "user exception")

# CSI sequences (ESC [ params intermediates final) and two-byte ESC sequences.
ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
SUMMARY_RE = re.compile(r"^(\d+) passed, (\d+) failed\s*$")
MARKER_RE = re.compile(r"\[TEST:(START|PASS|FAIL)\]\s+(\S+)\s*(.*)$")


def fault_line(line):
    """Return True if a cleaned console line belongs to a kernel fault report."""
    return line.startswith(FAULT_PREFIX) or any(t in line for t in FAULT_TEXTS)


# --------------------------------------------------------------------------------------------
# Console: one QEMU process, its raw log, and the cleaned text seen so far.
# --------------------------------------------------------------------------------------------

class Cleaner:
    """Incremental bytes -> text: UTF-8 decode, drop ANSI escapes, CR LF -> LF.

    An escape sequence or a multi-byte character may be split across two reads, so a
    possibly incomplete tail is held back until more input (or the end) arrives.
    """

    def __init__(self):
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def feed(self, data, final=False):
        text = self._pending + self._decoder.decode(data, final)
        self._pending = ""
        if not final:
            esc = text.rfind("\x1b")
            if esc != -1 and not ANSI_RE.match(text, esc) and len(text) - esc < 64:
                text, self._pending = text[:esc], text[esc:]
            if text.endswith("\r"):
                text, self._pending = text[:-1], "\r" + self._pending
        text = ANSI_RE.sub("", text)
        return text.replace("\r\n", "\n").replace("\r", "")


class Console:
    """A running QEMU (or fake) with its console captured.

    text    cleaned console text so far (grows monotonically)
    eof     True once the process closed its console
    """

    def __init__(self, argv, log_path):
        self.text = ""
        self.eof = False
        self._cleaner = Cleaner()
        self._log = open(log_path, "wb") if log_path else None
        # pexpect runs the child in its own session on a pty, so the whole process group
        # (a shell wrapper and its children included) can be killed at the end.
        self._child = pexpect.spawn(argv[0], argv[1:], echo=False, timeout=None)

    def poll(self, timeout):
        """Wait up to `timeout` seconds for output; append it to text. Returns new text."""
        if self.eof:
            time.sleep(min(max(timeout, 0), 0.05))
            return ""
        try:
            data = self._child.read_nonblocking(65536, timeout=max(timeout, 0))
        except pexpect.TIMEOUT:
            return ""
        except pexpect.EOF:
            self.eof = True
            data, final = b"", True
        else:
            final = False
        if self._log and data:
            self._log.write(data)
            self._log.flush()
        new = self._cleaner.feed(data, final)
        self.text += new
        return new

    def drain(self, seconds):
        """Keep reading for up to `seconds` (or until EOF), e.g. to log the rest of a report."""
        end = time.monotonic() + seconds
        while not self.eof and time.monotonic() < end:
            self.poll(min(end - time.monotonic(), 0.1))

    def send(self, text):
        self._child.send(text.encode())

    def close(self):
        """Kill the process group (SIGTERM, then SIGKILL) and reap it. Safe to call twice."""
        child, self._child = getattr(self, "_child", None), None
        if child is not None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(child.pid, sig)
                except (ProcessLookupError, PermissionError):
                    pass
                deadline = time.monotonic() + 1.0
                while child.isalive() and time.monotonic() < deadline:
                    time.sleep(0.02)
                if not child.isalive():
                    break
            try:
                child.close(force=True)
            except Exception:  # already gone; nothing left to reap
                pass
        if self._log:
            self._log.close()
            self._log = None


def tail(text, lines=TAIL_LINES):
    rows = text.rstrip("\n").split("\n")
    return "\n".join("    | " + r for r in rows[-lines:])


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------

class Results:
    def __init__(self, out=sys.stdout):
        self.passed = 0
        self.failed = 0
        self.out = out

    def ok(self, name):
        self.passed += 1
        self.out.write("[PASS] %s\n" % name)
        self.out.flush()

    def fail(self, name, reason, console=None):
        self.failed += 1
        self.out.write("[FAIL] %s: %s\n" % (name, reason))
        if console is not None:
            self.out.write("  console tail:\n%s\n" % tail(console))
        self.out.flush()

    def summary(self):
        return "%d passed, %d failed" % (self.passed, self.failed)


class Scanner:
    """Hands out complete cleaned lines as they arrive (the last partial line at EOF)."""

    def __init__(self):
        self.pos = 0

    def lines(self, text, eof):
        end = len(text) if eof else text.rfind("\n") + 1
        if end <= self.pos:
            return []
        chunk, self.pos = text[self.pos:end], end
        return chunk.rstrip("\n").split("\n")


# --------------------------------------------------------------------------------------------
# Expect mode
# --------------------------------------------------------------------------------------------

def run_expect_case(name, argv, spec, opts, log_path):
    """Boot once and check `spec`. Returns (ok, reason, console_text)."""
    line_timeout = spec.line_timeout or opts.line_timeout
    console = Console(argv, log_path)
    try:
        return _expect_loop(console, spec, line_timeout, opts)
    finally:
        console.close()


def _expect_loop(console, spec, line_timeout, opts):
    start = time.monotonic()
    case_deadline = start + opts.case_timeout
    step_deadline = start + line_timeout
    matcher = Matcher(spec)
    grace_end = None         # set once every step has matched
    scanner = Scanner()

    def check_lines(eof):
        for line in scanner.lines(console.text, eof):
            if PANIC_TEXT in line:
                return "kernel panic: %s" % line.strip()
            if fault_line(line) and not spec.allow_fault:
                return "unexpected kernel fault report: %s" % line.strip()
        f = matcher.forbidden(console.text)
        if f is not None:
            return "forbidden text appeared: %r" % f
        return None

    while True:
        # 1. Advance through as many steps as the text seen so far allows.
        if matcher.advance(console.text, console.eof, console.send):
            step_deadline = time.monotonic() + line_timeout
        if matcher.done and grace_end is None:
            grace_end = time.monotonic() + opts.grace

        # 2. Things that fail at once, whatever the step.
        problem = check_lines(console.eof)
        if problem:
            console.drain(opts.grace)
            return False, problem, console.text

        # 3. Done, or out of time, or out of output.
        now = time.monotonic()
        if grace_end is not None and (now >= grace_end or console.eof):
            return True, "", console.text
        if grace_end is None:
            kind, arg = spec.steps[matcher.step]
            what = "%s %r" % ("regex" if kind == "expect-re" else "text", arg)
            if console.eof:
                return False, "console closed before %s" % what, console.text
            if now >= step_deadline:
                return False, "timeout (%gs) waiting for %s" % (line_timeout, what), console.text
            if now >= case_deadline:
                return False, "case timeout (%gs) waiting for %s" % (opts.case_timeout, what), \
                    console.text
        wake = min(d for d in (grace_end, step_deadline, case_deadline) if d is not None)
        console.poll(min(max(wake - now, 0.01), 0.2))


# --------------------------------------------------------------------------------------------
# Suite mode
# --------------------------------------------------------------------------------------------

def run_suite_case(name, argv, opts, log_path, results):
    """Boot a test-suite image once; report each test it runs. Returns nothing."""
    console = Console(argv, log_path)
    try:
        _suite_loop(name, console, opts, results)
    finally:
        console.close()


def _suite_loop(name, console, opts, results):
    start = time.monotonic()
    suite_deadline = start + opts.suite_timeout
    # Boot counts as progress towards the first marker.
    progress_deadline = start + opts.test_timeout
    scanner = Scanner()
    current = None               # ID of the test that started and has not finished
    seen = {}                    # ID -> True (passed) / False (failed)
    counts = [0, 0]

    def finish(test_id, passed, reason=""):
        seen[test_id] = passed
        counts[0 if passed else 1] += 1
        label = "%s/%s" % (name, test_id)
        if passed:
            results.ok(label)
        else:
            results.fail(label, reason)

    def abort(reason):
        # The suite cannot go on: fail the running test (if any) and the suite itself.
        console.drain(opts.grace)
        if current is not None:
            finish(current, False, reason)
        results.fail(name, reason, console.text)

    while True:
        for line in scanner.lines(console.text, console.eof):
            if PANIC_TEXT in line:
                return abort("kernel panic: %s" % line.strip())
            if fault_line(line):
                return abort("unexpected kernel fault report: %s" % line.strip())
            m = MARKER_RE.search(line)
            if m:
                kind, test_id, rest = m.groups()
                progress_deadline = time.monotonic() + opts.test_timeout
                if kind == "START":
                    if current is not None:
                        finish(current, False, "started %s without a result marker" % test_id)
                    if test_id in seen:
                        return abort("test %s ran twice" % test_id)
                    current = test_id
                    continue
                if test_id != current:
                    return abort("result marker for %s, but the running test is %s"
                                 % (test_id, current))
                current = None
                if kind == "PASS":
                    finish(test_id, True)
                else:
                    finish(test_id, False, rest.strip() or "failed (no reason given)")
                continue
            m = SUMMARY_RE.match(line.strip())
            if m:
                if current is not None:
                    return abort("summary line while %s was running" % current)
                claimed = [int(m.group(1)), int(m.group(2))]
                if claimed != counts:
                    return abort("suite says %s but the markers say %d passed, %d failed"
                                 % (line.strip(), counts[0], counts[1]))
                if not seen:
                    return abort("the suite ran no tests")
                sys.stdout.write("%s: %s\n" % (name, line.strip()))
                return None
        now = time.monotonic()
        if console.eof:
            return abort("console closed before the summary line")
        if now >= progress_deadline:
            what = ("test %s gave no result" % current) if current else "no test marker"
            return abort("timeout (%gs): %s" % (opts.test_timeout, what))
        if now >= suite_deadline:
            return abort("suite timeout (%gs)" % opts.suite_timeout)
        console.poll(min(max(min(progress_deadline, suite_deadline) - now, 0.01), 0.2))


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def qemu_argv(template, image):
    """Split the QEMU command template and put the image path in for {image}."""
    argv = [a.replace("{image}", image) for a in shlex.split(template)]
    if not argv:
        raise HarnessError("empty --qemu command")
    return argv


def log_path_for(opts, name, single):
    if opts.log and single:
        return opts.log
    directory = opts.log_dir or (os.path.dirname(opts.log) if opts.log else None)
    if not directory:
        return None
    return os.path.join(directory, re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".log")


def add_console_options(p, unit):
    """The options run.py and check.py share: the QEMU command, the console logs (one file,
    or one per `unit` in a directory) and the file for the final line."""
    p.add_argument("--qemu", required=True,
                   help="command template; {image} is replaced by the %s's image path" % unit)
    p.add_argument("--log", help="console log file (with several %ss: their directory)" % unit)
    p.add_argument("--log-dir", help="directory for one console log per %s (NAME.log)" % unit)
    p.add_argument("--result", help="write the final 'N passed, N failed' line here")


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Boot Cairn images in QEMU and check their console output.",
        epilog="Examples:\n"
               "  run.py --qemu 'qemu-system-aarch64 ... -kernel {image}' \\\n"
               "         --case hello:build/hello.img:expect/2.A.txt --result r.txt\n"
               "  run.py --qemu '...' --suite suite:build/suite.img --log-dir build/logs\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    add_console_options(p, "case")
    p.add_argument("--case", action="append", default=[], metavar="NAME:IMAGE:EXPECTFILE",
                   help="an expect case (repeatable)")
    p.add_argument("--suite", action="append", default=[], metavar="NAME:IMAGE",
                   help="a marker-printing test-suite image (repeatable)")
    p.add_argument("--image", help="shorthand: image for --expect")
    p.add_argument("--expect", action="append", default=[], metavar="FILE",
                   help="shorthand: expect file(s) run against --image, one boot each")
    p.add_argument("--name", help="shorthand: case name for --image/--expect")
    p.add_argument("--line-timeout", type=float, default=DEFAULT_LINE_TIMEOUT,
                   help="seconds per expectation unless the file says timeout: (default 10)")
    p.add_argument("--case-timeout", type=float, default=DEFAULT_CASE_TIMEOUT,
                   help="seconds for a whole expect case (default 120)")
    p.add_argument("--test-timeout", type=float, default=DEFAULT_TEST_TIMEOUT,
                   help="seconds allowed between suite markers (default 30)")
    p.add_argument("--suite-timeout", type=float, default=DEFAULT_SUITE_TIMEOUT,
                   help="seconds for a whole suite boot (default 600)")
    p.add_argument("--grace", type=float, default=DEFAULT_GRACE,
                   help="seconds of output checked after the last expectation (default 0.5)")
    p.add_argument("--config", choices=CONFIGS, default="classic",
                   help="kernel configuration of the images: expect-file lines prefixed "
                        "'classic:' or 'mcs:' apply only to it (default classic)")
    opts = p.parse_args(argv)

    cases = []
    for c in opts.case:
        name, sep, rest = c.partition(":")
        image, sep2, expect = rest.rpartition(":")
        if not (sep and sep2 and name and image and expect):
            p.error("--case wants NAME:IMAGE:EXPECTFILE, got %r" % c)
        cases.append(("expect", name, image, expect))
    if opts.expect:
        if not opts.image:
            p.error("--expect needs --image")
        for e in opts.expect:
            base = os.path.splitext(os.path.basename(e))[0]
            name = opts.name or base
            if len(opts.expect) > 1 and opts.name:
                name = "%s/%s" % (opts.name, base)
            cases.append(("expect", name, opts.image, e))
    elif opts.image:
        p.error("--image needs --expect (use --suite NAME:IMAGE for a suite)")
    for s in opts.suite:
        name, sep, image = s.partition(":")
        if not (sep and name and image):
            p.error("--suite wants NAME:IMAGE, got %r" % s)
        cases.append(("suite", name, image, None))
    if not cases:
        p.error("nothing to run: give --case, --suite or --image with --expect")
    return opts, cases


def main(argv=None):
    opts, cases = parse_args(sys.argv[1:] if argv is None else argv)
    results = Results()
    for d in (opts.log_dir, os.path.dirname(opts.log) if opts.log else None):
        if d:
            os.makedirs(d, exist_ok=True)

    # SIGTERM (make being stopped, a CI timeout) unwinds like ^C, so QEMU gets killed.
    def on_term(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_term)

    interrupted = False
    try:
        for kind, name, image, expect in cases:
            log = log_path_for(opts, name, len(cases) == 1)
            if not os.path.isfile(image):
                results.fail(name, "image not found: %s (did it build?)" % image)
                continue
            try:
                argv_q = qemu_argv(opts.qemu, image)
                if kind == "suite":
                    run_suite_case(name, argv_q, opts, log, results)
                    continue
                spec = parse_expect_file(expect, opts.config)
                ok, reason, text = run_expect_case(name, argv_q, spec, opts, log)
            except HarnessError as e:
                results.fail(name, str(e))
                continue
            except pexpect.ExceptionPexpect as e:
                results.fail(name, "cannot start %r: %s" % (opts.qemu, e))
                continue
            if ok:
                results.ok(name)
            else:
                results.fail(name, reason + ("  (log: %s)" % log if log else ""), text)
    except KeyboardInterrupt:
        interrupted = True
        results.fail("harness", "interrupted")
    line = results.summary()
    print(line)
    if opts.result:
        with open(opts.result, "w") as f:
            f.write(line + "\n")
    if interrupted:
        return 130
    return 0 if results.failed == 0 and results.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
