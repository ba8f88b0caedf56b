#pragma once

#include <QByteArray>
#include <QObject>

class QTcpSocket;
class QTimer;

namespace poruch::server {

// Limits every request must respect. QHttpServer 6.4 buffers whole requests with no limit, so these
// are enforced on the raw socket before QHttpServer reads the bytes.
struct RequestLimits {
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    int headerTimeoutMs = 15'000; // a request's head must arrive within this (slow-header attacks)
    int idleTimeoutMs = 60'000; // a kept-alive connection with no traffic is closed after this
};

// Watches one connection's byte stream, request by request, and answers 431/413/411/400/408 itself
// (then closes) when a request breaks the limits. Must see the bytes before QHttpServer does: it is
// attached by GuardedTcpServer/GuardedSslServer::nextPendingConnection(), before QHttpServer connects.
class RequestGuard : public QObject {
    Q_OBJECT
public:
    RequestGuard(QTcpSocket* socket, const RequestLimits& limits);

    enum class Verdict { Ok, HeaderTooLarge, BodyTooLarge, LengthRequired, BadRequest, Timeout };

private:
    void onReadyRead();
    void onTimeout();
    Verdict consume(const QByteArray& bytes);
    Verdict parseHead();
    void reject(Verdict verdict);
    void drain();

    QTcpSocket* m_socket;
    RequestLimits m_limits;
    QTimer* m_timer;
    QByteArray m_head; // header bytes of the current request (bounded by maxHeaderBytes)
    qint64 m_bodyRemaining = 0;
    bool m_inBody = false;
    bool m_rejected = false;
};

} // namespace poruch::server
