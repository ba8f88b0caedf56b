#pragma once

#include <cstdio>
#include <cstdlib>

// A property the fuzzer must never break (beyond "no crash, no sanitizer report"). On failure it prints
// what broke and aborts, so libFuzzer saves the input as a crash artifact.
#define PORUCH_FUZZ_CHECK(condition, what)                                                                             \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz property broken: %s (%s:%d)\n", what, __FILE__, __LINE__);                      \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
