// SPDX-License-Identifier: BSD-2-Clause
// Levelled logging on the debug console. A line looks like "INFO  [hello] logging info":
// the level padded to five columns, the component in brackets, then the message. Define
// LOG_COMPONENT (a string) before including this header to name the component.
#pragma once

#include <stdarg.h>

#ifndef LOG_COMPONENT
#define LOG_COMPONENT "root-task"
#endif

/* Levels, most severe first. A message prints when its level <= the current maximum. */
enum cairn_log_level {
    CAIRN_LOG_OFF = 0,
    CAIRN_LOG_ERROR = 1,
    CAIRN_LOG_WARN = 2,
    CAIRN_LOG_INFO = 3,
    CAIRN_LOG_DEBUG = 4,
    CAIRN_LOG_TRACE = 5,
};

/* The maximum level printed. The default is CAIRN_LOG_INFO. Returns the previous maximum. */
enum cairn_log_level cairn_log_set_max_level(enum cairn_log_level level);
enum cairn_log_level cairn_log_max_level(void);

/* Print one log line (a newline is added) if level is enabled. */
void cairn_log(enum cairn_log_level level, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void cairn_vlog(enum cairn_log_level level, const char *component, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

#define LOG_ERROR(...) cairn_log(CAIRN_LOG_ERROR, LOG_COMPONENT, __VA_ARGS__)
#define LOG_WARN(...) cairn_log(CAIRN_LOG_WARN, LOG_COMPONENT, __VA_ARGS__)
#define LOG_INFO(...) cairn_log(CAIRN_LOG_INFO, LOG_COMPONENT, __VA_ARGS__)
#define LOG_DEBUG(...) cairn_log(CAIRN_LOG_DEBUG, LOG_COMPONENT, __VA_ARGS__)
#define LOG_TRACE(...) cairn_log(CAIRN_LOG_TRACE, LOG_COMPONENT, __VA_ARGS__)
