// SPDX-License-Identifier: BSD-2-Clause
// The main() of a unit-test file: its cmocka tests (cmocka_unit_test(...) entries, in
// order) run as one group named `group`, with no group setup or teardown.
#pragma once

#include <setjmp.h> // cmocka.h needs these three first
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define UNIT_TEST_MAIN(group, ...)                                                                 \
    int main(void)                                                                                 \
    {                                                                                              \
        const struct CMUnitTest tests[] = {__VA_ARGS__};                                           \
        return cmocka_run_group_tests_name(group, tests, NULL, NULL);                              \
    }
