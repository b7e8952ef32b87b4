#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# mkimage must refuse a root task the kernel could not boot, at image-build time, with a
# clear message. Builds bad ELFs from a good one and checks each refusal's wording.
# Usage: mkimage_rejects.sh MKIMAGE GOOD_ELF CROSS_CC WORKDIR RAM_MB RESULT_FILE
set -u
mkimage=$1 good=$2 cc=$3 work=$4 ram=$5 result=$6
mkdir -p "$work"
pass=0 fail=0

check() { # name file expected-substring
    local out
    out=$("$mkimage" check "$2" "$ram" 2>&1)
    if [ $? -ne 0 ] && grep -qF -- "$3" <<<"$out"; then
        echo "[PASS] mkimage/$1: $out"; pass=$((pass + 1))
    else
        echo "[FAIL] mkimage/$1: expected refusal containing '$3', got: ${out:-accepted}"
        fail=$((fail + 1))
    fi
}

accept() { # name file
    if "$mkimage" check "$2" "$ram"; then
        echo "[PASS] mkimage/$1: accepted"; pass=$((pass + 1))
    else
        echo "[FAIL] mkimage/$1: a valid root task was refused"; fail=$((fail + 1))
    fi
}

patch() { # file offset hex-bytes
    printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

accept good "$good"

head -c 40 "$good" > "$work/truncated.elf"
check truncated "$work/truncated.elf" "file too small"

printf 'this is not an ELF file at all, just text padding it out to size....' > "$work/text.elf"
check not-elf "$work/text.elf" "bad magic"

cp "$good" "$work/x86.elf"; patch "$work/x86.elf" 18 '\x3e\x00'     # e_machine = EM_X86_64
check wrong-machine "$work/x86.elf" "not an AArch64 ELF"

cp "$good" "$work/dyn.elf"; patch "$work/dyn.elf" 16 '\x03\x00'     # e_type = ET_DYN
check not-exec "$work/dyn.elf" "not a static executable"

cp "$good" "$work/phoff.elf"; patch "$work/phoff.elf" 32 '\xff\xff\xff\x00'  # e_phoff far out
check phdrs-outside "$work/phoff.elf" "program headers lie outside the file"

# A root task linked into kernel space.
printf '.global _start\n_start: b _start\n' > "$work/kspace.S"
if "$cc" -nostdlib -static -Wl,-Ttext=0xffffff8000400000 -Wl,--build-id=none \
        -o "$work/kspace.elf" "$work/kspace.S" 2>/dev/null; then
    check kernel-space "$work/kspace.elf" "above the user address space"
else
    echo "[FAIL] mkimage/kernel-space: could not build the test ELF"; fail=$((fail + 1))
fi

# A root task far too large for RAM (a 2 GiB .bss).
printf '.global _start\n_start: b _start\n.bss\n.zero 0x80000000\n' > "$work/huge.S"
if "$cc" -nostdlib -static -Wl,--build-id=none -o "$work/huge.elf" "$work/huge.S" 2>/dev/null; then
    check too-large "$work/huge.elf" "of RAM"
else
    echo "[FAIL] mkimage/too-large: could not build the test ELF"; fail=$((fail + 1))
fi

echo "$pass passed, $fail failed" | tee "$result"
[ "$fail" -eq 0 ]
