# SPDX-License-Identifier: BSD-2-Clause
# Rules for a tutorial workspace. A workspace Makefile is three lines:
#     NAME := hello-world
#     SRCS := main.c
#     include ../../../mk/roottask.mk
# Everything is built by the top-level Makefile (workspaces/build.mk), so flags, runtime and
# kernel are always the tree's; this file only delegates. Targets:
#     make [STEP=2.A]            build the root task   build/workspaces/<name>/<step>/<name>.elf
#     make simulate [STEP=2.A]   ... then pack it with the kernel and boot it in QEMU
#     make debug [STEP=2.A]      ... QEMU waits for gdb; prints the gdb command
#     make check                 boot main.c once; say which steps its output completes and
#                                where it first differs from the next one (expect/<step>.txt)
#     make check SOLUTIONS=1     boot every step's solution and hold it to its expect file
#     make clean                 remove this workspace's build outputs
# Without STEP the program is the learner's: the workspace's own files (main.c). STEP=2.A
# builds the solution instead, the same files from solution/, ending after step 2.A.
# A chapter written for seL4's MCS configuration has a fourth line before the include,
# "MCS := 1": every target then builds and boots the MCS kernel and runtime (make MCS=1,
# under build/mcs/).

CAIRN_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
WS         := $(notdir $(CURDIR))
STEP       ?=
WS_STEP    := $(if $(STEP),$(STEP),default)
MCS        ?= 0
WS_OUT     := $(CAIRN_ROOT)/build$(if $(filter 1,$(MCS)),/mcs)/workspaces/$(WS)/$(WS_STEP)
WS_ELF     := $(WS_OUT)/$(WS).elf
WS_IMAGE   := $(WS_OUT)/image.elf

# The Debian packages this goal needs (mk/deps.mk), checked here once for both sub-makes.
ROOT  := $(CAIRN_ROOT)
BUILD := $(CAIRN_ROOT)/build
include $(CAIRN_ROOT)/mk/deps.mk

ifneq ($(NAME),$(WS))
  $(error mk/roottask.mk: NAME ($(NAME)) must be the workspace directory's name ($(WS)))
endif

.DEFAULT_GOAL := all
.PHONY: all simulate debug check clean

all:
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) workspace-elf MCS=$(MCS) WS=$(WS) STEP=$(STEP)

simulate: all
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) simulate MCS=$(MCS) ROOTTASK=$(WS_ELF) IMAGE=$(WS_IMAGE)

debug: all
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) debug MCS=$(MCS) ROOTTASK=$(WS_ELF) IMAGE=$(WS_IMAGE)

check:
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) workspace-check MCS=$(MCS) WS=$(WS) SOLUTIONS=$(SOLUTIONS)

clean:
	rm -rf $(CAIRN_ROOT)/build$(if $(filter 1,$(MCS)),/mcs)/workspaces/$(WS)
