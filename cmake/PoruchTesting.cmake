# poruch_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [ARGS <args...>]
#                 [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value...>])
# One Qt Test executable per area, registered with ctest under its labels. Time zone and locale are pinned
# so deadline and date tests mean the same on every machine.
set(PORUCH_TEST_ENVIRONMENT
    TZ=Europe/Kyiv LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES=*.debug=false)
if(PORUCH_SANITIZE)
    list(APPEND PORUCH_TEST_ENVIRONMENT
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp)
endif()

function(poruch_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ARGS;ENVIRONMENT" ${ARGN})
    qt_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        PORUCH_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data"
        PORUCH_BINARY_DIR="${CMAKE_BINARY_DIR}")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME} ${T_ARGS})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "${PORUCH_TEST_ENVIRONMENT};${T_ENVIRONMENT}")
endfunction()
