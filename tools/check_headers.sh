#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Checks that every libsel4 header compiles on its own for the target (AArch64), that
# the "pure" headers the kernel shares also compile for the host, and that the ABI
# numbers asserted in libsel4/test/abi_check.c hold on both. Exits non-zero on failure.
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INC="$ROOT/libsel4/include"
CROSS_CC="${CROSS_CC:-aarch64-linux-gnu-gcc}"
HOST_CC="${HOST_CC:-gcc}"
FLAGS=(-std=c11 -ffreestanding -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
       -Wmissing-prototypes -Wundef -Wpointer-arith -Wvla -I"$INC")

# Headers the kernel includes; they must stay free of asm and thread-locals.
PURE=(sel4/macros.h sel4/simple_types.h sel4/constants.h sel4/errors.h sel4/syscall.h
      sel4/invocation_generic.h sel4/objecttype_generic.h
      sel4/invocation.h sel4/sel4_arch/invocation.h sel4/arch/invocation.h
      sel4/objecttype.h sel4/sel4_arch/objecttype.h sel4/arch/objecttype.h
      sel4/bootinfo_types.h sel4/shared_types.h sel4/sel4_arch/constants.h
      sel4/sel4_arch/types.h sel4/arch/types.h sel4/cap_tags.h)

fail=0
check() { # compiler, header (relative to $INC)
    if ! echo "#include <$2>" | "$1" "${FLAGS[@]}" -fsyntax-only -x c - ; then
        echo "check_headers: $2 does not compile on its own with $1" >&2
        fail=1
    fi
}

cd "$INC" || exit 1
while IFS= read -r h; do
    check "$CROSS_CC" "$h"
done < <(find sel4 -name '*.h' | sort)

for h in "${PURE[@]}"; do
    check "$HOST_CC" "$h"
    if grep -Eq '__asm__|asm[[:space:]]*\(|__thread' "$INC/$h"; then
        echo "check_headers: $h is shared with the kernel but has asm or __thread" >&2
        fail=1
    fi
done

for cc in "$CROSS_CC" "$HOST_CC"; do
    if ! "$cc" "${FLAGS[@]}" -fsyntax-only "$ROOT/libsel4/test/abi_check.c"; then
        echo "check_headers: ABI assertions fail with $cc" >&2
        fail=1
    fi
done

if [ "$fail" -eq 0 ]; then
    echo "check_headers: libsel4 headers OK"
fi
exit "$fail"
