# The one QEMU command line. Upstream seL4's qemu-arm-virt settings: virt machine,
# Cortex-A53, 1 GiB of RAM, console on stdio. `make qemu-cmd` prints it. -nic none: no
# network card (virt would add a virtio one, whose boot ROM is in a package QEMU only
# recommends, and nothing here uses it).
QEMU_MACHINE ?= virt
QEMU_CPU     ?= cortex-a53
QEMU_MEM_MB  ?= 1024
QEMU_FLAGS   := -machine $(QEMU_MACHINE) -cpu $(QEMU_CPU) -m $(QEMU_MEM_MB) -nographic \
                -no-reboot -nic none
# The MCS kernel schedules by time (budgets, periods, timeouts), so its runs take their
# time from QEMU's instruction counter: one guest instruction per virtual nanosecond while
# the guest runs (while it idles, the clock follows the host's, so typed input and waits
# behave as usual). A 2 ms budget is then 2 million guest instructions whatever the host's
# load, and the MCS tests' shares and the mcs chapter's output do not depend on it. The
# classic kernel keeps QEMU's host-time clock.
QEMU_ICOUNT := -icount shift=0
QEMU_CLOCK_FLAGS := $(if $(filter 1,$(MCS)),$(QEMU_ICOUNT))
QEMU_FLAGS   += $(QEMU_CLOCK_FLAGS)
# Benchmarks run with the same counter, so PMCCNTR_EL0 counts guest instructions exactly
# (already there on MCS).
QEMU_BENCH_FLAGS := $(if $(QEMU_CLOCK_FLAGS),,$(QEMU_ICOUNT))
QEMU_GDB_FLAGS   := -S -gdb tcp:127.0.0.1:1234

# $(call qemu_cmd,IMAGE[,EXTRA])
qemu_cmd = $(strip $(QEMU) $(QEMU_FLAGS) $(2) -kernel $(1))
