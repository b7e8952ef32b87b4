// SPDX-License-Identifier: BSD-2-Clause
// A small printf: one formatter (format_to) that feeds characters to a sink, with two sinks,
// the kernel debug console (seL4_DebugPutChar) and a bounded buffer. Supports d i u x X p s c
// and %%, length modifiers hh h l ll z t j, a width (number or *), flags 0 - # and space/+.
// Precision is honoured for %s only. No floating point.

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cairn/print.h>
#include <sel4/sel4.h>

struct sink {
    void (*put)(struct sink *s, char c);
    char *buf;   /* buffer sink: destination */
    size_t size; /* buffer sink: capacity including the NUL */
    size_t len;  /* characters produced so far (also those that did not fit) */
};

static void put_console(struct sink *s, char c)
{
    seL4_DebugPutChar(c);
    s->len++;
}

static void put_buffer(struct sink *s, char c)
{
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

struct spec {
    bool left; /* '-': pad on the right */
    bool zero; /* '0': pad numbers with zeros */
    bool alt;  /* '#': 0x prefix for x/X */
    char sign; /* '+' or ' ' to show before non-negative numbers, else 0 */
    int width;
    int precision; /* -1 when absent */
};

static void pad(struct sink *s, char c, int n)
{
    while (n-- > 0)
        s->put(s, c);
}

/* Emit prefix + digits with the field width applied. */
static void emit_number(struct sink *s, const struct spec *sp, const char *prefix,
                        const char *digits, int ndigits)
{
    int plen = 0;
    while (prefix[plen])
        plen++;
    int fill = sp->width - plen - ndigits;
    if (!sp->left && !sp->zero)
        pad(s, ' ', fill);
    for (int i = 0; i < plen; i++)
        s->put(s, prefix[i]);
    if (!sp->left && sp->zero)
        pad(s, '0', fill);
    for (int i = 0; i < ndigits; i++)
        s->put(s, digits[i]);
    if (sp->left)
        pad(s, ' ', fill);
}

static void format_unsigned(struct sink *s, const struct spec *sp, uint64_t v, unsigned base,
                            bool upper, const char *prefix)
{
    const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = alphabet[v % base];
        v /= base;
    } while (v != 0);
    char digits[24];
    for (int i = 0; i < n; i++)
        digits[i] = tmp[n - 1 - i];
    emit_number(s, sp, prefix, digits, n);
}

static void format_string(struct sink *s, const struct spec *sp, const char *str)
{
    if (str == NULL)
        str = "(null)";
    int len = 0;
    while (str[len] && (sp->precision < 0 || len < sp->precision))
        len++;
    if (!sp->left)
        pad(s, ' ', sp->width - len);
    for (int i = 0; i < len; i++)
        s->put(s, str[i]);
    if (sp->left)
        pad(s, ' ', sp->width - len);
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static uint64_t fetch_unsigned(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_CHAR:
        return (unsigned char)va_arg(*ap, unsigned int);
    case LEN_SHORT:
        return (unsigned short)va_arg(*ap, unsigned int);
    case LEN_LONG:
        return va_arg(*ap, unsigned long);
    case LEN_LLONG:
        return va_arg(*ap, unsigned long long);
    case LEN_SIZE:
        return va_arg(*ap, size_t);
    default:
        return va_arg(*ap, unsigned int);
    }
}

static int64_t fetch_signed(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_CHAR:
        return (signed char)va_arg(*ap, int);
    case LEN_SHORT:
        return (short)va_arg(*ap, int);
    case LEN_LONG:
        return va_arg(*ap, long);
    case LEN_LLONG:
        return va_arg(*ap, long long);
    case LEN_SIZE:
        return (int64_t)va_arg(*ap, size_t);
    default:
        return va_arg(*ap, int);
    }
}

