# Installs the Debian packages the build needs when they are missing (apt-get; sudo when
# not root), and says so. Checked once per make invocation through a stamp-free probe.
DEPS_PACKAGES := gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm \
                 libcmocka-dev python3-pexpect clang-format

deps_missing := $(strip \
  $(if $(shell command -v $(CROSS_CC) 2>/dev/null),,gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu) \
  $(if $(shell command -v $(QEMU) 2>/dev/null),,qemu-system-arm) \
  $(if $(wildcard /usr/include/cmocka.h),,libcmocka-dev) \
  $(if $(shell $(PYTHON) -c 'import pexpect' 2>/dev/null && echo ok),,python3-pexpect) \
  $(if $(shell command -v clang-format 2>/dev/null),,clang-format))

ifneq ($(deps_missing),)
  SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
  $(info cairn: installing missing Debian packages: $(deps_missing))
  deps_rc := $(shell ( $(SUDO) apt-get update -qq && \
      DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(deps_missing) ) >&2; echo $$?)
  ifneq ($(deps_rc),0)
    $(error cairn: apt-get install $(deps_missing) failed; install them by hand)
  endif
endif
