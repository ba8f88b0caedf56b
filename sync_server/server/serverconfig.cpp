#include "serverconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryFile>

#include <functional>

namespace poruch::server {

namespace {

Error configError(const QString& message)
{
    return Error { QStringLiteral("config.invalid"), message };
}

// Unknown keys are errors: a typo in a security setting must not be silently ignored.
Result<void> checkKeys(const QJsonObject& object, const QSet<QString>& allowed, const QString& where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return configError(QStringLiteral("unknown key \"%1%2\"").arg(where, it.key()));
    }
    return {};
}

Result<QString> optionalString(const QJsonObject& object, const QString& key, const QString& where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QString();
    if (!value.isString() || value.toString().isEmpty())
        return configError(QStringLiteral("\"%1%2\" must be a non-empty string").arg(where, key));
    return value.toString();
}

QString resolvePath(const QString& path, const QString& baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir(baseDir).absoluteFilePath(path);
}

Result<QJsonObject> optionalObject(const QJsonObject& parent, const QString& key)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return QJsonObject();
    if (!value.isObject())
        return configError(QStringLiteral("\"%1\" must be an object").arg(key));
    return value.toObject();
}

} // namespace

Result<ServerConfig> parseServerConfig(const QByteArray& json, const QString& baseDir)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return configError(
            QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return configError(QStringLiteral("top level must be a JSON object"));
    const QJsonObject root = document.object();
    if (auto keys = checkKeys(root,
            { QStringLiteral("listen"), QStringLiteral("dataDir"), QStringLiteral("tls"), QStringLiteral("store"),
                QStringLiteral("limits") },
            QString());
        !keys)
        return keys.error();

    ServerConfig config;

    const auto listen = optionalObject(root, QStringLiteral("listen"));
    if (!listen)
        return listen.error();
    if (auto keys
        = checkKeys(*listen, { QStringLiteral("address"), QStringLiteral("port") }, QStringLiteral("listen."));
        !keys)
        return keys.error();
    const auto address = optionalString(*listen, QStringLiteral("address"), QStringLiteral("listen."));
    if (!address)
        return address.error();
    if (!address->isEmpty() && !config.listenAddress.setAddress(*address))
        return configError(QStringLiteral("\"listen.address\" is not an IP address: %1").arg(*address));
    const QJsonValue port = listen->value(QStringLiteral("port"));
    if (!port.isUndefined()) {
        const double number = port.toDouble(-1);
        if (!port.isDouble() || number < 0 || number > 65535 || number != double(qint64(number)))
            return configError(QStringLiteral("\"listen.port\" must be an integer from 0 to 65535"));
        config.listenPort = quint16(number);
    }

    const auto dataDir = optionalString(root, QStringLiteral("dataDir"), QString());
    if (!dataDir)
        return dataDir.error();
    if (dataDir->isEmpty())
        return configError(QStringLiteral("\"dataDir\" is required"));
    config.dataDir = resolvePath(*dataDir, baseDir);

    const auto tls = optionalObject(root, QStringLiteral("tls"));
    if (!tls)
        return tls.error();
    if (auto keys = checkKeys(*tls, { QStringLiteral("certificate"), QStringLiteral("key") }, QStringLiteral("tls."));
        !keys)
        return keys.error();
    const auto certificate = optionalString(*tls, QStringLiteral("certificate"), QStringLiteral("tls."));
    const auto key = optionalString(*tls, QStringLiteral("key"), QStringLiteral("tls."));
    if (!certificate)
        return certificate.error();
    if (!key)
        return key.error();
    if (certificate->isEmpty() != key->isEmpty())
        return configError(QStringLiteral("\"tls.certificate\" and \"tls.key\" must be given together"));
    config.tlsCertificateFile = resolvePath(*certificate, baseDir);
    config.tlsKeyFile = resolvePath(*key, baseDir);
    if (!config.tlsEnabled() && !config.listenAddress.isLoopback())
        return configError(QStringLiteral("plain HTTP is allowed on loopback only; set \"tls\" to listen on %1")
                               .arg(config.listenAddress.toString()));

    const auto store = optionalObject(root, QStringLiteral("store"));
    if (!store)
        return store.error();
    if (auto keys = checkKeys(*store, { QStringLiteral("keyFile") }, QStringLiteral("store.")); !keys)
        return keys.error();
    const auto keyFile = optionalString(*store, QStringLiteral("keyFile"), QStringLiteral("store."));
    if (!keyFile)
        return keyFile.error();
    if (keyFile->isEmpty())
        return configError(QStringLiteral("\"store.keyFile\" is required (a file with 64 hex characters, mode 0600)"));
    config.storeKeyFile = resolvePath(*keyFile, baseDir);

    const auto limits = optionalObject(root, QStringLiteral("limits"));
    if (!limits)
        return limits.error();
    struct LimitKey {
        QString key;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> apply;
    };
    const LimitKey limitKeys[] = {
        { QStringLiteral("maxHeaderBytes"), 1024, 1024 * 1024, [&](qint64 v) { config.limits.maxHeaderBytes = v; } },
        { QStringLiteral("maxBodyBytes"), 1024, qint64(1) << 30, [&](qint64 v) { config.limits.maxBodyBytes = v; } },
        { QStringLiteral("headerTimeoutMs"), 100, 600'000, [&](qint64 v) { config.limits.headerTimeoutMs = int(v); } },
        { QStringLiteral("idleTimeoutMs"), 100, 3'600'000, [&](qint64 v) { config.limits.idleTimeoutMs = int(v); } },
        // Connection admission (ConnectionLimits).
        { QStringLiteral("maxConnections"), 1, 100'000, [&](qint64 v) { config.connections.maxConnections = int(v); } },
        { QStringLiteral("maxHandshakes"), 1, 10'000, [&](qint64 v) { config.connections.maxHandshakes = int(v); } },
        { QStringLiteral("handshakeTimeoutMs"), 100, 600'000,
            [&](qint64 v) { config.connections.handshakeTimeoutMs = int(v); } },
        { QStringLiteral("listenBacklog"), 1, 65'535, [&](qint64 v) { config.connections.listenBacklog = int(v); } },
        { QStringLiteral("evictIdleAfterMs"), 100, 3'600'000,
            [&](qint64 v) { config.connections.evictIdleAfterMs = int(v); } },
    };
    QSet<QString> allowedLimitKeys;
    for (const auto& limit : limitKeys)
        allowedLimitKeys.insert(limit.key);
    if (auto keys = checkKeys(*limits, allowedLimitKeys, QStringLiteral("limits.")); !keys)
        return keys.error();
    for (const auto& limit : limitKeys) {
        const QJsonValue value = limits->value(limit.key);
        if (value.isUndefined())
            continue;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < double(limit.min) || number > double(limit.max)
            || number != double(qint64(number)))
            return configError(QStringLiteral("\"limits.%1\" must be an integer from %2 to %3")
                                   .arg(limit.key)
                                   .arg(limit.min)
                                   .arg(limit.max));
        limit.apply(qint64(number));
    }

    return config;
}

Result<ServerConfig> loadServerConfig(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("config.unreadable"),
            QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString()) };
    auto config = parseServerConfig(file.readAll(), QFileInfo(path).absolutePath());
    if (!config)
        return Error { config.error().code, QStringLiteral("%1: %2").arg(path, config.error().message) };
    return config;
}

Result<void> prepareDataDir(const QString& dataDir)
{
    if (!QDir().mkpath(dataDir))
        return Error { QStringLiteral("datadir.unwritable"),
            QStringLiteral("cannot create data folder %1").arg(dataDir) };
    QTemporaryFile probe(QDir(dataDir).filePath(QStringLiteral(".write-probe-XXXXXX")));
    if (!probe.open())
        return Error { QStringLiteral("datadir.unwritable"),
            QStringLiteral("data folder %1 is not writable: %2").arg(dataDir, probe.errorString()) };
    return {};
}

} // namespace poruch::server
