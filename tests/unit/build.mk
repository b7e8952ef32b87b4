# Host unit tests (cmocka): the kernel's generic and host-safe arch sources compiled for the
# host with sanitizers, linked with the fakes in tests/unit/fake/ and the fixture builders,
# one binary per tests/unit/test_*.c. `make test-unit` runs them all, prints cmocka's TAP output
# and writes "N passed, N failed" to $(BUILD)/results/unit.txt.
#
# lib/string.c is left out on the host: the C library provides the same functions (and
# its sanitizer-aware versions).

UNIT_DIR := $(ROOT)/tests/unit
UNIT_BUILD := $(BUILD)/unit
UNIT_RESULT := $(BUILD)/results/unit.txt

# The MCS refill rules are plain functions: tested on the host in either configuration.
UNIT_KERNEL_SRCS := $(filter-out $(K)/lib/string.c,$(KERNEL_GENERIC) $(KERNEL_ARCH)) \
                    $(if $(filter 1,$(MCS)),,$(MCS_KERNEL_REFILL))
UNIT_SUPPORT_SRCS := $(wildcard $(UNIT_DIR)/fake/*.c) \
                     $(filter-out $(UNIT_DIR)/test_%.c,$(wildcard $(UNIT_DIR)/*.c))
UNIT_TEST_SRCS := $(wildcard $(UNIT_DIR)/test_*.c)

UNIT_CFLAGS := $(HOST_CFLAGS) $(KERNEL_CONFIG_FLAGS) -I$(K)/include -I$(K) \
               -I$(LIBSEL4_INCLUDE) -I$(COMMON_INCLUDE) -I$(UNIT_DIR)

UNIT_KERNEL_OBJS := $(patsubst $(K)/%.c,$(UNIT_BUILD)/kernel/%.o,$(UNIT_KERNEL_SRCS))
UNIT_SUPPORT_OBJS := $(patsubst $(UNIT_DIR)/%.c,$(UNIT_BUILD)/support/%.o,$(UNIT_SUPPORT_SRCS))
UNIT_BINS := $(patsubst $(UNIT_DIR)/%.c,$(UNIT_BUILD)/%,$(UNIT_TEST_SRCS))

$(UNIT_BUILD)/kernel/%.o: $(K)/%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $(patsubst $(ROOT)/%,%,$<)"
	@$(HOST_CC) $(UNIT_CFLAGS) -MMD -MP -c -o $@ $<

$(UNIT_BUILD)/support/%.o: $(UNIT_DIR)/%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $(patsubst $(ROOT)/%,%,$<)"
	@$(HOST_CC) $(UNIT_CFLAGS) -MMD -MP -c -o $@ $<

$(UNIT_BUILD)/test_%.o: $(UNIT_DIR)/test_%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $(patsubst $(ROOT)/%,%,$<)"
	@$(HOST_CC) $(UNIT_CFLAGS) -MMD -MP -c -o $@ $<

$(UNIT_BUILD)/test_%: $(UNIT_BUILD)/test_%.o $(UNIT_KERNEL_OBJS) $(UNIT_SUPPORT_OBJS)
	@echo "  HOSTLD  $(patsubst $(BUILD)/%,build/%,$@)"
	@$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -lcmocka

-include $(UNIT_KERNEL_OBJS:.o=.d) $(UNIT_SUPPORT_OBJS:.o=.d) $(UNIT_BINS:=.d)

# Kernel functions must not share a name with a C library function: LeakSanitizer calls
# POSIX sched_yield() while it stops the world, and a kernel sched_yield used to replace it
# (the scheduler's is sched_yield_current). Leak checking stays on.
UNIT_ENV := ASAN_OPTIONS=detect_leaks=1

# Runs every binary even when one fails or crashes, with cmocka reporting in TAP
# (CMOCKA_MESSAGE_OUTPUT=TAP: a plan line "1..N", then "ok K - name" or "not ok K - name"
# per test) to $(UNIT_BUILD)/test_*.tap, which is printed; failure details go to stderr.
# The result line sums the ok and not-ok lines. A binary that ends before it has reported
# every test of its plan (a crash, a sanitizer abort) counts as one more failure.
test-unit: $(UNIT_BINS)
	@mkdir -p $(dir $(UNIT_RESULT))
	@echo "0 passed, 1 failed" > $(UNIT_RESULT)
	@pass=0; fail=0; \
	for t in $(UNIT_BINS); do \
	  CMOCKA_MESSAGE_OUTPUT=TAP $(UNIT_ENV) $$t > $$t.tap; rc=$$?; cat $$t.tap; \
	  plan=$$(sed -n 's/^1\.\.\([0-9][0-9]*\)$$/\1/p' $$t.tap | head -1); \
	  p=$$(grep -c '^ok ' $$t.tap); f=$$(grep -c '^not ok ' $$t.tap); \
	  pass=$$((pass + p)); fail=$$((fail + f)); \
	  if [ -z "$$plan" ] || [ $$((p + f)) -lt $$plan ] || { [ $$rc -ne 0 ] && [ $$f -eq 0 ]; }; then \
	    echo "unit: $$(basename $$t) exited with status $$rc before reporting all its tests"; \
	    fail=$$((fail + 1)); \
	  fi; \
	done; \
	echo "$$pass passed, $$fail failed" | tee $(UNIT_RESULT); \
	[ $$fail -eq 0 ]

# test_caps.c tests the runtime's typed capabilities (runtime/include/cairn/caps.h) on the
# host: its own <sel4/sel4.h> (caps_fake/, recording stubs) comes before libsel4's, and the
# runtime's headers come after the host's, so <string.h> and <setjmp.h> stay the host's.
$(UNIT_BUILD)/test_caps.o: UNIT_CFLAGS := -I$(UNIT_DIR)/caps_fake $(UNIT_CFLAGS) \
                                          -idirafter $(ROOT)/runtime/include
# test_alloc.c compiles runtime/alloc.c in, with the same stand-in libsel4.
$(UNIT_BUILD)/test_alloc.o: UNIT_CFLAGS := -I$(UNIT_DIR)/caps_fake $(UNIT_CFLAGS) \
                                           -idirafter $(ROOT)/runtime/include -I$(ROOT)
