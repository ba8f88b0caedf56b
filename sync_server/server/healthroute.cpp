#include "healthroute.h"

#include "core/version.h"
#include "serverconfig.h"

#include <QFileInfo>

namespace poruch::server {

QJsonObject healthBody(const ServerConfig& config, const QString& storeStatus)
{
    const QFileInfo dataDir(config.dataDir);
    const bool dataDirUsable = dataDir.isDir() && dataDir.isWritable();
    const bool ok = dataDirUsable && storeStatus == QLatin1String("open");
    return QJsonObject {
        { QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("degraded") },
        { QStringLiteral("version"), QString::fromLatin1(versionString) },
        { QStringLiteral("protocol"), 1 },
        { QStringLiteral("store"),
            QJsonObject {
                { QStringLiteral("kind"), QStringLiteral("embedded") },
                { QStringLiteral("status"), storeStatus },
                { QStringLiteral("dataDir"),
                    dataDirUsable ? QStringLiteral("writable") : QStringLiteral("unavailable") },
            } },
    };
}

} // namespace poruch::server
