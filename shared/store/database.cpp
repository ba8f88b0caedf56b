#include "store/database.h"

#include "store/connection.h"
#include "store/storelog.h"

#include <QFile>
#include <QFileInfo>
#include <QVersionNumber>

#include <openssl/crypto.h>

#include <array>
#include <mutex>

namespace poruch::store {

using detail::sqliteError;

namespace {
constexpr int RawKeySize = 32;
constexpr qint64 CipherPageSize = 4096; // SQLCipher 4 default, kept
const QVersionNumber MinimumCipherVersion(4, 5);

Error storeError(const char* code, const QString& message)
{
    return Error { QString::fromLatin1(code), message };
}

Error closedError()
{
    return storeError("store.sql", QStringLiteral("the database is closed"));
}

Error rolledBackError()
{
    return storeError(
        "store.rolled_back", QStringLiteral("SQLite rolled the transaction back; nothing more runs in it"));
}

// SQLite's own diagnostics go through Qt logging so they are subject to the same capture and
// filtering as the rest (they name statements and error codes, never bound values).
void sqliteLog(void*, int code, const char* message)
{
    qCDebug(lcStore, "sqlite log %d: %s", code, message);
}

void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Fails harmlessly (SQLITE_MISUSE) if something initialised SQLite before us.
        sqlite3_config(SQLITE_CONFIG_LOG, &sqliteLog, nullptr);
    });
}

// Runs a statement without parameters and returns the first column of the first row (null if no row).
Result<QString> firstValue(sqlite3* db, const char* sql, const QString& what)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(db, rc, what);
    }
    rc = sqlite3_step(stmt);
    QString value;
    if (rc == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        value = text ? QString::fromUtf8(text) : QString();
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    Result<QString> result = rc == SQLITE_OK ? Result<QString>(value) : Result<QString>(sqliteError(db, rc, what));
    sqlite3_finalize(stmt);
    return result;
}

Result<void> execRaw(sqlite3* db, const char* sql, const QString& what)
{
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(db, rc, what);
    return {};
}

// SQLCipher treats a key of the exact form x'<64 hex digits>' as the raw 256-bit key (no PBKDF2).
// The text is built in a fixed buffer that is wiped right after SQLCipher copied it.
int applyRawKey(sqlite3* db, const SecretBytes& key)
{
    static constexpr char Hex[] = "0123456789abcdef";
    std::array<char, 2 * RawKeySize + 3> text {};
    text[0] = 'x';
    text[1] = '\'';
    for (int i = 0; i < RawKeySize; ++i) {
        const unsigned char byte = key.data()[i];
        text[size_t(2 + 2 * i)] = Hex[byte >> 4];
        text[size_t(3 + 2 * i)] = Hex[byte & 0x0f];
    }
    text[text.size() - 1] = '\'';
    const int rc = sqlite3_key_v2(db, "main", text.data(), int(text.size()));
    OPENSSL_cleanse(text.data(), text.size());
    return rc;
}

QByteArray fileHead(const QString& path, int n)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.read(n);
}

