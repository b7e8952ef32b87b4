#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Checks that every libsel4 header compiles on its own for the target (AArch64), that
# the "pure" headers the kernel shares also compile for the host, and that the ABI
# numbers asserted in libsel4/test/abi_check.c hold on both, in both configurations:
# non-MCS (the *_mcs.h headers are skipped) and MCS (-DCONFIG_KERNEL_MCS=1). Exits non-zero
# on failure.
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
check() { # compiler, header (relative to $INC), extra flags
    if ! echo "#include <$2>" | "$1" "${FLAGS[@]}" $3 -fsyntax-only -x c - ; then
        echo "check_headers: $2 does not compile on its own with $1 $3" >&2
        fail=1
    fi
}

cd "$INC" || exit 1
for cfg in "" "-DCONFIG_KERNEL_MCS=1"; do
    while IFS= read -r h; do
        case "$h" in *_mcs.h) [ -z "$cfg" ] && continue ;; esac
        check "$CROSS_CC" "$h" "$cfg"
    done < <(find sel4 -name '*.h' | sort)

    for h in "${PURE[@]}"; do
        check "$HOST_CC" "$h" "$cfg"
    done

    for cc in "$CROSS_CC" "$HOST_CC"; do
        if ! "$cc" "${FLAGS[@]}" $cfg -fsyntax-only "$ROOT/libsel4/test/abi_check.c"; then
            echo "check_headers: ABI assertions fail with $cc $cfg" >&2
            fail=1
        fi
    done
done

for h in "${PURE[@]}"; do
    if grep -Eq '__asm__|asm[[:space:]]*\(|__thread' "$INC/$h"; then
        echo "check_headers: $h is shared with the kernel but has asm or __thread" >&2
        fail=1
    fi
done

if [ "$fail" -eq 0 ]; then
    echo "check_headers: libsel4 headers OK"
fi
exit "$fail"
