#include "store/statement.h"

#include "store/connection.h"

#include <utility>

namespace poruch::store {

Statement::Statement(std::shared_ptr<detail::Connection> conn, sqlite3_stmt* stmt, QString sql)
    : m_conn(std::move(conn))
    , m_stmt(stmt)
    , m_sql(std::move(sql))
{
}

Statement::~Statement()
{
    release();
}

Statement::Statement(Statement&& other) noexcept
    : m_conn(std::move(other.m_conn))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_sql(std::move(other.m_sql))
    , m_bindError(std::exchange(other.m_bindError, 0))
    , m_bound(std::move(other.m_bound))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        release();
        m_conn = std::move(other.m_conn);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_sql = std::move(other.m_sql);
        m_bindError = std::exchange(other.m_bindError, 0);
        m_bound = std::move(other.m_bound);
    }
    return *this;
}

void Statement::release()
{
    if (m_stmt) {
        if (m_conn)
            m_conn->giveBack(m_sql, m_stmt);
        else
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    // Only now: giveBack()/finalize cleared the bindings that pointed into these bytes.
    m_bound.clear();
    m_conn.reset();
    m_bindError = 0;
}

void Statement::keepBound(int index1, QByteArray bytes)
{
    if (index1 < 1)
        return;
    if (m_bound.size() < size_t(index1))
        m_bound.resize(size_t(index1));
    m_bound[size_t(index1 - 1)] = std::move(bytes);
}

#define PORUCH_BIND(call)                                                                                              \
    do {                                                                                                               \
        if (!m_stmt) {                                                                                                 \
            m_bindError = m_bindError ? m_bindError : SQLITE_MISUSE;                                                   \
            return *this;                                                                                              \
        }                                                                                                              \
        const int rc = (call);                                                                                         \
        if (rc != SQLITE_OK && !m_bindError)                                                                           \
            m_bindError = rc;                                                                                          \
        return *this;                                                                                                  \
    } while (false)

Statement& Statement::bind(int index1, qint64 value)
{
    PORUCH_BIND(sqlite3_bind_int64(m_stmt, index1, value));
}
Statement& Statement::bind(int index1, int value)
{
    PORUCH_BIND(sqlite3_bind_int64(m_stmt, index1, value));
}
Statement& Statement::bind(int index1, double value)
{
    PORUCH_BIND(sqlite3_bind_double(m_stmt, index1, value));
}
Statement& Statement::bind(int index1, bool value)
{
    PORUCH_BIND(sqlite3_bind_int(m_stmt, index1, value ? 1 : 0));
}
Statement& Statement::bind(int index1, std::nullptr_t)
{
    PORUCH_BIND(sqlite3_bind_null(m_stmt, index1));
}

#undef PORUCH_BIND

// SQLITE_STATIC: SQLite points at the bytes instead of copying them; keepBound() makes the Statement
// their owner until the binding is replaced or cleared. The new binding is made before the old bytes
// are released, so SQLite never points at freed memory.
Statement& Statement::bind(int index1, const QString& value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    if (!m_stmt) {
        m_bindError = m_bindError ? m_bindError : SQLITE_MISUSE;
        return *this;
    }
    QByteArray utf8 = value.toUtf8();
    const int rc = sqlite3_bind_text64(
        m_stmt, index1, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        if (!m_bindError)
            m_bindError = rc;
        return *this;
    }
    keepBound(index1, std::move(utf8));
    return *this;
}

Statement& Statement::bind(int index1, const QByteArray& value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    if (!m_stmt) {
        m_bindError = m_bindError ? m_bindError : SQLITE_MISUSE;
        return *this;
    }
    // A QByteArray over raw data (fromRawData) does not own its bytes: copy those (into Qt's heap).
    QByteArray owned = value;
    if (!owned.data_ptr().isMutable() && !owned.isEmpty())
        owned = QByteArray(value.constData(), value.size());
    const int rc = sqlite3_bind_blob64(m_stmt, index1, owned.constData(), sqlite3_uint64(owned.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK) {
        if (!m_bindError)
            m_bindError = rc;
        return *this;
    }
    keepBound(index1, std::move(owned));
    return *this;
}

int Statement::parameterIndex(const char* name) const
{
    return m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
}

Result<bool> Statement::step()
{
    if (!m_stmt)
        return Error { QStringLiteral("store.sql"), QStringLiteral("step on an invalid statement") };
    if (m_bindError) {
        const int rc = std::exchange(m_bindError, 0);
        return detail::sqliteError(nullptr, rc, QStringLiteral("binding a parameter"));
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = detail::sqliteError(sqlite3_db_handle(m_stmt), rc, QStringLiteral("statement"));
    sqlite3_reset(m_stmt); // ready for reuse
    return error;
}

Result<void> Statement::run()
{
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

void Statement::clearBindings()
{
    if (m_stmt)
        sqlite3_clear_bindings(m_stmt);
    m_bound.clear();
    m_bindError = 0;
}

qint64 Statement::int64(int col) const
{
    return m_stmt ? sqlite3_column_int64(m_stmt, col) : 0;
}
double Statement::real(int col) const
{
    return m_stmt ? sqlite3_column_double(m_stmt, col) : 0.0;
}

QString Statement::text(int col) const
{
    if (!m_stmt || sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
        return QString();
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    const int size = sqlite3_column_bytes(m_stmt, col);
    return data ? QString::fromUtf8(data, size) : QString(QLatin1String(""));
}

QByteArray Statement::blob(int col) const
{
    if (!m_stmt || sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
        return QByteArray();
    const void* data = sqlite3_column_blob(m_stmt, col);
    const int size = sqlite3_column_bytes(m_stmt, col);
    return data ? QByteArray(static_cast<const char*>(data), size) : QByteArray("");
}

bool Statement::isNull(int col) const
{
    return !m_stmt || sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
int Statement::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

QString Statement::columnName(int col) const
{
    return m_stmt ? QString::fromUtf8(sqlite3_column_name(m_stmt, col)) : QString();
}

} // namespace poruch::store
