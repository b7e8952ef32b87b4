# SPDX-License-Identifier: BSD-2-Clause
# Builds every step of every tutorial workspace, so a top-level `make` proves they all
# compile and link. Included by the top-level Makefile after runtime/build.mk.
#
# A workspace is workspaces/root-task/<name>/ with a three-line Makefile (NAME, SRCS, include
# mk/roottask.mk). Its files (SRCS, e.g. main.c) are the learner's: the chapter's starting
# point with the exercises marked. Its steps are the names of its expect/<step>.txt files.
# Its solution is solution/, the same files (main.c, ...): one program for every step, in
# plain C, whose code of each step is marked with the step's name (workspaces/step.h). Step S
# is those files compiled with STEP defined as "S" (-DSTEP=\"S\"); "default" is the
# learner's program. Every source is compiled with the workspace directory on the include
# path, so a header the chapter hands out (pl011.h) serves the learner's files and the
# solution alike.
#
#   ELF of one step:   build/workspaces/<name>/<step>/<name>.elf
#   its boot image:    build/workspaces/<name>/<step>/image.elf   (make workspace-images)
#   one step by hand:  make workspace-elf WS=<name> [STEP=<step>]   (mk/roottask.mk uses this)
#
# A workspace may also carry a child program, a second ELF that the root task embeds and
# loads itself (chapter 7): a fourth Makefile line "CHILD_SRCS := child.c" and a link script
# child.ld beside it. Per step, the child (from the same place as the step's SRCS) is linked
# with child.ld against libsel4 only (no Cairn runtime), and its bytes are put into the root
# task by workspaces/child_blob.S as the array _child_elf_start .. _child_elf_end.
#   the child of one step:  build/workspaces/<name>/<step>/child/child.elf
#
# For the system tests, WORKSPACE_CASES lists every step's solution with its expect file as
# NAME:IMAGE:EXPECTFILE (the harness's --case form), NAME being <workspace>/<step>;
# WORKSPACE_IMAGES lists those images; WORKSPACE_MAIN_IMAGES lists the learner's programs.

