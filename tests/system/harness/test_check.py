#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Self-test of check.py (`make check` in a tutorial chapter) against fake_qemu.py. Run by
test_run.py's main together with the run.py tests; alone:

  /usr/bin/python3 tests/system/harness/test_check.py
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "check.py")
FAKE = os.path.join(HERE, "fake_qemu.py")
PY = sys.executable or "/usr/bin/python3"
QEMU = "%s %s {image}" % (PY, FAKE)

BOOT = "Booting all finished, dropped to user space\n"
EXIT = "root task exited with status 0\n"
# A chapter of three steps; B prints a line more than A; C ends in a fault.
STEPS = {
    "1.A": "expect: start\nexpect-re: ^value: \\d+$\nexpect: TEST_PASS\nforbid: Caught\n",
    "1.B": "expect-re: ^value: \\d+$\nexpect: more\nexpect: TEST_PASS\nforbid: Caught\n",
    "1.C": "allow-fault\nexpect: more\nexpect: vm fault on data\nforbid: TEST_PASS\n",
}


class TempDirTest(unittest.TestCase):
    """A test case with a fresh temporary directory (self.dir); write() puts a file in it.
    Shared with test_run.py."""
    PREFIX = "cairn-test-"

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix=self.PREFIX)
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path


class CheckTest(TempDirTest):
    PREFIX = "cairn-check-"

    def setUp(self):
        super().setUp()
        os.mkdir(os.path.join(self.dir, "expect"))
        for name, text in STEPS.items():
            self.write(os.path.join("expect", name + ".txt"), text)
        self.write("ch.md", "# Chapter 1\n## 1.A: a start\n## 1.B: more\n## 1.C: a fault\n")

    def check(self, console, *extra):
        img = self.write("prog.script", console)
        cmd = [PY, CHECK, "--qemu", QEMU, "--idle", "1", "--image", img, "--chapter", self.dir,
               "--docs", os.path.join(self.dir, "ch.md")] + list(extra)
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        self.out = p.stdout + p.stderr
        return p.returncode

    def test_first_step_not_done(self):
        rc = self.check(BOOT + "start\nTEST_PASS\n" + EXIT)
        self.assertEqual(rc, 1, self.out)
        self.assertIn("1.A  next: expected a line matching `value: \\d+`; saw `TEST_PASS`",
                      self.out)
        self.assertIn("0 of 3 steps done.", self.out)
        self.assertIn('Next: exercise 1.A', self.out)
        self.assertIn('"1.A: a start"', self.out)

    def test_reports_next_step_with_first_difference(self):
        rc = self.check(BOOT + "start\nvalue: 7\nTEST_PASS\n" + EXIT)
        self.assertEqual(rc, 1, self.out)
        self.assertIn("1.A  done\n", self.out)
        self.assertIn("1.B  next: expected `more`; saw `TEST_PASS`", self.out)
        self.assertIn("1.C  to do", self.out)

    def test_a_later_step_counts_the_earlier_ones_done(self):
        fault = "Caught cap fault in send phase at address 0\nvm fault on data at 0x0\n"
        rc = self.check(BOOT + "start\nvalue: 7\nmore\n" + fault + "Cairn: thread \"x\" stopped\n")
        self.assertEqual(rc, 0, self.out)
        self.assertIn("1.A  done (a later step changed its output)", self.out)
        self.assertIn("Every step is done.", self.out)

    def test_unexpected_fault_is_named(self):
        rc = self.check(BOOT + "start\nvalue: 7\nmore\nTEST_PASS\nvm fault on data at 0x0\n")
        self.assertEqual(rc, 1, self.out)
        self.assertIn("1.A  next: expected no fault; saw the kernel's fault report "
                      "`vm fault on data at 0x0`", self.out)

    def test_send_is_typed_once(self):
        self.write(os.path.join("expect", "1.D.txt"), "expect: echo>\nsend: ab\nexpect: [a][b]\n")
        rc = self.check(BOOT + "start\nvalue: 1\nmore\necho> \n@echo 2\n@hang\n")
        self.assertIn("1.D  done", self.out)
        self.assertEqual(rc, 0, self.out)

    def test_fresh_mode(self):
        img = self.write("fresh.script", BOOT + "start\nTEST_PASS\n" + EXIT)
        done = self.write("done.script", BOOT + "start\nvalue: 1\nmore\nvm fault on data\n"
                          "Cairn: thread \"x\" stopped\n")
        cmd = [PY, CHECK, "--qemu", QEMU, "--idle", "1",
               "--fresh", "ok/main.c:%s:%s" % (img, self.dir),
               "--fresh", "all/main.c:%s:%s" % (done, self.dir)]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("[PASS] ok/main.c (boots; 0 of its steps done; check names 1.A next)",
                      p.stdout)
        self.assertIn("[FAIL] all/main.c:", p.stdout)
        self.assertIn("1 passed, 1 failed", p.stdout)


if __name__ == "__main__":
    unittest.main()
