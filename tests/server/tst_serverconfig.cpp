#include "server/serverconfig.h"

#include <QTemporaryDir>
#include <QTest>

using poruch::server::parseServerConfig;

class TestServerConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validConfigs_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("dataDir");
        QTest::addColumn<bool>("tls");
        QTest::newRow("minimal: loopback 8443 by default")
            << QByteArray(R"({"dataDir": "/var/lib/poruch", "store": {"keyFile": "k"}})") << "127.0.0.1" << 8443
            << "/var/lib/poruch" << false;
        QTest::newRow("relative paths resolve against the config folder")
            << QByteArray(
                   R"({"dataDir": "data", "tls": {"certificate": "c.pem", "key": "k.pem"}, "store": {"keyFile": "k"}})")
            << "127.0.0.1" << 8443 << "/etc/poruch/data" << true;
        QTest::newRow("port 0 lets the OS choose")
            << QByteArray(R"({"dataDir": "/d", "listen": {"port": 0}, "store": {"keyFile": "k"}})") << "127.0.0.1" << 0
            << "/d" << false;
        QTest::newRow("any address with TLS")
            << QByteArray(R"({"dataDir": "/d", "listen": {"address": "0.0.0.0", "port": 443},
                              "tls": {"certificate": "/c", "key": "/k"}, "store": {"keyFile": "/s.key"}})")
            << "0.0.0.0" << 443 << "/d" << true;
        QTest::newRow("IPv6 loopback") << QByteArray(
            R"({"dataDir": "/d", "listen": {"address": "::1"}, "store": {"keyFile": "k"}})")
                                       << "::1" << 8443 << "/d" << false;
    }
    void validConfigs()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(QString, dataDir);
        QFETCH(bool, tls);
        const auto config = parseServerConfig(json, QStringLiteral("/etc/poruch"));
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QCOMPARE(config->listenAddress.toString(), address);
        QCOMPARE(int(config->listenPort), port);
        QCOMPARE(config->dataDir, dataDir);
        QCOMPARE(config->tlsEnabled(), tls);
        if (tls)
            QVERIFY(QDir::isAbsolutePath(config->tlsCertificateFile));
    }

    void invalidConfigs_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{dataDir: ") << "not valid JSON";
        QTest::newRow("array at top") << QByteArray("[]") << "top level";
        QTest::newRow("no data folder") << QByteArray("{}") << "dataDir";
        QTest::newRow("typo in key") << QByteArray(R"({"dataDir": "/d", "lisen": {}})") << "lisen";
        QTest::newRow("typo in nested key") << QByteArray(R"({"dataDir": "/d", "tls": {"cert": "/c"}})") << "tls.cert";
        QTest::newRow("port too big") << QByteArray(R"({"dataDir": "/d", "listen": {"port": 70000}})") << "listen.port";
        QTest::newRow("port fractional") << QByteArray(R"({"dataDir": "/d", "listen": {"port": 80.5}})")
                                         << "listen.port";
        QTest::newRow("port as string") << QByteArray(R"({"dataDir": "/d", "listen": {"port": "80"}})")
                                        << "listen.port";
        QTest::newRow("bad address") << QByteArray(R"({"dataDir": "/d", "listen": {"address": "localhost:1"}})")
                                     << "listen.address";
        QTest::newRow("certificate without key")
            << QByteArray(R"({"dataDir": "/d", "tls": {"certificate": "/c"}})") << "together";
        QTest::newRow("plain HTTP off loopback")
            << QByteArray(R"({"dataDir": "/d", "listen": {"address": "0.0.0.0"}})") << "loopback only";
        QTest::newRow("empty key file") << QByteArray(R"({"dataDir": "/d", "store": {"keyFile": ""}})")
                                        << "store.keyFile";
        QTest::newRow("limit below minimum")
            << QByteArray(R"({"dataDir": "/d", "store": {"keyFile": "k"}, "limits": {"maxBodyBytes": 10}})")
            << "limits.maxBodyBytes";
        QTest::newRow("unknown limit") << QByteArray(
            R"({"dataDir": "/d", "store": {"keyFile": "k"}, "limits": {"maxBody": 10}})")
                                       << "limits.maxBody";
        QTest::newRow("no handshakes allowed")
            << QByteArray(R"({"dataDir": "/d", "store": {"keyFile": "k"}, "limits": {"maxHandshakes": 0}})")
            << "limits.maxHandshakes";
        QTest::newRow("connections not an integer")
            << QByteArray(R"({"dataDir": "/d", "store": {"keyFile": "k"}, "limits": {"maxConnections": 1.5}})")
            << "limits.maxConnections";
        QTest::newRow("no store key file") << QByteArray(R"({"dataDir": "/d"})") << "store.keyFile";
        QTest::newRow("data folder not a string") << QByteArray(R"({"dataDir": 5})") << "dataDir";
    }
    void invalidConfigs()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto config = parseServerConfig(json, QStringLiteral("/etc/poruch"));
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, QStringLiteral("config.invalid"));
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(QLatin1Char('\n')));
    }

    void limitsAreRead()
    {
        const auto config = parseServerConfig(
            R"({"dataDir": "/d", "store": {"keyFile": "k"},
                "limits": {"maxBodyBytes": 2048, "maxHeaderBytes": 4096, "headerTimeoutMs": 500}})",
            QStringLiteral("/"));
        QVERIFY(config.ok());
        QCOMPARE(config->limits.maxBodyBytes, 2048);
        QCOMPARE(config->limits.maxHeaderBytes, 4096);
        QCOMPARE(config->limits.headerTimeoutMs, 500);
        QCOMPARE(config->limits.idleTimeoutMs, poruch::server::RequestLimits().idleTimeoutMs);
        QCOMPARE(config->connections.maxConnections, poruch::server::ConnectionLimits().maxConnections);
    }

    void connectionLimitsAreRead()
    {
        const auto config = parseServerConfig(
            R"({"dataDir": "/d", "store": {"keyFile": "k"},
                "limits": {"maxConnections": 500, "maxHandshakes": 32, "handshakeTimeoutMs": 20000,
                           "listenBacklog": 4096, "evictIdleAfterMs": 5000}})",
            QStringLiteral("/"));
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->connections.maxConnections, 500);
        QCOMPARE(config->connections.maxHandshakes, 32);
        QCOMPARE(config->connections.handshakeTimeoutMs, 20000);
        QCOMPARE(config->connections.listenBacklog, 4096);
        QCOMPARE(config->connections.evictIdleAfterMs, 5000);
        QCOMPARE(config->limits.maxBodyBytes, poruch::server::RequestLimits().maxBodyBytes);
    }

    void dataDirMustBeCreatableAndWritable()
    {
        QTemporaryDir dir;
        QVERIFY(poruch::server::prepareDataDir(dir.filePath(QStringLiteral("a/b"))).ok());
        // A regular file where a folder should be: cannot be created, even as root.
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto result = poruch::server::prepareDataDir(dir.filePath(QStringLiteral("file/data")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("datadir.unwritable"));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
