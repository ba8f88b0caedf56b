// Fault: the tablet (tests/client/synctool) is killed with SIGKILL at random points of a sync, ≥ 30 times,
// with new offline work between the runs. Then one sync to completion, and both sides are compared by
// content: every record on the server exactly once with the tablet's content, journal numbers gap-free.
#include "clientdevice.h"
#include "serverpeek.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace clienttest;
using poruch::test::ServerProcess;

namespace {

QString tool()
{
    return QStringLiteral(PORUCH_SYNCTOOL_BINARY);
}

int run(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr)
{
    QProcess process;
    process.start(tool(), args);
    if (!process.waitForFinished(60000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedAtRandomPointsLosesAndDuplicatesNothing()
    {
        ServerProcess server;
        QVERIFY2(server.start({}, true), qPrintable(server.error()));
        QCOMPARE(server.admin({ QStringLiteral("create-user"), QStringLiteral("worker"), QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("Тест") }),
            0);
        QByteArray code;
        server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker") }, &code);
        QTemporaryDir dir;
        const QString fingerprint = client::CertificatePin::fingerprint(server.tls().certificate);
        QByteArray err;
        QCOMPARE(run({ dir.path(), QStringLiteral("enroll"), server.baseUrl().toString(),
                         QString::fromUtf8(code).trimmed(), fingerprint },
                     nullptr, &err),
            0);

        QRandomGenerator random(QRandomGenerator::global()->generate());
        const quint32 seed = random.generate();
        qInfo("seed %u", seed);
        random.seed(seed);
        // Until at least 30 runs were really killed mid-sync (a run that finished before its kill counts
        // as completed, not as killed), at least 10 of them after the server had taken some of the run's
        // items (kills after requests, not only before the first one).
        int killed = 0;
        int killedAfterItems = 0;
        int completed = 0;
        int runs = 0;
        int receipts = 0;
        constexpr int perRun = 12;
        qint64 window = 300; // ms; upper bound of the kill delay
        while ((killed < 30 || killedAfterItems < 10) && runs < 200) {
            ++runs;
            QCOMPARE(
                run({ dir.path(), QStringLiteral("add"), QString::number(perRun), QString::number(random.generate()) },
                    nullptr, &err),
                0);
            QProcess sync;
            QElapsedTimer clock;
            clock.start();
            sync.start(tool(), { dir.path(), QStringLiteral("sync"), QStringLiteral("4") });
            QVERIFY(sync.waitForStarted());
            // Anywhere from before the first request to after the last one. The window follows the
            // machine's speed both ways: a run that finishes first shrinks it to how long a whole sync
            // took, a kill before any item got through widens it (a loaded machine starts slowly).
            if (sync.waitForFinished(int(random.bounded(5u, quint32(window))))) {
                window = std::max<qint64>(20, clock.elapsed());
            } else {
                sync.kill(); // SIGKILL
                QVERIFY(sync.waitForFinished(20000));
            }
            const int nowReceipts = serverCount(server, QStringLiteral("push_receipts"));
            const bool tookItems = nowReceipts > receipts;
            receipts = nowReceipts;
            if (sync.exitStatus() == QProcess::CrashExit) {
                ++killed;
                if (tookItems)
                    ++killedAfterItems;
                else
                    window = std::min<qint64>(window + window / 4 + 1, 5000);
            } else if (sync.exitCode() == 0) {
                ++completed;
            }
        }
        qInfo("runs %d, killed %d (%d after the server took items), completed before the kill %d, kill window "
              "%lld ms",
            runs, killed, killedAfterItems, completed, window);
        QVERIFY2(killedAfterItems >= 10, "at least 10 runs must be killed after the server took some items");
        QVERIFY2(killed >= 30, "at least 30 runs must be killed mid-sync");

        int exitCode = 1;
        for (int attempt = 0; attempt < 3 && exitCode != 0; ++attempt)
            exitCode = run({ dir.path(), QStringLiteral("sync") }, nullptr, &err);
        QVERIFY2(exitCode == 0, err.constData());

        QByteArray out;
        QCOMPARE(run({ dir.path(), QStringLiteral("dump") }, &out), 0);
        QList<QByteArray> lines = out.trimmed().split('\n');
        const QJsonObject summary = QJsonDocument::fromJson(lines.takeLast()).object();
        QCOMPARE(summary.value(QStringLiteral("outbox")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("conflicts")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 0);
        QCOMPARE(lines.size(), runs * perRun);

        int serverRows = 0;
        const auto onServer = serverRecords(server, &serverRows);
        QCOMPARE(serverRows, lines.size()); // 0 duplicated
        int lost = 0;
        int differ = 0;
        QList<int> numbers;
        for (const QByteArray& line : lines) {
            const QJsonObject local = QJsonDocument::fromJson(line).object();
            const QString id = local.value(QStringLiteral("id")).toString();
            QCOMPARE(local.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
            if (!onServer.contains(id)) {
                ++lost;
                continue;
            }
            const ServerRecord& remote = onServer.value(id);
            differ += recordDigest(remote.record) != local.value(QStringLiteral("digest")).toString().toLatin1();
            QCOMPARE(local.value(QStringLiteral("journal")).toString(), remote.journalNumber);
            if (!remote.journalNumber.isEmpty())
                numbers.append(remote.journalNumber.section(QLatin1Char('/'), 1).toInt());
        }
        QCOMPARE(lost, 0);
        QCOMPARE(differ, 0);
        std::sort(numbers.begin(), numbers.end());
        QCOMPARE(numbers.size(), runs * perRun / 2); // every other notice is about a child
        for (int i = 0; i < numbers.size(); ++i)
            QCOMPARE(numbers.at(i), i + 1); // gap-free, each number once
        QCOMPARE(serverCount(server, QStringLiteral("cases")), summary.value(QStringLiteral("cases")).toInt());
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
