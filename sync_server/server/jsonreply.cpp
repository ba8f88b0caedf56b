#include "jsonreply.h"

namespace poruch::server {

QJsonObject errorBody(const QString& code, const QString& message)
{
    return QJsonObject { { QStringLiteral("error"),
        QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } } };
}

QHttpServerResponse jsonError(QHttpServerResponse::StatusCode status, const QString& code, const QString& message)
{
    return QHttpServerResponse(errorBody(code, message), status);
}

} // namespace poruch::server
