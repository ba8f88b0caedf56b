# Every external dependency is found here, once, so the rest of the build names targets only.
set(_poruch_qt_components Core Network Test Sql)
if(PORUCH_BUILD_APP)
    list(APPEND _poruch_qt_components Gui Qml Quick QuickControls2 QuickTest LinguistTools)
endif()
if(PORUCH_BUILD_SERVER)
    list(APPEND _poruch_qt_components HttpServer Gui)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${_poruch_qt_components})
qt_standard_project_setup()

find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
# gzip push bodies: the tablet deflates them, the server inflates them (docs/sync-protocol.md, "Compression").
find_package(ZLIB REQUIRED)

# pkg-config reports the SQLite base version; SQLCipher 4.5.0 is built on SQLite 3.39.
# Bookworm main's SQLCipher 3.4.1 (SQLite 3.15) must never be used.
if(SQLCIPHER_VERSION VERSION_LESS 3.39)
    message(FATAL_ERROR "SQLCipher too old (SQLite base ${SQLCIPHER_VERSION}); install libsqlcipher-dev 4.6 "
                        "from bookworm-backports (tools/setup-deps.sh does this)")
endif()
