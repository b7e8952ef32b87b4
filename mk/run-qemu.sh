#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# `make simulate`: run QEMU on the console, keep a copy of the console in LOG, and exit with
# the root task's status.
#
#   sh mk/run-qemu.sh LOG QEMU-COMMAND...
#
# When the root task ends, the runtime prints "root task exited with status N" and halts
# the machine (seL4_DebugHalt), so QEMU exits by itself; this then exits with N (mod 256;
# -1 becomes 255). When QEMU fails, or was quit with ctrl-a x before such a line, its own
# status is returned.
log=$1
shift
mkdir -p "$(dirname "$log")"
{
    "$@"
    echo $? >"$log.rc"
} | tee "$log"
rc=$(cat "$log.rc" 2>/dev/null || echo 1)
rm -f "$log.rc"
status=$(sed -n 's/^root task exited with status \(-\{0,1\}[0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
if [ "$rc" != 0 ] || [ -z "$status" ]; then
    exit "$rc"
fi
exit $((status & 255))
