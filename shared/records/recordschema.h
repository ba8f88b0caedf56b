#pragma once

#include "store/migration.h"

#include <QList>

namespace poruch::records {

// Schema of cases, members and records as forward-only migrations (docs/data-model.md, "Schema
// versions"). Version N brings user_version from N-1 to N; never edit a shipped migration, add one.
const QList<store::Migration>& recordMigrations();
inline constexpr int kRecordSchemaVersion = 4;

} // namespace poruch::records
