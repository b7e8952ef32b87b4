// SPDX-License-Identifier: BSD-2-Clause
// A unit-test file's tests and main(). UNIT_TEST(name) starts a test function (cmocka
// passes a state pointer these tests do not use); UNIT_TEST_MAIN runs the file's tests
// (cmocka_unit_test(...) entries, in order) as one group named `group`, with no group
// setup or teardown.
#pragma once

#include <setjmp.h> // cmocka.h needs these three first
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define UNIT_TEST(name) static void name(__attribute__((unused)) void **state)

#define UNIT_TEST_MAIN(group, ...)                                                                 \
    int main(void)                                                                                 \
    {                                                                                              \
        const struct CMUnitTest tests[] = {__VA_ARGS__};                                           \
        return cmocka_run_group_tests_name(group, tests, NULL, NULL);                              \
    }