// Page 1 failed to decrypt. A wrong key and a damaged page 1 look the same there (its HMAC fails
// either way); what tells them apart is the rest of the file: with the right key the other pages
// still verify, with a wrong key none does. cipher_integrity_check verifies every page's HMAC
// without needing page 1's content (only the salt in its first 16 bytes).
Error diagnoseUnreadable(const QString& path, const SecretBytes& key, int rc, sqlite3* db)
{
    const QFileInfo info(path);
    const qint64 size = info.size();
    const QByteArray head = fileHead(path, 16);
    const bool plainHeader = head == QByteArray("SQLite format 3\0", 16);
    const int primary = rc & 0xff;
    if (primary != SQLITE_NOTADB && primary != SQLITE_CORRUPT)
        return sqliteError(db, rc, QStringLiteral("reading the store"));
    // A wrong key always fails page 1's HMAC, which SQLCipher reports as NOTADB. CORRUPT means page 1
    // decrypted and authenticated, so the key is right and the structure is damaged (e.g. truncated).
    if (primary == SQLITE_CORRUPT)
        return storeError("store.corrupt", QStringLiteral("the store file is damaged or truncated"));
    if (key.isEmpty()) {
        if (plainHeader)
            return storeError("store.corrupt", QStringLiteral("the plain SQLite store file is damaged"));
        return storeError("store.wrong_key",
            QStringLiteral("the store file is not a plain SQLite database (it is encrypted or damaged)"));
    }
    if (plainHeader)
        return storeError(
            "store.corrupt", QStringLiteral("the file is an unencrypted SQLite database, not an encrypted store"));
    if (size < CipherPageSize)
        return storeError(
            "store.corrupt", QStringLiteral("the store file is truncated (%1 bytes, less than one page)").arg(size));
    if (size % CipherPageSize != 0)
        return storeError("store.corrupt",
            QStringLiteral("the store file is truncated (%1 bytes, not a whole number of pages)").arg(size));

    const qint64 pages = size / CipherPageSize;
    if (pages >= 2) {
        sqlite3* probe = nullptr;
        int failed = -1;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &probe, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK
            && applyRawKey(probe, key) == SQLITE_OK) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(probe, "PRAGMA cipher_integrity_check", -1, &stmt, nullptr) == SQLITE_OK) {
                failed = 0;
                while (sqlite3_step(stmt) == SQLITE_ROW) {
                    const auto* line = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
                    if (line && strstr(line, "HMAC verification failed"))
                        ++failed;
                }
            }
            sqlite3_finalize(stmt);
        }
        sqlite3_close_v2(probe);
        qCDebug(lcStore) << "unreadable store:" << pages << "pages," << failed << "fail their HMAC";
        if (failed >= 0 && failed < pages)
            return storeError("store.corrupt",
                QStringLiteral("the store file is damaged: %1 of %2 pages fail authentication (the key is right)")
                    .arg(failed)
                    .arg(pages));
    }
    return storeError("store.wrong_key",
        QStringLiteral("the key does not open this store (wrong key, or the file's first page is damaged)"));
}
} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString& path, const SecretBytes& rawKey, OpenOptions options)
{
    if (!rawKey.isEmpty() && rawKey.size() != RawKeySize)
        return storeError("store.sql", QStringLiteral("the raw store key must be %1 bytes").arg(RawKeySize));

    const QFileInfo info(path);
    const bool existed = info.exists();
    if (!options.create && (!existed || info.size() == 0))
        return storeError("store.missing",
            existed ? QStringLiteral("the store file is empty") : QStringLiteral("the store file does not exist"));
    const QFileInfo walInfo(path + QStringLiteral("-wal"));
    const qint64 walSize = walInfo.exists() ? walInfo.size() : 0;

    configureSqliteOnce();
    auto conn = std::make_shared<detail::Connection>();
    const int flags = SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_EXRESCODE;
    int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &conn->db, flags, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(conn->db, rc, QStringLiteral("opening the store file"));
    sqlite3* db = conn->db;
    sqlite3_extended_result_codes(db, 1);

    const bool encrypted = !rawKey.isEmpty();
    if (encrypted) {
        rc = applyRawKey(db, rawKey);
        if (rc != SQLITE_OK)
            return sqliteError(db, rc, QStringLiteral("setting the store key"));
    }

    // Refuse anything that is not SQLCipher 4.5 or newer (plain SQLite answers no row here).
    Result<QString> cipherVersion = firstValue(db, "PRAGMA cipher_version", QStringLiteral("reading cipher_version"));
    if (!cipherVersion)
        return cipherVersion.error();
    const QVersionNumber version = QVersionNumber::fromString(*cipherVersion);
    if (cipherVersion->isEmpty() || version < MinimumCipherVersion)
        return storeError("store.cipher_too_old",
            QStringLiteral("SQLCipher %1 is too old; 4.5 or newer is required")
                .arg(cipherVersion->isEmpty() ? QStringLiteral("(none)") : *cipherVersion));

    if (options.memorySecurity) {
        if (auto r = execRaw(db, "PRAGMA cipher_memory_security = ON", QStringLiteral("enabling memory security")); !r)
            return r.error();
    }
    // One lookaside buffer per connection, big enough for most row-sized values (bound JSON, records
    // being built, cursors): SQLite serves those from it instead of calling malloc, and with
    // cipher_memory_security each malloc is an mlock and each free a wipe + munlock. The buffer is one
    // allocation made after memory security is on, so it is locked once and wiped when the connection
    // closes. Set before the schema is read (SQLite refuses while lookaside memory is in use).
    if (options.lookasideSlotBytes > 0 && options.lookasideSlots > 0) {
        rc = sqlite3_db_config(
            db, SQLITE_DBCONFIG_LOOKASIDE, nullptr, options.lookasideSlotBytes, options.lookasideSlots);
        if (rc != SQLITE_OK)
            qCWarning(lcStore) << "store lookaside not configured, sqlite" << rc;
    }
    sqlite3_busy_timeout(db, options.busyTimeoutMs);

    // Verify the key at once: page 1 must decrypt and authenticate.
    if (Result<QString> probe
        = firstValue(db, "SELECT count(*) FROM sqlite_master", QStringLiteral("reading the schema"));
        !probe) {
        // Re-run the failing step to get the raw SQLite code for the diagnosis.
        sqlite3_stmt* stmt = nullptr;
        int code = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &stmt, nullptr);
        if (code == SQLITE_OK)
            code = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        if (code == SQLITE_ROW || code == SQLITE_DONE || code == SQLITE_OK)
            return probe.error();
        Error error = diagnoseUnreadable(path, rawKey, code, db);
        qCWarning(lcStore) << "store open refused:" << error.code;
        return error;
    }

    // The in-header page count says how big the file must be; with no WAL to hold newer pages a
    // shorter file lost its tail.
    if (existed && walSize == 0 && info.size() > 0) {
        Result<QString> pageCount = firstValue(db, "PRAGMA page_count", QStringLiteral("reading page_count"));
        Result<QString> pageSize = firstValue(db, "PRAGMA page_size", QStringLiteral("reading page_size"));
        if (!pageCount)
            return pageCount.error();
        if (!pageSize)
            return pageSize.error();
        const qint64 expected = pageCount->toLongLong() * pageSize->toLongLong();
        const qint64 actual = QFileInfo(path).size();
        if (actual < expected || (pageSize->toLongLong() > 0 && actual % pageSize->toLongLong() != 0)) {
            qCWarning(lcStore) << "store open refused: store.corrupt (truncated)";
            return storeError("store.corrupt",
                QStringLiteral("the store file is truncated (%1 bytes, header expects %2)").arg(actual).arg(expected));
        }
    }

    // recursive_triggers: rows that an INSERT/UPDATE OR REPLACE deletes fire delete triggers, so a
    // BEFORE DELETE trigger also guards against REPLACE (the records schema relies on it for final acts
    // instead of a BEFORE INSERT trigger, which would make every bulk insert stage its rows).
    static constexpr const char* Settings[] = {
        "PRAGMA temp_store = MEMORY",
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA recursive_triggers = ON",
    };
    for (const char* sql : Settings) {
        if (auto r = execRaw(db, sql, QStringLiteral("configuring the store")); !r)
            return r.error();
    }
    const QByteArray cacheSql = "PRAGMA cache_size = -" + QByteArray::number(qMax(options.cacheSizeKiB, 64));
    if (auto r = execRaw(db, cacheSql.constData(), QStringLiteral("setting the page cache")); !r)
        return r.error();
    Result<QString> journal = firstValue(db, "PRAGMA journal_mode = WAL", QStringLiteral("enabling WAL"));
    if (!journal)
        return journal.error();
    if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return storeError("store.io", QStringLiteral("the store could not switch to WAL mode"));

    qCDebug(lcStore) << "store opened, encrypted:" << encrypted << "cipher" << *cipherVersion;
    return std::unique_ptr<Database>(new Database(std::move(conn), path, encrypted));
}

