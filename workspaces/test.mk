# SPDX-License-Identifier: BSD-2-Clause
# Test cases for the tutorial workspaces: one QEMU boot per expect file. Step <step> of
# workspace <name> is workspaces/root-task/<name>/expect/<step>.txt, run against the ELF
# workspaces/build.mk links (build/workspaces/<name>/<step>/<name>.elf) packed into an image
# here. Included by tests/system/build.mk, which runs the cases (`make test-workspaces`).
#
# Defines:
#   WS_TEST_IMAGES   every image to build
#   WS_TEST_CASES    harness arguments: --case <name>/<step>:<image>:<expect file>

WS_TEST_OUT     := $(BUILD)/tests/workspaces
WS_TEST_EXPECTS := $(sort $(wildcard $(ROOT)/workspaces/root-task/*/expect/*.txt))
WS_TEST_IMAGES  :=
WS_TEST_CASES   :=

# $(call ws_test_rules,NAME,STEP,EXPECT_FILE)
define ws_test_rules
$(WS_TEST_OUT)/$(1)/$(2).image.elf: $(BUILD)/workspaces/$(1)/$(2)/$(1).elf $$(IMAGE_INPUTS)
	@echo "  IMAGE   $$(patsubst $(ROOT)/%,%,$$@)"
	$$(call image_recipe,$$<,$$@)

WS_TEST_IMAGES += $(WS_TEST_OUT)/$(1)/$(2).image.elf
WS_TEST_CASES += --case $(1)/$(2):$(WS_TEST_OUT)/$(1)/$(2).image.elf:$(3)
endef

# .../root-task/<name>/expect/<step>.txt -> <name> and <step>
ws_test_name = $(notdir $(patsubst %/expect/,%,$(dir $(1))))
ws_test_step = $(basename $(notdir $(1)))

$(foreach f,$(WS_TEST_EXPECTS),\
    $(eval $(call ws_test_rules,$(call ws_test_name,$(f)),$(call ws_test_step,$(f)),$(f))))
