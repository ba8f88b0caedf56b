#include "apiroutes.h"

#include "auth/ratelimiter.h"
#include "bodydecoder.h"
#include "core/gzip.h"
#include "jsonreply.h"
#include "serverlogging.h"
#include "sync/syncmessages.h"
#include "sync/syncservice.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>

namespace poruch::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse errorResponse(const Error& error)
{
    const int status = httpStatusForError(error.code);
    // Store internals are not the client's business; the code says what to do (retry later).
    if (status == 503)
        return jsonError(Status::ServiceUnavailable, QStringLiteral("store_unavailable"),
            QStringLiteral("the server could not store or read data; nothing was written"));
    if (status == 500)
        return jsonError(Status::InternalServerError, QStringLiteral("internal"), QStringLiteral("internal error"));
    return jsonError(Status(status), error.code, error.message);
}

// Every API request states its protocol version; JSON bodies say they are JSON.
std::optional<QHttpServerResponse> checkEnvelope(const QHttpServerRequest& request, bool hasBody)
{
    const QByteArray version = request.value(sync::protocolHeader);
    if (version != QByteArray::number(sync::protocolVersion)) {
        QJsonObject body = errorBody(QStringLiteral("protocol_unsupported"),
            QStringLiteral("this server speaks Poruch-Protocol %1").arg(sync::protocolVersion));
        body.insert(QStringLiteral("supported"), QJsonArray { sync::protocolVersion });
        return QHttpServerResponse(body, Status::UpgradeRequired);
    }
    if (hasBody && !request.value("Content-Type").toLower().startsWith("application/json"))
        return jsonError(Status::UnsupportedMediaType, QStringLiteral("unsupported_media_type"),
            QStringLiteral("the body must be application/json"));
    return std::nullopt;
}

// The body the route parses: a gzip body inflated within the body limit, an identity body as it came
// (docs/sync-protocol.md, "Compression"). Every Content-Encoding header counts: two of them are a list.
Result<QByteArray> decodedBody(const QHttpServerRequest& request, const BodyDecoder& decoder)
{
    QList<QByteArray> encodings;
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("Content-Encoding", Qt::CaseInsensitive) == 0)
            encodings.append(value);
    }
    auto body = decoder.decode(encodings, request.body());
    if (!body)
        qCInfo(lcHttp) << "request body refused:" << body.error().code; // never the body itself
    return body;
}

// A JSON reply, gzip-compressed (fastest level: the server's CPU is what many tablets share) when the client
// accepts gzip and the body is large enough to gain: pull pages are most of a first sync's bytes over the
// mobile network (docs/sync-protocol.md, "Compression").
QHttpServerResponse jsonReply(const QHttpServerRequest& request, const QByteArray& json)
{
    constexpr qsizetype minimumToCompress = 1024;
    if (json.size() >= minimumToCompress && acceptsGzip(request.value("Accept-Encoding"))) {
        const QByteArray compressed = gzipCompress(json, 1);
        if (!compressed.isEmpty() && compressed.size() < json.size()) {
            QHttpServerResponse response("application/json", compressed);
            response.setHeader("Content-Encoding", "gzip");
            response.setHeader("Vary", "Accept-Encoding");
            return response;
        }
    }
    return QHttpServerResponse("application/json", json);
}

QString bearerToken(const QHttpServerRequest& request)
{
    const QByteArray header = request.value("Authorization");
    if (!header.startsWith("Bearer "))
        return QString();
    return QString::fromLatin1(header.mid(7).trimmed());
}

Result<qint64> queryInteger(const QHttpServerRequest& request, const QString& key, qint64 fallback, qint64 maximum)
{
    const QString text = request.query().queryItemValue(key);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > maximum)
        return Error { QStringLiteral("invalid_field"),
            QStringLiteral("query parameter '%1' must be an integer from 0 to %2").arg(key).arg(maximum) };
    return value;
}

QJsonObject enrollmentJson(const EnrollmentReply& reply, const QString& certificateSha256)
{
    return QJsonObject {
        { QStringLiteral("deviceId"), reply.deviceId },
        { QStringLiteral("token"), reply.token },
        { QStringLiteral("tokenExpiresAt"), reply.tokenExpiresAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("user"),
            QJsonObject { { QStringLiteral("id"), reply.user.id },
                { QStringLiteral("displayName"), reply.user.displayName },
                { QStringLiteral("role"), roleId(reply.user.role) } } },
        { QStringLiteral("serverCertificateSha256"), certificateSha256 },
        { QStringLiteral("cursor"), 0 },
    };
}

} // namespace

