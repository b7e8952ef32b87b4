// SPDX-License-Identifier: BSD-2-Clause
// A register snapshot around one system call, for checking what the kernel preserves
// (docs/design/abi.md §2.2). regs_probe.S loads every register from `in`, executes
// `svc #0`, and stores what the registers hold afterwards into `out`.
#pragma once

#include <stddef.h>
#include <stdint.h>

/*
 * Layout (byte offsets are used by regs_probe.S; keep them in step):
 *
 *     0   q[64]     v0..v31 as two words each (low, high)
 *   512   x[31]     x0..x30; x7 is the syscall number, x0 its argument
 *   760   tpidr     TPIDR_EL0 (the runtime's TLS pointer; restored afterwards)
 *   768   tpidrro   TPIDRRO_EL0 (out only: EL0 cannot write it)
 *   776   nzcv      condition flags
 *   784   fpcr      FP control (restored afterwards)
 *   792   fpsr      FP status (restored afterwards)
 *   800   sp_delta  out only: SP after the call minus SP before (must be 0)
 *   808   pad
 */
struct regs_probe {
    uint64_t q[64];
    uint64_t x[31];
    uint64_t tpidr;
    uint64_t tpidrro;
    uint64_t nzcv;
    uint64_t fpcr;
    uint64_t fpsr;
    uint64_t sp_delta;
    uint64_t pad;
} __attribute__((aligned(16)));

_Static_assert(offsetof(struct regs_probe, x) == 512, "regs_probe.S layout");
_Static_assert(offsetof(struct regs_probe, tpidr) == 760, "regs_probe.S layout");
_Static_assert(offsetof(struct regs_probe, sp_delta) == 800, "regs_probe.S layout");
_Static_assert(sizeof(struct regs_probe) == 816, "regs_probe.S copies 102 words");

/* Load all registers from *in, svc #0, store them into *out. Callee-saved state, TPIDR_EL0,
 * FPCR and FPSR are restored before returning. */
void regs_probe_run(const struct regs_probe *in, struct regs_probe *out);
