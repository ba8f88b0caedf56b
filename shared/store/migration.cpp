#include "store/migration.h"

#include "store/database.h"
#include "store/storelog.h"

namespace poruch::store {

Result<void> migrate(Database& db, const QList<Migration>& migrations)
{
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != int(i + 1))
            return Error { QStringLiteral("store.sql"),
                QStringLiteral("migration list must hold versions 1..N in order; position %1 has version %2")
                    .arg(i + 1)
                    .arg(migrations[i].version) };
    }
    const int newest = int(migrations.size());
    Result<int> current = db.userVersion();
    if (!current)
        return current.error();
    if (*current > newest)
        return Error { QStringLiteral("store.too_new"),
            QStringLiteral("the store has schema version %1 but this build knows only up to %2")
                .arg(*current)
                .arg(newest) };
    if (*current < 0)
        return Error { QStringLiteral("store.corrupt"), QStringLiteral("the store has a negative schema version") };

    for (int version = *current + 1; version <= newest; ++version) {
        const Migration& migration = migrations[version - 1];
        Result<void> applied = db.transaction([&]() -> Result<void> {
            if (auto r = db.exec(migration.sql); !r)
                return r;
            return db.setUserVersion(version);
        });
        if (!applied) {
            qCWarning(lcStore) << "migration to version" << version << "failed:" << applied.error().code;
            return Error { applied.error().code,
                QStringLiteral("migration to schema version %1 failed: %2").arg(version).arg(applied.error().message) };
        }
        qCInfo(lcStore) << "store migrated to schema version" << version;
    }
    return {};
}

} // namespace poruch::store