int httpStatusForError(const QString& code)
{
    static const QHash<QString, int> statuses {
        { QStringLiteral("bad_request"), 400 },
        { QStringLiteral("invalid_json"), 400 },
        { QStringLiteral("invalid_field"), 400 },
        { QStringLiteral("bad_encoding"), 400 },
        { QStringLiteral("unauthorized"), 401 },
        { QStringLiteral("token_expired"), 401 },
        { QStringLiteral("device_revoked"), 403 },
        { QStringLiteral("user_revoked"), 403 },
        { QStringLiteral("forbidden_case"), 403 },
        { QStringLiteral("forbidden"), 403 },
        { QStringLiteral("not_found"), 404 },
        { QStringLiteral("sequence_reused"), 409 },
        { QStringLiteral("enrollment_code_invalid"), 410 },
        { QStringLiteral("payload_too_large"), 413 },
        { QStringLiteral("unsupported_encoding"), 415 },
        { QStringLiteral("unsupported_media_type"), 415 },
        { QStringLiteral("protocol_unsupported"), 426 },
        { QStringLiteral("rate_limited"), 429 },
    };
    if (const auto it = statuses.constFind(code); it != statuses.constEnd())
        return *it;
    if (code.startsWith(QLatin1String("store.")))
        return 503;
    return 500;
}

void registerApiRoutes(QHttpServer& http, SyncService& service, RateLimiter& enrollLimiter,
    const QString& serverCertificateSha256, qint64 maxBodyBytes)
{
    const BodyDecoder decoder(maxBodyBytes);
    http.route(QStringLiteral("/api/v1/enroll"), QHttpServerRequest::Method::Post,
        [&service, &enrollLimiter, serverCertificateSha256, decoder](const QHttpServerRequest& request) {
            if (auto refused = checkEnvelope(request, true))
                return std::move(*refused);
            const QString client = request.remoteAddress().toString();
            if (!enrollLimiter.allow(client)) {
                QHttpServerResponse response = jsonError(Status::TooManyRequests, QStringLiteral("rate_limited"),
                    QStringLiteral("too many enrollment attempts; try again later"));
                response.setHeader("Retry-After", QByteArray::number(enrollLimiter.retryAfterSeconds(client)));
                return response;
            }
            const auto raw = decodedBody(request, decoder);
            if (!raw)
                return errorResponse(raw.error());
            const auto body = sync::parseJsonObject(*raw);
            if (!body)
                return errorResponse(body.error());
            for (auto it = body->begin(); it != body->end(); ++it) {
                if (it.key() != QLatin1String("code") && it.key() != QLatin1String("deviceLabel"))
                    return errorResponse(Error {
                        QStringLiteral("invalid_field"), QStringLiteral("unknown key '%1'").arg(it.key().left(40)) });
            }
            const QJsonValue code = body->value(QStringLiteral("code"));
            const QJsonValue label = body->value(QStringLiteral("deviceLabel"));
            if (!code.isString() || code.toString().size() > 64 || !label.isString() || label.toString().size() > 80)
                return errorResponse(Error { QStringLiteral("invalid_field"),
                    QStringLiteral("'code' and 'deviceLabel' must be short strings") });
            const auto reply = service.enroll(code.toString(), label.toString());
            if (!reply)
                return errorResponse(reply.error());
            enrollLimiter.reset(client);
            return QHttpServerResponse(enrollmentJson(*reply, serverCertificateSha256), Status::Created);
        });

    http.route(QStringLiteral("/api/v1/token/refresh"), QHttpServerRequest::Method::Post,
        [&service, serverCertificateSha256](const QHttpServerRequest& request) {
            if (auto refused = checkEnvelope(request, false))
                return std::move(*refused);
            const auto session = service.authenticate(bearerToken(request));
            if (!session)
                return errorResponse(session.error());
            const auto reply = service.refreshToken(*session);
            if (!reply)
                return errorResponse(reply.error());
            return QHttpServerResponse(enrollmentJson(*reply, serverCertificateSha256));
        });

    http.route(QStringLiteral("/api/v1/sync/push"), QHttpServerRequest::Method::Post,
        [&service, decoder](const QHttpServerRequest& request) {
            if (auto refused = checkEnvelope(request, true))
                return std::move(*refused);
            const auto session = service.authenticate(bearerToken(request));
            if (!session)
                return errorResponse(session.error());
            // Inflated only for an authenticated device: decoding costs CPU, nobody else gets to spend it.
            const auto body = decodedBody(request, decoder);
            if (!body)
                return errorResponse(body.error());
            const auto push = sync::PushRequest::fromJson(*body);
            if (!push)
                return errorResponse(push.error());
            const auto response = service.push(*session, *push);
            if (!response)
                return errorResponse(response.error());
            return QHttpServerResponse("application/json", response->toJson());
        });

    http.route(QStringLiteral("/api/v1/sync/pull"), QHttpServerRequest::Method::Get,
        [&service](const QHttpServerRequest& request) {
            if (auto refused = checkEnvelope(request, false))
                return std::move(*refused);
            const auto session = service.authenticate(bearerToken(request));
            if (!session)
                return errorResponse(session.error());
            const auto cursor = queryInteger(request, QStringLiteral("cursor"), 0, (qint64(1) << 53) - 1);
            if (!cursor)
                return errorResponse(cursor.error());
            const auto limit = queryInteger(request, QStringLiteral("limit"), 500, sync::maxPullLimit);
            if (!limit)
                return errorResponse(limit.error());
            const auto response = service.pull(*session, *cursor, int(qMax<qint64>(1, *limit)));
            if (!response)
                return errorResponse(response.error());
            return jsonReply(request, response->toJson());
        });
}

} // namespace poruch::server
