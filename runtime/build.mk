# SPDX-License-Identifier: BSD-2-Clause
# The C runtime for root tasks: libcairn.a + crt0.o, and the two make functions every root
# task uses, compile_user_c and link_roottask. Included by the top-level Makefile after
# mk/toolchain.mk, mk/flags.mk and libsel4/build.mk.

RUNTIME_DIR     := $(ROOT)/runtime
RUNTIME_OUT     := $(BUILD)/runtime
RUNTIME_LIB     := $(RUNTIME_OUT)/libcairn.a
RUNTIME_CRT0    := $(RUNTIME_OUT)/crt0.o
RUNTIME_LDS     := $(RUNTIME_DIR)/root-task.ld
RUNTIME_INCLUDE := $(RUNTIME_DIR)/include
LIBSEL4_LIB     ?= $(BUILD)/libsel4/libsel4.a

# Root-task C: the shared user flags; the compiler's own freestanding headers (stdint.h,
# stddef.h, stdarg.h, stdbool.h) but none of the host C library's, so <stdio.h> and friends
# can only come from runtime/include. -MMD writes header dependencies beside each object.
CROSS_CC_INCLUDE := $(shell $(CROSS_CC) -print-file-name=include)
ROOTTASK_CFLAGS  := $(USER_CFLAGS) -nostdinc -isystem $(CROSS_CC_INCLUDE) \
                    -I$(RUNTIME_INCLUDE) -I$(LIBSEL4_INCLUDE) -I$(COMMON_INCLUDE) \
                    -isystem $(LIBFDT_INCLUDE) -MMD -MP
ROOTTASK_LDFLAGS := -nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none \
                    -Wl,-z,max-page-size=4096 -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments
LIBGCC           := $(shell $(CROSS_CC) -print-libgcc-file-name)

# $(call compile_user_c,OUT_O,SRC_C[,EXTRA_FLAGS])
# Compile one root-task C file. __FILE__ is shown relative to the source's own directory
# (so a panic in workspaces/.../main.c reports "main.c:LINE").
define compile_user_c
	@mkdir -p $(dir $(1))
	@echo "  CC      $(patsubst $(ROOT)/%,%,$(2))"
	@$(CROSS_CC) $(ROOTTASK_CFLAGS) -fmacro-prefix-map=$(dir $(abspath $(2)))= $(3) \
	    -c -o $(1) $(2)
endef

# $(call link_roottask,OUT_ELF,OBJECTS)
# Link a root task: crt0 first, the program, then the runtime, libsel4, libfdt and libgcc as
# one group (they call each other), with the runtime's link script. Static, no C library.
define link_roottask
	@mkdir -p $(dir $(1))
	@echo "  LD      $(patsubst $(ROOT)/%,%,$(1))"
	@$(CROSS_CC) $(ROOTTASK_LDFLAGS) -T $(RUNTIME_LDS) -o $(1) $(RUNTIME_CRT0) $(2) \
	    -Wl,--start-group $(RUNTIME_LIB) $(LIBSEL4_LIB) $(LIBFDT_LIB) $(LIBGCC) -Wl,--end-group
endef

# Everything link_roottask reads, for use as prerequisites.
ROOTTASK_LINK_DEPS := $(RUNTIME_CRT0) $(RUNTIME_LIB) $(LIBSEL4_LIB) $(RUNTIME_LDS)

RUNTIME_C_SRCS := start.c print.c panic.c errors.c bootinfo.c alloc.c heap.c log.c string.c qsort.c vspace.c \
                  elf.c process.c \
                  thread.c strtoul.c stack_protector.c \
                  stack_default.c heap_default.c
RUNTIME_S_SRCS := setjmp.S
RUNTIME_OBJS   := $(patsubst %.c,$(RUNTIME_OUT)/%.o,$(RUNTIME_C_SRCS)) \
                  $(patsubst %.S,$(RUNTIME_OUT)/%.o,$(RUNTIME_S_SRCS))

# string.c implements memcpy & co. as plain loops; keep GCC from turning them into calls.
$(RUNTIME_OUT)/string.o: RUNTIME_EXTRA_CFLAGS := -fno-tree-loop-distribute-patterns -fno-builtin

# KEEP_RUNNING (mk/config.mk) is compiled into start.o; the settings file changes only when
# it does, so switching it rebuilds start.o and relinks the root tasks.
RUNTIME_SETTINGS := $(RUNTIME_OUT)/settings
$(RUNTIME_SETTINGS): runtime-settings-check
	@mkdir -p $(dir $@)
	@echo 'KEEP_RUNNING=$(KEEP_RUNNING)' | cmp -s - $@ || echo 'KEEP_RUNNING=$(KEEP_RUNNING)' > $@
.PHONY: runtime-settings-check
runtime-settings-check:
$(RUNTIME_OUT)/start.o: $(RUNTIME_SETTINGS)
$(RUNTIME_OUT)/start.o: RUNTIME_EXTRA_CFLAGS := -DCAIRN_KEEP_RUNNING=$(KEEP_RUNNING)

$(RUNTIME_OUT)/%.o: $(RUNTIME_DIR)/%.c
	$(call compile_user_c,$@,$<,-fmacro-prefix-map=$(ROOT)/= $(RUNTIME_EXTRA_CFLAGS))

$(RUNTIME_OUT)/%.o: $(RUNTIME_DIR)/%.S
	$(call compile_user_c,$@,$<)

$(RUNTIME_LIB): $(RUNTIME_OBJS)
	@echo "  AR      $(patsubst $(ROOT)/%,%,$@)"
	@rm -f $@
	@$(CROSS_AR) rcs $@ $^

.PHONY: runtime
runtime: $(RUNTIME_LIB) $(RUNTIME_CRT0)

ALL_TARGETS += $(RUNTIME_LIB) $(RUNTIME_CRT0)

-include $(RUNTIME_OBJS:.o=.d) $(RUNTIME_CRT0:.o=.d)
