# SPDX-License-Identifier: BSD-2-Clause
# System tests in QEMU (docs/CONTRIBUTING.md §6): builds the test-suite root task, the
# expect-fault root tasks and the images that carry them, and runs them with tests/system/harness/run.py.
# Included by the top-level Makefile after mk/image.mk, runtime/build.mk and kernel/build.mk.
#
#   make test-system [TESTS='CNODE*']   all parts below (a selection: see TESTS); each part
#                                       writes one result file
#   make test-harness                   the harness's own self-test (no QEMU)
#   make test-suite [TESTS=...]         the suite root task, one boot
#   make test-faults                    expect-fault cases, one boot each
#   make test-external                  a raw seL4-ABI root task via `make image`, at EL1
#                                       (test-external-el1) and EL2 (-el2); mkimage refusals
#                                       (test-mkimage)
#   make test-config                    BOOT tests on a kernel with a 13-bit root CNode
#   make test-mcs                       the MCS configuration (MCS=1, built in build/mcs/): a raw
#                                       MCS-ABI root task, the suite, the fault cases
#                                       and the fastpath's tests (test-mcs-external, -suite,
#                                       -invariants, -faults, -fastpath, -workspaces,
#                                       -workspaces-main; each runs that part with MCS=1 and
#                                       its results count as system-mcs-<name>)
#   make test-workspaces                every workspace step's solution against its expect
#                                       file, one boot each (workspaces/build.mk:
#                                       WORKSPACE_IMAGES, _CASES)
#   make test-workspaces-main           each chapter's fresh main.c through harness/check.py
#                                       (NAME <chapter>/main.c), one boot each
#   make workspace-check WS=<name> [SOLUTIONS=1]   `make check` in a chapter
#   make test-docs                      the chapter texts against the logs test-workspaces
#                                       wrote and the chapters' sources (tools/check_docs.py)
#
# Results go to build/results/system-<part>.txt ("N passed, N failed"), console logs to
# build/tests/system/logs/<part>/<case>.log. A part's images are rebuilt each time (they
# are a quick link), so a step that no longer builds shows up as a failed case instead of
# an old image passing.

SYSTEST_DIR     := $(ROOT)/tests/system
SYSTEST_OUT     := $(BUILD)/tests/system
SYSTEST_LOGS    := $(SYSTEST_OUT)/logs
SYSTEST_RESULTS := $(BUILD)/results
# The kernel configuration the images are built for: expect-file lines prefixed "classic:"
# or "mcs:" apply only to it (tests/system/harness/expect_file.py).
SYSTEST_CONFIG  := $(if $(filter 1,$(MCS)),mcs,classic)
SYSTEST_HARNESS := $(PYTHON) $(SYSTEST_DIR)/harness/run.py --config $(SYSTEST_CONFIG)
# The one QEMU command line (mk/qemu.mk) with the harness's {image} placeholder.
SYSTEST_QEMU     = $(call qemu_cmd,{image})

# Test selection: names or prefixes ending in '*', separated by commas. A pattern without a
# '/' selects suite tests by ID (CNODE*, BOOT0002); one with a '/' selects the other parts'
# cases by name (hello-world/2.A, address-space/*, faults/*, external/*). With a selection
# (anything but the default '*'), only the parts that have a selected test run: the harness
# self-test and the 13-bit configuration run only without one.
TESTS ?= *
, := ,
TESTS_LIST     := $(subst $(,), ,$(TESTS))
TESTS_ALL      := $(filter *,$(TESTS_LIST))
SUITE_PATTERNS := $(strip $(if $(TESTS_ALL),*,$(foreach p,$(TESTS_LIST),$(if $(findstring /,$(p)),,$(p)))))
CASE_PATTERNS  := $(strip $(if $(TESTS_ALL),%,$(subst *,%,$(foreach p,$(TESTS_LIST),$(if $(findstring /,$(p)),$(p))))))
# $(call selected_cases,NAME:IMAGE:EXPECT ...) keeps the cases whose NAME is selected.
selected_cases = $(strip $(foreach c,$(1),$(if $(filter $(CASE_PATTERNS),$(firstword $(subst :, ,$(c)))),$(c))))
case_images    = $(foreach c,$(1),$(word 2,$(subst :, ,$(c))))

