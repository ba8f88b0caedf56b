#pragma once

#include "connectionlimits.h"
#include "core/result.h"
#include "requestguard.h"

#include <QHostAddress>
#include <QString>

namespace poruch::server {

// What poruch-server reads from its --config JSON file (see docs/operations.md).
struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;
    QString dataDir;
    QString tlsCertificateFile; // empty: plain HTTP, allowed on loopback only
    QString tlsKeyFile;
    QString storeKeyFile;
    RequestLimits limits;
    ConnectionLimits connections; // also from "limits" (see docs/operations.md)

    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty(); }
};

// Parses and checks a config document. Relative paths are resolved against baseDir.
Result<ServerConfig> parseServerConfig(const QByteArray& json, const QString& baseDir);

// Reads FILE and parses it; errors name the file and the offending key.
Result<ServerConfig> loadServerConfig(const QString& path);

// Creates the data folder if needed and proves it is writable.
Result<void> prepareDataDir(const QString& dataDir);

} // namespace poruch::server
