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
    , m_parser(limits.maxHeaderBytes, limits.maxBodyBytes)
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
    const RequestHeadParser::Step step = m_parser.consume(bytes);
    if (step.verdict != Verdict::Ok) {
        reject(step.verdict);
        return;
    }
    // A head that began here must be complete within the header timeout (measured from its first byte,
    // body included); a finished request leaves the connection idle.
    if (step.lastEvent == RequestHeadParser::Event::HeadStarted)
        m_timer->start(m_limits.headerTimeoutMs);
    else if (step.lastEvent == RequestHeadParser::Event::RequestComplete)
        m_timer->start(m_limits.idleTimeoutMs);
}

void RequestGuard::onTimeout()
{
    if (m_rejected)
        return;
    if (m_parser.idle()) {
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
