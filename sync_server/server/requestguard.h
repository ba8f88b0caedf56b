#pragma once

#include "requestheadparser.h"

#include <QObject>

class QTcpSocket;
class QTimer;

namespace poruch::server {

// Watches one connection's byte stream, request by request (RequestHeadParser does the parsing), and
// answers 431/413/411/400/408 itself (then closes) when a request breaks the limits. Must see the bytes before
// QHttpServer does: it is attached by GuardedTcpServer/GuardedSslServer::nextPendingConnection(), before QHttpServer
// connects.
class RequestGuard : public QObject {
    Q_OBJECT
public:
    RequestGuard(QTcpSocket* socket, const RequestLimits& limits);

    using Verdict = RequestVerdict;

private:
    void onReadyRead();
    void onTimeout();
    void reject(Verdict verdict);
    void drain();

    QTcpSocket* m_socket;
    RequestLimits m_limits;
    QTimer* m_timer;
    RequestHeadParser m_parser;
    bool m_rejected = false;
};

} // namespace poruch::server
