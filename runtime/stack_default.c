// SPDX-License-Identifier: BSD-2-Clause
// The default root-task stack (64 KiB). This object is in libcairn.a, so the linker only
// pulls it in when the program did not define cairn_root_task_stack itself with
// CAIRN_ROOT_TASK_STACK_SIZE.

#include <cairn/runtime.h>

CAIRN_ROOT_TASK_STACK_SIZE(CAIRN_DEFAULT_STACK_BYTES);
