#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# The compile-fail cases of the typed capabilities (<cairn/caps.h>): every cases/*.c holds
# one mistake and one or more "// expect: TEXT" lines; the case passes when compiling it
# fails and the compiler's messages contain every TEXT. A case whose expect line is
# "compiles" must instead compile cleanly (accepted.c, the control).
#
#   run.sh RESULT_FILE LOG_DIR CC [CFLAGS...]
#
# Writes "N passed, N failed" to RESULT_FILE and each case's messages to LOG_DIR/<case>.log.
set -u
result=$1 logs=$2
shift 2
cd "$(dirname "${BASH_SOURCE[0]}")"
mkdir -p "$logs"
pass=0 fail=0
for src in cases/*.c; do
    name=$(basename "$src" .c)
    log=$logs/$name.log
    # LC_ALL=C: plain ASCII quotes in the messages, as the expect lines write them.
    LC_ALL=C "$@" -fsyntax-only -fdiagnostics-color=never "$src" >"$log" 2>&1
    rc=$?
    mapfile -t want < <(sed -n 's|^// expect: ||p' "$src")
    ok=1 why=""
    if [ "${want[0]:-}" = compiles ]; then
        [ $rc -eq 0 ] && [ ! -s "$log" ] || { ok=0; why="expected to compile cleanly"; }
    elif [ ${#want[@]} -eq 0 ]; then
        ok=0 why="no // expect: line"
    elif [ $rc -eq 0 ]; then
        ok=0 why="compiled, but must not"
    else
        for w in "${want[@]}"; do
            grep -qF -- "$w" "$log" || { ok=0; why="no message containing: $w"; break; }
        done
    fi
    if [ $ok -eq 1 ]; then
        pass=$((pass + 1)); echo "[PASS] compile-fail/$name"
    else
        fail=$((fail + 1)); echo "[FAIL] compile-fail/$name: $why"; sed 's/^/    /' "$log" | head -12
    fi
done
echo "$pass passed, $fail failed" | tee "$result"
[ $fail -eq 0 ]
