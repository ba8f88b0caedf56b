#pragma once

#include <QString>
#include <QtGlobal>

class QHttpServer;

namespace poruch::server {

class SyncService;
class RateLimiter;

// Registers the tablet API of docs/sync-protocol.md (enroll, token refresh, push, pull) on the server.
// serverCertificateSha256 is what an enrolling tablet pins from then on (empty for plain loopback).
// maxBodyBytes bounds a request body after decoding too (a gzip body inflates to at most this).
void registerApiRoutes(QHttpServer& http, SyncService& service, RateLimiter& enrollLimiter,
    const QString& serverCertificateSha256, qint64 maxBodyBytes);

// HTTP status for a protocol error code (docs/sync-protocol.md, "Errors").
int httpStatusForError(const QString& code);

} // namespace poruch::server
