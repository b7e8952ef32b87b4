# Build-time kernel configuration (seL4's CMake options, in make form).
# Root CNode size in bits: 12 as in seL4; seL4's own test suite needs 13.
ROOT_CNODE_SIZE_BITS ?= 12
# Benchmark build: lets EL0 read and enable the cycle counter (seL4 KernelArmExportPMUUser).
BENCH ?= 0
# Release build (seL4's release configuration): no userError lines, kernel assertions
# compiled out, debug checks off. The ABI is the same; seL4_DebugPutChar stays.
RELEASE ?= 0
# Debug printing of rejected invocations in seL4's userError form (off in release builds).
DEBUG_PRINTING ?= $(if $(filter 1,$(RELEASE)),0,1)
# MCS (set in the Makefile, default 0): 1 selects seL4's mixed-criticality configuration
# (KernelIsMCS): CONFIG_KERNEL_MCS for every part, everything built under build/mcs/.
# The Call/ReplyRecv fastpath (kernel/api/fastpath.c, both configurations; MCS: the round
# trip with a passive server); 0 sends every IPC the general way.
FASTPATH ?= 1
# 1: after every kernel entry, verify the whole kernel state and panic naming a broken
# invariant (kernel/check/invariants.h). `make test` runs the suite and the fuzzers so.
CHECK_INVARIANTS ?= 0

KERNEL_CONFIG_FLAGS := -DCONFIG_ROOT_CNODE_SIZE_BITS=$(ROOT_CNODE_SIZE_BITS) \
                       -DCONFIG_BENCH=$(BENCH) -DCONFIG_DEBUG_PRINTING=$(DEBUG_PRINTING) \
                       -DCONFIG_RELEASE=$(RELEASE) -DCONFIG_FASTPATH=$(FASTPATH) \
                       -DCONFIG_CHECK_INVARIANTS=$(CHECK_INVARIANTS) \
                       -DCONFIG_RAM_MB=$(QEMU_MEM_MB)
# 1: a root task whose main returns only suspends its thread and the machine keeps running
# (quit QEMU with ctrl-a x); 0: the runtime halts the machine, QEMU exits (runtime/start.c).
KEEP_RUNNING ?= 0