# ---- the suite root task ----------------------------------------------------------------

SUITE_OUT   := $(SYSTEST_OUT)/suite
# The same files in both configurations (a test of what only one has is inside #ifdef
# CONFIG_KERNEL_MCS, with the reason); mcs.c, mcs_reply.c and mcs_sched.c hold the MCS-only
# tests.
SUITE_SRCS  := main.c boot.c devicetree.c caps.c cnode.c untyped.c notification.c fuzz.c vspace.c vspace_tables.c regs_probe.S threads.c ipc.c fastpath.c fpu.c tcb.c faults_handler.c vspace_faults.c vspace_stale.c fuzz_syscalls.c preempt.c irq.c \
               $(if $(filter 1,$(MCS)),mcs.c mcs_reply.c mcs_sched.c)
SUITE_OBJS  := $(addprefix $(SUITE_OUT)/,$(addsuffix .o,$(basename $(SUITE_SRCS))))
SUITE_ELF   := $(SUITE_OUT)/suite.elf
SUITE_IMAGE := $(SUITE_OUT)/suite-image.elf
# The suite's patterns are compiled into main.o; this file changes only when they do.
SUITE_TESTS := $(subst $() ,$(,),$(strip $(SUITE_PATTERNS)))
SUITE_SELECTION := $(SUITE_OUT)/tests-selection

$(SUITE_SELECTION): FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(SUITE_TESTS)' | cmp -s - $@ || printf '%s\n' '$(SUITE_TESTS)' > $@

$(SUITE_OUT)/main.o: $(SYSTEST_DIR)/suite/main.c $(SUITE_SELECTION)
	$(call compile_user_c,$@,$<,'-DTESTS="$(SUITE_TESTS)"')

$(SUITE_OUT)/%.o: $(SYSTEST_DIR)/suite/%.c
	$(call compile_user_c,$@,$<,-DCONFIG_ROOT_CNODE_SIZE_BITS=$(ROOT_CNODE_SIZE_BITS))

# The fuzzers' seed and length (`make fuzz`, tests/system/fuzz.mk) are compiled into their
# two objects; this file changes only when they do. Unset: the fixed defaults of make test.
FUZZ_SEED ?=
FUZZ_COUNT ?=
SUITE_FUZZ_DEFS := $(if $(FUZZ_SEED),-DFUZZ_SEED=$(FUZZ_SEED)UL) \
                   $(if $(FUZZ_COUNT),-DFUZZ_COUNT=$(FUZZ_COUNT)UL)
SUITE_FUZZ_SELECTION := $(SUITE_OUT)/fuzz-selection

$(SUITE_FUZZ_SELECTION): FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(SUITE_FUZZ_DEFS)' | cmp -s - $@ || printf '%s\n' '$(SUITE_FUZZ_DEFS)' > $@

$(SUITE_OUT)/fuzz.o $(SUITE_OUT)/fuzz_syscalls.o: $(SUITE_OUT)/%.o: $(SYSTEST_DIR)/suite/%.c \
                                                  $(SUITE_FUZZ_SELECTION)
	$(call compile_user_c,$@,$<,-DCONFIG_ROOT_CNODE_SIZE_BITS=$(ROOT_CNODE_SIZE_BITS) $(SUITE_FUZZ_DEFS))

$(SUITE_OUT)/%.o: $(SYSTEST_DIR)/suite/%.S
	$(call compile_user_c,$@,$<)

$(SUITE_ELF): $(SUITE_OBJS) $(ROOTTASK_LINK_DEPS)
	$(call link_roottask,$@,$(SUITE_OBJS))

