#include "requestguard.h"

#include "jsonreply.h"
#include "serverlogging.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace poruch::server {

namespace {

struct Rejection {
    int status;
    const char* reason;
    const char* code;
    const char* message;
};

Rejection rejectionFor(RequestGuard::Verdict verdict)
{
    switch (verdict) {
    case RequestGuard::Verdict::HeaderTooLarge:
        return { 431, "Request Header Fields Too Large", "header_too_large", "request headers exceed the limit" };
    case RequestGuard::Verdict::BodyTooLarge:
        return { 413, "Payload Too Large", "payload_too_large", "request body exceeds the limit" };
    case RequestGuard::Verdict::LengthRequired:
        return { 411, "Length Required", "length_required", "a request body needs Content-Length (no chunked bodies)" };
    case RequestGuard::Verdict::Timeout:
        return { 408, "Request Timeout", "request_timeout", "the request did not arrive in time" };
    case RequestGuard::Verdict::BadRequest:
    case RequestGuard::Verdict::Ok:
        break;
    }
    return { 400, "Bad Request", "bad_request", "malformed HTTP request" };
}

} // namespace

RequestGuard::RequestGuard(QTcpSocket* socket, const RequestLimits& limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RequestGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::onReadyRead);
    m_timer->start(m_limits.idleTimeoutMs);
}

void RequestGuard::onReadyRead()
{
    if (m_rejected) {
        drain();
        return;
    }
    // QHttpServer reads everything available after this slot, so what is available now is new.
    const QByteArray bytes = m_socket->peek(m_socket->bytesAvailable());
    const Verdict verdict = consume(bytes);
    if (verdict != Verdict::Ok)
        reject(verdict);
}

RequestGuard::Verdict RequestGuard::consume(const QByteArray& bytes)
{
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        if (m_inBody) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, bytes.size() - offset);
            m_bodyRemaining -= take;
            offset += take;
            if (m_bodyRemaining == 0) {
                m_inBody = false;
                m_timer->start(m_limits.idleTimeoutMs);
            }
            continue;
        }
        if (m_head.isEmpty())
            m_timer->start(m_limits.headerTimeoutMs);
        // Look for the end of the head across chunk boundaries.
        const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
        m_head.append(bytes.constData() + offset, bytes.size() - offset);
        const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes)
                return Verdict::HeaderTooLarge;
            return Verdict::Ok;
        }
        const qsizetype headLength = end + 4;
        if (headLength > m_limits.maxHeaderBytes)
            return Verdict::HeaderTooLarge;
        const qsizetype consumedFromChunk = (bytes.size() - offset) - (m_head.size() - headLength);
        offset += consumedFromChunk;
        m_head.truncate(headLength);
        const Verdict verdict = parseHead();
        m_head.clear();
        if (verdict != Verdict::Ok)
            return verdict;
        if (!m_inBody)
            m_timer->start(m_limits.idleTimeoutMs);
    }
    return Verdict::Ok;
}

RequestGuard::Verdict RequestGuard::parseHead()
{
    const QList<QByteArray> lines = m_head.split('\n');
    if (lines.isEmpty() || lines.first().trimmed().split(' ').size() != 3)
        return Verdict::BadRequest;
    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding")
            return Verdict::LengthRequired;
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            // Two different lengths or a non-number: request smuggling territory, refuse.
            if (!ok || length < 0 || (contentLength >= 0 && contentLength != length))
                return Verdict::BadRequest;
            contentLength = length;
        }
    }
    if (contentLength > m_limits.maxBodyBytes)
        return Verdict::BodyTooLarge;
    m_bodyRemaining = qMax<qint64>(0, contentLength);
    m_inBody = m_bodyRemaining > 0;
    return Verdict::Ok;
}

void RequestGuard::onTimeout()
{
    if (m_rejected)
        return;
    if (m_head.isEmpty() && !m_inBody) {
        m_socket->disconnectFromHost(); // idle keep-alive connection
        return;
    }
    reject(Verdict::Timeout);
}

void RequestGuard::reject(Verdict verdict)
{
    m_rejected = true;
    m_timer->stop();
    const Rejection r = rejectionFor(verdict);
    qCInfo(lcHttp) << "request refused before buffering:" << r.status << r.code;
    const QByteArray body = QJsonDocument(errorBody(QString::fromLatin1(r.code), QString::fromLatin1(r.message)))
                                .toJson(QJsonDocument::Compact);
    const QByteArray response = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + r.reason
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    drain();
    m_socket->write(response);
    m_socket->disconnectFromHost();
}

void RequestGuard::drain()
{
    // Drop what arrived (and anything QHttpServer holds in an open read transaction) so memory stays
    // bounded while the client is still sending.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace poruch::server
