// Fault: the real poruch-server is killed with SIGKILL at random moments while a tablet pushes full
// batches (200 items, ~1 KB bodies) over HTTP, then restarted on the same data folder; the tablet
// re-sends whatever was not acknowledged, as its outbox would. At the end both sides are compared by
// content hashes (a full pull): nothing lost, nothing duplicated, journal numbers gap-free, and the
// store passes `poruch-admin check` after every kill.
#include "formbodies.h"
#include "records/canonicalform.h"
#include "serverprocess.h"
#include "sync/syncmessages.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUuid>

using poruch::test::apiRequest;
using poruch::test::ServerProcess;
namespace records = poruch::records;
namespace wire = poruch::sync;

namespace {

constexpr int minMidBatchKills = 20; // kills that landed while a push request was in flight
constexpr int maxRuns = 40;
constexpr int casesPerRun = 6;
constexpr int recordsPerCase = 66; // 6 × 67 items = 402 items = 3 batches per run (the last one short)

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray hashOf(const QJsonObject& object)
{
    return QCryptographicHash::hash(records::canonicalJson(object), QCryptographicHash::Sha256).toHex();
}

// ~1 KB of Ukrainian free text, varied per record so no two bodies are equal.
QString note(QRandomGenerator& rng)
{
    static const QStringList words { QStringLiteral("сім'я"), QStringLiteral("дитина"), QStringLiteral("візит"),
        QStringLiteral("оцінювання"), QStringLiteral("потреби"), QStringLiteral("школа"), QStringLiteral("мати"),
        QStringLiteral("житло"), QStringLiteral("послуги"), QStringLiteral("безпека"), QStringLiteral("план") };
    QString text;
    while (text.size() < 480)
        text += words.at(rng.bounded(words.size())) + QLatin1Char(' ');
    return text;
}

struct Outbox {
    QString deviceId;
    QString token;
    qint64 nextSeq = 1;
};

} // namespace

