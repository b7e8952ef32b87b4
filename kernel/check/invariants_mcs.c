// SPDX-License-Identifier: BSD-2-Clause
// MCS only (kernel/build.mk adds this file for MCS=1): the invariants of scheduling
// contexts and the release queue, see invariants.h. Called by invariants.c's scheduler
// check with every thread it found.
#include "check/invariants.h"

#include "assert.h"
#include "state.h"
#include "object/sched_context.h"
#include "object/tcb.h"

#if CONFIG_CHECK_INVARIANTS || defined(CAIRN_HOST_TEST)

static void check_release_queue(struct tcb *const *threads, word_t nthreads)
{
    word_t queued = 0;
    struct tcb *prev = NULL;
    for (struct tcb *t = ks_release_head; t != NULL; prev = t, t = t->sched_next) {
        if (++queued > nthreads || t->sched_prev != prev || !t->in_release_queue ||
            t->in_ready_queue || !thread_is_runnable(t) || t->sc == NULL) {
            BROKEN("release-queue", "queued thread with wrong links, flags or state", t, prev);
        }
        if (prev != NULL && refill_head(prev->sc)->time > refill_head(t->sc)->time) {
            BROKEN("release-queue", "not ordered by release time", prev, t);
        }
    }
    word_t flagged = 0;
    for (word_t i = 0; i < nthreads; i++) {
        flagged += threads[i]->in_release_queue;
    }
    if (flagged != queued) {
        BROKEN("release-queue", "flags and queue disagree", flagged, queued);
    }
}

static void check_sched_context(struct sched_context *sc)
{
    if (sc->tcb != NULL && sc->tcb->sc != sc) {
        BROKEN("sched-context", "its thread does not name it", sc, sc->tcb);
    }
    if (!sc_active(sc)) {
        return;
    }
    if (sc->refill_head >= sc->refill_max || sc->refill_tail >= sc->refill_max) {
        BROKEN("sched-context", "refill indices outside the buffer", sc, sc->refill_max);
    }
    if (refill_head(sc)->amount < SC_MIN_BUDGET) {
        BROKEN("sched-context", "head refill below the minimum budget", sc,
               refill_head(sc)->amount);
    }
}

void invariants_check_mcs(struct tcb *const *threads, word_t nthreads)
{
    check_release_queue(threads, nthreads);
    for (word_t i = 0; i < nthreads; i++) {
        struct tcb *t = threads[i];
        if (t->sc != NULL) {
            if (t->sc->tcb != t) {
                BROKEN("sched-context", "a thread's context does not name it", t, t->sc);
            }
            check_sched_context(t->sc);
        }
    }
    struct sched_context *cur = ks_cur_thread != NULL ? ks_cur_thread->sc : NULL;
    if (ks_cur_sc != cur) {
        BROKEN("sched-context", "the current context is not the current thread's", ks_cur_sc, cur);
    }
}

#endif
