#pragma once

#include "connectionlimits.h"
#include "requestguard.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#include <deque>
#include <type_traits>

#include <unistd.h>

namespace poruch::server {

// A listener that admits connections within ConnectionLimits and attaches a RequestGuard to every
// connection before handing it to QHttpServer, so request limits apply to bytes QHttpServer has not
// buffered yet. Base is QTcpServer or QSslServer.
template <typename Base> class GuardedServer : public Base {
public:
    GuardedServer(const RequestLimits& limits, const ConnectionLimits& admission, QObject* parent)
        : Base(parent)
        , m_limits(limits)
        , m_admission(admission)
    {
        Base::setListenBacklogSize(admission.listenBacklog);
        if constexpr (IsSsl)
            Base::setHandshakeTimeout(admission.handshakeTimeoutMs);
        m_clock.start();
        m_evictTimer.setInterval(qMax(100, admission.evictIdleAfterMs / 4));
        QObject::connect(&m_evictTimer, &QTimer::timeout, &m_watcher, [this] { evictIdle(); });
    }

    ~GuardedServer() override
    {
        for (const qintptr descriptor : m_waiting)
            ::close(int(descriptor));
    }

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Base::nextPendingConnection();
        if (socket) {
            new RequestGuard(socket, m_limits); // owned by the socket
            if (m_handshaking.remove(socket)) // the handshake is done: its slot admits the next
                admitWaiting();
        }
        // QTcpServer re-enables accepting here; keep waiting clients in the backlog while full.
        if (!m_waiting.empty())
            Base::pauseAccepting();
        return socket;
    }

    qsizetype openConnections() const { return m_tracked.size(); }
    qsizetype waitingConnections() const { return qsizetype(m_waiting.size()); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_waiting.size() >= size_t(m_admission.listenBacklog)) {
            ::close(int(descriptor)); // never grow without bound; the client retries
            return;
        }
        m_waiting.push_back(descriptor);
        admitWaiting();
        if (!m_waiting.empty())
            Base::pauseAccepting(); // the rest waits in the kernel's backlog
    }

private:
    static constexpr bool IsSsl = std::is_base_of_v<QSslServer, Base>;

    bool hasRoom() const
    {
        return m_tracked.size() < m_admission.maxConnections && m_handshaking.size() < m_admission.maxHandshakes;
    }

    void admitWaiting()
    {
        while (!m_waiting.empty() && hasRoom()) {
            const qintptr descriptor = m_waiting.front();
            m_waiting.pop_front();
            QTcpSocket* socket = nullptr;
            if constexpr (IsSsl) {
                // QSslServer makes the socket as its newest child and starts the handshake timer.
                Base::incomingConnection(descriptor);
                const QObjectList& children = this->children();
                auto* newest = children.isEmpty() ? nullptr : qobject_cast<QSslSocket*>(children.constLast());
                if (newest && newest->socketDescriptor() == descriptor) {
                    socket = newest;
                    m_handshaking.insert(socket);
                }
            } else {
                auto* plain = new QTcpSocket(this);
                if (plain->setSocketDescriptor(descriptor)) {
                    socket = plain;
                } else {
                    delete plain;
                    ::close(int(descriptor));
                }
            }
            if (!socket)
                continue;
            m_tracked.insert(socket, m_clock.elapsed());
            QObject::connect(socket, &QObject::destroyed, &m_watcher, [this, socket] {
                m_tracked.remove(socket); // never dereferenced here: the socket is being destroyed
                m_handshaking.remove(socket);
                admitWaiting();
            });
            const auto touch = [this, socket] {
                if (const auto it = m_tracked.find(socket); it != m_tracked.end())
                    *it = m_clock.elapsed();
            };
            QObject::connect(socket, &QIODevice::readyRead, &m_watcher, touch);
            QObject::connect(socket, &QIODevice::bytesWritten, &m_watcher, touch);
            if constexpr (!IsSsl)
                Base::addPendingConnection(socket);
        }
        if (m_waiting.empty()) {
            Base::resumeAccepting();
            m_evictTimer.stop();
        } else if (!m_evictTimer.isActive()) {
            m_evictTimer.start();
        }
    }

    // Closes the longest-idle kept-alive connections, one per waiting client at most. Idle means: past
    // its handshake, nothing to read or write, no traffic for evictIdleAfterMs. Requests are handled
    // synchronously on this thread, so no request is in progress on such a connection.
    void evictIdle()
    {
        const qint64 now = m_clock.elapsed();
        QList<std::pair<qint64, QTcpSocket*>> idle;
        for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
            QTcpSocket* socket = it.key();
            if (m_handshaking.contains(socket) || now - it.value() < m_admission.evictIdleAfterMs
                || socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0
                || socket->bytesToWrite() > 0)
                continue;
            if constexpr (IsSsl) {
                if (static_cast<QSslSocket*>(socket)->encryptedBytesToWrite() > 0)
                    continue;
            }
            idle.append({ it.value(), socket });
        }
        std::sort(idle.begin(), idle.end());
        const qsizetype count = qMin(idle.size(), qsizetype(m_waiting.size()));
        for (qsizetype i = 0; i < count; ++i)
            idle.at(i).second->disconnectFromHost(); // destroyed() later gives the place to a waiting client
    }

    RequestLimits m_limits;
    ConnectionLimits m_admission;
    std::deque<qintptr> m_waiting; // accepted descriptors not admitted yet
    QHash<QTcpSocket*, qint64> m_tracked; // admitted, not destroyed yet → last traffic (m_clock ms)
    QSet<QTcpSocket*> m_handshaking;
    QElapsedTimer m_clock;
    QTimer m_evictTimer; // runs while clients wait
    // Context of the destroyed() connections: not the server itself, because QSslServer drops every
    // connection from a socket to the server when its handshake ends. Declared last, so it goes first
    // and the base destructors' deleting sockets never reach this half-destroyed object.
    QObject m_watcher;
};

using GuardedTcpServer = GuardedServer<QTcpServer>;
using GuardedSslServer = GuardedServer<QSslServer>;

} // namespace poruch::server
