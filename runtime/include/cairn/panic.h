// SPDX-License-Identifier: BSD-2-Clause
// Panics for root tasks: panic(fmt, ...) reports "panicked at FILE:LINE:" and the message,
// then unwinds to the innermost CAIRN_TRY (setjmp/longjmp written in assembly) or, if there
// is none, ends the root task with status -1. The report itself is a replaceable hook.
#pragma once

#include <stdbool.h>

#include <cairn/setjmp.h>

/* What a panic hook is told. message is the formatted panic text (truncated at 255 bytes). */
struct cairn_panic_info {
    const char *file; /* __FILE__ of the panic site, relative to its workspace or the tree */
    int line;         /* __LINE__ of the panic site */
    const char *message;
};

typedef void (*cairn_panic_hook_t)(const struct cairn_panic_info *info);

/*
 * Panic at the caller's source position. The hook runs first (by default it prints
 * "panicked at FILE:LINE:" and, on the next line, the message); then control goes to the
 * CAIRN_CATCH block of the innermost active CAIRN_TRY, or, when there is none, the runtime
 * prints "aborted: uncaught panic" and ends the root task like cairn_exit(-1).
 */
#define panic(...) cairn_panic_at(__FILE__, __LINE__, __VA_ARGS__)

_Noreturn void cairn_panic_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Replace the panic hook; NULL restores the default. Returns the previous hook (never NULL),
 * so a custom hook can chain to it.
 */
cairn_panic_hook_t cairn_set_panic_hook(cairn_panic_hook_t hook);

/* The default hook: prints "panicked at FILE:LINE:\n<message>\n". */
void cairn_panic_default_hook(const struct cairn_panic_info *info);

/*
 * CAIRN_TRY { ... } CAIRN_CATCH { ... }
 *
 * Runs the first block; if it (or anything it calls) panics, control jumps straight to the
 * second block. The panic report is printed either way, by the hook. Rules, as for setjmp:
 *  - do not leave the TRY block with return, break, continue or goto (it would leave a stale
 *    handler registered); let it run to its end, or panic;
 *  - a local variable changed inside the TRY block and read in the CATCH block must be
 *    declared volatile.
 * Blocks nest; a panic inside a CATCH block goes to the next enclosing TRY.
 */
struct cairn_try {
    cairn_jmp_buf env;
    struct cairn_try *outer; /* next enclosing handler, or NULL */
    bool active;             /* still registered (cleared when a panic lands here) */
};

struct cairn_try *cairn_try_push(struct cairn_try *t);
struct cairn_try *cairn_try_pop(struct cairn_try *t);

#define CAIRN_CONCAT_(a, b) a##b
#define CAIRN_CONCAT(a, b) CAIRN_CONCAT_(a, b)
#define CAIRN_TRY_VAR_ CAIRN_CONCAT(cairn_try_, __LINE__)
#define CAIRN_TRY_ONCE_ CAIRN_CONCAT(cairn_try_once_, __LINE__)

#define CAIRN_TRY                                                                                  \
    for (struct cairn_try CAIRN_TRY_VAR_, *CAIRN_TRY_ONCE_ = cairn_try_push(&CAIRN_TRY_VAR_);      \
         CAIRN_TRY_ONCE_ != 0; CAIRN_TRY_ONCE_ = cairn_try_pop(&CAIRN_TRY_VAR_))                   \
        if (cairn_setjmp(CAIRN_TRY_VAR_.env) == 0)
#define CAIRN_CATCH else

/* assert that is always on (the <assert.h> one honours NDEBUG). */
#define cairn_assert(expr)                                                                         \
    ((expr) ? (void)0 : cairn_panic_at(__FILE__, __LINE__, "assertion failed: %s", #expr))