WORKSPACES_DIR  := $(ROOT)/workspaces/root-task
WORKSPACES_OUT  := $(BUILD)/workspaces
WORKSPACE_NAMES := $(notdir $(patsubst %/Makefile,%,$(wildcard $(WORKSPACES_DIR)/*/Makefile)))

# A chapter written for seL4's MCS configuration says so in its Makefile ("MCS := 1", the
# chapter mcs). Only a make with MCS=1 builds it (under build/mcs/workspaces/, as
# mk/roottask.mk asks for it); a make without MCS lists its steps all the same, with their
# images where the MCS make puts them, and hands those images to an MCS make to build, so
# `make test` runs and checks every chapter. The other chapters are built by both: a make
# with MCS=1 builds every chapter.
ws_mcs = $(filter 1,$(shell sed -n 's/^MCS[[:space:]]*[:?]\{0,1\}=[[:space:]]*//p' $(WORKSPACES_DIR)/$(1)/Makefile))
WORKSPACE_MCS_NAMES := $(foreach ws,$(WORKSPACE_NAMES),$(if $(call ws_mcs,$(ws)),$(ws)))
# The chapters this configuration builds itself.
WORKSPACE_BUILT_NAMES := $(if $(filter 1,$(MCS)),$(WORKSPACE_NAMES),\
                           $(filter-out $(WORKSPACE_MCS_NAMES),$(WORKSPACE_NAMES)))
# Where a chapter's steps are built: an MCS chapter in a make without MCS, in the MCS tree.
ws_out = $(if $(and $(filter-out 1,$(MCS)),$(filter $(1),$(WORKSPACE_MCS_NAMES))),$(BUILD)/mcs/workspaces,$(WORKSPACES_OUT))

# SRCS as written in a workspace's Makefile ("SRCS := a.c b.c").
ws_srcs = $(shell sed -n 's/^SRCS[[:space:]]*[:?]\{0,1\}=[[:space:]]*//p' $(WORKSPACES_DIR)/$(1)/Makefile)
ws_child_srcs = $(shell sed -n 's/^CHILD_SRCS[[:space:]]*[:?]\{0,1\}=[[:space:]]*//p' $(WORKSPACES_DIR)/$(1)/Makefile)
# Steps of a workspace: its expect files, plus "default" (a step is made by its expect
# file: CONTRIBUTING.md, "Adding a tutorial step").
ws_steps = $(sort default $(basename $(notdir $(wildcard $(WORKSPACES_DIR)/$(1)/expect/*.txt))))
# Where the sources of a step are: the workspace itself for "default", else its solution.
ws_src_dir = $(WORKSPACES_DIR)/$(1)$(if $(filter default,$(2)),,/solution)
# A step of the solution is compiled with its name as STEP (workspaces/step.h; on the path
# of the learner's files too, for a copy of the solution that defines STEP itself).
ws_cflags = -I$(WORKSPACES_DIR)/$(1) -I$(ROOT)/workspaces$(if $(filter default,$(2)),, -DSTEP=\"$(2)\")
ws_elf = $(call ws_out,$(1))/$(1)/$(2)/$(1).elf

# $(call ws_step_rules,NAME,STEP): compile and link one step of one workspace.
define ws_step_rules
WS_OBJS_$(1)_$(2) := $$(patsubst %.c,$(WORKSPACES_OUT)/$(1)/$(2)/%.o,$$(call ws_srcs,$(1)))
$(if $(call ws_child_srcs,$(1)),$$(eval $$(call ws_child_rules,$(1),$(2))))

$(WORKSPACES_OUT)/$(1)/$(2)/%.o: $(call ws_src_dir,$(1),$(2))/%.c
	$$(call compile_user_c,$$@,$$<,$(call ws_cflags,$(1),$(2)))

$(call ws_elf,$(1),$(2)): $$(WS_OBJS_$(1)_$(2)) $$(ROOTTASK_LINK_DEPS)
	$$(call link_roottask,$$@,$$(WS_OBJS_$(1)_$(2)))

$(WORKSPACES_OUT)/$(1)/$(2)/image.elf: $(call ws_elf,$(1),$(2)) $$(IMAGE_INPUTS)
	$$(call image_recipe,$$<,$$@)

WORKSPACE_ELFS += $(call ws_elf,$(1),$(2))
-include $$(WS_OBJS_$(1)_$(2):.o=.d)
endef

# $(call ws_step_cases,NAME,STEP): the step's image in the lists the tests read (every
# chapter, also one the other configuration builds).
define ws_step_cases
$(if $(filter default,$(2)),WORKSPACE_MAIN_IMAGES += $(call ws_out,$(1))/$(1)/$(2)/image.elf)
ifneq ($(wildcard $(WORKSPACES_DIR)/$(1)/expect/$(2).txt),)
WORKSPACE_IMAGES += $(call ws_out,$(1))/$(1)/$(2)/image.elf
WORKSPACE_CASES += $(1)/$(2):$(call ws_out,$(1))/$(1)/$(2)/image.elf:$(WORKSPACES_DIR)/$(1)/expect/$(2).txt
endif
endef

# $(call ws_child_rules,NAME,STEP): the child ELF of one step and the object embedding it.
define ws_child_rules
WS_CHILD_DIR_$(1)_$(2) := $(WORKSPACES_OUT)/$(1)/$(2)/child
WS_CHILD_OBJS_$(1)_$(2) := $$(patsubst %.c,$(WORKSPACES_OUT)/$(1)/$(2)/child/%.o,$$(call ws_child_srcs,$(1)))

$(WORKSPACES_OUT)/$(1)/$(2)/child/%.o: $(call ws_src_dir,$(1),$(2))/%.c
	$$(call compile_user_c,$$@,$$<,$(call ws_cflags,$(1),$(2)))

$(WORKSPACES_OUT)/$(1)/$(2)/child/child.elf: $$(WS_CHILD_OBJS_$(1)_$(2)) $(WORKSPACES_DIR)/$(1)/child.ld $$(LIBSEL4_LIB)
	@echo "  LD      $$(patsubst $(ROOT)/%,%,$$@) (child: libsel4 only)"
	@$$(CROSS_CC) $$(ROOTTASK_LDFLAGS) -T $(WORKSPACES_DIR)/$(1)/child.ld -o $$@ \
	    $$(WS_CHILD_OBJS_$(1)_$(2)) $$(LIBSEL4_LIB) $$(LIBGCC)

$(WORKSPACES_OUT)/$(1)/$(2)/child_blob.o: $(ROOT)/workspaces/child_blob.S $(WORKSPACES_OUT)/$(1)/$(2)/child/child.elf
	$$(call compile_user_c,$$@,$$<,-DCHILD_ELF=\"$(WORKSPACES_OUT)/$(1)/$(2)/child/child.elf\")

WS_OBJS_$(1)_$(2) += $(WORKSPACES_OUT)/$(1)/$(2)/child_blob.o
-include $$(WS_CHILD_OBJS_$(1)_$(2):.o=.d)
endef

WORKSPACE_ELFS :=
WORKSPACE_IMAGES :=
WORKSPACE_CASES :=
WORKSPACE_MAIN_IMAGES :=
$(foreach ws,$(WORKSPACE_BUILT_NAMES),$(foreach step,$(call ws_steps,$(ws)),\
    $(eval $(call ws_step_rules,$(ws),$(step)))))
$(foreach ws,$(WORKSPACE_NAMES),$(foreach step,$(call ws_steps,$(ws)),\
    $(eval $(call ws_step_cases,$(ws),$(step)))))

# Without MCS=1, an MCS chapter's file (under build/mcs/workspaces/) is made by a make with
# MCS=1 in the MCS build tree.
ifneq ($(MCS),1)
$(BUILD)/mcs/workspaces/%: FORCE
	@$(MAKE) --no-print-directory MCS=1 BUILD=$(BUILD)/mcs $@
endif

# A build tree from before the chapters had one solution program holds .d files that name
# their old sources, solutions/<step>/*.c: those are gone, and the objects are simply rebuilt
# from solution/ (the rule below says that a missing old source is not an error).
$(foreach ws,$(WORKSPACE_NAMES),$(eval $(WORKSPACES_DIR)/$(ws)/solutions/%.c: ;))

.PHONY: workspaces workspace-elf workspace-images
workspaces: $(WORKSPACE_ELFS)
workspace-images: $(WORKSPACE_IMAGES)

# A STEP that the workspace does not have (no expect file) is named before make looks for
# its sources.
ifneq ($(and $(WS),$(filter-out default,$(STEP))),)
ifeq ($(wildcard $(WORKSPACES_DIR)/$(WS)/expect/$(STEP).txt),)
$(error workspace $(WS) has no step $(STEP): its steps are $(basename $(notdir $(wildcard $(WORKSPACES_DIR)/$(WS)/expect/*.txt))))
endif
endif

workspace-elf: $(if $(WS),$(call ws_elf,$(WS),$(or $(STEP),default)))
	$(if $(WS),,$(error set WS=<workspace name>, e.g. WS=hello-world))
	$(if $(filter $(WS),$(WORKSPACE_NAMES)),,$(error no workspace $(WS) in $(WORKSPACES_DIR)))
	@echo "root task: $(call ws_elf,$(WS),$(or $(STEP),default))"

# Each configuration builds its own chapters (above: the MCS chapter with MCS=1, the others
# without).
ALL_TARGETS += $(WORKSPACE_ELFS)
