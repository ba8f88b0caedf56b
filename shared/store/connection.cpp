#include "store/connection.h"

#include "store/storelog.h"

namespace poruch::store::detail {

Connection::~Connection()
{
    finalizeIdle();
    if (db) {
        // close_v2: if a statement somehow still exists the handle becomes a zombie instead of leaking.
        sqlite3_close_v2(db);
        db = nullptr;
    }
}

void Connection::finalizeIdle()
{
    for (sqlite3_stmt* stmt : std::as_const(idle))
        sqlite3_finalize(stmt);
    idle.clear();
}

void Connection::giveBack(const QString& sql, sqlite3_stmt* stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (closed || !db || idle.contains(sql)) {
        sqlite3_finalize(stmt);
        return;
    }
    idle.insert(sql, stmt);
}

Error sqliteError(sqlite3* db, int rc, const QString& what)
{
    const QString text = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    const QString message = QStringLiteral("%1 failed: %2 (sqlite %3)").arg(what, text).arg(rc);
    QString code;
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = QStringLiteral("store.corrupt");
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
        code = QStringLiteral("store.io");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = QStringLiteral("store.busy");
        break;
    case SQLITE_CONSTRAINT:
        // A trigger's RAISE(ABORT, 'store.xyz') carries its own stable code.
        if (text.startsWith(QLatin1String("store.")) && !text.contains(QLatin1Char(' ')))
            return Error { text, QStringLiteral("%1 refused by the store (%2)").arg(what, text) };
        code = QStringLiteral("store.constraint");
        break;
    default:
        code = QStringLiteral("store.sql");
        break;
    }
    qCDebug(lcStore) << "sqlite error" << code << rc;
    return Error { code, message };
}

} // namespace poruch::store::detail
