# Cairn: top-level entry points. Everything builds out of tree into build/.
#   make                 kernel, libraries, every workspace, the test suites
#   make test            host unit tests, then system tests in QEMU; ends "N passed, N failed"
#   make simulate ROOTTASK=/abs/task.elf    boot any root task in QEMU
#   make image ROOTTASK=/abs/task.elf IMAGE=out.elf   write the bootable image
#   make debug ROOTTASK=...                 QEMU waiting for gdb, plus the gdb command line
#   make bench [ROOTTASK=...] [RELEASE=0]   instruction counts per operation (-icount), release kernel
#   make bench-profile COUNT=<n>            one benchmarked operation, instruction by function
#   make lint            header self-containment, format, arch-boundary checks
ROOT  := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
# MCS=1: seL4's MCS configuration (mk/config.mk), built entirely under build/mcs/ so the
# two configurations never share an object.
MCS ?= 0
BUILD := $(ROOT)/build$(if $(filter 1,$(MCS)),/mcs)

.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:
# Keep intermediate objects and ELFs: rebuilds stay quick and nothing is deleted behind
# a running QEMU.
.SECONDARY:

include $(ROOT)/mk/toolchain.mk
include $(ROOT)/mk/deps.mk
include $(ROOT)/mk/flags.mk
include $(ROOT)/mk/qemu.mk
include $(ROOT)/mk/config.mk
include $(ROOT)/mk/libfdt.mk
include $(ROOT)/libsel4/build.mk
include $(ROOT)/runtime/build.mk
include $(ROOT)/kernel/build.mk
include $(ROOT)/mk/image.mk
include $(wildcard $(ROOT)/tests/unit/build.mk $(ROOT)/tests/system/build.mk \
                   $(ROOT)/tests/compile_fail/build.mk $(ROOT)/tests/fuzz-host/build.mk \
                   $(ROOT)/bench/build.mk $(ROOT)/workspaces/build.mk)

.PHONY: all test test-unit test-system bench simulate image debug lint clean qemu-cmd

all: $(ALL_TARGETS)

# `make test` runs every suite and always finishes with one summary line. Each suite
# appends its "N passed, N failed" result to build/results/; the summary adds them up and
# counts a suite whose result is missing (it did not build or run) as failed, by name.
test:
	@rm -rf $(BUILD)/results && mkdir -p $(BUILD)/results
	@$(MAKE) --no-print-directory -k test-unit test-compile-fail test-fuzz-replay test-system; rc=$$?; \
	  $(PYTHON) $(ROOT)/tools/summarize.py $(BUILD)/results unit compile-fail fuzz-host-replay $(SYSTEST_RESULT_NAMES); s=$$?; \
	  [ $$rc -eq 0 ] && [ $$s -eq 0 ]

lint:
	@bash $(ROOT)/tools/lint.sh

clean:
	rm -rf $(BUILD)

qemu-cmd:
	@echo "$(call qemu_cmd,<image.elf>)"
