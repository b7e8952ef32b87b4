# libfdt, the device-tree library, for root tasks: Debian's libfdt-dev:arm64 (installed by
# mk/deps.mk). link_roottask links it (only the functions a program calls end up in it),
# and ROOTTASK_CFLAGS finds <libfdt.h>. Its three headers live in /usr/include beside the
# host C library's, which root tasks must not see, so build/libfdt/include links just them.
# libfdt.a calls memcpy & co., strtoul and the stack protector: runtime/ provides those.
LIBFDT_LIB     := /usr/lib/aarch64-linux-gnu/libfdt.a
LIBFDT_INCLUDE := $(BUILD)/libfdt/include
LIBFDT_HEADERS := libfdt.h libfdt_env.h fdt.h

libfdt_links_rc := $(shell mkdir -p $(LIBFDT_INCLUDE) && \
    for h in $(LIBFDT_HEADERS); do ln -sfn /usr/include/$$h $(LIBFDT_INCLUDE)/$$h || exit 1; done; \
    echo $$?)
ifneq ($(libfdt_links_rc),0)
  $(error cairn: could not link the libfdt headers into $(LIBFDT_INCLUDE))
endif
