# SPDX-License-Identifier: BSD-2-Clause
# The in-QEMU fuzzers at a chosen seed and length (included by tests/system/build.mk):
#
#   make fuzz [SEED=<n>] [COUNT=<n>] [CHECK=0|1]
#
# builds the suite with only FUZZ0001 and FUZZ0002 selected, both generating COUNT
# invocations (default 5000) from SEED (decimal or 0x hex; default: a fresh random one,
# printed first so that a failure can be replayed), on a kernel with CHECK_INVARIANTS=$(CHECK)
# (default 1), in its own tree (build/fuzz). The harness fails the run on any kernel panic,
# fault report, broken invariant or failed assertion; the last line is "N passed, N failed".
# `make fuzz-soak SEEDS=<n> COUNT=<n>` runs that many fresh seeds one after the other and
# prints one line per seed, then the totals.

COUNT ?= 5000
CHECK ?= 1
SEEDS ?= 10
FUZZ_TREE := $(BUILD)/fuzz
# The harness's limits grow with the run: a generous 20 ms per invocation (a checking
# kernel on a loaded machine runs a few hundred per second).
FUZZ_TIMEOUT = $(shell echo $$(( 60 + $(COUNT) / 50 )))

.PHONY: fuzz fuzz-run fuzz-soak

fuzz:
	@seed='$(SEED)'; [ -n "$$seed" ] || seed=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' '); \
	echo "fuzz: seed $$seed, count $(COUNT), CHECK_INVARIANTS=$(CHECK) (repeat: make fuzz SEED=$$seed COUNT=$(COUNT))"; \
	$(MAKE) --no-print-directory BUILD=$(FUZZ_TREE) CHECK_INVARIANTS=$(CHECK) TESTS='FUZZ*' \
	    FUZZ_SEED=$$seed FUZZ_COUNT=$(COUNT) fuzz-run

# (Inside the fuzz tree.) Build the suite image and boot it once.
fuzz-run: $(SUITE_IMAGE)
	@mkdir -p $(SYSTEST_LOGS) $(SYSTEST_RESULTS)
	@$(SYSTEST_HARNESS) --qemu '$(SYSTEST_QEMU)' --log $(SYSTEST_LOGS)/fuzz.log \
	    --test-timeout $(FUZZ_TIMEOUT) --suite-timeout $$(( 2 * $(FUZZ_TIMEOUT) )) \
	    --result $(SYSTEST_RESULTS)/fuzz.txt --suite fuzz:$(SUITE_IMAGE)

fuzz-soak:
	@mkdir -p $(FUZZ_TREE)/soak; start=$$(date +%s); ok=0; bad=0; \
	for i in $$(seq 1 $(SEEDS)); do \
	    seed=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' '); \
	    if $(MAKE) --no-print-directory fuzz SEED=$$seed COUNT=$(COUNT) CHECK=$(CHECK) \
	        > $(FUZZ_TREE)/soak/$$seed.log 2>&1; then ok=$$((ok + 1)); r=pass; \
	    else bad=$$((bad + 1)); r=FAIL; fi; \
	    echo "fuzz-soak: seed $$seed: $$r ($$(grep -c PANIC $(FUZZ_TREE)/soak/$$seed.log) panics)"; \
	done; \
	echo "fuzz-soak: $(SEEDS) seeds x 2 fuzzers x $(COUNT) invocations in $$(( $$(date +%s) - start )) s: $$ok passed, $$bad failed"
