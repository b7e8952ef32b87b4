# SPDX-License-Identifier: BSD-2-Clause
# The fastpath's tests on a kernel without it (included by tests/system/build.mk):
#
#   make test-fastpath   1. the IPC, FASTPATH and fault-handler suite tests on a FASTPATH=0
#                           kernel (the same assertions hold on the general path);
#                        2. ipcdiff: a seeded random IPC sequence booted on the FASTPATH=1
#                           and FASTPATH=0 kernels; the two consoles must be identical.
# Results: build/results/system-fastpath0-suite.txt and system-ipcdiff.txt. With MCS=1 (run
# by make test-mcs-fastpath) the same on MCS kernels, the MCS tests added, in build/mcs/.

IPCDIFF_DIR   := $(SYSTEST_DIR)/ipcdiff
IPCDIFF_OUT   := $(SYSTEST_OUT)/ipcdiff
IPCDIFF_ELF   := $(IPCDIFF_OUT)/ipcdiff.elf
IPCDIFF_IMAGE := $(IPCDIFF_OUT)/$(KERNEL_CONFIG_NAME).image.elf
FASTPATH0_TESTS := IPC*$(,)FASTPATH*$(,)FLTH*$(if $(filter 1,$(MCS)),$(,)MCS*)
FASTPATH0_OUT   := $(BUILD)/tests/system-fastpath0

$(eval $(call one_file_image,$(IPCDIFF_DIR)/main.c,$(IPCDIFF_OUT),$(IPCDIFF_ELF),$(IPCDIFF_IMAGE)))

.PHONY: test-fastpath ipcdiff-image
ipcdiff-image: $(IPCDIFF_IMAGE)

# The suite and the FASTPATH=0 images build in the same tree (only the kernel differs, in
# its own directory); the suite's selection, images and results go to their own place.
test-fastpath:
	@mkdir -p $(SYSTEST_RESULTS) $(SYSTEST_LOGS)
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-fastpath0-suite.txt
	@echo "0 passed, 1 failed" > $(SYSTEST_RESULTS)/system-ipcdiff.txt
	@echo "  RUN     fastpath: $(FASTPATH0_TESTS) suite tests on a FASTPATH=0 kernel"
	@$(MAKE) --no-print-directory FASTPATH=0 SYSTEST_OUT=$(FASTPATH0_OUT) \
	    SYSTEST_RESULTS=$(FASTPATH0_OUT)/results TESTS='$(FASTPATH0_TESTS)' test-suite \
	    >$(SYSTEST_LOGS)/fastpath0-suite.log 2>&1; rc=$$?; \
	    cp $(FASTPATH0_OUT)/results/system-suite.txt \
	       $(SYSTEST_RESULTS)/system-fastpath0-suite.txt 2>/dev/null; \
	    grep -E '^\[(PASS|FAIL)\]|passed, ' $(SYSTEST_LOGS)/fastpath0-suite.log | tail -n 3; \
	    $(MAKE) --no-print-directory ipcdiff-image >/dev/null && \
	    $(MAKE) --no-print-directory FASTPATH=0 ipcdiff-image >/dev/null || rc=1; \
	    echo "  RUN     fastpath: ipcdiff, the same random IPC sequence on FASTPATH=1 and 0"; \
	    $(PYTHON) $(IPCDIFF_DIR)/diff.py --qemu '$(SYSTEST_QEMU)' \
	        --result $(SYSTEST_RESULTS)/system-ipcdiff.txt --log-dir $(SYSTEST_LOGS)/ipcdiff \
	        $(IPCDIFF_OUT)/$(subst -nofastpath,,$(KERNEL_CONFIG_NAME)).image.elf \
	        $(IPCDIFF_OUT)/$(subst -nofastpath,,$(KERNEL_CONFIG_NAME))-nofastpath.image.elf || rc=1; \
	    exit $$rc
