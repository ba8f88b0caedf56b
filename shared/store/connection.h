#pragma once

// Internal to the store area: the shared sqlite3 handle and statement cache behind Database and
// Statement, and SQLite result code -> poruch::Error mapping. Not part of the public API.

#include "core/result.h"

#include <QHash>
#include <QString>

#include <sqlite3.h>

namespace poruch::store::detail {

// Owned jointly by the Database and every live Statement, so a Statement that outlives its Database
// is still safe (the connection closes when the last owner goes).
struct Connection {
    sqlite3* db = nullptr;
    QHash<QString, sqlite3_stmt*> idle; // statement cache: one idle prepared statement per SQL text
    bool closed = false;

    ~Connection();
    void finalizeIdle();
    // Takes back a statement that a Statement object is done with.
    void giveBack(const QString& sql, sqlite3_stmt* stmt);
};

// Maps a SQLite result code (plus the connection's error text) to a store.* error. what: the operation.
Error sqliteError(sqlite3* db, int rc, const QString& what);

} // namespace poruch::store::detail
