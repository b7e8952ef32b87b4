// SPDX-License-Identifier: BSD-2-Clause
// Levelled log lines on the debug console: "<LEVEL padded to 5> [<component>] <message>".
// The maximum level is a runtime setting (default INFO).

#include <stdarg.h>

#include <cairn/log.h>
#include <cairn/print.h>

static enum cairn_log_level max_level = CAIRN_LOG_INFO;

static const char *const level_names[] = {
    [CAIRN_LOG_ERROR] = "ERROR", [CAIRN_LOG_WARN] = "WARN",   [CAIRN_LOG_INFO] = "INFO",
    [CAIRN_LOG_DEBUG] = "DEBUG", [CAIRN_LOG_TRACE] = "TRACE",
};

enum cairn_log_level cairn_log_set_max_level(enum cairn_log_level level)
{
    enum cairn_log_level previous = max_level;
    if (level > CAIRN_LOG_TRACE)
        level = CAIRN_LOG_TRACE;
    max_level = level;
    return previous;
}

enum cairn_log_level cairn_log_max_level(void)
{
    return max_level;
}

void cairn_vlog(enum cairn_log_level level, const char *component, const char *fmt, va_list ap)
{
    if (level == CAIRN_LOG_OFF || level > max_level)
        return;
    cairn_printf("%-5s [%s] ", level_names[level], component);
    cairn_vprintf(fmt, ap);
    cairn_putchar('\n');
}

void cairn_log(enum cairn_log_level level, const char *component, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cairn_vlog(level, component, fmt, ap);
    va_end(ap);
}
