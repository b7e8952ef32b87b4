# Packing a root task into a bootable image, and booting it.
# The image is the kernel linked together with the root-task ELF, carried verbatim in the
# kernel's .rootimage section. mkimage (a host tool sharing the kernel's ELF checker)
# refuses a malformed root task here, at build time, with a clear message.

MKIMAGE := $(BUILD)/tools/mkimage

# $(call image_recipe,ROOTTASK_ELF,OUT_IMAGE)
define image_recipe
	@mkdir -p $(dir $(2))
	@$(MKIMAGE) check $(1) $(QEMU_MEM_MB)
	@$(CROSS_CC) $(KERNEL_CFLAGS) -c -o $(2).blob.o \
	    -DROOTTASK_PATH='"$(abspath $(1))"' $(ROOT)/kernel/boot/roottask_blob.S
	@$(CROSS_LD) -nostdlib --no-warn-rwx-segments -T $(KERNEL_LDS) -o $(2) $(KERNEL_OBJ) $(2).blob.o
	@rm -f $(2).blob.o
endef

IMAGE ?= $(BUILD)/images/simulate.elf
IMAGE_INPUTS := $(KERNEL_OBJ) $(KERNEL_LDS) $(MKIMAGE) $(ROOT)/kernel/boot/roottask_blob.S

need_roottask = $(if $(ROOTTASK),,$(error set ROOTTASK=/abs/path/task.elf))

image: $(IMAGE_INPUTS)
	$(need_roottask)
	$(call image_recipe,$(ROOTTASK),$(IMAGE))
	@echo "image: $(IMAGE)"

simulate: image
	@echo "cairn: $(call qemu_cmd,$(IMAGE))   (quit: ctrl-a x)"
	@$(call qemu_cmd,$(IMAGE))

# QEMU stops before the first instruction and waits for gdb on port 1234.
debug: image
	@command -v gdb-multiarch >/dev/null || { echo "cairn: installing gdb-multiarch (apt-get)"; \
	    $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq gdb-multiarch >/dev/null; }
	@echo "cairn: in another terminal run:"
	@echo "  gdb-multiarch -ex 'target remote 127.0.0.1:1234' -ex 'symbol-file $(IMAGE)' \\"
	@echo "      -ex 'add-symbol-file $(abspath $(ROOTTASK))'"
	@$(call qemu_cmd,$(IMAGE),$(QEMU_GDB_FLAGS))

$(MKIMAGE): $(ROOT)/tools/mkimage.c $(ROOT)/kernel/boot/elf.c $(ROOT)/kernel/boot/elf.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(WARN_FLAGS) -O2 -I$(ROOT)/kernel/include -I$(ROOT)/kernel \
	    -I$(LIBSEL4_INCLUDE) -o $@ $(ROOT)/tools/mkimage.c $(ROOT)/kernel/boot/elf.c
