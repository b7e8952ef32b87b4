# The Debian packages the build needs, by purpose, and the check that installs the missing
# ones (mk/deps.sh: dpkg's status, apt-get --no-install-recommends, as root or with sudo,
# one line per step, apt's output in build/deps.log). Each make goal asks only for what it
# uses: booting a chapter needs the two compilers and QEMU, nothing from the tests.
# libfdt-dev:arm64 is Debian's device-tree library built for AArch64, which every root task
# links (mk/libfdt.mk); deps.sh adds the arm64 architecture to dpkg for it (multiarch).
DEPS_BUILD := gcc libc6-dev gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libfdt-dev:arm64
DEPS_QEMU  := qemu-system-arm
DEPS_TEST  := libcmocka-dev python3 python3-pexpect
DEPS_BENCH := python3
DEPS_LINT  := clang-format python3
DEPS_DEBUG := gdb-multiarch
DEPS_FUZZ_HOST := clang libclang-rt-dev
DEPS_LOG   := $(BUILD)/deps.log

# Checked once, by the make the user started: the top-level Makefile, or a workspace's
# (mk/roottask.mk includes this file), so `make simulate` there installs everything it
# needs in one go. Sub-makes (MAKELEVEL > 0) skip it.
deps_goals := $(or $(MAKECMDGOALS),all)
deps_need = $(filter-out clean qemu-cmd,$(deps_goals))
DEPS_PACKAGES := $(sort \
  $(if $(deps_need),$(DEPS_BUILD)) \
  $(if $(filter simulate debug bench bench-run test test-%,$(deps_goals)),$(DEPS_QEMU)) \
  $(if $(filter test test-%,$(deps_goals)),$(DEPS_TEST)) \
  $(if $(filter bench bench-run,$(deps_goals)),$(DEPS_BENCH)) \
  $(if $(filter lint,$(deps_goals)),$(DEPS_LINT)) \
  $(if $(filter debug,$(deps_goals)),$(DEPS_DEBUG)) \
  $(if $(filter fuzz-host,$(deps_goals)),$(DEPS_FUZZ_HOST) $(DEPS_TEST)) \
  $(if $(filter fuzz fuzz-soak,$(deps_goals)),$(DEPS_QEMU) $(DEPS_TEST)))

# CAIRN_NO_DEPS=1 skips the check (for a machine that provides the tools some other way).
ifeq ($(CAIRN_NO_DEPS)$(MAKELEVEL),0)
ifneq ($(DEPS_PACKAGES),)
  deps_rc := $(shell sh $(ROOT)/mk/deps.sh $(DEPS_LOG) $(DEPS_PACKAGES) >&2; echo $$?)
  ifneq ($(deps_rc),0)
    $(error cairn: the packages above are missing)
  endif
endif
endif
