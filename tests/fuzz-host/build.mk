# SPDX-License-Identifier: BSD-2-Clause
# Host-side coverage-guided fuzzing of the generic kernel (tests/fuzz-host/README.md).
# Included by the top-level Makefile after tests/unit/build.mk (it reuses its source lists).
#
#   make fuzz-host [SECONDS=60]   libFuzzer (clang) with ASan + UBSan for that long; the
#                                 corpus grows in build/fuzz-host/corpus, crashes are
#                                 written to build/fuzz-host/crash-*
#   make test-fuzz-replay         every input in tests/fuzz-host/regressions/ (part of
#                                 make test), built with gcc's sanitizers: no clang needed

FUZZ_HOST_DIR := $(ROOT)/tests/fuzz-host
FUZZ_HOST_OUT := $(BUILD)/fuzz-host
FUZZ_HOST_CC ?= clang
SECONDS ?= 60
FUZZ_HOST_REGRESSIONS := $(sort $(wildcard $(FUZZ_HOST_DIR)/regressions/*))
FUZZ_HOST_SRCS := $(UNIT_KERNEL_SRCS) $(UNIT_DIR)/fake/hw.c $(UNIT_DIR)/fake/phys.c \
                  $(FUZZ_HOST_DIR)/fuzz_syscall.c
FUZZ_HOST_INCLUDES := $(KERNEL_CONFIG_FLAGS) -I$(K)/include -I$(K) -I$(LIBSEL4_INCLUDE) \
                      -I$(COMMON_INCLUDE) -I$(UNIT_DIR)
# Warnings as for the unit tests, but not fatal: clang warns about things gcc does not.
FUZZ_HOST_CFLAGS := -std=c11 -O1 -g -DCAIRN_HOST_TEST=1 -fno-omit-frame-pointer \
                    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_HOST_BIN := $(FUZZ_HOST_OUT)/fuzz-syscall
FUZZ_REPLAY_BIN := $(FUZZ_HOST_OUT)/replay

$(FUZZ_HOST_BIN): $(FUZZ_HOST_SRCS) $(wildcard $(K)/*/*.h $(K)/*/*/*.h $(UNIT_DIR)/fake/*.h)
	@mkdir -p $(dir $@)
	@echo "  CLANG   $(patsubst $(BUILD)/%,build/%,$@) (libFuzzer, ASan, UBSan)"
	@$(FUZZ_HOST_CC) $(FUZZ_HOST_CFLAGS) $(FUZZ_HOST_INCLUDES) -o $@ $(FUZZ_HOST_SRCS)

$(FUZZ_REPLAY_BIN): $(FUZZ_HOST_SRCS) $(FUZZ_HOST_DIR)/replay.c \
                    $(wildcard $(K)/*/*.h $(K)/*/*/*.h $(UNIT_DIR)/fake/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTLD  $(patsubst $(BUILD)/%,build/%,$@) (replay, ASan, UBSan)"
	@$(HOST_CC) $(HOST_CFLAGS) -fno-sanitize-recover=undefined $(FUZZ_HOST_INCLUDES) -o $@ \
	    $(FUZZ_HOST_SRCS) $(FUZZ_HOST_DIR)/replay.c

.PHONY: fuzz-host test-fuzz-replay

# -print_final_stats: executions and time; the last "cov:" line gives the edges covered.
fuzz-host: $(FUZZ_HOST_BIN)
	@mkdir -p $(FUZZ_HOST_OUT)/corpus
	@echo "  FUZZ    $(SECONDS) s: $(patsubst $(BUILD)/%,build/%,$(FUZZ_HOST_BIN)) corpus + tests/fuzz-host/regressions"
	@cd $(FUZZ_HOST_OUT) && ASAN_OPTIONS=detect_leaks=1 $(FUZZ_HOST_BIN) \
	    -max_total_time=$(SECONDS) -print_final_stats=1 -max_len=4096 \
	    -artifact_prefix=$(FUZZ_HOST_OUT)/ $(FUZZ_HOST_OUT)/corpus $(FUZZ_HOST_DIR)/regressions

test-fuzz-replay: $(FUZZ_REPLAY_BIN)
	@mkdir -p $(BUILD)/results
	@pass=0; fail=0; for f in $(FUZZ_HOST_REGRESSIONS); do \
	    if $(FUZZ_REPLAY_BIN) $$f > $(FUZZ_HOST_OUT)/replay.log 2>&1; then pass=$$((pass + 1)); \
	    else fail=$$((fail + 1)); echo "[FAIL] fuzz-host regression $$(basename $$f)"; \
	        tail -n 20 $(FUZZ_HOST_OUT)/replay.log; fi; \
	done; echo "fuzz-host regressions: $$pass passed, $$fail failed"; \
	echo "$$pass passed, $$fail failed" > $(BUILD)/results/fuzz-host-replay.txt; [ $$fail -eq 0 ]
