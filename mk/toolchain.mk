# Toolchain selection: the AArch64 cross compiler for kernel and user space, the host
# compiler for unit tests and tools. Debian's gcc-aarch64-linux-gnu is the default;
# CROSS=... overrides the prefix.
CROSS       ?= aarch64-linux-gnu-
CROSS_CC    := $(CROSS)gcc
CROSS_LD    := $(CROSS)ld
CROSS_AR    := $(CROSS)ar
CROSS_OBJCOPY := $(CROSS)objcopy
CROSS_OBJDUMP := $(CROSS)objdump
CROSS_NM    := $(CROSS)nm
HOST_CC     ?= gcc
PYTHON      ?= /usr/bin/python3
QEMU        ?= qemu-system-aarch64
