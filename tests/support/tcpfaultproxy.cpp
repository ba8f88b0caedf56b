#include "tcpfaultproxy.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace poruch::test {

TcpFaultProxy::TcpFaultProxy(QObject* parent)
    : QObject(parent)
    , m_listener(new QTcpServer(this))
{
    connect(m_listener, &QTcpServer::newConnection, this, &TcpFaultProxy::onNewConnection);
}

TcpFaultProxy::~TcpFaultProxy()
{
    cutAll();
}

bool TcpFaultProxy::listen(quint16 targetPort, const QString& targetHost)
{
    m_targetHost = targetHost;
    m_targetPort = targetPort;
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

quint16 TcpFaultProxy::port() const
{
    return m_listener->serverPort();
}

void TcpFaultProxy::retarget(quint16 targetPort)
{
    m_targetPort = targetPort;
    cutAll();
}

void TcpFaultProxy::setMode(Mode mode, int requestThresholdBytes)
{
    m_mode = mode;
    m_threshold = requestThresholdBytes;
    if (mode == Mode::Stall || mode == Mode::Refuse)
        cutAll(); // keep-alive connections must not bypass the new fault
}

void TcpFaultProxy::cutAll()
{
    const QList<Link*> links = m_links;
    for (Link* link : links)
        drop(link);
}

void TcpFaultProxy::onNewConnection()
{
    while (QTcpSocket* client = m_listener->nextPendingConnection()) {
        ++m_accepted;
        if (m_mode == Mode::Refuse) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto* link = new Link;
        link->client = client;
        link->server = new QTcpSocket(this);
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [this, link] { relayUp(link); });
        connect(link->server, &QTcpSocket::readyRead, this, [this, link] { relayDown(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { drop(link); });
        connect(link->server, &QTcpSocket::disconnected, this, [this, link] { drop(link); });
        connect(link->server, &QTcpSocket::connected, this, [this, link] { relayUp(link); });
        link->server->connectToHost(m_targetHost, m_targetPort);
    }
}

void TcpFaultProxy::relayUp(Link* link)
{
    if (!m_links.contains(link) || m_mode == Mode::Stall)
        return;
    if (link->server->state() != QAbstractSocket::ConnectedState)
        return; // read later, when connected
    const QByteArray data = link->client->readAll();
    link->uploadSinceReply += data.size();
    if (m_mode == Mode::LoseNextReply && link->uploadSinceReply >= m_threshold)
        link->losing = true;
    link->server->write(data);
}

void TcpFaultProxy::relayDown(Link* link)
{
    if (!m_links.contains(link) || m_mode == Mode::Stall)
        return;
    const QByteArray data = link->server->readAll();
    link->uploadSinceReply = 0;
    if (link->losing) {
        // The server received the whole request and answered: the answer never arrives.
        ++m_repliesLost;
        m_mode = Mode::Pass;
        drop(link);
        return;
    }
    switch (m_mode) {
    case Mode::DuplicateChunks:
        link->client->write(data);
        link->client->write(data);
        break;
    case Mode::ReorderChunks:
        if (link->heldChunk.isEmpty()) {
            link->heldChunk = data;
        } else {
            link->client->write(data);
            link->client->write(std::exchange(link->heldChunk, {}));
        }
        break;
    default:
        link->client->write(data);
        break;
    }
}

void TcpFaultProxy::drop(Link* link)
{
    if (!m_links.removeOne(link))
        return;
    link->client->disconnect(this);
    link->server->disconnect(this);
    link->client->abort();
    link->server->abort();
    link->client->deleteLater();
    link->server->deleteLater();
    delete link;
}

} // namespace poruch::test
