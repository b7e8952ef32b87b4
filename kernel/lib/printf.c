// SPDX-License-Identifier: BSD-2-Clause
// A small printf for the kernel console (see printf.h for the supported formats).
#include "lib/printf.h"

#include "types.h"
#include "arch/api.h"

static int put_str(const char *s, int width, bool left)
{
    int len = 0;
    while (s[len]) {
        len++;
    }
    int n = 0;
    for (; !left && width > len; width--, n++) {
        arch_putchar(' ');
    }
    for (int i = 0; i < len; i++, n++) {
        arch_putchar(s[i]);
    }
    for (; left && width > len; width--, n++) {
        arch_putchar(' ');
    }
    return n;
}

static int put_num(word_t v, unsigned base, bool upper, int width, char pad, bool left)
{
    char buf[24];
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int i = (int)sizeof(buf) - 1;
    buf[i] = '\0';
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    int len = (int)sizeof(buf) - 1 - i;
    int n = 0;
    if (pad == '0' && !left) {
        for (; width > len; width--, n++) {
            arch_putchar('0');
        }
        width = 0;
    }
    return n + put_str(&buf[i], width, left);
}

int kvprintf(const char *fmt, va_list ap)
{
    int n = 0;
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            arch_putchar(*fmt);
            n++;
            continue;
        }
        fmt++;
        bool left = false;
        char pad = ' ';
        int width = 0, longs = 0;
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-') {
                left = true;
            } else {
                pad = '0';
            }
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++) {
            width = width * 10 + (*fmt - '0');
        }
        for (; *fmt == 'l' || *fmt == 'z'; fmt++) {
            longs++;
        }
        switch (*fmt) {
        case 'c':
            arch_putchar((char)va_arg(ap, int));
            n++;
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            n += put_str(s ? s : "(null)", width, left);
            break;
        }
        case 'd':
        case 'i': {
            // As seL4's kernel printf: the value sign-extended to 64 bits, printed unsigned
            // (its INTMAX_MAX is UINT64_MAX, so it never prints a minus sign).
            sword_t v = longs ? va_arg(ap, sword_t) : va_arg(ap, int);
            n += put_num((word_t)v, 10, false, width, pad, left);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            word_t v = longs ? va_arg(ap, word_t) : va_arg(ap, unsigned);
            n += put_num(v, *fmt == 'u' ? 10 : 16, *fmt == 'X', width, pad, left);
            break;
        }
        case 'p': {
            word_t v = (word_t)va_arg(ap, void *);
            if (v == 0) {
                arch_putchar('0');
                n++;
            } else {
                arch_putchar('0');
                arch_putchar('x');
                n += 2 + put_num(v, 16, false, 0, ' ', false);
            }
            break;
        }
        case '%':
            arch_putchar('%');
            n++;
            break;
        default:
            arch_putchar('%');
            arch_putchar(*fmt);
            n += 2;
            if (!*fmt) {
                return n;
            }
        }
    }
    return n;
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvprintf(fmt, ap);
    va_end(ap);
    return n;
}
