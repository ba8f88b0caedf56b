// Integration: poruch-admin on a real store — clear one-line errors on bad arguments, and the backup is
// a complete, encrypted, openable copy.
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using poruch::test::ServerProcess;

class TestAdmin : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(m_server.admin({ QStringLiteral("seed-demo") }), 0);
    }

    void badArgumentsGiveOneClearLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QStringList {} << 2 << "no command";
        QTest::newRow("unknown command") << QStringList { "frobnicate" } << 2 << "unknown command";
        QTest::newRow("missing argument") << QStringList { "enroll-code" } << 2 << "takes 1 argument";
        QTest::newRow("extra argument") << QStringList { "counts", "x" } << 2 << "takes 0 argument";
        QTest::newRow("bad role") << QStringList { "create-user", "new-user", "--role", "boss", "--name", "N" } << 2
                                  << "--role must be one of";
        QTest::newRow("no name") << QStringList { "create-user", "new-user", "--role", "office" } << 2
                                 << "--name is required";
        QTest::newRow("bad user name") << QStringList { "create-user", "Bad Name!", "--role", "office", "--name", "N" }
                                       << 2 << "user names are";
        QTest::newRow("duplicate user") << QStringList { "create-user", "demo-worker", "--role", "office", "--name",
            "N" } << 1 << "already exists";
        QTest::newRow("unknown user") << QStringList { "enroll-code", "nobody" } << 1 << "no user named";
        QTest::newRow("case id not a UUID") << QStringList { "assign", "demo-worker", "../etc" } << 2 << "UUID";
        QTest::newRow("unknown device") << QStringList { "revoke-device", "nope" } << 1 << "no such device";
        QTest::newRow("seed twice") << QStringList { "seed-demo" } << 1 << "already has users";
    }
    void badArgumentsGiveOneClearLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        QByteArray out, err;
        QCOMPARE(m_server.admin(arguments, &out, &err), exitCode);
        // The last line is the error (the store may log JSON lines before it).
        const QList<QByteArray> lines = err.trimmed().split('\n');
        const QString last = QString::fromUtf8(lines.last());
        QVERIFY2(last.startsWith(QStringLiteral("poruch-admin: ")), qPrintable(last));
        QVERIFY2(last.contains(mentions), qPrintable(last));
    }

    void backupIsACompleteEncryptedCopy()
    {
        const QString backupDir = QDir(m_server.workDir()).filePath(QStringLiteral("restore"));
        QVERIFY(QDir().mkpath(backupDir));
        const QString backup = QDir(backupDir).filePath(QStringLiteral("server.db"));
        QCOMPARE(m_server.admin({ QStringLiteral("backup"), backup }), 0);
        QFile file(backup);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.read(16).startsWith("SQLite format 3")); // encrypted, not plain SQLite
        file.close();
        QByteArray err;
        QCOMPARE(m_server.admin({ QStringLiteral("backup"), backup }, nullptr, &err), 1); // never overwrites
        QVERIFY(err.contains("already exists"));

        // The copy opens with the same key and holds the same data.
        QByteArray original, restored;
        QCOMPARE(m_server.admin({ QStringLiteral("counts") }, &original), 0);
        QFile config(m_server.configFile());
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
        json.insert(QStringLiteral("dataDir"), backupDir);
        const QString restoreConfig = QDir(m_server.workDir()).filePath(QStringLiteral("restore.json"));
        QFile out(restoreConfig);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
        out.close();
        QProcess admin;
        admin.start(
            ServerProcess::adminBinary(), { QStringLiteral("--config"), restoreConfig, QStringLiteral("counts") });
        QVERIFY(admin.waitForFinished(30000));
        QCOMPARE(admin.exitCode(), 0);
        restored = admin.readAllStandardOutput();
        QJsonObject a = QJsonDocument::fromJson(original).object();
        QJsonObject b = QJsonDocument::fromJson(restored).object();
        QVERIFY(a.value(QStringLiteral("records")).toInt() > 0);
        QCOMPARE(b.value(QStringLiteral("records")), a.value(QStringLiteral("records")));
        QCOMPARE(b.value(QStringLiteral("cases")), a.value(QStringLiteral("cases")));
        QCOMPARE(b.value(QStringLiteral("users")), a.value(QStringLiteral("users")));
        admin.start(
            ServerProcess::adminBinary(), { QStringLiteral("--config"), restoreConfig, QStringLiteral("check") });
        QVERIFY(admin.waitForFinished(30000));
        QCOMPARE(admin.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
