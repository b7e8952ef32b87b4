// SPDX-License-Identifier: BSD-2-Clause
// Waiting on an endpoint as if it were a notification.
// expect: incompatible type for argument 1 of 'cairn_notification_wait'
// expect: expected 'cairn_notification_t'
// expect: argument is of type 'cairn_endpoint_t'
#include <cairn/caps.h>

void mistake(cairn_endpoint_t ep);

void mistake(cairn_endpoint_t ep)
{
    seL4_Word badge;
    cairn_notification_wait(ep, &badge);
}