static void format_to(struct sink *s, const char *fmt, va_list ap_in)
{
    va_list ap;
    va_copy(ap, ap_in);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            s->put(s, *p);
            continue;
        }
        struct spec sp = {.precision = -1};
        for (p++;; p++) {
            if (*p == '-')
                sp.left = true;
            else if (*p == '0')
                sp.zero = true;
            else if (*p == '#')
                sp.alt = true;
            else if (*p == '+' || (*p == ' ' && sp.sign != '+'))
                sp.sign = *p;
            else
                break;
        }
        if (*p == '*') {
            sp.width = va_arg(ap, int);
            if (sp.width < 0) {
                sp.left = true;
                sp.width = -sp.width;
            }
            p++;
        }
        while (*p >= '0' && *p <= '9')
            sp.width = sp.width * 10 + (*p++ - '0');
        if (*p == '.') {
            sp.precision = 0;
            p++;
            if (*p == '*') {
                sp.precision = va_arg(ap, int);
                p++;
            }
            while (*p >= '0' && *p <= '9')
                sp.precision = sp.precision * 10 + (*p++ - '0');
        }

        enum length len = LEN_INT;
        if (*p == 'h') {
            len = (p[1] == 'h') ? LEN_CHAR : LEN_SHORT;
            p += (p[1] == 'h') ? 2 : 1;
        } else if (*p == 'l') {
            len = (p[1] == 'l') ? LEN_LLONG : LEN_LONG;
            p += (p[1] == 'l') ? 2 : 1;
        } else if (*p == 'z' || *p == 't' || *p == 'j') {
            len = LEN_SIZE;
            p++;
        }

        switch (*p) {
        case 'd':
        case 'i': {
            int64_t v = fetch_signed(&ap, len);
            char prefix[2] = {0, 0};
            if (v < 0)
                prefix[0] = '-';
            else if (sp.sign)
                prefix[0] = sp.sign;
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            format_unsigned(s, &sp, mag, 10, false, prefix);
            break;
        }
        case 'u':
            format_unsigned(s, &sp, fetch_unsigned(&ap, len), 10, false, "");
            break;
        case 'x':
        case 'X': {
            uint64_t v = fetch_unsigned(&ap, len);
            const char *prefix = (sp.alt && v != 0) ? (*p == 'x' ? "0x" : "0X") : "";
            format_unsigned(s, &sp, v, 16, *p == 'X', prefix);
            break;
        }
        case 'p':
            format_unsigned(s, &sp, (uintptr_t)va_arg(ap, void *), 16, false, "0x");
            break;
        case 's':
            format_string(s, &sp, va_arg(ap, const char *));
            break;
        case 'c': {
            char c[2] = {(char)va_arg(ap, int), 0};
            sp.precision = 1;
            format_string(s, &sp, c);
            break;
        }
        case '%':
            s->put(s, '%');
            break;
        case '\0':
            /* A lone '%' at the end: print it rather than read past the string. */
            s->put(s, '%');
            p--;
            break;
        default:
            /* Unknown conversion: show it verbatim so the mistake is visible. */
            s->put(s, '%');
            s->put(s, *p);
            break;
        }
    }
    va_end(ap);
}

int cairn_vprintf(const char *fmt, va_list ap)
{
    struct sink s = {.put = put_console};
    format_to(&s, fmt, ap);
    return (int)s.len;
}

int cairn_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = cairn_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int cairn_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = {.put = put_buffer, .buf = buf, .size = size};
    format_to(&s, fmt, ap);
    if (size > 0)
        buf[s.len < size ? s.len : size - 1] = '\0';
    return (int)s.len;
}

int cairn_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = cairn_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int cairn_putchar(int c)
{
    seL4_DebugPutChar((char)c);
    return (unsigned char)c;
}

int cairn_puts(const char *s)
{
    while (*s)
        seL4_DebugPutChar(*s++);
    seL4_DebugPutChar('\n');
    return 0;
}

/* The <stdio.h> names: the same functions under their standard names. */

int printf(const char *fmt, ...) __attribute__((alias("cairn_printf")));
int vprintf(const char *fmt, va_list ap) __attribute__((alias("cairn_vprintf")));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((alias("cairn_snprintf")));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((alias("cairn_vsnprintf")));
int puts(const char *s) __attribute__((alias("cairn_puts")));
int putchar(int c) __attribute__((alias("cairn_putchar")));