Database::Database(std::shared_ptr<detail::Connection> conn, QString path, bool encrypted)
    : m_conn(std::move(conn))
    , m_path(std::move(path))
    , m_encrypted(encrypted)
{
}

Database::~Database()
{
    close();
}

Database::Database(Database&& other) noexcept
    : m_conn(std::move(other.m_conn))
    , m_path(std::move(other.m_path))
    , m_encrypted(other.m_encrypted)
    , m_savepointDepth(std::exchange(other.m_savepointDepth, 0))
    , m_workDepth(std::exchange(other.m_workDepth, 0))
    , m_mustRollBack(std::exchange(other.m_mustRollBack, false))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_conn = std::move(other.m_conn);
        m_path = std::move(other.m_path);
        m_encrypted = other.m_encrypted;
        m_savepointDepth = std::exchange(other.m_savepointDepth, 0);
        m_workDepth = std::exchange(other.m_workDepth, 0);
        m_mustRollBack = std::exchange(other.m_mustRollBack, false);
    }
    return *this;
}

void Database::close()
{
    if (!m_conn)
        return;
    m_conn->finalizeIdle();
    m_conn->closed = true;
    if (m_conn.use_count() == 1) {
        sqlite3_close_v2(m_conn->db);
        m_conn->db = nullptr;
    }
    m_conn.reset();
}

