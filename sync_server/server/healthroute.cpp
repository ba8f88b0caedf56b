#include "healthroute.h"

#include "core/version.h"
#include "serverconfig.h"

#include <QFileInfo>

namespace poruch::server {

QJsonObject healthBody(const ServerConfig& config)
{
    const QFileInfo dataDir(config.dataDir);
    const bool dataDirUsable = dataDir.isDir() && dataDir.isWritable();
    return QJsonObject {
        { QStringLiteral("status"), dataDirUsable ? QStringLiteral("ok") : QStringLiteral("degraded") },
        { QStringLiteral("version"), QString::fromLatin1(versionString) },
        { QStringLiteral("protocol"), 1 },
        { QStringLiteral("store"),
            QJsonObject {
                { QStringLiteral("kind"), QStringLiteral("embedded") },
                { QStringLiteral("dataDir"),
                    dataDirUsable ? QStringLiteral("writable") : QStringLiteral("unavailable") },
            } },
    };
}

} // namespace poruch::server
