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
#     make clean                 remove this workspace's build outputs
# STEP selects a step of the chapter: the sources are compiled with -DSTEP_2_A=1 and
# -DSTEP=\"2.A\" (dots and dashes become underscores). Without STEP: step "default",
# compiled with -DSTEP_DEFAULT=1 -DSTEP=\"default\".

CAIRN_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
WS         := $(notdir $(CURDIR))
STEP       ?=
WS_STEP    := $(if $(STEP),$(STEP),default)
WS_OUT     := $(CAIRN_ROOT)/build/workspaces/$(WS)/$(WS_STEP)
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
.PHONY: all simulate debug clean

all:
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) workspace-elf WS=$(WS) STEP=$(STEP)

simulate: all
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) simulate ROOTTASK=$(WS_ELF) IMAGE=$(WS_IMAGE)

debug: all
	@$(MAKE) --no-print-directory -C $(CAIRN_ROOT) debug ROOTTASK=$(WS_ELF) IMAGE=$(WS_IMAGE)

clean:
	rm -rf $(CAIRN_ROOT)/build/workspaces/$(WS)
