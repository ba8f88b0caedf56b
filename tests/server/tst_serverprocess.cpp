// Integration: the real poruch-server binary, started as a process, on an OS-assigned port.
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using poruch::test::ServerProcess;

class TestServerProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthOverPlainLoopback()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(server.baseUrl().host(), QStringLiteral("127.0.0.1"));
        const auto reply = poruch::test::httpGet(server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/health"))));
        QCOMPARE(reply.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(!body.value(QStringLiteral("version")).toString().isEmpty());
        QVERIFY(body.value(QStringLiteral("store")).isObject());
        QVERIFY(QDir(server.dataDir()).exists());
    }

    void healthOverTlsWithTheServerCertificateOnly()
    {
        ServerProcess server;
        QVERIFY2(server.start({}, true), qPrintable(server.error()));
        QCOMPARE(server.baseUrl().scheme(), QStringLiteral("https"));
        const QUrl health = server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/health")));
        const auto trusted = poruch::test::httpGet(health, { server.tls().certificate });
        QVERIFY2(trusted.networkError.isEmpty(), qPrintable(trusted.networkError));
        QCOMPARE(trusted.status, 200);
        // Without trusting the self-signed certificate the client must refuse to talk.
        const auto untrusted = poruch::test::httpGet(health);
        QVERIFY(!untrusted.networkError.isEmpty());
        QCOMPARE(untrusted.status, 0);
    }

    void enrollmentOverTlsHandsOutTheCertificateFingerprint()
    {
        ServerProcess server;
        QVERIFY2(server.start({}, true), qPrintable(server.error()));
        QCOMPARE(server.admin({ QStringLiteral("create-user"), QStringLiteral("tls-worker"), QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("T") }),
            0);
        QByteArray code;
        QCOMPARE(server.admin({ QStringLiteral("enroll-code"), QStringLiteral("tls-worker") }, &code), 0);
        const auto reply
            = poruch::test::apiRequest("POST", server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/enroll"))),
                QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code.trimmed()) },
                                  { QStringLiteral("deviceLabel"), QStringLiteral("t") } })
                    .toJson(),
                QString(), { server.tls().certificate });
        QCOMPARE(reply.status, 201);
        QCOMPARE(
            QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("serverCertificateSha256")).toString(),
            QString::fromLatin1(server.tls().certificate.digest(QCryptographicHash::Sha256).toHex()));
    }

    void unknownEndpointIsJson404()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        const auto reply = poruch::test::httpGet(server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/nope"))));
        QCOMPARE(reply.status, 404);
        const QJsonObject error
            = QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void stopsCleanlyOnSigterm()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        server.process().terminate();
        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
    }

    void logsAreJsonLines()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        server.stop();
        const QList<QByteArray> lines = server.stdErr().split('\n');
        int parsed = 0;
        for (const QByteArray& line : lines) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            ++parsed;
        }
        QVERIFY(parsed >= 2); // "listening" and "stopped"
    }

    // Bad start-up conditions: one clear line on stderr and a non-zero exit.
    void clearOneLineErrors_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no --config") << "noconfig"
                                     << "--config";
        QTest::newRow("missing file") << "missingfile"
                                      << "cannot read config file";
        QTest::newRow("invalid JSON") << "badjson"
                                      << "not valid JSON";
        QTest::newRow("unwritable data folder") << "unwritable"
                                                << "cannot create data folder";
        QTest::newRow("port in use") << "portinuse"
                                     << "cannot listen on 127.0.0.1";
        QTest::newRow("missing certificate") << "nocert"
                                             << "cannot read TLS certificate";
    }
    void clearOneLineErrors()
    {
        QFETCH(QString, situation);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString configFile = dir.filePath(QStringLiteral("server.json"));
        auto writeConfig = [&](const QByteArray& content) {
            QFile file(configFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        };
        QTcpServer occupier;
        const QString keyFile = dir.filePath(QStringLiteral("store.key"));
        QVERIFY(poruch::test::writeStoreKeyFile(keyFile));
        const QByteArray store = ", \"store\": {\"keyFile\": \"store.key\"}";
        QStringList arguments { QStringLiteral("--config"), configFile };
        if (situation == QLatin1String("noconfig")) {
            arguments.clear();
        } else if (situation == QLatin1String("badjson")) {
            writeConfig("{\"dataDir\": ");
        } else if (situation == QLatin1String("unwritable")) {
            writeConfig("{\"dataDir\": \"server.json/data\", \"listen\": {\"port\": 0}" + store + "}");
        } else if (situation == QLatin1String("portinuse")) {
            QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
            writeConfig(
                QStringLiteral("{\"dataDir\": \"data\", \"listen\": {\"port\": %1}").arg(occupier.serverPort()).toUtf8()
                + store + "}");
        } else if (situation == QLatin1String("nocert")) {
            writeConfig("{\"dataDir\": \"data\", \"listen\": {\"port\": 0}, "
                        "\"tls\": {\"certificate\": \"absent.crt\", \"key\": \"absent.key\"}"
                + store + "}");
        } else if (situation == QLatin1String("nokeyfile")) {
            writeConfig("{\"dataDir\": \"data\", \"listen\": {\"port\": 0}, \"store\": {\"keyFile\": \"none.key\"}}");
        } else if (situation == QLatin1String("keyperms")) {
            QFile(keyFile).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
            writeConfig("{\"dataDir\": \"data\", \"listen\": {\"port\": 0}" + store + "}");
        } else if (situation == QLatin1String("badkey")) {
            QFile::remove(keyFile);
            QVERIFY(poruch::test::writeStoreKeyFile(keyFile, "not-a-key"));
            writeConfig("{\"dataDir\": \"data\", \"listen\": {\"port\": 0}" + store + "}");
        } else if (situation == QLatin1String("wrongkey")) {
            // First run creates the store with one key; the second run brings another key.
            writeConfig("{\"dataDir\": \"data\", \"listen\": {\"port\": 0}" + store + "}");
            ServerProcess first;
            QVERIFY(first.start(QJsonObject { { QStringLiteral("dataDir"), dir.filePath(QStringLiteral("data")) },
                { QStringLiteral("store"), QJsonObject { { QStringLiteral("keyFile"), keyFile } } } }));
            first.stop();
            QFile::remove(keyFile);
            QVERIFY(poruch::test::writeStoreKeyFile(keyFile));
        }
        QByteArray stdErr;
        const int exitCode = ServerProcess::runToExit(arguments, &stdErr);
        QVERIFY2(exitCode > 0, qPrintable(QStringLiteral("exit code %1").arg(exitCode)));
        const QString text = QString::fromUtf8(stdErr).trimmed();
        QVERIFY2(text.contains(mentions), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("poruch-server: ")));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
