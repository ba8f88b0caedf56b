#pragma once

#include "requestguard.h"

#include <QSslServer>
#include <QTcpServer>

namespace poruch::server {

// A listener that attaches a RequestGuard to every connection before handing it to QHttpServer, so
// limits apply to bytes QHttpServer has not buffered yet. Base is QTcpServer or QSslServer.
template <typename Base> class GuardedServer : public Base {
public:
    GuardedServer(const RequestLimits& limits, QObject* parent)
        : Base(parent)
        , m_limits(limits)
    {
    }

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Base::nextPendingConnection();
        if (socket)
            new RequestGuard(socket, m_limits); // owned by the socket
        return socket;
    }

private:
    RequestLimits m_limits;
};

using GuardedTcpServer = GuardedServer<QTcpServer>;
using GuardedSslServer = GuardedServer<QSslServer>;

} // namespace poruch::server
