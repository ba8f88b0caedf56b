#pragma once

#include "server/serverconfig.h"

class QHttpServer;

namespace poruch::server {

class ServerStore;
class SyncService;

// Registers the office web page (/office/...) of docs/office.md on the server: login, inbox, case and act
// views with PDF, journal, deadline board, users and devices, audit log, quarterly monitoring report.
// The site's state (sessions, rate limiters, forms, rules) is owned by `http`.
void registerOfficeRoutes(QHttpServer& http, ServerStore& store, SyncService& sync, const ServerConfig& config);

} // namespace poruch::server
