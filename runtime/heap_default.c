// SPDX-License-Identifier: BSD-2-Clause
// The default heap arena (64 KiB). This object is in libcairn.a, so the linker only pulls it
// in when the allocator is used and the program did not define cairn_root_task_heap itself
// with CAIRN_ROOT_TASK_HEAP_SIZE.

#include <cairn/runtime.h>

CAIRN_ROOT_TASK_HEAP_SIZE(CAIRN_DEFAULT_HEAP_BYTES);
