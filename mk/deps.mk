# Installs the Debian packages the build needs when they are missing (apt-get; sudo when
# not root), and says so. Checked once per make invocation through a stamp-free probe.
DEPS_PACKAGES := gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm \
                 libcmocka-dev python3-pexpect clang-format libfdt-dev:arm64
# libfdt-dev:arm64 is Debian's device-tree library built for AArch64 (mk/libfdt.mk); it
# comes through multiarch, so the arm64 architecture is added to dpkg first.

deps_missing := $(strip \
  $(if $(shell command -v $(CROSS_CC) 2>/dev/null),,gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu) \
  $(if $(shell command -v $(QEMU) 2>/dev/null),,qemu-system-arm) \
  $(if $(wildcard /usr/include/cmocka.h),,libcmocka-dev) \
  $(if $(shell $(PYTHON) -c 'import pexpect' 2>/dev/null && echo ok),,python3-pexpect) \
  $(if $(shell command -v clang-format 2>/dev/null),,clang-format) \
  $(if $(wildcard /usr/lib/aarch64-linux-gnu/libfdt.a),,libfdt-dev:arm64))

ifneq ($(deps_missing),)
  SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
  $(info cairn: installing missing Debian packages: $(deps_missing))
  deps_arch := $(if $(filter %:arm64,$(deps_missing)),$(SUDO) dpkg --add-architecture arm64 &&)
  deps_rc := $(shell ( $(deps_arch) $(SUDO) apt-get update -qq && \
      DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(deps_missing) ) >&2; echo $$?)
  ifneq ($(deps_rc),0)
    $(error cairn: apt-get install $(deps_missing) failed; install them by hand)
  endif
endif
