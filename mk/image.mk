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

# $(eval $(call one_file_image,SOURCE,OUT_DIR,ELF,IMAGE)): a root task of the one C file
# SOURCE (object and dependency file in OUT_DIR), linked with the runtime into ELF and
# packed with the kernel into IMAGE.
define one_file_image
$(2)/main.o: $(1)
	$$(call compile_user_c,$$@,$$<)

$(3): $(2)/main.o $$(ROOTTASK_LINK_DEPS)
	$$(call link_roottask,$$@,$$<)

$(4): $(3) $$(IMAGE_INPUTS)
	@echo "  IMAGE   $$(patsubst $$(ROOT)/%,%,$$@)"
	$$(call image_recipe,$$<,$$@)

-include $(2)/main.d
endef

need_roottask = $(if $(ROOTTASK),,$(error set ROOTTASK=/abs/path/task.elf))

image: $(IMAGE_INPUTS)
	$(need_roottask)
	$(call image_recipe,$(ROOTTASK),$(IMAGE))
	@echo "image: $(IMAGE)"

# QEMU exits when the root task ends (the runtime halts the machine), and `make simulate`
# with the program's status; KEEP_RUNNING=1 keeps the machine running until ctrl-a x.
# The console is also kept in the image's console.log.
simulate: image
	@echo "cairn: $(call qemu_cmd,$(IMAGE))"
	@echo "cairn: $(if $(filter 1,$(KEEP_RUNNING)),quit with ctrl-a x,QEMU exits when the root task ends; quit earlier with ctrl-a x)"
	@sh $(ROOT)/mk/run-qemu.sh $(basename $(IMAGE)).console.log $(call qemu_cmd,$(IMAGE))

# QEMU stops before the first instruction and waits for gdb on port 1234. The kernel is
# linked at its virtual addresses (0xffffff80_4020_0000 on) but starts with the MMU off at
# its physical ones (0x4020_0000 on, PPTR_OFFSET lower; kernel.ld), so gdb loads its symbols
# twice: as linked, and moved down by PPTR_OFFSET, for the boot code before the MMU is on.
# The root task's symbols are at its own (user) addresses.
GDB_CMD = gdb-multiarch -q -iex 'set confirm off' -ex 'file $(IMAGE)' \
    -ex 'add-symbol-file $(IMAGE) -o -$(KERNEL_PPTR_OFFSET)' \
    -ex 'add-symbol-file $(abspath $(ROOTTASK))' -ex 'target remote 127.0.0.1:1234'
KERNEL_PPTR_OFFSET := 0xffffff8000000000

debug: image
	@echo "cairn: QEMU waits for gdb. In another terminal, from $(CURDIR), run:"
	@echo "  $(GDB_CMD)"
	@echo "cairn: the kernel's symbols are loaded twice, so the first stop is named too: _start at"
	@echo "cairn: 0x40200000, physical, MMU off; later ones at the linked 0xffffff8040200000 + x."
	@echo "cairn: A kernel breakpoint therefore has 2 locations. Quit QEMU with ctrl-a x."
	@$(call qemu_cmd,$(IMAGE),$(QEMU_GDB_FLAGS))

$(MKIMAGE): $(ROOT)/tools/mkimage.c $(ROOT)/kernel/boot/elf.c $(ROOT)/kernel/boot/elf.h \
            $(COMMON_INCLUDE)/elf64.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $(patsubst $(ROOT)/%,%,$@)"
	@$(HOST_CC) $(WARN_FLAGS) -O2 -I$(ROOT)/kernel/include -I$(ROOT)/kernel \
	    -I$(LIBSEL4_INCLUDE) -I$(COMMON_INCLUDE) -o $@ $(ROOT)/tools/mkimage.c $(ROOT)/kernel/boot/elf.c