Result<void> Database::exec(const QString& sql)
{
    if (!m_conn)
        return closedError();
    const QByteArray utf8 = sql.toUtf8();
    return execRaw(m_conn->db, utf8.constData(), QStringLiteral("exec"));
}

Result<Statement> Database::prepare(const QString& sql)
{
    if (!m_conn)
        return closedError();
    if (m_workDepth > 0 && sqlite3_get_autocommit(m_conn->db) != 0)
        return rolledBackError();
    if (sqlite3_stmt* cached = m_conn->idle.take(sql))
        return Statement(m_conn, cached, sql);
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc
        = sqlite3_prepare_v3(m_conn->db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(m_conn->db, rc, QStringLiteral("prepare"));
    }
    if (!stmt)
        return storeError("store.sql", QStringLiteral("prepare: the SQL text holds no statement"));
    if (tail && *tail) {
        for (const char* p = tail; *p; ++p) {
            if (!QChar::isSpace(uchar(*p)) && *p != ';') {
                sqlite3_finalize(stmt);
                return storeError("store.sql", QStringLiteral("prepare: only one statement per prepare() call"));
            }
        }
    }
    return Statement(m_conn, stmt, sql);
}

Result<void> Database::transaction(const std::function<Result<void>()>& work)
{
    if (!m_conn)
        return closedError();
    sqlite3* db = m_conn->db;
    const bool outer = sqlite3_get_autocommit(db) != 0;
    // SQLite itself ended the enclosing transaction (a ROLLBACK conflict clause, a full disk): nothing
    // more may run in it, least of all a new transaction of its own.
    if (outer && m_workDepth > 0)
        return rolledBackError();
    const QByteArray savepoint = "poruch_sp" + QByteArray::number(m_savepointDepth);
    const QByteArray begin = outer ? QByteArray("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint;
    if (auto r = execRaw(db, begin.constData(), QStringLiteral("begin transaction")); !r)
        return r;
    if (!outer)
        ++m_savepointDepth;
    if (outer)
        m_mustRollBack = false;
    ++m_workDepth;

    Result<void> result = work();

    --m_workDepth;
    if (!outer)
        --m_savepointDepth;
    if (outer && result && std::exchange(m_mustRollBack, false))
        result = Error { QStringLiteral("store.rolled_back"),
            QStringLiteral("a write inside the transaction failed, so the whole transaction was rolled back") };
    if (outer)
        m_mustRollBack = false;
    if (result) {
        const QByteArray commit = outer ? QByteArray("COMMIT") : "RELEASE " + savepoint;
        if (auto r = execRaw(db, commit.constData(), QStringLiteral("commit")); !r) {
            if (outer && sqlite3_get_autocommit(db) == 0)
                execRaw(db, "ROLLBACK", QStringLiteral("rollback"));
            return r;
        }
        return {};
    }
    if (outer) {
        // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
        if (sqlite3_get_autocommit(db) == 0)
            execRaw(db, "ROLLBACK", QStringLiteral("rollback"));
    } else {
        const QByteArray undo = "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint;
        execRaw(db, undo.constData(), QStringLiteral("rollback to savepoint"));
    }
    qCDebug(lcStore) << "transaction rolled back:" << result.error().code;
    return result;
}

Result<void> Database::atomically(const std::function<Result<void>()>& work)
{
    if (!m_conn)
        return closedError();
    if (m_workDepth == 0 || sqlite3_get_autocommit(m_conn->db) != 0)
        return transaction(work);
    Result<void> result = work();
    if (!result)
        m_mustRollBack = true;
    return result;
}

Result<QString> Database::queryText(const QString& sql)
{
    if (!m_conn)
        return closedError();
    return firstValue(m_conn->db, sql.toUtf8().constData(), QStringLiteral("query"));
}

Result<bool> Database::memorySecurity()
{
    const auto value = queryText(QStringLiteral("PRAGMA cipher_memory_security"));
    if (!value)
        return value.error();
    return *value == QLatin1String("1");
}

Result<QString> Database::pragma(const QString& name)
{
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return storeError("store.sql", QStringLiteral("pragma: invalid pragma name"));
    }
    return queryText(QStringLiteral("PRAGMA ") + name);
}