$(SUITE_IMAGE): $(SUITE_ELF) $(IMAGE_INPUTS)
	@echo "  IMAGE   $(patsubst $(ROOT)/%,%,$@)"
	$(call image_recipe,$<,$@)

-include $(SUITE_OBJS:.o=.d)

# ---- expect-fault root tasks: one image per expect file in tests/system/faults/expect/ ----

FAULTS_OUT    := $(SYSTEST_OUT)/faults
FAULT_CASES   := $(basename $(notdir $(wildcard $(SYSTEST_DIR)/faults/expect/*.txt)))
FAULT_IMAGES  := $(foreach c,$(FAULT_CASES),$(FAULTS_OUT)/$(c)/image.elf)

$(FAULTS_OUT)/%/main.o: $(SYSTEST_DIR)/faults/main.c
	$(call compile_user_c,$@,$<,'-DFAULT_CASE="$*"')

$(FAULTS_OUT)/%/faults.elf: $(FAULTS_OUT)/%/main.o $(ROOTTASK_LINK_DEPS)
	$(call link_roottask,$@,$<)

$(FAULTS_OUT)/%/image.elf: $(FAULTS_OUT)/%/faults.elf $(IMAGE_INPUTS)
	@echo "  IMAGE   $(patsubst $(ROOT)/%,%,$@)"
	$(call image_recipe,$<,$@)

FAULT_CASE_SPECS := $(foreach c,$(FAULT_CASES),\
    faults/$(c):$(FAULTS_OUT)/$(c)/image.elf:$(SYSTEST_DIR)/faults/expect/$(c).txt)

-include $(foreach c,$(FAULT_CASES),$(FAULTS_OUT)/$(c)/main.d)

# ---- a root task from outside: seL4 ABI only, packed with the user-facing `make image` ----

EXTERNAL_OUT   := $(SYSTEST_OUT)/external
EXTERNAL_ELF   := $(EXTERNAL_OUT)/raw-task.elf
EXTERNAL_IMAGE := $(EXTERNAL_OUT)/raw-task-image.elf

# The MCS configuration's raw root task (MCS numbers; built and run with MCS=1).
EXTERNAL_MCS_ELF   := $(EXTERNAL_OUT)/raw-task-mcs.elf
EXTERNAL_MCS_IMAGE := $(EXTERNAL_OUT)/raw-task-mcs-image.elf

# $(call raw_task_rules,ELF,IMAGE,SOURCE,NOTE): link a raw root task (its one source, with
# the puts both share) at 0x10000000 and pack it with the user-facing `make image`.
define raw_task_rules
$(1): $(3) $(SYSTEST_DIR)/external/raw_puts.S
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$(patsubst $(ROOT)/%,%,$$@) ($(4)no Cairn runtime, no libsel4)"
	@$$(CROSS_CC) -nostdlib -static -Wl,-Ttext=0x10000000 -Wl,--build-id=none -o $$@ $$<

$(2): $(1) $(IMAGE_INPUTS)
	@$$(MAKE) --no-print-directory image ROOTTASK=$$< IMAGE=$$@ >/dev/null
endef
$(eval $(call raw_task_rules,$(EXTERNAL_ELF),$(EXTERNAL_IMAGE),$(SYSTEST_DIR)/external/raw_task.S,))
$(eval $(call raw_task_rules,$(EXTERNAL_MCS_ELF),$(EXTERNAL_MCS_IMAGE),$(SYSTEST_DIR)/external/raw_task_mcs.S,MCS ABI; ))

EXTERNAL_MCS_CASE := external/raw-task-mcs:$(EXTERNAL_MCS_IMAGE):$(SYSTEST_DIR)/external/expect/raw-task-mcs.txt
EXTERNAL_CASE     := external/raw-task:$(EXTERNAL_IMAGE):$(SYSTEST_DIR)/external/expect/raw-task.txt
EXTERNAL_EL2_CASE := external/raw-task-el2:$(EXTERNAL_IMAGE):$(SYSTEST_DIR)/external/expect/raw-task-el2.txt
MKIMAGE_CASE      := external/mkimage::

# Workspace steps: workspaces/build.mk (included after this file; used only in recipes)
# defines WORKSPACE_IMAGES and WORKSPACE_CASES (NAME:IMAGE:EXPECTFILE, one per expect file).

# ---- running ---------------------------------------------------------------------------

# $(call systest_part,PART,IMAGES,HARNESS_ARGUMENTS)
# Rebuild the part's images (-k: a broken one only fails its own case), then boot them.
# The result file is written first as one failure, so a harness that dies still counts;
# the old logs go, so nothing (tools/check_docs.py) reads one from an earlier run.
define systest_part
	@rm -rf $(SYSTEST_LOGS)/$(1)
	@mkdir -p $(SYSTEST_RESULTS) $(SYSTEST_LOGS)/$(1)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-$(1).txt
	@rm -f $(2)
	@$(MAKE) --no-print-directory -k $(2) || \
	    echo "cairn: some $(1) images did not build; their cases fail below"
	@echo "  RUN     $(1): run.py --qemu '$(SYSTEST_QEMU)' ... (logs: $(patsubst $(ROOT)/%,%,$(SYSTEST_LOGS)/$(1)))"
	@$(SYSTEST_HARNESS) --qemu '$(SYSTEST_QEMU)' --log-dir $(SYSTEST_LOGS)/$(1) \
	    --result $(SYSTEST_RESULTS)/system-$(1).txt $(3)
endef

# $(call systest_cases,PART,CASES): the part's selected CASES (NAME:IMAGE:EXPECT), or a note.
systest_cases = $(if $(call selected_cases,$(2)),\
    $(call systest_part,$(1),$(call case_images,$(call selected_cases,$(2))),\
        $(addprefix --case ,$(call selected_cases,$(2)))),\
    @echo "  SKIP    $(1): no case selected by TESTS=$(TESTS)")

# The MCS configuration's parts (test-mcs-*, below), each with the result files it writes;
# a make that is itself MCS=1 has none (they would nest a second MCS tree).
MCS_MAKE := $(filter 1,$(MCS))
SYSTEST_MCS_SELECTED = \
    $(if $(call selected_cases,$(EXTERNAL_MCS_CASE)),test-mcs-external:system-mcs-external) \
    $(if $(SUITE_PATTERNS),test-mcs-suite:system-mcs-suite) \
    $(if $(SUITE_PATTERNS),test-mcs-invariants:system-mcs-suite-invariants) \
    $(if $(call selected_cases,$(FAULT_CASE_SPECS)),test-mcs-faults:system-mcs-faults) \
    $(if $(TESTS_ALL),test-mcs-fastpath:system-mcs-fastpath0-suite:system-mcs-ipcdiff) \
    $(if $(call selected_cases,$(call ws_not_mcs_only,$(WORKSPACE_CASES))),test-mcs-workspaces:system-mcs-workspaces) \
    $(if $(call selected_cases,$(call ws_not_mcs_only,$(WORKSPACE_MAIN_SPECS))),test-mcs-workspaces-main:system-mcs-workspaces-main)

# Each part and the result file it writes, for the parts the selection leaves in. `make test`
# hands the result names to tools/summarize.py, so a part that did not run (did not build,
# or make stopped before it) is counted as failed, by name.
SYSTEST_SELECTED = \
    $(if $(TESTS_ALL),test-harness:system-harness) \
    $(if $(SUITE_PATTERNS),test-suite:system-suite) \
    $(if $(SUITE_PATTERNS),test-invariants:system-suite-invariants) \
    $(if $(call selected_cases,$(FAULT_CASE_SPECS)),test-faults:system-faults) \
    $(if $(call selected_cases,$(EXTERNAL_CASE)),test-external-el1:system-external) \
    $(if $(call selected_cases,$(EXTERNAL_EL2_CASE)),test-external-el2:system-external-el2) \
    $(if $(call selected_cases,$(MKIMAGE_CASE)),test-mkimage:system-mkimage) \
    $(if $(TESTS_ALL),test-config:system-config-cnode13) \
    $(if $(TESTS_ALL),test-fastpath:system-ipcdiff) \
    $(if $(call selected_cases,$(WORKSPACE_CASES)),test-workspaces:system-workspaces) \
    $(if $(call selected_cases,$(WORKSPACE_MAIN_SPECS)),test-workspaces-main:system-workspaces-main) \
    $(if $(MCS_MAKE),,$(SYSTEST_MCS_SELECTED)) \
    $(if $(TESTS_ALL),test-docs:docs)
SYSTEST_RESULT_NAMES = $(foreach p,$(SYSTEST_SELECTED),$(wordlist 2,9,$(subst :, ,$(p))))

MCS_PARTS := test-mcs-external test-mcs-suite test-mcs-invariants test-mcs-faults \
             test-mcs-fastpath \
             test-mcs-workspaces test-mcs-workspaces-main
SYSTEST_PARTS := test-harness test-suite test-invariants test-faults test-external \
                 test-external-el1 test-external-el2 test-mkimage test-config test-mcs \
                 $(MCS_PARTS) test-external-mcs test-fastpath test-workspaces \
                 test-workspaces-main test-docs
.PHONY: test-system $(SYSTEST_PARTS) system-images FORCE
FORCE:

# Every selected part runs even when an earlier one fails; the status says whether all passed.
test-system:
	@$(if $(strip $(SYSTEST_SELECTED)),,echo "cairn: TESTS=$(TESTS) selects nothing"; exit 1;) \
	rc=0; for part in $(foreach p,$(SYSTEST_SELECTED),$(firstword $(subst :, ,$(p)))); do \
	    $(MAKE) --no-print-directory $$part || rc=1; done; exit $$rc

test-harness:
	@mkdir -p $(SYSTEST_RESULTS) $(SYSTEST_LOGS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-harness.txt
	@echo "  RUN     harness self-test: $(PYTHON) tests/system/harness/test_run.py"
	@$(PYTHON) $(SYSTEST_DIR)/harness/test_run.py --result $(SYSTEST_RESULTS)/system-harness.txt \
	    > $(SYSTEST_LOGS)/harness-selftest.log 2>&1; rc=$$?; \
	    if [ $$rc -ne 0 ]; then tail -n 40 $(SYSTEST_LOGS)/harness-selftest.log; fi; \
	    tail -n 1 $(SYSTEST_LOGS)/harness-selftest.log; exit $$rc

# Seconds the harness waits between two suite markers (a checking kernel on a loaded host
# needs more: test-invariants raises it).
SUITE_TEST_TIMEOUT ?= 30

test-suite:
	$(if $(SUITE_PATTERNS),$(call systest_part,suite,$(SUITE_IMAGE),--test-timeout $(SUITE_TEST_TIMEOUT) --suite suite:$(SUITE_IMAGE)),\
	    @echo "  SKIP    suite: no suite test selected by TESTS=$(TESTS)")

test-faults:
	$(call systest_cases,faults,$(FAULT_CASE_SPECS))

# A root task from outside: at EL1, then at EL2, then mkimage's refusals.
test-external:
	@rc=0; for part in test-external-el1 test-external-el2 test-mkimage; do \
	    $(MAKE) --no-print-directory $$part || rc=1; done; exit $$rc

test-external-el1:
	$(call systest_cases,external,$(EXTERNAL_CASE))

test-external-el2:
	@mkdir -p $(SYSTEST_RESULTS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-external-el2.txt
	@$(MAKE) --no-print-directory $(EXTERNAL_IMAGE)
	@echo "  RUN     external: the same root task, QEMU started at EL2 (virtualization=on)"
	@$(SYSTEST_HARNESS) --qemu '$(subst -machine $(QEMU_MACHINE),-machine $(QEMU_MACHINE)$(,)virtualization=on,$(SYSTEST_QEMU))' \
	    --log-dir $(SYSTEST_LOGS)/external-el2 --result $(SYSTEST_RESULTS)/system-external-el2.txt \
	    --case $(EXTERNAL_EL2_CASE)

test-mkimage:
	@mkdir -p $(SYSTEST_RESULTS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-mkimage.txt
	@$(MAKE) --no-print-directory $(EXTERNAL_ELF) $(MKIMAGE)
	@echo "  RUN     mkimage refusals: tests/system/external/mkimage_rejects.sh"
	@bash $(SYSTEST_DIR)/external/mkimage_rejects.sh $(MKIMAGE) $(EXTERNAL_ELF) $(CROSS_CC) \
	    $(EXTERNAL_OUT)/bad $(QEMU_MEM_MB) $(SYSTEST_RESULTS)/system-mkimage.txt

# The whole suite, fuzzers included, on a kernel that checks every invariant after every
# kernel entry (CHECK_INVARIANTS=1, kernel/check/invariants.h), built in its own tree.
test-invariants:
	@mkdir -p $(SYSTEST_RESULTS) $(SYSTEST_LOGS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-suite-invariants.txt
	@echo "  RUN     invariants: the suite with CHECK_INVARIANTS=1 (log: $(patsubst $(ROOT)/%,%,$(SYSTEST_LOGS))/suite-invariants.log)"
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/invariants CHECK_INVARIANTS=1 TESTS='$(TESTS)' \
	    SUITE_TEST_TIMEOUT=120 test-suite >$(SYSTEST_LOGS)/suite-invariants.log 2>&1; rc=$$?; \
	    cp $(BUILD)/invariants/results/system-suite.txt \
	       $(SYSTEST_RESULTS)/system-suite-invariants.txt 2>/dev/null; \
	    grep -E '^\[FAIL\]|passed, ' $(SYSTEST_LOGS)/suite-invariants.log; exit $$rc

# The root CNode size is a build setting (seL4's own test suite needs 13 bits): run the
# BOOT tests against a 13-bit kernel, built in its own tree.
test-config:
	@mkdir -p $(SYSTEST_RESULTS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-config-cnode13.txt
	@echo "  RUN     config: BOOT* suite tests with ROOT_CNODE_SIZE_BITS=13"
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/config-cnode13 ROOT_CNODE_SIZE_BITS=13 \
	    TESTS='BOOT*' test-suite >$(SYSTEST_LOGS)/config-cnode13.log 2>&1; rc=$$?; \
	    cp $(BUILD)/config-cnode13/results/system-suite.txt \
	       $(SYSTEST_RESULTS)/system-config-cnode13.txt 2>/dev/null; \
	    grep -E '^\[(PASS|FAIL)\]|passed, ' $(SYSTEST_LOGS)/config-cnode13.log; exit $$rc

# The MCS configuration: each test-mcs-<part> runs a part with MCS=1, built in build/mcs/, and
# copies each of its results system-<name>.txt here as system-mcs-<name>.txt (a name's own
# "-mcs" dropped), so `make test` counts both configurations. test-mcs-fastpath: the suite's
# IPC and MCS tests on a FASTPATH=0 MCS kernel, ipcdiff on MCS FASTPATH=1 and 0.
MCS_RESULTS := $(BUILD)/mcs/results
mcs_result = system-mcs-$(patsubst system-%,%,$(patsubst %-mcs,%,$(1)))

# $(call mcs_part,NAME,TARGET,RESULTS): `make MCS=1 TARGET` (log: logs/mcs-NAME.log), whose
# result files RESULTS (names) are copied as above.
define mcs_part
	$(if $(MCS_MAKE),@echo "cairn: test-mcs-* run MCS=1 themselves: call them without MCS=1"; exit 1)
	@mkdir -p $(SYSTEST_RESULTS) $(SYSTEST_LOGS)
	@$(foreach r,$(3),echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/$(call mcs_result,$(r)).txt; \
	    rm -f $(MCS_RESULTS)/$(r).txt;)
	@echo "  RUN     mcs-$(1): $(2) with MCS=1 (build/mcs; log: $(patsubst $(ROOT)/%,%,$(SYSTEST_LOGS))/mcs-$(1).log)"
	@$(MAKE) --no-print-directory MCS=1 BUILD=$(BUILD)/mcs TESTS='$(TESTS)' $(2) \
	    >$(SYSTEST_LOGS)/mcs-$(1).log 2>&1; rc=$$?; \
	    $(foreach r,$(3),cp $(MCS_RESULTS)/$(r).txt $(SYSTEST_RESULTS)/$(call mcs_result,$(r)).txt \
	        2>/dev/null || rc=1;) \
	    grep -E '^\[FAIL\]|^[0-9]+ passed, |^ipcdiff: ' $(SYSTEST_LOGS)/mcs-$(1).log; exit $$rc
endef

test-mcs:
	@rc=0; for part in $(MCS_PARTS); do $(MAKE) --no-print-directory $$part || rc=1; done; exit $$rc

test-mcs-external:
	$(call mcs_part,external,test-external-mcs,system-external-mcs)

test-mcs-suite:
	$(call mcs_part,suite,test-suite,system-suite)

# The MCS suite on a CHECK_INVARIANTS=1 kernel (its timing is the guest's instruction count,
# -icount in mk/qemu.mk, so the budget tests hold on this slow kernel too).
test-mcs-invariants:
	$(call mcs_part,invariants,test-invariants,system-suite-invariants)

test-mcs-faults:
	$(call mcs_part,faults,test-faults,system-faults)

test-mcs-fastpath:
	$(call mcs_part,fastpath,test-fastpath,system-fastpath0-suite system-ipcdiff)

test-mcs-workspaces:
	$(call mcs_part,workspaces,test-workspaces,system-workspaces)

test-mcs-workspaces-main:
	$(call mcs_part,workspaces-main,test-workspaces-main,system-workspaces-main)

test-external-mcs:
	$(if $(filter 1,$(MCS)),,@echo "cairn: test-external-mcs needs MCS=1 (make test-mcs)"; exit 1)
	$(call systest_cases,external-mcs,$(EXTERNAL_MCS_CASE))

# Every step's solution against its expect file (what `make check SOLUTIONS=1` does in each
# chapter).
# With MCS=1 (test-mcs-workspaces) the chapters written for MCS are left out: the run
# without MCS boots them already (their images are MCS ones).
ws_not_mcs_only = $(foreach c,$(1),$(if $(filter $(WORKSPACE_MCS_NAMES),$(firstword $(subst /, ,$(c)))),,$(c)))
WORKSPACE_RUN_CASES = $(if $(filter 1,$(MCS)),$(call ws_not_mcs_only,$(WORKSPACE_CASES)),$(WORKSPACE_CASES))
WORKSPACE_RUN_MAIN_SPECS = $(if $(filter 1,$(MCS)),$(call ws_not_mcs_only,$(WORKSPACE_MAIN_SPECS)),$(WORKSPACE_MAIN_SPECS))

test-workspaces:
	$(call systest_cases,workspaces,$(WORKSPACE_RUN_CASES))

# Docs that cannot drift (tools/check_docs.py): the console excerpts and output claims of
# docs/tutorial/*.md and the chapters' READMEs against the console logs test-workspaces just
# wrote (and test-workspaces-main, for the chapters' own main.c), and their code blocks
# against the chapters' sources. Run after both.
test-docs:
	@mkdir -p $(SYSTEST_RESULTS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/docs.txt
	@echo "  RUN     docs: tools/check_docs.py (tutorial texts against the step logs and sources)"
	@$(PYTHON) $(ROOT)/tools/check_docs.py --logs $(SYSTEST_LOGS)/workspaces \
	    --main-logs $(SYSTEST_LOGS)/workspaces-main \
	    --result $(SYSTEST_RESULTS)/docs.txt

# Every chapter's fresh main.c (the learner's starting point) through check.py, one boot
# each: it must boot and end, and `make check` must name a first exercise.
WORKSPACE_CHECK = $(PYTHON) $(SYSTEST_DIR)/harness/check.py --config $(SYSTEST_CONFIG)
WORKSPACE_MAIN_SPECS = $(foreach ws,$(WORKSPACE_NAMES),\
    $(ws)/main.c:$(call ws_out,$(ws))/$(ws)/default/image.elf:$(WORKSPACES_DIR)/$(ws))

# $(call workspaces_main_part,SPECS): check.py --fresh on the selected NAME:IMAGE:DIR specs.
define workspaces_main_part
	@rm -rf $(SYSTEST_LOGS)/workspaces-main
	@mkdir -p $(SYSTEST_RESULTS) $(SYSTEST_LOGS)/workspaces-main
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-workspaces-main.txt
	@rm -f $(call case_images,$(1))
	@$(MAKE) --no-print-directory -k $(call case_images,$(1)) || \
	    echo "cairn: some learner's programs did not build; their cases fail below"
	@echo "  RUN     workspaces-main: check.py --fresh ... (each chapter's fresh main.c)"
	@$(WORKSPACE_CHECK) --qemu '$(SYSTEST_QEMU)' --docs-dir $(ROOT)/docs/tutorial \
	    --log-dir $(SYSTEST_LOGS)/workspaces-main \
	    --result $(SYSTEST_RESULTS)/system-workspaces-main.txt $(addprefix --fresh ,$(1))
endef

test-workspaces-main:
	$(if $(call selected_cases,$(WORKSPACE_RUN_MAIN_SPECS)),\
	    $(call workspaces_main_part,$(call selected_cases,$(WORKSPACE_RUN_MAIN_SPECS))),\
	    @echo "  SKIP    workspaces-main: no case selected by TESTS=$(TESTS)")

# `make check` in a chapter (mk/roottask.mk): the learner's main.c through check.py, or with
# SOLUTIONS=1 every step's solution against its expect file, as test-workspaces does.
.PHONY: workspace-check
workspace-check:
	$(if $(filter $(WS),$(WORKSPACE_NAMES)),,$(error set WS=<workspace name>, e.g. WS=hello-world))
ifeq ($(SOLUTIONS),1)
	@$(MAKE) --no-print-directory $(filter $(WORKSPACES_OUT)/$(WS)/%,$(WORKSPACE_IMAGES))
	@$(SYSTEST_HARNESS) --qemu '$(SYSTEST_QEMU)' --log-dir $(WORKSPACES_OUT)/$(WS)/logs \
	    $(addprefix --case ,$(filter $(WS)/%,$(WORKSPACE_CASES)))
else
	@$(MAKE) --no-print-directory $(WORKSPACES_OUT)/$(WS)/default/image.elf
	@$(WORKSPACE_CHECK) --qemu '$(SYSTEST_QEMU)' --image $(WORKSPACES_OUT)/$(WS)/default/image.elf \
	    --chapter $(WORKSPACES_DIR)/$(WS) --docs $(ROOT)/docs/tutorial/$(WS).md \
	    --log $(WORKSPACES_OUT)/$(WS)/default/check.log
endif

# Build (not run) everything the system tests boot.
system-images: $(SUITE_IMAGE) $(FAULT_IMAGES) workspace-images

# MCS=1 builds the suite, the fault cases and the MCS raw task (the other is non-MCS).
ALL_TARGETS += $(SUITE_IMAGE) $(FAULT_IMAGES) $(if $(filter 1,$(MCS)),$(EXTERNAL_MCS_IMAGE),$(EXTERNAL_IMAGE))

include $(SYSTEST_DIR)/ipcdiff/build.mk
include $(SYSTEST_DIR)/fuzz.mk
