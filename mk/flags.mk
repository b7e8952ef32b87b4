# Flag sets shared by the kernel, the user-space libraries and the host tests.

# common/: headers that the kernel, the runtime, root tasks and tools share and that belong
# to none of them (common/README.md).
COMMON_INCLUDE := $(ROOT)/common

WARN_FLAGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wpointer-arith -Wundef -Wvla -Wformat=2
# -Wcast-align is only meaningful with strict alignment; it is enabled for the kernel.

# MCS=1 defines CONFIG_KERNEL_MCS for every part alike: kernel, libsel4, runtime, root tasks
# and the host unit tests (mk/config.mk; docs/design/abi.md, "The two configurations").
CONFIG_MCS_FLAGS := $(if $(filter 1,$(MCS)),-DCONFIG_KERNEL_MCS=1)

# Freestanding AArch64 code, shared by kernel and user space.
TARGET_CFLAGS := $(CONFIG_MCS_FLAGS) $(WARN_FLAGS) -ffreestanding -nostdlib -fno-pie -fno-stack-protector \
                 -fno-common -O2 -g -mcpu=cortex-a53 -ffunction-sections -fdata-sections

# The kernel never touches FP/SIMD registers (they belong to user threads and are switched
# lazily), and runs with strict alignment so MMIO and early boot behave the same.
KERNEL_CFLAGS := $(TARGET_CFLAGS) -mgeneral-regs-only -mstrict-align -Wcast-align \
                 -mcmodel=small -fno-omit-frame-pointer

# User space may use FP/SIMD; the runtime and root tasks build with these.
USER_CFLAGS := $(TARGET_CFLAGS)

# Host unit tests: same warnings, plus sanitizers.
HOST_CFLAGS := $(CONFIG_MCS_FLAGS) $(WARN_FLAGS) -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -DCAIRN_HOST_TEST=1
