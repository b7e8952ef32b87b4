// SPDX-License-Identifier: BSD-2-Clause
// Access to the calling thread's IPC buffer: message registers, extra caps/badges,
// user data and the cap receive path. The buffer pointer is thread-local, so the
// runtime must set up TLS and call seL4_SetIPCBuffer before any of these is used.
#pragma once

#include <sel4/types.h>

// Thread-local because each thread has its own IPC buffer; the kernel does not tell a
// thread where its buffer is. Defined once, in libsel4/src/ipc_buffer.c.
#define LIBSEL4_THREAD_LOCAL __thread
extern __thread seL4_IPCBuffer *__sel4_ipc_buffer;

LIBSEL4_INLINE_FUNC void seL4_SetIPCBuffer(seL4_IPCBuffer *ipc_buffer)
{
    __sel4_ipc_buffer = ipc_buffer;
}

LIBSEL4_INLINE_FUNC seL4_IPCBuffer *seL4_GetIPCBuffer(void)
{
    return __sel4_ipc_buffer;
}

// Message register i (0 <= i < seL4_MsgMaxLength). The syscall wrappers mirror MR0..MR3
// between registers and msg[0..3], so this is valid for every i after a receive.
LIBSEL4_INLINE_FUNC seL4_Word seL4_GetMR(int i)
{
    return seL4_GetIPCBuffer()->msg[i];
}

LIBSEL4_INLINE_FUNC void seL4_SetMR(int i, seL4_Word mr)
{
    seL4_GetIPCBuffer()->msg[i] = mr;
}

LIBSEL4_INLINE_FUNC seL4_Word seL4_GetUserData(void)
{
    return seL4_GetIPCBuffer()->userData;
}

LIBSEL4_INLINE_FUNC void seL4_SetUserData(seL4_Word data)
{
    seL4_GetIPCBuffer()->userData = data;
}

// Badge of the i-th unwrapped cap of a received message (see capsUnwrapped).
LIBSEL4_INLINE_FUNC seL4_Word seL4_GetBadge(int i)
{
    return seL4_GetIPCBuffer()->caps_or_badges[i];
}

LIBSEL4_INLINE_FUNC seL4_CPtr seL4_GetCap(int i)
{
    return (seL4_CPtr)seL4_GetIPCBuffer()->caps_or_badges[i];
}

// Extra cap i (0..2) of the next message sent; counted by the extraCaps field.
LIBSEL4_INLINE_FUNC void seL4_SetCap(int i, seL4_CPtr cptr)
{
    seL4_GetIPCBuffer()->caps_or_badges[i] = (seL4_Word)cptr;
}

// Where a received cap is stored: slot receiveIndex (depth receiveDepth) inside the CNode
// that receiveCNode names. Null pointers skip the corresponding field.
LIBSEL4_INLINE_FUNC void seL4_GetCapReceivePath(seL4_CPtr *receiveCNode, seL4_CPtr *receiveIndex,
                                                seL4_Word *receiveDepth)
{
    seL4_IPCBuffer *buf = seL4_GetIPCBuffer();
    if (receiveCNode != seL4_Null) {
        *receiveCNode = buf->receiveCNode;
    }
    if (receiveIndex != seL4_Null) {
        *receiveIndex = buf->receiveIndex;
    }
    if (receiveDepth != seL4_Null) {
        *receiveDepth = buf->receiveDepth;
    }
}

LIBSEL4_INLINE_FUNC void seL4_SetCapReceivePath(seL4_CPtr receiveCNode, seL4_CPtr receiveIndex,
                                                seL4_Word receiveDepth)
{
    seL4_IPCBuffer *buf = seL4_GetIPCBuffer();
    buf->receiveCNode = receiveCNode;
    buf->receiveIndex = receiveIndex;
    buf->receiveDepth = receiveDepth;
}
