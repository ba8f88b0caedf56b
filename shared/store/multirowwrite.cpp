#include "store/multirowwrite.h"

#include "store/database.h"
#include "store/statement.h"

#include <QHash>

namespace poruch::store {

namespace {
constexpr int kBulkRows = 64;
constexpr int kMidRows = 8;
} // namespace

QString multiRowSql(const QString& head, int columns, int rows, const QString& tail)
{
    thread_local QHash<QString, QString> built;
    const QString key = head + QString::number(columns) + QLatin1Char('x') + QString::number(rows) + tail;
    if (const auto found = built.constFind(key); found != built.cend())
        return *found;
    QString sql = head;
    for (int row = 0; row < rows; ++row) {
        sql += row == 0 ? QStringLiteral("(") : QStringLiteral(", (");
        for (int column = 1; column <= columns; ++column) {
            if (column > 1)
                sql += QStringLiteral(", ");
            sql += QStringLiteral("?%1").arg(row * columns + column);
        }
        sql += QLatin1Char(')');
    }
    sql += tail;
    built.insert(key, sql);
    return sql;
}

Result<void> writeRows(
    Database& db, qsizetype count, const QString& head, int columns, const QString& tail, const RowBinder& bindRow)
{
    qsizetype done = 0;
    while (done < count) {
        const qsizetype left = count - done;
        const int rows = left >= kBulkRows ? kBulkRows : left >= kMidRows ? kMidRows : 1;
        auto st = db.prepare(multiRowSql(head, columns, rows, tail));
        if (!st)
            return st.error();
        for (int i = 0; i < rows; ++i)
            bindRow(*st, i * columns, done + i);
        if (auto r = st->run(); !r)
            return r;
        done += rows;
    }
    return {};
}

} // namespace poruch::store
