# SPDX-License-Identifier: BSD-2-Clause
# Benchmarks (included by the top-level Makefile). `make bench` builds bench/main.c, packs it
# with the bench kernel (BENCH=1: EL0 may read and enable PMCCNTR_EL0; objects in
# build/kernel/cnode<bits>-bench) and boots it under `-icount shift=0`, where the cycle counter
# counts guest instructions exactly. bench/run.py prints the console and writes
# build/bench.json.
#
#   make bench                              the Cairn benchmark root task, release kernel
#   make bench RELEASE=0                    the same on the debug kernel (the default build's)
#   make bench FASTPATH=0                   without the IPC fastpath
#   make bench MCS=1                        the MCS configuration (build/mcs/), with the
#                                           passive-server round trips
#   make bench ROOTTASK=/abs/path/task.elf  any root task, same kernel config and QEMU flags

BENCH_OUT   := $(BUILD)/bench
BENCH_ELF   := $(BENCH_OUT)/bench.elf
BENCH_IMAGE := $(BENCH_OUT)/image.elf
BENCH_JSON  := $(BUILD)/bench.json

BENCH_OBJS := $(BENCH_OUT)/main.o $(BENCH_OUT)/ipc.o

$(BENCH_OUT)/%.o: $(ROOT)/bench/%.c
	$(call compile_user_c,$@,$<)

$(BENCH_ELF): $(BENCH_OBJS) $(ROOTTASK_LINK_DEPS)
	$(call link_roottask,$@,$(BENCH_OBJS))

-include $(BENCH_OBJS:.o=.d)

# `make bench` measures the release kernel unless RELEASE is given on the command line
# (or in the environment): mk/config.mk's own default is the debug build.
BENCH_RELEASE := $(if $(filter command line environment,$(origin RELEASE)),$(RELEASE),1)
BENCH_CONFIG = $(if $(filter 1,$(RELEASE)),release,debug)

# The root task is built in this configuration; the image and the run happen in a sub-make
# with BENCH=1, so KERNEL_OBJ there is the bench kernel's.
.PHONY: bench bench-run
bench: $(if $(ROOTTASK),,$(BENCH_ELF))
	@$(MAKE) --no-print-directory BENCH=1 RELEASE=$(BENCH_RELEASE) bench-run \
	    BENCH_TASK=$(or $(ROOTTASK),$(BENCH_ELF))

bench-run: $(IMAGE_INPUTS)
	$(if $(filter 1,$(BENCH)),,$(error bench-run needs BENCH=1; use `make bench`))
	@echo "  IMAGE   $(patsubst $(ROOT)/%,%,$(BENCH_IMAGE)) ($(notdir $(KERNEL_BUILD)) kernel + $(BENCH_TASK))"
	@echo "bench: measuring the $(BENCH_CONFIG) kernel (RELEASE=$(RELEASE) FASTPATH=$(FASTPATH) MCS=$(MCS)$(if \
	    $(filter 1,$(RELEASE)),; make bench RELEASE=0 measures the debug one))"
	$(call image_recipe,$(BENCH_TASK),$(BENCH_IMAGE))
	@echo "  RUN     $(call qemu_cmd,$(BENCH_IMAGE),$(QEMU_BENCH_FLAGS))"
	@$(PYTHON) $(ROOT)/bench/run.py --qemu '$(call qemu_cmd,$(BENCH_IMAGE),$(QEMU_BENCH_FLAGS))' \
	    --json $(BENCH_JSON) --log $(BENCH_OUT)/console.log --reference $(ROOT)/bench/reference.json \
	    --config '{"build": "$(BENCH_CONFIG)", "RELEASE": $(RELEASE), "FASTPATH": $(FASTPATH), "MCS": $(MCS), "kernel": "$(KERNEL_CONFIG_NAME)"}'

# Both configurations: make bench MCS=1 builds and measures everything under build/mcs/.
ALL_TARGETS += $(BENCH_ELF)

# Where one operation's instructions go: `make bench-profile COUNT=<per_op>` traces the image
# the last `make bench` built (same kernel configuration) and prints the first window of that
# many instructions by function (bench/profile.py).
.PHONY: bench-profile
bench-profile:
	$(if $(COUNT),,$(error set COUNT=<per_op figure from make bench>))
	@$(PYTHON) $(ROOT)/bench/profile.py --qemu '$(call qemu_cmd,{image},$(QEMU_BENCH_FLAGS))' \
	    --image $(BENCH_IMAGE) --roottask $(BENCH_ELF) --count $(COUNT)

# The wall-time workload (bench/walltime/main.c, FRAMEEXPORTS0001's frame loop) on the
# default kernel, timed on the host: median of 5 boots, written to build/bench-walltime.json.
WALLTIME_OUT   := $(BUILD)/bench/walltime
WALLTIME_ELF   := $(WALLTIME_OUT)/walltime.elf
WALLTIME_IMAGE := $(WALLTIME_OUT)/$(KERNEL_CONFIG_NAME).image.elf

$(eval $(call one_file_image,$(ROOT)/bench/walltime/main.c,$(WALLTIME_OUT),$(WALLTIME_ELF),$(WALLTIME_IMAGE)))

.PHONY: bench-walltime
bench-walltime: $(WALLTIME_IMAGE)
	@echo "  RUN     $(call qemu_cmd,$(WALLTIME_IMAGE)) (x5, host wall time)"
	@$(PYTHON) $(ROOT)/bench/walltime.py --qemu '$(call qemu_cmd,{image})' \
	    --image $(WALLTIME_IMAGE) --json $(BUILD)/bench-walltime.json

ALL_TARGETS += $(if $(filter 1,$(MCS)),,$(WALLTIME_ELF))
