// SPDX-License-Identifier: BSD-2-Clause
// Panics: format the message, run the (replaceable) panic hook, then unwind to the innermost
// CAIRN_TRY with cairn_longjmp, or end the root task with status -1 when nothing catches.
// Also the handler stack behind CAIRN_TRY/CAIRN_CATCH and abort().

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cairn/panic.h>
#include <cairn/print.h>
#include <cairn/runtime.h>

#define PANIC_MESSAGE_BYTES 256

static cairn_panic_hook_t panic_hook = cairn_panic_default_hook;
static struct cairn_try *innermost; /* top of the CAIRN_TRY handler stack */
static int panic_depth;             /* panics currently running their hook */

void cairn_panic_default_hook(const struct cairn_panic_info *info)
{
    cairn_printf("panicked at %s:%d:\n%s\n", info->file, info->line, info->message);
}

cairn_panic_hook_t cairn_set_panic_hook(cairn_panic_hook_t hook)
{
    cairn_panic_hook_t previous = panic_hook;
    panic_hook = hook ? hook : cairn_panic_default_hook;
    return previous;
}

struct cairn_try *cairn_try_push(struct cairn_try *t)
{
    t->outer = innermost;
    t->active = true;
    innermost = t;
    return t;
}

/* Called when a TRY block finishes without panicking; also after its CATCH block ran. */
struct cairn_try *cairn_try_pop(struct cairn_try *t)
{
    if (t->active) {
        /* Handlers unwind in order; anything else means a TRY body was left by a jump. */
        if (innermost != t)
            cairn_panic_at(__FILE__, __LINE__, "CAIRN_TRY blocks left out of order");
        innermost = t->outer;
        t->active = false;
    }
    return NULL;
}

_Noreturn void cairn_panic_at(const char *file, int line, const char *fmt, ...)
{
    /* One static buffer: a panic inside the hook is reported without a message. */
    static char message[PANIC_MESSAGE_BYTES];

    if (panic_depth > 0) {
        cairn_printf("panicked at %s:%d: while panicking\naborted: panic in the panic hook\n", file,
                     line);
        cairn_exit(-1);
    }
    panic_depth++;
    va_list ap;
    va_start(ap, fmt);
    cairn_vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);

    struct cairn_panic_info info = {.file = file, .line = line, .message = message};
    panic_hook(&info);
    panic_depth--;

    struct cairn_try *t = innermost;
    if (t == NULL) {
        cairn_printf("aborted: uncaught panic\n");
        cairn_exit(-1);
    }
    innermost = t->outer;
    t->active = false;
    cairn_longjmp(t->env, 1);
}

_Noreturn void abort(void)
{
    cairn_printf("aborted: abort() called\n");
    cairn_exit(-1);
}
