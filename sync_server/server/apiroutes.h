#pragma once

#include <QString>

class QHttpServer;

namespace poruch::server {

class SyncService;
class RateLimiter;

// Registers the tablet API of docs/sync-protocol.md (enroll, token refresh, push, pull) on the server.
// serverCertificateSha256 is what an enrolling tablet pins from then on (empty for plain loopback).
void registerApiRoutes(
    QHttpServer& http, SyncService& service, RateLimiter& enrollLimiter, const QString& serverCertificateSha256);

// HTTP status for a protocol error code (docs/sync-protocol.md, "Errors").
int httpStatusForError(const QString& code);

} // namespace poruch::server
