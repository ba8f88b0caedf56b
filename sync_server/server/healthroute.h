#pragma once

#include <QJsonObject>

namespace poruch::server {

struct ServerConfig;

// Body of GET /api/v1/health: server version, protocol version and the state of the data store.
QJsonObject healthBody(const ServerConfig& config, const QString& storeStatus);

} // namespace poruch::server
