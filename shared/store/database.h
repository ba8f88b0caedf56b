#pragma once

#include "core/result.h"
#include "store/secretbytes.h"
#include "store/statement.h"

#include <QString>

#include <functional>
#include <memory>

namespace poruch::store {

namespace detail {
struct Connection;
}

struct OpenOptions {
    bool create = true; // false: a missing or zero-length file is Error "store.missing", never a new empty store
    int cacheSizeKiB = 16384; // page cache (working set in memory is what makes the cipher cheap)
    int busyTimeoutMs = 5000;
    // PRAGMA cipher_memory_security: SQLCipher locks (mlock) and wipes every allocation it makes. ON for
    // the tablet (a stolen, running device); the sync server opens with OFF (SQLCipher 4's default),
    // because the locking costs it two thirds of its CPU. SQLCipher keeps this setting process-wide and
    // never turns it off again once on, so OFF only means "do not turn it on" (see docs/security.md).
    bool memorySecurity = true;
    // Per-connection lookaside (SQLITE_DBCONFIG_LOOKASIDE): slot size and count; SQLite splits the buffer
    // into these "big" slots and 128-byte small ones. 0 keeps SQLite's default (1200 B x 100).
    int lookasideSlotBytes = 8192;
    int lookasideSlots = 512; // 4 MiB per connection
};

// Move-only RAII over one SQLCipher connection (sqlite3*). Not thread-safe: one Database per thread.
//
// Error codes returned by every call (poruch::Error::code):
//   store.wrong_key        the key does not decrypt the file (page 1 fails its HMAC and other pages too)
//   store.corrupt          truncated file, tampered page (HMAC failure), SQLITE_CORRUPT/NOTADB, a plain
//                          SQLite file opened with a key, or a failed integrityCheck()
//   store.missing          OpenOptions::create == false and the file is missing or zero-length
//   store.cipher_too_old   the linked SQLCipher is older than 4.5 (or not SQLCipher at all)
//   store.io               disk full, I/O error, cannot open, read-only, out of memory
//   store.busy             the database stayed locked longer than busyTimeoutMs
//   store.constraint       a UNIQUE/NOT NULL/CHECK/FOREIGN KEY constraint failed
//   store.<anything>       a trigger's RAISE(ABORT, 'store.<anything>') message is used as the code
//                          verbatim (e.g. records use RAISE(ABORT, 'store.immutable'))
//   store.sql              programming error (syntax, misuse, bad parameter index, ...)
// Messages name the operation and SQLite's error text; they never contain bound values.
class Database {
public:
    // rawKey: 32 bytes = the SQLCipher raw key (PRAGMA key = "x'..'"). An empty key opens an UNENCRYPTED
    // database: only for the benchmark baseline and tests; production code always passes a key.
    static Result<std::unique_ptr<Database>> open(
        const QString& path, const SecretBytes& rawKey, OpenOptions options = {});

    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Result<void> exec(const QString& sql); // DDL / PRAGMA without parameters, may hold several statements
    Result<Statement> prepare(const QString& sql); // prepared statements only for data; cached per SQL text
    // BEGIN IMMEDIATE; commit when work() returns ok, roll back when it returns an error (the error is
    // passed through). Nested calls use SAVEPOINTs, so an inner failure rolls back only the inner work.
    Result<void> transaction(const std::function<Result<void>()>& work);
    // For bulk writers called inside a caller's transaction (a sync page): as transaction() when no
    // transaction() is running; inside one, work() runs without a SAVEPOINT (a savepoint keeps a copy of
    // every page the work changes, locked memory in an encrypted store). If work() then fails, the
    // enclosing transaction() rolls everything back (store.rolled_back) even if its own work returns
    // ok, so a partial write is never committed.
    Result<void> atomically(const std::function<Result<void>()>& work);
    Result<int> userVersion();
    Result<void> setUserVersion(int version);
    Result<void> integrityCheck(); // PRAGMA cipher_integrity_check + PRAGMA integrity_check
    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const;

    bool isEncrypted() const;
    // What SQLCipher reports for PRAGMA cipher_memory_security (process-wide, see OpenOptions).
    Result<bool> memorySecurity();
    bool inTransaction() const;
    // Single-value query helpers for PRAGMAs and tests (no parameters).
    Result<QString> pragma(const QString& name);
    // PRAGMA wal_checkpoint(TRUNCATE): moves WAL content into the main file.
    Result<void> checkpoint();
    // Number of idle prepared statements kept for reuse.
    int cachedStatementCount() const;
    void clearStatementCache();
    // Closes now (cached statements are finalized). Statements still alive keep the connection open
    // until they are destroyed. Further calls on this object fail with store.sql.
    void close();

private:
    Database(std::shared_ptr<detail::Connection> conn, QString path, bool encrypted);
    Result<QString> queryText(const QString& sql);

    std::shared_ptr<detail::Connection> m_conn;
    QString m_path;
    bool m_encrypted = false;
    int m_savepointDepth = 0;
    int m_workDepth = 0; // transaction() calls running, the outermost included
    bool m_mustRollBack = false; // an atomically() inside the outermost transaction() failed
};

} // namespace poruch::store