class TestServerKill : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    Outbox m_tablet;
    QString m_checkerToken; // another tablet of the same worker, for reading everything back
    QHash<QString, QByteArray> m_sentRecords; // id → hash of the record JSON the tablet sent
    QHash<QString, QByteArray> m_sentCases;
    QHash<QString, QString> m_ackedJournal; // record id → journal number the push result carried
    int m_childNotices = 0;
    int m_kills = 0;
    int m_midBatchKills = 0;
    int m_resentBatches = 0;
    int m_duplicatesAnswered = 0;
    int m_lostReplies = 0;
    double m_batchMs = 150; // moving estimate of one push round trip, to aim the kills

    QUrl url(const QString& path) const { return m_server.baseUrl().resolved(QUrl(path)); }

    records::Case makeCase(QRandomGenerator& rng)
    {
        records::Case value;
        value.id = uuid();
        records::Member child;
        child.id = uuid();
        child.role = records::Member::Role::Child;
        child.fullName = QStringLiteral("Дитина %1").arg(rng.bounded(100000));
        child.birthDate = QDate(2012 + int(rng.bounded(10)), 1 + int(rng.bounded(12)), 1 + int(rng.bounded(28)));
        child.relation = QStringLiteral("child");
        value.members = { child };
        value.address = QStringLiteral("с. Тестове, вул. Садова, %1").arg(rng.bounded(300));
        value.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        value.updatedAt = value.createdAt;
        return value;
    }

    records::Record makeRecord(const QString& caseId, int index, QRandomGenerator& rng)
    {
        records::Record record;
        record.id = uuid();
        record.caseId = caseId;
        record.authorUserId = QStringLiteral("worker");
        record.authorDeviceId = m_tablet.deviceId;
        record.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).addSecs(index * 60);
        record.updatedAt = record.createdAt;
        switch (index % 3) {
        case 0: // a notice about a child: gets an official journal number on first ingest
            record.type = records::RecordType::Notice;
            record.formId = QStringLiteral("notice");
            record.body = poruch::test::completeFormBody(QStringLiteral("notice"),
                QJsonObject { { QStringLiteral("concernsChild"), true },
                    { QStringLiteral("receivedAt"), QStringLiteral("2026-03-02T09:00:00+02:00") },
                    { QStringLiteral("contentText"), note(rng) } });
            ++m_childNotices;
            break;
        case 1: // a finalized act
            record.type = records::RecordType::HomeVisit;
            record.formId = QStringLiteral("home_visit");
            record.body = poruch::test::completeFormBody(QStringLiteral("home_visit"),
                QJsonObject { { QStringLiteral("visitedAt"), QStringLiteral("2026-03-03T10:00:00+02:00") },
                    { QStringLiteral("observations"), note(rng) } });
            record.status = records::RecordStatus::Final;
            record.finalizedAt = record.updatedAt;
            record.contentHash = records::contentHash(record);
            break;
        default: // a draft at a later revision
            record.type = records::RecordType::NeedsAssessment;
            record.formId = QStringLiteral("needs_assessment");
            record.revision = 1;
            record.body = poruch::test::completeFormBody(QStringLiteral("needs_assessment"),
                QJsonObject { { QStringLiteral("complexity"), QStringLiteral("medium") } });
            break;
        }
        return record;
    }

    QList<QList<wire::PushItem>> makeBatches(QRandomGenerator& rng)
    {
        QList<wire::PushItem> items;
        for (int c = 0; c < casesPerRun; ++c) {
            wire::PushItem caseItem;
            caseItem.seq = m_tablet.nextSeq++;
            caseItem.kind = wire::PushItem::Kind::Case;
            caseItem.caseData = makeCase(rng);
            m_sentCases.insert(caseItem.caseData.id, hashOf(caseItem.caseData.toJson()));
            items << caseItem;
            for (int r = 0; r < recordsPerCase; ++r) {
                wire::PushItem item;
                item.seq = m_tablet.nextSeq++;
                item.record = makeRecord(caseItem.caseData.id, r, rng);
                m_sentRecords.insert(item.record.id, hashOf(item.record.toJson()));
                items << item;
            }
        }
        QList<QList<wire::PushItem>> batches;
        for (qsizetype i = 0; i < items.size(); i += wire::maxPushItems)
            batches << items.mid(i, wire::maxPushItems);
        return batches;
    }

    bool serverRunning() { return m_server.process().state() != QProcess::NotRunning; }

    // After a kill: the crashed store must pass the integrity check before the server opens it again.
    void checkAndRestart()
    {
        m_server.process().waitForFinished(10000);
        QByteArray out, err;
        const int rc = m_server.admin({ QStringLiteral("check") }, &out, &err);
        QVERIFY2(rc == 0,
            qPrintable(QStringLiteral("poruch-admin check after kill %1: %2 %3")
                           .arg(m_kills)
                           .arg(QString::fromUtf8(out), QString::fromUtf8(err))));
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    }

    // The lost reply: the server committed the batch and started answering, then died before the tablet
    // read the answer. The tablet must re-send, and the re-send must change nothing.
    void pushAndKillOnFirstReplyByte(const QList<wire::PushItem>& batch)
    {
        const QByteArray body = wire::PushRequest { m_tablet.deviceId, batch }.toJson();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nPoruch-Protocol: 1\r\nAuthorization: Bearer "
            + m_tablet.token.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForReadyRead(30000));
        m_server.process().kill(); // SIGKILL, the reply unread
        ++m_kills;
        ++m_lostReplies;
        socket.abort();
        checkAndRestart();
    }

    // Pushes one run's batches, killing the server once at a random moment; re-sends until every item
    // has a result, as the tablet's persistent outbox does.
    void pushWithKill(const QList<QList<wire::PushItem>>& batches, QRandomGenerator& rng, bool loseFirstReply)
    {
        // A batch may come back as duplicates only after it was sent before (an interrupted attempt); the
        // batch whose reply was lost after its commit must come back entirely as duplicates.
        bool resent = false;
        bool mustBeDuplicates = false;
        if (loseFirstReply) {
            pushAndKillOnFirstReplyByte(batches.first());
            if (QTest::currentTestFailed())
                return;
            resent = mustBeDuplicates = true;
        }
        const int window = qMax(20, int(m_batchMs * batches.size() * 0.95));
        const int delay = int(rng.bounded(window));
        bool killed = false;
        bool inFlight = false;
        bool killedInFlight = false;
        QTimer killer;
        killer.setSingleShot(true);
        connect(&killer, &QTimer::timeout, this, [&] {
            killed = true;
            ++m_kills;
            killedInFlight = inFlight;
            m_server.process().kill(); // SIGKILL
        });
        if (!loseFirstReply)
            killer.start(delay);
        else
            killed = true; // this run's kill already happened
        qsizetype next = 0;
        int attempts = 0;
        while (next < batches.size()) {
            QVERIFY2(++attempts < 20, "a batch could not be delivered after 20 attempts");
            const wire::PushRequest request { m_tablet.deviceId, batches.at(next) };
            QElapsedTimer clock;
            clock.start();
            inFlight = true;
            const auto reply
                = apiRequest("POST", url(QStringLiteral("/api/v1/sync/push")), request.toJson(), m_tablet.token);
            inFlight = false;
            if (reply.status == 0) {
                // The connection died with the server: restart it and send the same batch again.
                QVERIFY2(killed, qPrintable(QStringLiteral("push failed without a kill: %1").arg(reply.networkError)));
                if (killedInFlight)
                    ++m_midBatchKills; // the request this kill interrupted never got its reply
                killedInFlight = false;
                checkAndRestart();
                if (QTest::currentTestFailed())
                    return;
                ++m_resentBatches;
                resent = true;
                continue;
            }
            QVERIFY2(reply.status == 200,
                qPrintable(
                    QStringLiteral("push answered %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))));
            const auto response = wire::PushResponse::fromJson(reply.body);
            QVERIFY(bool(response));
            QCOMPARE(response->results.size(), batches.at(next).size());
            for (qsizetype i = 0; i < response->results.size(); ++i) {
                const wire::PushResult& result = response->results.at(i);
                const wire::PushItem& item = batches.at(next).at(i);
                QCOMPARE(result.seq, item.seq);
                const QString status = wire::pushStatusId(result.status);
                QVERIFY2(status == QLatin1String("applied") || status == QLatin1String("duplicate"),
                    qPrintable(QStringLiteral("seq %1: %2 %3").arg(item.seq).arg(status, result.reason.code)));
                if (status == QLatin1String("duplicate")) {
                    ++m_duplicatesAnswered;
                    QVERIFY2(resent, "a duplicate answer to a batch that was never sent before");
                } else {
                    QVERIFY2(!mustBeDuplicates, "a committed batch was applied again after its reply was lost");
                }
                if (item.kind == wire::PushItem::Kind::Record && !result.journalNumber.isEmpty())
                    m_ackedJournal.insert(item.record.id, result.journalNumber);
            }
            m_batchMs = 0.7 * m_batchMs + 0.3 * double(clock.elapsed());
            ++next;
            resent = mustBeDuplicates = false;
        }
        killer.stop();
        if (!killed) {
            // The kill was due after the last reply: kill now (between syncs) so every run restarts.
            ++m_kills;
            m_server.process().kill();
            checkAndRestart();
        } else if (serverRunning() == false) {
            checkAndRestart();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QByteArray out, err;
        QCOMPARE(m_server.admin({ QStringLiteral("create-user"), QStringLiteral("worker"), QStringLiteral("--role"),
                                    QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("W") },
                     &out, &err),
            0);
        QCOMPARE(m_server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker") }, &out), 0);
        const auto reply = apiRequest("POST", url(QStringLiteral("/api/v1/enroll")),
            QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromUtf8(out).trimmed() },
                              { QStringLiteral("deviceLabel"), QStringLiteral("fault tablet") } })
                .toJson());
        QCOMPARE(reply.status, 201);
        const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        m_tablet.deviceId = body.value(QStringLiteral("deviceId")).toString();
        m_tablet.token = body.value(QStringLiteral("token")).toString();
        QVERIFY(!m_tablet.token.isEmpty());

        // A second tablet of the same worker reads the server back: a pull leaves out the puller's own
        // pushes (docs/sync-protocol.md), so the pushing tablet itself would see none of them.
        QCOMPARE(m_server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker") }, &out), 0);
        const auto checker = apiRequest("POST", url(QStringLiteral("/api/v1/enroll")),
            QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromUtf8(out).trimmed() },
                              { QStringLiteral("deviceLabel"), QStringLiteral("checking tablet") } })
                .toJson());
        QCOMPARE(checker.status, 201);
        m_checkerToken = QJsonDocument::fromJson(checker.body).object().value(QStringLiteral("token")).toString();
        QVERIFY(!m_checkerToken.isEmpty());
    }

    void killMidBatchLosesAndDuplicatesNothing()
    {
        QElapsedTimer total;
        total.start();
        int runs = 0;
        while (m_midBatchKills < minMidBatchKills && runs < maxRuns) {
            const quint32 seed = 20260300u + quint32(runs);
            QRandomGenerator rng(seed);
            const auto batches = makeBatches(rng);
            pushWithKill(batches, rng, runs % 4 == 3); // every 4th run: the reply to a committed batch is lost
            if (QTest::currentTestFailed()) {
                qWarning() << "failed in run" << runs + 1 << "seed" << seed;
                return;
            }
            ++runs;
        }
        qInfo("%d runs, %d kills (%d while a push was in flight, %d after a commit with the reply lost), %d batches "
              "re-sent, %d items answered duplicate, %lld s",
            runs, m_kills, m_midBatchKills, m_lostReplies, m_resentBatches, m_duplicatesAnswered,
            qint64(total.elapsed() / 1000));
        QVERIFY2(m_midBatchKills >= minMidBatchKills,
            qPrintable(QStringLiteral("only %1 kills landed mid-batch in %2 runs").arg(m_midBatchKills).arg(runs)));
    }

    void serverHoldsExactlyWhatWasSent()
    {
        QHash<QString, int> recordSeen, caseSeen;
        QHash<QString, QByteArray> serverRecords, serverCases;
        QSet<QString> definitionsSeen;
        QList<int> journal;
        const QString year = QString::number(QDate::currentDate().year());
        qint64 cursor = 0;
        for (bool more = true; more;) {
            const auto reply
                = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=1000").arg(cursor)),
                    QByteArray(), m_checkerToken);
            QCOMPARE(reply.status, 200);
            const auto page = wire::PullResponse::fromJson(reply.body);
            QVERIFY(bool(page));
            for (const wire::Change& change : page->changes) {
                if (change.kind == wire::Change::Kind::Record) {
                    ++recordSeen[change.record.id];
                    serverRecords.insert(change.record.id, hashOf(change.record.toJson()));
                    if (!change.journalNumber.isEmpty()) {
                        QVERIFY2(
                            change.journalNumber.startsWith(year + QLatin1Char('/')), qPrintable(change.journalNumber));
                        journal << change.journalNumber.section(QLatin1Char('/'), 1).toInt();
                        QCOMPARE(m_ackedJournal.value(change.record.id), change.journalNumber);
                    }
                } else if (change.kind == wire::Change::Kind::Case) {
                    ++caseSeen[change.caseData.id];
                    serverCases.insert(change.caseData.id, hashOf(change.caseData.toJson()));
                } else if (change.kind == wire::Change::Kind::Form || change.kind == wire::Change::Kind::Catalog) {
                    // Announced once per version, however often the server was killed and started again.
                    const QString key = wire::changeKindId(change.kind) + QLatin1Char(':')
                        + change.definition.value(QStringLiteral("id")).toString() + QLatin1Char('@')
                        + QString::number(change.definition.value(QStringLiteral("version")).toInt());
                    QVERIFY2(!definitionsSeen.contains(key), qPrintable(key));
                    definitionsSeen.insert(key);
                } else {
                    QFAIL(qPrintable(QStringLiteral("unexpected change kind %1").arg(wire::changeKindId(change.kind))));
                }
            }
            QVERIFY(page->nextCursor >= cursor);
            cursor = page->nextCursor;
            more = page->hasMore;
        }
        QVERIFY(!definitionsSeen.isEmpty()); // the form definitions travel by pull

        int lost = 0, changed = 0, duplicated = 0, extra = 0;
        for (auto it = m_sentRecords.cbegin(); it != m_sentRecords.cend(); ++it) {
            if (!serverRecords.contains(it.key()))
                ++lost;
            else if (serverRecords.value(it.key()) != it.value())
                ++changed;
        }
        for (auto it = m_sentCases.cbegin(); it != m_sentCases.cend(); ++it) {
            if (!serverCases.contains(it.key()))
                ++lost;
            else if (serverCases.value(it.key()) != it.value())
                ++changed;
        }
        for (auto it = recordSeen.cbegin(); it != recordSeen.cend(); ++it)
            duplicated += it.value() - 1;
        for (auto it = caseSeen.cbegin(); it != caseSeen.cend(); ++it)
            duplicated += it.value() - 1;
        extra = int(serverRecords.size() - m_sentRecords.size() + serverCases.size() - m_sentCases.size()) + lost;
        qInfo("compared %lld records and %lld cases by content hash: %d lost, %d changed, %d duplicated, %d extra",
            qint64(m_sentRecords.size()), qint64(m_sentCases.size()), lost, changed, duplicated, extra);
        QCOMPARE(lost, 0);
        QCOMPARE(changed, 0);
        QCOMPARE(duplicated, 0);
        QCOMPARE(extra, 0);

        // Journal numbers: exactly 1..N for the N notices about children, each once.
        std::sort(journal.begin(), journal.end());
        QCOMPARE(journal.size(), m_childNotices);
        for (qsizetype i = 0; i < journal.size(); ++i)
            QCOMPARE(journal.at(i), int(i + 1));

        // The store's own counts agree, and a final kill leaves a store that passes the check.
        m_server.process().kill();
        m_server.process().waitForFinished(10000);
        QByteArray out, err;
        QCOMPARE(m_server.admin({ QStringLiteral("check") }, &out, &err), 0);
        QCOMPARE(m_server.admin({ QStringLiteral("counts") }, &out, &err), 0);
        const QJsonObject counts = QJsonDocument::fromJson(out).object();
        QCOMPARE(counts.value(QStringLiteral("records")).toInt(), int(m_sentRecords.size()));
        QCOMPARE(counts.value(QStringLiteral("cases")).toInt(), int(m_sentCases.size()));
    }
};

QTEST_GUILESS_MAIN(TestServerKill)
#include "tst_serverkill.moc"
