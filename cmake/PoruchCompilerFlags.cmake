# Warnings, sanitizers and fuzzing flags applied to every target of the project.
add_compile_options(-Wall -Wextra -Wpedantic)
if(PORUCH_WERROR)
    add_compile_options(-Werror)
endif()

if(PORUCH_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer (clang only): every target gets coverage instrumentation plus ASan+UBSan
# (-fsanitize=fuzzer-no-link, so ordinary executables keep their own main()); the fuzz targets in
# tests/fuzz add -fsanitize=fuzzer at link time, which brings libFuzzer's main().
if(PORUCH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "PORUCH_FUZZ needs clang: configure with CC=clang-14 CXX=clang++-14")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
    set(PORUCH_FUZZ_LINK_FLAGS -fsanitize=fuzzer,address,undefined)
endif()

# Qt's signals/slots keywords clash with other libraries; use Q_SIGNALS/Q_SLOTS/Q_EMIT.
add_compile_definitions(QT_NO_KEYWORDS QT_NO_FOREACH)
