#pragma once

#include "core/result.h"
#include "store/statement.h"

#include <QList>

#include <optional>

namespace poruch::store {

// The first row of a prepared (and bound) query, mapped by read(); nullopt when there is none.
template <typename Read> auto firstRow(Result<Statement>& st, Read read) -> Result<std::optional<decltype(read(*st))>>
{
    using T = decltype(read(*st));
    if (!st)
        return st.error();
    const auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<T>();
    std::optional<T> value(read(*st));
    st->reset();
    return value;
}

// Every row of a prepared (and bound) query, mapped by read().
template <typename Read> auto allRows(Result<Statement>& st, Read read) -> Result<QList<decltype(read(*st))>>
{
    QList<decltype(read(*st))> rows;
    if (!st)
        return st.error();
    while (true) {
        const auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        rows.append(read(*st));
    }
    return rows;
}

} // namespace poruch::store
