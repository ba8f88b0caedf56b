# Warnings, sanitizers and fuzzing flags applied to every target of the project.
add_compile_options(-Wall -Wextra -Wpedantic)
if(PORUCH_WERROR)
    add_compile_options(-Werror)
endif()

if(PORUCH_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
# Qt's signals/slots keywords clash with other libraries; use Q_SIGNALS/Q_SLOTS/Q_EMIT.
add_compile_definitions(QT_NO_KEYWORDS QT_NO_FOREACH)
