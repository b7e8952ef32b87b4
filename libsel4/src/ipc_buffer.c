// SPDX-License-Identifier: BSD-2-Clause
// The storage behind seL4_GetIPCBuffer/seL4_SetIPCBuffer: each thread's IPC buffer
// pointer, in TLS (TPIDR_EL0). The runtime sets it before the first invocation.
#include <sel4/functions.h>

__thread seL4_IPCBuffer *__sel4_ipc_buffer;
