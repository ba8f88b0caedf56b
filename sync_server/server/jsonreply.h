#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>

namespace poruch::server {

// JSON error body used by every API route: {"error": {"code": "...", "message": "..."}}.
// The code is stable (clients and tests match on it); the message is for people.
QJsonObject errorBody(const QString& code, const QString& message);

QHttpServerResponse jsonError(QHttpServerResponse::StatusCode status, const QString& code, const QString& message);

} // namespace poruch::server
