# SPDX-License-Identifier: BSD-2-Clause
# `make test-compile-fail`: passing the wrong kind of typed capability must not compile
# (tests/compile_fail/run.sh, one case per cases/*.c). Uses the root-task compiler and flags
# (runtime/build.mk), so the messages are the ones a tutorial learner sees.

.PHONY: test-compile-fail
test-compile-fail:
	@echo "  RUN     compile-fail: tests/compile_fail/run.sh (cases/*.c)"
	@bash $(ROOT)/tests/compile_fail/run.sh $(BUILD)/results/compile-fail.txt \
	    $(BUILD)/tests/compile_fail $(CROSS_CC) $(filter-out -MMD -MP,$(ROOTTASK_CFLAGS))
