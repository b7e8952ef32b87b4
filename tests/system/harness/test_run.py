#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Self-test of run.py (and, from test_check.py, check.py) against fake_qemu.py (no QEMU,
no kernel needed).

Each test writes a console script (the fake "image") and an expect file into a temporary
directory, runs run.py as a subprocess exactly as make does, and checks its exit status,
its per-test lines and its result file.

  /usr/bin/python3 tests/system/harness/test_run.py [--result FILE]
"""
import os
import subprocess
import sys
import time
import unittest

import test_check  # check.py's tests run with these
from test_check import FAKE, HERE, PY, QEMU  # the same fake QEMU

RUN = os.path.join(HERE, "run.py")

BOOT = "Bootstrapping kernel\nBooting all finished, dropped to user space\n"
REPORT = ("Caught cap fault in send phase at address 0\n"
          "while trying to handle:\n"
          "vm fault on data at address 0x10 with status 0x92000006\n"
          'in thread 0xffffff8040012400 "rootserver" at address 0x400123\n'
          "With stack:\n" +
          "".join("0x%x: 0x0\n" % (0x4ff000 + 8 * i) for i in range(16)))


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie that was reaped by nobody still counts as dead for our purposes.
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


class HarnessTest(test_check.TempDirTest):
    PREFIX = "cairn-harness-"

    def run_harness(self, *args, timeout=30):
        result = os.path.join(self.dir, "result.txt")
        cmd = [PY, RUN, "--qemu", QEMU, "--result", result,
               "--log-dir", os.path.join(self.dir, "logs")] + list(args)
        start = time.monotonic()
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        self.elapsed = time.monotonic() - start
        with open(result) as f:
            self.result = f.read().strip()
        self.out = p.stdout
        return p.returncode

    def expect_case(self, console, expect, *extra, name="t"):
        img = self.write(name + ".script", console)
        exp = self.write(name + ".expect", expect)
        return self.run_harness("--case", "%s:%s:%s" % (name, img, exp), *extra)

    def expect_pass(self, console, expect, *extra):
        """expect_case, which must pass."""
        self.assertEqual(self.expect_case(console, expect, *extra), 0, self.out)

    def expect_fail(self, console, expect, message, *extra):
        """expect_case, which must fail and say `message`."""
        self.assertEqual(self.expect_case(console, expect, *extra), 1, self.out)
        self.assertIn(message, self.out)

    # ---- expect mode ----------------------------------------------------------------------

    def test_ordered_expectations_pass(self):
        self.expect_pass(BOOT + "Hello, World!\nbye\n",
                         "expect: Bootstrapping\nexpect: Hello, World!\nexpect: bye\n")
        self.assertIn("[PASS] t", self.out)
        self.assertEqual(self.result, "1 passed, 0 failed")

    def test_out_of_order_fails(self):
        self.expect_fail("second\nfirst\n@exit 0\n", "expect: first\nexpect: second\n",
                         "[FAIL] t: console closed before text 'second'")
        self.assertEqual(self.result, "0 passed, 1 failed")

    def test_ansi_codes_are_stripped(self):
        line = r"\x1b[1m\x1b[32m<<seL4(CPU 0) [decode/1 T0x1 \"rootserver\" @0x4]: " \
               r"Attempted to invoke a null cap #9.>>\x1b[0m"
        self.expect_pass(line + "\n", "expect: <<seL4(CPU 0) [decode\n"
                         "expect: Attempted to invoke a null cap #9.>>\n")

    def test_regex_capture_is_reused(self):
        self.expect_pass("PAGE_A: 0x7000\nvm fault on data at address 0x7000 with status 1\n",
                         "allow-fault\nexpect-re: PAGE_A: (?P<A>0x[0-9a-f]+)\n"
                         "expect: vm fault on data at address ${A}\n")

    def test_regex_waits_for_whole_line(self):
        # "0x12" arrives first, "34" later: the capture must be the whole number.
        self.expect_pass("@raw PAGE_A: 0x12\n@sleep 0.3\n34\nsaw 0x1234\n",
                         "expect-re: PAGE_A: (?P<A>0x[0-9a-f]+)$\nexpect: saw ${A}\n")

    def test_forbid_before_end_fails(self):
        self.expect_fail("TEST_PASS\ndone\n", "expect: done\nforbid: TEST_PASS\n",
                         "forbidden text appeared: 'TEST_PASS'")

    def test_forbid_within_grace_fails(self):
        rc = self.expect_case("done\n@sleep 0.2\nTEST_PASS\n@hang\n",
                              "expect: done\nforbid: TEST_PASS\n")
        self.assertEqual(rc, 1, self.out)

    def test_forbid_after_grace_is_ignored(self):
        self.expect_pass("done\n@sleep 1.5\nTEST_PASS\n@hang\n",
                         "expect: done\nforbid: TEST_PASS\n")
        self.assertLess(self.elapsed, 5)

    def test_unexpected_fault_report_fails(self):
        self.expect_fail(BOOT + REPORT, "expect: never printed\n",
                         "unexpected kernel fault report: Caught cap fault")

    def test_unknown_syscall_line_counts_as_fault(self):
        self.expect_fail("unknown syscall 0x3039\nmore\n", "expect: more\n",
                         "unexpected kernel fault report: unknown syscall 0x3039")

    def test_allowed_fault_report_passes(self):
        self.expect_pass(BOOT + REPORT + "@hang\n",
                         "allow-fault\nexpect: Caught\nexpect: while trying to handle:\n"
                         "expect: vm fault on data at address 0x10\nexpect: in thread\n"
                         "expect-re: With stack:\\n(?:0x[0-9a-f]+: (?:0x[0-9a-f]+|INVALID)"
                         "\\n){16}\n")

    def test_panic_fails_even_with_allow_fault(self):
        self.expect_fail("hello\n\x1b[31mKERNEL PANIC: cdt: oops\x1b[0m\n@hang\n",
                         "allow-fault\nexpect: hello\n", "kernel panic: KERNEL PANIC: cdt: oops")

    def test_line_timeout_kills_qemu(self):
        pidfile = os.path.join(self.dir, "pid")
        self.expect_fail("@pidfile %s\nhello\n@hang\n" % pidfile,
                         "timeout: 1\nexpect: hello\nexpect: never\n",
                         "timeout (1s) waiting for text 'never'")
        self.assertLess(self.elapsed, 8)
        with open(pidfile) as f:
            self.assertFalse(pid_alive(int(f.read())), "fake QEMU still running")

    def test_case_timeout(self):
        self.expect_fail("a\n@sleep 0.6\nb\n@sleep 0.6\nc\n@hang\n",
                         "expect: a\nexpect: b\nexpect: c\nexpect: d\n", "case timeout",
                         "--case-timeout", "1")

    def test_kill_after_pass_of_shell_wrapped_process_group(self):
        pidfile = os.path.join(self.dir, "pid")
        img = self.write("t.script", "@pidfile %s\nready\n@hang\n" % pidfile)
        exp = self.write("t.expect", "expect: ready\n")
        result = os.path.join(self.dir, "result.txt")
        qemu = "/bin/sh -c '%s %s %s; echo never'" % (PY, FAKE, "{image}")
        p = subprocess.run([PY, RUN, "--qemu", qemu, "--case", "t:%s:%s" % (img, exp),
                            "--result", result], capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 0, p.stdout)
        with open(pidfile) as f:
            self.assertFalse(pid_alive(int(f.read())))

    def test_send_types_on_the_console(self):
        self.expect_pass("echo> \n@echo 3\n", "expect: echo>\nsend: abc\nexpect: [a][b][c]\n")

    def test_configuration_prefix_selects_lines(self):
        expect = "classic: expect: one\nmcs: expect: two\nexpect: three\n"
        self.expect_pass("one\nthree\n", expect)
        self.expect_pass("two\nthree\n", expect, "--config", "mcs")
        self.assertEqual(self.expect_case("two\nthree\n@exit 0\n", expect), 1)

    def test_mcs_fault_report_counts_as_fault(self):
        self.expect_fail("Found thread has no fault handler while trying to handle:\n"
                         "cap fault in send phase at address 0x5\nmore\n", "expect: more\n",
                         "unexpected kernel fault report: Found thread")

    def test_bad_expect_file_fails_the_case(self):
        self.expect_fail("x\n", "expect: x\nbogus: y\n", "unknown directive 'bogus'")

    def test_missing_image_fails(self):
        exp = self.write("t.expect", "expect: x\n")
        rc = self.run_harness("--case", "gone:%s/none.elf:%s" % (self.dir, exp))
        self.assertEqual(rc, 1)
        self.assertIn("[FAIL] gone: image not found", self.out)

    def test_several_cases_are_counted(self):
        a = self.write("a.script", "one\n")
        b = self.write("b.script", "two\n")
        ea = self.write("a.expect", "expect: one\n")
        eb = self.write("b.expect", "expect: one\n")
        rc = self.run_harness("--case", "a:%s:%s" % (a, ea), "--case", "b:%s:%s" % (b, eb))
        self.assertEqual(rc, 1)
        self.assertEqual(self.result, "1 passed, 1 failed")
        self.assertTrue(os.path.exists(os.path.join(self.dir, "logs", "a.log")))

    def test_log_holds_raw_console(self):
        img = self.write("t.script", "\\x1b[32mgreen\\x1b[0m\n")
        exp = self.write("t.expect", "expect: green\n")
        log = os.path.join(self.dir, "one.log")
        result = os.path.join(self.dir, "r.txt")
        p = subprocess.run([PY, RUN, "--qemu", QEMU, "--image", img, "--expect", exp,
                            "--log", log, "--result", result], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout)
        with open(log, "rb") as f:
            self.assertIn(b"\x1b[32mgreen", f.read())

    # ---- suite mode -----------------------------------------------------------------------

    def suite(self, console, *extra):
        img = self.write("suite.script", console)
        return self.run_harness("--suite", "suite:%s" % img, *extra)

    def test_suite_all_pass(self):
        rc = self.suite(BOOT + "[TEST:START] BOOT0001 BootInfo\n[TEST:PASS] BOOT0001\n"
                        "[TEST:START] BOOT0002 regs\nchatter\n[TEST:PASS] BOOT0002\n"
                        "2 passed, 0 failed\n@hang\n")
        self.assertEqual(rc, 0, self.out)
        self.assertIn("[PASS] suite/BOOT0001", self.out)
        self.assertIn("[PASS] suite/BOOT0002", self.out)
        self.assertIn("suite: 2 passed, 0 failed", self.out)
        self.assertEqual(self.result, "2 passed, 0 failed")

    def test_suite_reports_failure_reason(self):
        rc = self.suite("[TEST:START] A1\n[TEST:FAIL] A1 a.c:12 x != y\n"
                        "[TEST:START] A2\n[TEST:PASS] A2\n1 passed, 1 failed\n")
        self.assertEqual(rc, 1)
        self.assertIn("[FAIL] suite/A1: a.c:12 x != y", self.out)
        self.assertEqual(self.result, "1 passed, 1 failed")

    def test_suite_test_timeout(self):
        rc = self.suite("[TEST:START] A1\n[TEST:PASS] A1\n[TEST:START] A2\n@hang\n",
                        "--test-timeout", "1")
        self.assertEqual(rc, 1)
        self.assertIn("[FAIL] suite/A2: timeout (1s): test A2 gave no result", self.out)
        self.assertIn("[FAIL] suite: timeout", self.out)
        self.assertEqual(self.result, "1 passed, 2 failed")
        self.assertLess(self.elapsed, 8)

    def test_suite_fault_report_fails_running_test(self):
        rc = self.suite("[TEST:START] A1\n" + REPORT + "@hang\n")
        self.assertEqual(rc, 1)
        self.assertIn("[FAIL] suite/A1: unexpected kernel fault report: Caught", self.out)

    def test_suite_panic(self):
        rc = self.suite("[TEST:START] A1\nKERNEL PANIC at cdt.c:10\n@hang\n")
        self.assertEqual(rc, 1)
        self.assertIn("kernel panic", self.out)

    def test_suite_summary_must_agree(self):
        rc = self.suite("[TEST:START] A1\n[TEST:FAIL] A1 a.c:1 no\n1 passed, 0 failed\n")
        self.assertEqual(rc, 1)
        self.assertIn("suite says 1 passed, 0 failed but the markers say 0 passed, 1 failed",
                      self.out)

    def test_suite_without_summary(self):
        rc = self.suite("[TEST:START] A1\n[TEST:PASS] A1\n@exit 0\n")
        self.assertEqual(rc, 1)
        self.assertIn("console closed before the summary line", self.out)

    def test_suite_suite_timeout(self):
        rc = self.suite("[TEST:START] A1\n@sleep 0.5\n[TEST:PASS] A1\n[TEST:START] A2\n@hang\n",
                        "--suite-timeout", "1", "--test-timeout", "5")
        self.assertEqual(rc, 1)
        self.assertIn("suite timeout (1s)", self.out)


def main():
    result_file = None
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--result":
        result_file = args[1]
        args = []
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(HarnessTest)
    suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(test_check.CheckTest))
    if args:
        suite = unittest.defaultTestLoader.loadTestsFromNames(args, sys.modules[__name__])
    res = unittest.TextTestRunner(verbosity=1).run(suite)
    failed = len(res.failures) + len(res.errors)
    line = "%d passed, %d failed" % (res.testsRun - failed, failed)
    print("harness self-test: " + line)
    if result_file:
        with open(result_file, "w") as f:
            f.write(line + "\n")
    return 0 if failed == 0 and res.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
