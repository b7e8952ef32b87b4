# Kernel sources, listed explicitly: adding a file is a reviewed decision.
#   KERNEL_GENERIC   generic C, compiled for the target and for host unit tests
#   KERNEL_ARCH      host-safe arch C (pure functions), also compiled for the host
#   KERNEL_MACHINE   target-only: system registers, MMIO, assembly
K := $(ROOT)/kernel

# MCS only (make MCS=1): the objects that exist only in that configuration and its
# scheduling (sched/refill.c, the refill rules, is also unit-tested on the host in the
# default configuration: tests/unit/build.mk).
MCS_KERNEL_REFILL := $(K)/sched/refill.c
MCS_KERNEL_GENERIC := $(K)/object/sched_context.c $(K)/object/reply.c $(K)/sched/mcs.c \
                      $(K)/check/invariants_mcs.c \
                      $(K)/api/budget.c $(MCS_KERNEL_REFILL)

KERNEL_GENERIC := \
	$(K)/state.c \
	$(K)/msg/message.c \
	$(K)/msg/invocation.c \
	$(K)/lib/string.c \
	$(K)/lib/printf.c \
	$(K)/lib/panic.c \
	$(K)/boot/elf.c \
	$(K)/boot/untyped_split.c \
	$(K)/boot/dtb.c \
	$(K)/vm/pt_walk.c \
	$(K)/vm/vspace_dump.c \
	$(K)/check/invariants.c \
	$(K)/cspace/lookup.c \
	$(K)/cspace/cdt.c \
	$(K)/cspace/derive.c \
	$(K)/ipc/transfer.c \
	$(K)/object/objecttype.c \
	$(K)/object/untyped.c \
	$(K)/object/cnode.c \
	$(K)/object/notification.c \
	$(K)/object/endpoint.c \
	$(K)/object/irq.c \
	$(K)/object/domain.c \
	$(K)/object/tcb.c \
	$(K)/object/tcb_registers.c \
	$(K)/object/tcb_control.c \
	$(K)/object/arch_object.c \
	$(K)/object/frame.c \
	$(K)/object/page_table.c \
	$(K)/object/vspace.c \
	$(K)/object/asid.c \
	$(K)/api/invocation.c \
	$(K)/api/faults.c \
	$(K)/api/ipc.c \
	$(K)/api/debug.c \
	$(K)/api/syscall.c \
	$(K)/api/interrupt.c \
	$(K)/sched/sched.c \
	$(if $(filter 1,$(MCS)),$(MCS_KERNEL_GENERIC))


KERNEL_ARCH := \
	$(K)/arch/aarch64/esr.c \
	$(K)/arch/aarch64/regs.c

# Generic C that needs the real machine around it (boot order, the syscall entry).
KERNEL_TARGET_GENERIC := \
	$(K)/boot/boot.c \
	$(K)/boot/initial_thread.c \
	$(K)/boot/bootinfo.c \
	$(K)/api/fastpath.c

KERNEL_MACHINE := \
	$(K)/arch/aarch64/machine/head.S \
	$(K)/arch/aarch64/machine/vectors.S \
	$(K)/arch/aarch64/machine/fpu.S \
	$(K)/arch/aarch64/machine/traps.c \
	$(K)/arch/aarch64/machine/mmu.c \
	$(K)/arch/aarch64/machine/pl011.c \
	$(K)/arch/aarch64/machine/machine.c \
	$(K)/arch/aarch64/machine/gic.c \
	$(K)/arch/aarch64/machine/timer.c

KERNEL_INCLUDES := -I$(K)/include -I$(K) -I$(LIBSEL4_INCLUDE) -I$(COMMON_INCLUDE)

# One build directory per configuration, so a bench or 13-bit-CNode kernel never mixes
# objects with the default one.
KERNEL_CONFIG_NAME := cnode$(ROOT_CNODE_SIZE_BITS)$(if $(filter 1,$(BENCH)),-bench)$(if \
                      $(filter 1,$(RELEASE)),-release)$(if $(filter 0,$(FASTPATH)),-nofastpath)$(if \
                      $(filter-out $(if $(filter 1,$(RELEASE)),0,1),$(DEBUG_PRINTING)),-printing$(DEBUG_PRINTING))$(if \
                      $(filter 1,$(CHECK_INVARIANTS)),-check)
KERNEL_BUILD := $(BUILD)/kernel/$(KERNEL_CONFIG_NAME)
KERNEL_SRCS := $(KERNEL_GENERIC) $(KERNEL_ARCH) $(KERNEL_TARGET_GENERIC) $(KERNEL_MACHINE)
KERNEL_OBJS := $(patsubst $(K)/%,$(KERNEL_BUILD)/%.o,$(KERNEL_SRCS))
KERNEL_OBJ := $(KERNEL_BUILD)/kernel.o
KERNEL_LDS := $(K)/arch/aarch64/machine/kernel.ld

$(KERNEL_BUILD)/%.c.o: $(K)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $(patsubst $(ROOT)/%,%,$<)"
	@$(CROSS_CC) $(KERNEL_CFLAGS) $(KERNEL_CONFIG_FLAGS) $(KERNEL_INCLUDES) -MMD -MP -c -o $@ $<

$(KERNEL_BUILD)/%.S.o: $(K)/%.S
	@mkdir -p $(dir $@)
	@echo "  CC      $(patsubst $(ROOT)/%,%,$<)"
	@$(CROSS_CC) $(KERNEL_CFLAGS) $(KERNEL_CONFIG_FLAGS) $(KERNEL_INCLUDES) -MMD -MP -c -o $@ $<

# All kernel objects in one relocatable file; mk/image.mk links it with a root task.
$(KERNEL_OBJ): $(KERNEL_OBJS)
	@$(CROSS_LD) -r -o $@ $^

-include $(KERNEL_OBJS:.o=.d)

ALL_TARGETS += $(KERNEL_OBJ) $(MKIMAGE)
