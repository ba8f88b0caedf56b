#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <concepts>
#include <cstddef>
#include <memory>
#include <vector>

struct sqlite3_stmt;

namespace poruch::store {

namespace detail {
struct Connection;
}

// Move-only RAII over one prepared sqlite3_stmt. Obtained from Database::prepare(); when destroyed it is
// reset, its bindings cleared, and it goes back to the database's statement cache.
//
// bind() records the first binding error; step()/run() then return it, so calls can be chained:
//   auto st = db.prepare("INSERT INTO t(a, b) VALUES (?1, ?2)");
//   if (!st) return st.error();
//   if (auto r = st->bind(1, id).bind(2, body).run(); !r) return r.error();
class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based (?1, ?2, ...).
    Statement& bind(int index1, qint64 value);
    Statement& bind(int index1, int value);
    Statement& bind(int index1, double value);
    Statement& bind(int index1, bool value); // stored as integer 0/1
    // Texts and blobs are bound without a copy inside SQLite: the Statement keeps the bytes (the UTF-8
    // conversion, or a shared reference to the QByteArray) until the parameter is rebound, the bindings
    // are cleared or the Statement goes back to the cache. A copy inside SQLite would be one more locked
    // allocation per value when cipher_memory_security is on (see docs/security.md).
    Statement& bind(int index1, const QString& value); // UTF-8 text; a null QString binds NULL
    Statement& bind(int index1, const QByteArray& value); // blob; a null QByteArray binds NULL
    Statement& bind(int index1, std::nullptr_t);
    // Without this a string literal would silently convert to bool.
    Statement& bind(int index1, const char* utf8Text) { return bind(index1, QString::fromUtf8(utf8Text)); }
    // Other integer types (long, qsizetype, unsigned, ...) as 64-bit integers.
    template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, int> && !std::same_as<T, qint64>) Statement& bind(
        int index1, T value)
    {
        return bind(index1, static_cast<qint64>(value));
    }
    // Index of a named parameter (":name", "?1", "@x"); 0 if there is none.
    int parameterIndex(const char* name) const;

    Result<bool> step(); // true: a row is available; false: done
    Result<void> run(); // step to completion (INSERT/UPDATE/DELETE), then reset (bindings are kept)
    void reset(); // back to the start; bindings are kept
    void clearBindings();

    qint64 int64(int col) const; // columns are 0-based
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;
    int columnCount() const;
    QString columnName(int col) const;

    bool isValid() const { return m_stmt != nullptr; }
    QString sql() const { return m_sql; }

private:
    friend class Database;
    Statement(std::shared_ptr<detail::Connection> conn, sqlite3_stmt* stmt, QString sql);
    void release();
    // Stores the bytes a text/blob parameter points to (SQLITE_STATIC binding) after binding succeeded.
    void keepBound(int index1, QByteArray bytes);

    std::shared_ptr<detail::Connection> m_conn;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_sql;
    int m_bindError = 0; // first sqlite error code from bind(), reported by step()/run()
    std::vector<QByteArray> m_bound; // owners of the bytes of bound texts/blobs, by parameter index - 1
};

} // namespace poruch::store
