#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# make lint: checks that need no QEMU.
#  1. every libsel4 header compiles on its own (tools/check_headers.sh);
#  2. every kernel header compiles on its own (host compiler; machine headers: cross);
#  3. inline assembly and volatile MMIO appear only under kernel/arch/aarch64/machine/;
#  4. every C file we wrote (kernel, libsel4, runtime, tests, workspaces, bench, tools)
#     follows .clang-format. clang-format is a build dependency (mk/deps.mk): missing, the
#     lint fails rather than skipping the check;
#  5. the code docs/design/abi.md and docs/CONTRIBUTING.md point at exists
#     (tools/check_doc_refs.py).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
HOST_CC=${HOST_CC:-gcc}
fail=0
note() { echo "lint: $*"; }

bash tools/check_headers.sh >/dev/null || { note "libsel4 header check failed (run tools/check_headers.sh)"; fail=1; }

inc="-Ikernel/include -Ikernel -Ilibsel4/include -Icommon"
for h in $(git ls-files 'kernel/*.h'); do
    case $h in
        kernel/arch/aarch64/machine/*) cc=$CROSS_CC ;;
        *) cc=$HOST_CC ;;
    esac
    if ! echo "#include \"$h\"" | $cc -std=c11 -fsyntax-only -Wall -Werror $inc -I. -x c - 2>/tmp/lint-h.$$; then
        note "$h does not compile on its own:"; sed 's/^/    /' /tmp/lint-h.$$ | head -5; fail=1
    fi
done
rm -f /tmp/lint-h.$$

bad=$(git ls-files 'kernel/*.c' 'kernel/*.h' | grep -v '^kernel/arch/aarch64/machine/' |
      xargs grep -nE '__asm__|\basm\b|\bvolatile\b' 2>/dev/null || true)
if [ -n "$bad" ]; then
    note "inline assembly or volatile outside kernel/arch/aarch64/machine/:"; echo "$bad" | sed 's/^/    /'
    fail=1
fi

if command -v clang-format >/dev/null; then
    files=$(git ls-files '*.c' '*.h')
    if ! clang-format --dry-run --Werror $files >/tmp/lint-fmt.$$ 2>&1; then
        note "formatting differs from .clang-format (fix: clang-format -i <file>):"
        grep -o '^[^:]*\.[ch]' /tmp/lint-fmt.$$ | sort -u | sed 's/^/    /'
        fail=1
    fi
    rm -f /tmp/lint-fmt.$$
else
    # `make lint` installs it (mk/deps.mk); run directly, the script must not pass silently.
    note "clang-format is not installed: format check FAILED (apt-get install clang-format)"
    fail=1
fi

docs=$(ls docs/design/abi.md docs/CONTRIBUTING.md 2>/dev/null)
if ! python3 tools/check_doc_refs.py $docs >/tmp/lint-doc.$$; then
    note "documents point at code that is not there (file or symbol moved?):"
    sed 's/^/    /' /tmp/lint-doc.$$
    fail=1
fi
rm -f /tmp/lint-doc.$$

[ $fail -eq 0 ] && note "all checks passed"
exit $fail
