# libsel4: headers under include/, plus a tiny archive with the few non-inline
# definitions (the thread-local IPC-buffer pointer, the deprecated BootInfo store).
LIBSEL4_INCLUDE := $(ROOT)/libsel4/include
LIBSEL4_SRCS    := $(ROOT)/libsel4/src/ipc_buffer.c $(ROOT)/libsel4/src/bootinfo.c
LIBSEL4_OBJS    := $(patsubst $(ROOT)/libsel4/src/%.c,$(BUILD)/libsel4/%.o,$(LIBSEL4_SRCS))
LIBSEL4_LIB     := $(BUILD)/libsel4/libsel4.a

ALL_TARGETS += $(LIBSEL4_LIB)

$(BUILD)/libsel4/%.o: $(ROOT)/libsel4/src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $(patsubst $(ROOT)/%,%,$<)"
	@$(CROSS_CC) $(TARGET_CFLAGS) -I$(LIBSEL4_INCLUDE) -MMD -MP -c -o $@ $<

$(LIBSEL4_LIB): $(LIBSEL4_OBJS)
	@echo "  AR      $(patsubst $(ROOT)/%,%,$@)"
	@rm -f $@
	@$(CROSS_AR) rcs $@ $^

-include $(LIBSEL4_OBJS:.o=.d)
