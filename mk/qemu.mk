# The one QEMU command line. Upstream seL4's qemu-arm-virt settings: virt machine,
# Cortex-A53, 1 GiB of RAM, console on stdio. `make qemu-cmd` prints it. -nic none: no
# network card (virt would add a virtio one, whose boot ROM is in a package QEMU only
# recommends, and nothing here uses it).
QEMU_MACHINE ?= virt
QEMU_CPU     ?= cortex-a53
QEMU_MEM_MB  ?= 1024
QEMU_FLAGS   := -machine $(QEMU_MACHINE) -cpu $(QEMU_CPU) -m $(QEMU_MEM_MB) -nographic \
                -no-reboot -nic none
# Benchmarks run with a deterministic instruction counter: one guest instruction per
# virtual nanosecond, so PMCCNTR_EL0 counts guest instructions exactly.
QEMU_BENCH_FLAGS := -icount shift=0
QEMU_GDB_FLAGS   := -S -gdb tcp:127.0.0.1:1234

# $(call qemu_cmd,IMAGE[,EXTRA])
qemu_cmd = $(strip $(QEMU) $(QEMU_FLAGS) $(2) -kernel $(1))
