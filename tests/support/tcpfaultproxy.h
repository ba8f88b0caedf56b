#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace poruch::test {

// A TCP relay between a client and a server for fault tests. It sees only bytes (TLS stays end to end),
// so it can refuse, stall, cut, duplicate and reorder traffic, and lose the server's reply to a request.
// Runs in the caller's thread: the test must spin the event loop (QSignalSpy::wait, QTRY_*).
class TcpFaultProxy : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Pass, // relay both ways
        Refuse, // accept and close at once (network down)
        Stall, // accept, relay nothing (a dead link that keeps the connection open)
        LoseNextReply, // relay; after the client sent a request of >= threshold bytes, drop the
                       // server's answer and cut both sides, once, then Pass
        DuplicateChunks, // every server->client chunk is sent twice
        ReorderChunks, // server->client chunks are swapped in pairs
    };
    Q_ENUM(Mode)

    explicit TcpFaultProxy(QObject* parent = nullptr);
    ~TcpFaultProxy() override;

    bool listen(quint16 targetPort, const QString& targetHost = QStringLiteral("127.0.0.1"));
    quint16 port() const;
    // Points new connections at another server port (e.g. the server restarted); cuts open ones.
    void retarget(quint16 targetPort);
    void setMode(Mode mode, int requestThresholdBytes = 1200);
    Mode mode() const { return m_mode; }
    // Cuts every open connection now.
    void cutAll();

    int connectionsAccepted() const { return m_accepted; }
    int repliesLost() const { return m_repliesLost; }

private:
    struct Link {
        QTcpSocket* client = nullptr;
        QTcpSocket* server = nullptr;
        qint64 uploadSinceReply = 0;
        bool losing = false;
        QByteArray heldChunk;
    };
    void onNewConnection();
    void relayUp(Link* link);
    void relayDown(Link* link);
    void drop(Link* link);

    QTcpServer* m_listener = nullptr;
    QString m_targetHost;
    quint16 m_targetPort = 0;
    Mode m_mode = Mode::Pass;
    int m_threshold = 1200;
    QList<Link*> m_links;
    int m_accepted = 0;
    int m_repliesLost = 0;
};

} // namespace poruch::test
