// Integration: connection admission of the real poruch-server over TLS (ConnectionLimits in
// sync_server/server/guardedserver.h: at most 128 connections, 16 handshakes at once). Clients beyond
// the limits wait and are then served; a closed connection gives its place back, and idle kept-alive
// connections make room for waiting clients. No timing assertions:
// a client that is never served fails on its own 60 s timeout.
#include "serverprocess.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using poruch::test::ServerProcess;

namespace {

constexpr int clientTimeoutMs = 60'000;

// One client: connects over TLS trusting only the server's certificate, sends GET /api/v1/health and
// reads the status line. status stays 0 on a transport error or timeout. keepOpen: asks for a kept-alive
// connection and leaves it open (idle) after the answer, as a tablet's QNetworkAccessManager does.
class HealthClient : public QObject {
public:
    HealthClient(quint16 port, const QSslCertificate& certificate, std::function<void()> done, bool keepOpen = false)
        : m_done(std::move(done))
        , m_keepOpen(keepOpen)
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({ certificate });
        m_socket.setSslConfiguration(ssl);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            m_socket.write(m_keepOpen ? "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                      : "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        });
        connect(&m_socket, &QSslSocket::readyRead, this, [this] {
            m_reply += m_socket.readAll();
            if (m_reply.contains("\r\n") && !m_finished) {
                const QList<QByteArray> statusLine = m_reply.left(m_reply.indexOf("\r\n")).split(' ');
                finish(statusLine.size() > 1 ? statusLine.at(1).toInt() : 0);
            }
        });
        connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this] { finish(0); });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { finish(0); });
        m_timer.start(clientTimeoutMs);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    }
    int status() const { return m_status; }

private:
    void finish(int status)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_status = status;
        m_timer.stop();
        if (!m_keepOpen || status == 0)
            m_socket.abort();
        m_done();
    }

    QSslSocket m_socket;
    QTimer m_timer;
    QByteArray m_reply;
    std::function<void()> m_done;
    bool m_keepOpen = false;
    int m_status = 0;
    bool m_finished = false;
};

// Runs `count` clients at once and returns how many got 200. keptOpen receives the clients when given
// (they keep their connections open until it is cleared).
int servedAtOnce(const ServerProcess& server, int count, std::vector<std::unique_ptr<HealthClient>>* keptOpen = nullptr)
{
    QEventLoop loop;
    int finished = 0;
    std::vector<std::unique_ptr<HealthClient>> clients;
    for (int i = 0; i < count; ++i) {
        const auto done = [&] {
            if (++finished == count)
                loop.quit();
        };
        clients.push_back(std::make_unique<HealthClient>(
            quint16(server.baseUrl().port()), server.tls().certificate, done, keptOpen != nullptr));
    }
    if (finished < count)
        loop.exec();
    int ok = 0;
    for (const auto& client : clients)
        ok += client->status() == 200 ? 1 : 0;
    if (keptOpen)
        *keptOpen = std::move(clients);
    return ok;
}

} // namespace

class TstConnectionAdmission : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start({}, true), qPrintable(m_server.error())); }

    // Three times as many connections, one after another, as the server admits at once: a place is
    // given back when a connection closes, whether it ended after the handshake or in it.
    void closedConnectionsGiveTheirPlaceBack()
    {
        for (int i = 0; i < 3 * 128; ++i)
            QCOMPARE(servedAtOnce(m_server, 1), 1);
    }

    // A burst far above both limits: every client waits its turn and is served.
    void burstIsServedInTurn()
    {
        constexpr int clients = 400;
        QCOMPARE(servedAtOnce(m_server, clients), clients);
        // ... and the server still admits afterwards.
        QCOMPARE(servedAtOnce(m_server, 20), 20);
    }

    // Every place taken by kept-alive connections that stay idle (and would stay for the hour the server
    // is configured to keep them): the next clients are still served, because the longest-idle ones are
    // closed to make room.
    void idleKeptAliveConnectionsMakeRoom()
    {
        ServerProcess server;
        const QJsonObject limits { { QStringLiteral("idleTimeoutMs"), 3'600'000 } };
        QVERIFY2(server.start(QJsonObject { { QStringLiteral("limits"), limits } }, true), qPrintable(server.error()));
        std::vector<std::unique_ptr<HealthClient>> idle;
        QCOMPARE(servedAtOnce(server, 128, &idle), 128);
        QCOMPARE(servedAtOnce(server, 3), 3);
    }

private:
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TstConnectionAdmission)
#include "tst_connectionadmission.moc"
