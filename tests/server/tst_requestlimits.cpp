// Integration: oversized, endless, chunked and slow requests are refused on the raw socket before
// QHttpServer buffers them; the server's memory stays bounded and it keeps serving.
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using poruch::test::ServerProcess;

namespace {

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct RawReply {
    int status = 0;
    QString code;
    bool closed = false;
};

// Sends `head` then, optionally, `bodyBytes` of filler in 1 MiB chunks while reading the reply.
RawReply sendRaw(const QUrl& base, const QByteArray& head, qint64 bodyBytes = 0, int waitMs = 10000)
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    RawReply reply;
    if (!socket.waitForConnected(5000))
        return reply;
    socket.write(head);
    const QByteArray chunk(1024 * 1024, 'x');
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    qint64 sent = 0;
    while (timer.elapsed() < waitMs) {
        if (sent < bodyBytes && socket.state() == QAbstractSocket::ConnectedState
            && socket.bytesToWrite() < (4 << 20)) {
            socket.write(chunk);
            sent += chunk.size();
        }
        socket.waitForBytesWritten(10);
        if (socket.waitForReadyRead(10))
            received += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState) {
            received += socket.readAll();
            reply.closed = true;
            break;
        }
        if (received.contains("\r\n\r\n") && received.contains("}"))
            break;
    }
    const QList<QByteArray> parts = received.split(' ');
    if (parts.size() > 1)
        reply.status = parts.at(1).toInt();
    const qsizetype bodyStart = received.indexOf("\r\n\r\n");
    if (bodyStart >= 0) {
        const QJsonObject body = QJsonDocument::fromJson(received.mid(bodyStart + 4)).object();
        reply.code = body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    return reply;
}

} // namespace

class TestRequestLimits : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;

private Q_SLOTS:
    void initTestCase()
    {
        const QJsonObject limits { { QStringLiteral("maxBodyBytes"), 1024 * 1024 },
            { QStringLiteral("maxHeaderBytes"), 8192 }, { QStringLiteral("headerTimeoutMs"), 700 } };
        QVERIFY2(m_server.start({ { QStringLiteral("limits"), limits } }), qPrintable(m_server.error()));
    }

    void refusedBeforeBuffering_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<qint64>("bodyBytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("announces 2 GB") << QByteArray("POST /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                                                      "Content-Length: 2147483648\r\n\r\n")
                                        << qint64(0) << 413 << "payload_too_large";
        QTest::newRow("announces 2 GB and sends 64 MB of it")
            << QByteArray("POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483648\r\n\r\n")
            << qint64(64) * 1024 * 1024 << 413 << "payload_too_large";
        QTest::newRow("endless header") << QByteArray("GET /api/v1/health HTTP/1.1\r\n")
                + QByteArray("X-Filler: ").append(QByteArray(20000, 'a'))
                                        << qint64(0) << 431 << "header_too_large";
        QTest::newRow("chunked body") << QByteArray("POST /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                                                    "Transfer-Encoding: chunked\r\n\r\n")
                                      << qint64(0) << 411 << "length_required";
        QTest::newRow("two different lengths") << QByteArray("POST /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                                                             "Content-Length: 5\r\nContent-Length: 7\r\n\r\n")
                                               << qint64(0) << 400 << "bad_request";
        QTest::newRow("negative length") << QByteArray("POST /api/v1/health HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                         << qint64(0) << 400 << "bad_request";
        QTest::newRow("garbage request line") << QByteArray("HELLO\r\n\r\n") << qint64(0) << 400 << "bad_request";
        QTest::newRow("head never finishes")
            << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n") << qint64(0) << 408 << "request_timeout";
    }
    void refusedBeforeBuffering()
    {
        QFETCH(QByteArray, head);
        QFETCH(qint64, bodyBytes);
        QFETCH(int, status);
        QFETCH(QString, code);
        const qint64 pid = m_server.process().processId();
        const qint64 before = rssKiB(pid);
        const RawReply reply = sendRaw(m_server.baseUrl(), head, bodyBytes);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.code, code);
        const qint64 growthKiB = rssKiB(pid) - before;
        QVERIFY2(growthKiB < 16 * 1024, qPrintable(QStringLiteral("server RSS grew by %1 KiB").arg(growthKiB)));
        // And it keeps serving.
        const auto health = poruch::test::httpGet(m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/health"))));
        QCOMPARE(health.status, 200);
    }

    void limitsHoldOverTlsToo()
    {
        ServerProcess tlsServer;
        QVERIFY2(tlsServer.start(
                     { { QStringLiteral("limits"), QJsonObject { { QStringLiteral("maxBodyBytes"), 4096 } } } }, true),
            qPrintable(tlsServer.error()));
        QSslSocket socket;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({ tlsServer.tls().certificate });
        socket.setSslConfiguration(ssl);
        socket.connectToHostEncrypted(tlsServer.baseUrl().host(), quint16(tlsServer.baseUrl().port()));
        QVERIFY(socket.waitForEncrypted(10000));
        socket.write("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000000\r\n\r\n");
        QByteArray reply;
        while (!reply.contains("}") && socket.waitForReadyRead(5000))
            reply += socket.readAll();
        QVERIFY2(reply.startsWith("HTTP/1.1 413"), reply.left(60).constData());
        QVERIFY(reply.contains("payload_too_large"));
    }

    void requestsWithinLimitsPassThrough()
    {
        // A body under the limit reaches routing (health is GET-only, so POST gets a JSON 404/405,
        // not a guard refusal), and a kept-alive second request on the same connection works.
        const RawReply reply = sendRaw(
            m_server.baseUrl(), "POST /api/v1/nope HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.code, QStringLiteral("not_found"));

        QTcpSocket socket;
        socket.connectToHost(m_server.baseUrl().host(), quint16(m_server.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        QByteArray received;
        for (int i = 0; i < 2; ++i) {
            socket.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
            QElapsedTimer timer;
            timer.start();
            while (received.count("\"version\"") <= i && timer.elapsed() < 5000) {
                if (socket.waitForReadyRead(100))
                    received += socket.readAll();
            }
        }
        QCOMPARE(received.count("HTTP/1.1 200"), 2);
    }
};

QTEST_GUILESS_MAIN(TestRequestLimits)
#include "tst_requestlimits.moc"
