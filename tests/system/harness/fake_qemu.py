#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""A stand-in for QEMU used by the harness self-test (test_run.py).

Usage: fake_qemu.py SCRIPT. The "image" is a script; each line is printed to the console
with CR LF, as the kernel's UART does, except these commands:
  @sleep SECONDS       pause
  @hang                sleep forever (the harness must kill us)
  @exit CODE           exit now
  @pidfile PATH        write our pid to PATH (to check that the harness killed us)
  @echo N              read N characters from the console and print each as [c]
  @raw TEXT            print TEXT without a line ending
Backslash escapes (\\x1b, \\r, ...) in a line are decoded first.
"""
import os
import sys
import time
import tty


def main():
    out = sys.stdout.buffer
    if os.isatty(0):
        tty.setraw(0)  # as QEMU -nographic does: no echo, no line editing, no output mangling
    with open(sys.argv[1], encoding="utf-8") as f:
        script = f.read().split("\n")
    if script and script[-1] == "":
        script.pop()
    for line in script:
        line = line.encode().decode("unicode_escape")
        if line.startswith("@sleep "):
            time.sleep(float(line.split()[1]))
        elif line == "@hang":
            while True:
                time.sleep(60)
        elif line.startswith("@exit "):
            out.flush()
            sys.exit(int(line.split()[1]))
        elif line.startswith("@pidfile "):
            with open(line.split(None, 1)[1], "w") as p:
                p.write(str(os.getpid()))
        elif line.startswith("@echo "):
            for _ in range(int(line.split()[1])):
                c = os.read(0, 1).decode()
                out.write(("[%s]" % c).encode())
                out.flush()
            out.write(b"\r\n")
        elif line.startswith("@raw "):
            out.write(line[5:].encode("latin-1"))
        else:
            out.write(line.encode("latin-1") + b"\r\n")
        out.flush()


if __name__ == "__main__":
    main()
