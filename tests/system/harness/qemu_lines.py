# SPDX-License-Identifier: BSD-2-Clause
"""One QEMU boot read line by line, for the scripts that need only its console lines and
not the harness's expectations: bench/walltime.py (timing) and tests/system/ipcdiff/diff.py
(two consoles compared). They import it from here.

    ap = script_args(__doc__)           # --qemu TEMPLATE and --timeout SECONDS, plus yours
    with qemu_lines(qemu_command(args.qemu, image), args.timeout) as lines:
        for line in lines:              # bytes, as QEMU wrote them
            ...                         # leaving the block ends QEMU
"""
import argparse
import contextlib
import shlex
import subprocess
import threading


def script_args(doc):
    """An argument parser with the two options every such script takes."""
    ap = argparse.ArgumentParser(description=doc,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--qemu", required=True, help="QEMU command template with {image}")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds for one boot")
    return ap


def qemu_command(template, image):
    """The command template split into arguments, with the image path for {image}."""
    return shlex.split(template.replace("{image}", image))


@contextlib.contextmanager
def qemu_lines(cmd, timeout):
    """Start QEMU; give its console output (stdout and stderr) as bytes lines; kill it when
    the block is left, or after `timeout` seconds, whichever comes first."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        yield proc.stdout
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()


def crashed(line):
    """True for a console line (text) saying the kernel panicked or reported a fault."""
    return "KERNEL PANIC" in line or line.startswith("Caught ")