Result<int> Database::userVersion()
{
    Result<QString> value = queryText(QStringLiteral("PRAGMA user_version"));
    if (!value)
        return value.error();
    return value->toInt();
}

Result<void> Database::setUserVersion(int version)
{
    return exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

Result<void> Database::integrityCheck()
{
    if (!m_conn)
        return closedError();
    sqlite3* db = m_conn->db;
    QStringList problems;
    auto collect = [&](const char* sql, bool okRowExpected) -> Result<void> {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            rc = sqlite3_step(stmt);
            if (rc != SQLITE_ROW)
                break;
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            const QString line = text ? QString::fromUtf8(text) : QString();
            if (!(okRowExpected && line == QLatin1String("ok")))
                problems << line;
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) {
            // The SQL is fixed, so a logic error here means a page failed to decrypt mid-check.
            Error error = sqliteError(db, rc, QStringLiteral("integrity check"));
            if (error.code == QLatin1String("store.corrupt") || error.code == QLatin1String("store.sql"))
                problems << error.message;
            else
                return error;
        }
        return {};
    };
    if (m_encrypted) {
        // Verifies the HMAC of every page in the main file (the WAL's frames are checked when read).
        if (auto r = collect("PRAGMA cipher_integrity_check", false); !r)
            return r;
    }
    // The b-tree check reads every page through the pager, so WAL frames get their HMAC verified too.
    if (problems.isEmpty()) {
        if (auto r = collect("PRAGMA integrity_check", true); !r)
            return r;
    }
    if (!problems.isEmpty()) {
        qCWarning(lcStore) << "integrity check failed:" << problems.size() << "problems";
        return storeError("store.corrupt",
            QStringLiteral("integrity check found %1 problem(s), first: %2")
                .arg(problems.size())
                .arg(problems.first()));
    }
    return {};
}

Result<void> Database::checkpoint()
{
    if (!m_conn)
        return closedError();
    return execRaw(m_conn->db, "PRAGMA wal_checkpoint(TRUNCATE)", QStringLiteral("checkpoint"));
}

qint64 Database::lastInsertRowId() const
{
    return m_conn ? sqlite3_last_insert_rowid(m_conn->db) : 0;
}
int Database::changes() const
{
    return m_conn ? sqlite3_changes(m_conn->db) : 0;
}
QString Database::path() const
{
    return m_path;
}
bool Database::isEncrypted() const
{
    return m_encrypted;
}
bool Database::inTransaction() const
{
    return m_conn && sqlite3_get_autocommit(m_conn->db) == 0;
}
int Database::cachedStatementCount() const
{
    return m_conn ? int(m_conn->idle.size()) : 0;
}

void Database::clearStatementCache()
{
    if (m_conn)
        m_conn->finalizeIdle();
}

} // namespace poruch::store
