#pragma once

#include "core/result.h"

#include <QString>

#include <functional>

namespace poruch::store {

class Database;
class Statement;

// Binds one row's values: parameters firstParameter + 1 ... firstParameter + columns, for row `index`.
using RowBinder = std::function<void(Statement& statement, int firstParameter, qsizetype index)>;

// Writes `count` rows with multi-row statements "head (?1, ..., ?n), (...), ... tail" of 64, 8 or 1 rows:
// in an encrypted store every statement costs locked memory (docs/security.md), and three fixed sizes keep
// the statement cache small. `head` is "INSERT ... INTO table (columns) VALUES ", `tail` an upsert clause
// or empty.
Result<void> writeRows(
    Database& db, qsizetype count, const QString& head, int columns, const QString& tail, const RowBinder& bindRow);

// The statement text for `rows` rows, built once per thread and shape (a 64-row statement has ~1,000
// placeholders; building it for every chunk was ~3 % of a first sync's import CPU).
QString multiRowSql(const QString& head, int columns, int rows, const QString& tail);

} // namespace poruch::store
