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
    m_conn.reset();
    m_bindError = 0;
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

Statement& Statement::bind(int index1, const QString& value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    const QByteArray utf8 = value.toUtf8();
    PORUCH_BIND(sqlite3_bind_text64(
        m_stmt, index1, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8));
}

Statement& Statement::bind(int index1, const QByteArray& value)
{
    if (value.isNull())
        return bind(index1, nullptr);
    PORUCH_BIND(sqlite3_bind_blob64(m_stmt, index1, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT));
}

#undef PORUCH_BIND

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
