#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace poruch::store {

class Database;

struct Migration {
    int version; // version N brings user_version from N-1 to N
    QString sql; // may hold several statements
};

// Applies, in one transaction each, every migration above the current user_version, in order.
// The list must hold versions 1..N, each once, in ascending order (else Error "store.sql").
// A store whose user_version is newer than the newest known migration: Error "store.too_new".
// A failing migration is rolled back completely and user_version stays at the previous version.
Result<void> migrate(Database& db, const QList<Migration>& migrations);

} // namespace poruch::store
