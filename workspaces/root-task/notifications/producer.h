// SPDX-License-Identifier: BSD-2-Clause
// Chapter 7b's producer helpers, handed out with the chapter (child.c and the solution's
// include it): printing with a digit filled in, and writing a message into the shared page.
// The producer has no Cairn runtime (libsel4 only), so both are written out here.
#pragma once

#include <sel4/sel4.h>

/* Print s, with every '#' replaced by the digit d (0-9). */
static void say(const char *s, seL4_Word d)
{
    for (; *s != '\0'; s++)
        seL4_DebugPutChar(*s == '#' ? (char)('0' + d % 10) : *s);
}

/* "producer <id>, message <n>" into the shared page, NUL-terminated. volatile: the
 * consumer reads these bytes, so every store must happen. */
static void write_message(volatile char *out, seL4_Word id, seL4_Word n)
{
    const char *text = "producer #, message #";
    int digit = 0;
    for (; *text != '\0'; text++, out++)
        *out = *text != '#' ? *text : (char)('0' + (digit++ == 0 ? id : n) % 10);
    *out = '\0';
}
