// Unit: the tablet's local sync state on a real encrypted store: outbox written with the change in one
// transaction, sequence numbers never reused, batches, push results, atomic pull + cursor, conflicts,
// and the retry back-off.
#include "clientdevice.h"
#include "sync/backoff.h"

#include <QTest>

using namespace clienttest;
using client::EntityState;
using client::LocalSyncStore;
using poruch::sync::Change;
using poruch::sync::PullResponse;
using poruch::sync::PushResponse;
using poruch::sync::PushResult;

class TestLocalSyncStore : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Device> m_device;

    LocalSyncStore& local() { return *m_device->local; }

    PushResult result(qint64 seq, PushResult::Status status, int revision = 0)
    {
        PushResult r;
        r.seq = seq;
        r.status = status;
        r.revision = revision;
        r.serverRevision = revision;
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_device = std::make_unique<Device>();
        m_device->userId = QStringLiteral("u-1");
        m_device->deviceId = QStringLiteral("d-1");
        QVERIFY(m_device->open(true));
    }

    void cleanup() { m_device.reset(); }

    void outboxEntryIsWrittenWithTheChange()
    {
        const QString caseId = m_device->newCase(QStringLiteral("Шевченко")).id;
        const records::Record draft = m_device->newNotice(caseId, true);
        const auto outbox = *local().outbox();
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).entityId, caseId);
        QCOMPARE(outbox.at(1).entityId, draft.id);
        QCOMPARE(outbox.at(1).baseRevision, 0);
        QVERIFY(outbox.at(0).seq < outbox.at(1).seq);
        QCOMPARE(m_device->stateOf(draft.id), EntityState::Pending);

        // A failed save writes no outbox entry, and an outer rollback removes both.
        records::Record orphan = draft;
        orphan.id.clear();
        orphan.caseId = uuid();
        QCOMPARE(local().saveDraft(orphan).error().code, QStringLiteral("records.unknown_case"));
        const auto rolledBack = m_device->db->transaction([&]() -> poruch::Result<void> {
            records::Case empty;
            empty.phone = empty.address = QStringLiteral("");
            if (!local().saveCase(empty))
                return poruch::Error { QStringLiteral("test.setup"), QStringLiteral("save failed") };
            return poruch::Error { QStringLiteral("test.abort"), QStringLiteral("abort on purpose") };
        });
        QVERIFY(!rolledBack);
        QCOMPARE(local().outbox()->size(), 2);
        QCOMPARE(*local().repository().countCases(), 1);
    }

    void sequenceNumbersAreNeverReused()
    {
        const QString caseId = m_device->newCase(QStringLiteral("Коваленко")).id;
        const records::Record draft = m_device->newNotice(caseId, false);
        auto batch = *local().nextBatch(200);
        QCOMPARE(batch.size(), 2);
        const qint64 highest = batch.last().seq;
        QVERIFY(local().markAttempted(batch));
        PushResponse response;
        for (const auto& entry : batch)
            response.results.append(result(entry.seq, PushResult::Status::Applied, entry.revision));
        QCOMPARE(local().applyPushResults(batch, response)->applied, 2);
        QCOMPARE(local().outbox()->size(), 0);
        m_device->edit(draft.id, QStringLiteral("contentText"), QStringLiteral("друга"));
        const auto next = *local().outbox();
        QCOMPARE(next.size(), 1);
        QVERIFY(next.first().seq > highest); // AUTOINCREMENT: deleted numbers never come back
        QCOMPARE(next.first().baseRevision, 1);
        QCOMPARE(next.first().revision, 2);
    }

    void unsentEditsCoalesceAndBatchesHoldOneEntryPerRecord()
    {
        const QString caseId = m_device->newCase(QStringLiteral("Бондар")).id;
        const records::Record draft = m_device->newNotice(caseId, false);
        auto first = *local().nextBatch(200);
        QVERIFY(local().markAttempted(first)); // "on the wire": must stay as it is
        for (int i = 0; i < 5; ++i)
            m_device->edit(draft.id, QStringLiteral("contentText"), QString::number(i));
        const auto outbox = *local().outbox();
        QCOMPARE(outbox.size(), 3); // case + attempted rev 1 + one coalesced entry for revisions 2..6
        QCOMPARE(outbox.last().revision, 6);
        QCOMPARE(outbox.last().baseRevision, 1);
        const auto batch = *local().nextBatch(200);
        QCOMPARE(batch.size(), 2); // rev 6 waits for the answer to rev 1
        QCOMPARE(batch.at(1).revision, 1);
        QCOMPARE(local().nextBatch(1)->size(), 1);
    }

    void resultsDeleteOnlyAnsweredEntries_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("state");
        QTest::newRow("applied") << int(PushResult::Status::Applied) << QStringLiteral("sent");
        QTest::newRow("duplicate") << int(PushResult::Status::Duplicate) << QStringLiteral("sent");
        QTest::newRow("conflict") << int(PushResult::Status::Conflict) << QStringLiteral("conflict");
        QTest::newRow("rejected") << int(PushResult::Status::Rejected) << QStringLiteral("rejected");
    }

    void resultsDeleteOnlyAnsweredEntries()
    {
        QFETCH(int, status);
        QFETCH(QString, state);
        const QString caseId = m_device->newCase(QStringLiteral("Мельник")).id;
        const records::Record a = m_device->newNotice(caseId, false);
        const records::Record b = m_device->newNotice(caseId, false);
        const auto batch = *local().nextBatch(200);
        QVERIFY(local().markAttempted(batch));
        m_device->edit(a.id, QStringLiteral("contentText"), QStringLiteral("пізніше")); // later edit of a
        PushResponse response;
        response.results.append(result(batch.at(0).seq, PushResult::Status::Applied));
        PushResult forA = result(batch.at(1).seq, PushResult::Status(status), 1);
        forA.journalNumber = QStringLiteral("2026/7");
        forA.reason = poruch::Error { QStringLiteral("immutable"), QStringLiteral("final") };
        response.results.append(forA);
        // No result for b: it stays in the outbox.
        QVERIFY(local().applyPushResults(batch, response));
        QCOMPARE(client::entityStateId(m_device->stateOf(a.id)),
            state == QLatin1String("sent") ? QStringLiteral("pending") : state);
        QCOMPARE(*local().journalNumber(a.id), QStringLiteral("2026/7"));
        const auto outbox = *local().outbox();
        QList<QString> left;
        for (const auto& entry : outbox)
            left.append(entry.entityId);
        QVERIFY(left.contains(b.id));
        // The later edit of a is dropped after a conflict/rejection (it was built on the refused revision).
        QCOMPARE(left.contains(a.id), state == QLatin1String("sent"));
        if (state == QLatin1String("conflict")) {
            const auto kept = *local().conflict(a.id);
            QVERIFY(kept.has_value());
            QCOMPARE(kept->mine.revision, 2);
            QCOMPARE(kept->serverRevision, 1);
            QVERIFY(!kept->theirs);
            QCOMPARE(local().resolveKeepTheirs(a.id).error().code, QStringLiteral("sync.server_revision_unknown"));
            const auto mine = local().resolveKeepMine(a.id);
            QVERIFY(mine);
            QCOMPARE(mine->revision, 2);
            QCOMPARE(local().outbox()->last().baseRevision, 1);
        }
        if (state == QLatin1String("rejected"))
            QCOMPARE((*local().stateOf(a.id))->reason.code, QStringLiteral("immutable"));
    }

    void pullIsAppliedWithItsCursorOrNotAtAll()
    {
        records::Case value;
        value.id = uuid();
        records::Member adult;
        adult.id = uuid();
        adult.fullName = QStringLiteral("Петренко Іван");
        adult.relation = QStringLiteral("applicant");
        value.members = { adult };
        value.address = QStringLiteral("м. Київ");
        value.phone = QStringLiteral("");
        value.createdAt = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
        value.updatedAt = QDateTime(QDate(2026, 2, 5), QTime(8, 0), Qt::OffsetFromUTC, 7200);
        records::Record record;
        record.id = uuid();
        record.formId = QStringLiteral("notice");
        record.caseId = value.id;
        record.body = QJsonObject { { QStringLiteral("concernsChild"), true } };
        record.revision = 3;
        record.authorUserId = QStringLiteral("u-9");
        record.authorDeviceId = QStringLiteral("d-9");
        record.createdAt = record.updatedAt = value.updatedAt;

        PullResponse page;
        Change c1;
        c1.cursor = 10;
        c1.kind = Change::Kind::Case;
        c1.caseData = value;
        Change c2;
        c2.cursor = 11;
        c2.kind = Change::Kind::Record;
        c2.record = record;
        c2.journalNumber = QStringLiteral("2026/1");
        records::Record forged = record;
        forged.id = uuid();
        forged.status = records::RecordStatus::Final;
        forged.finalizedAt = record.updatedAt;
        forged.contentHash = QString(64, QLatin1Char('0')); // does not match: the page must not apply
        Change c3 = c2;
        c3.cursor = 12;
        c3.record = forged;
        page.changes = { c1, c2, c3 };
        page.nextCursor = 12;
        QVERIFY(!local().applyPull(page));
        QCOMPARE(*local().cursor(), 0);
        QCOMPARE(*local().repository().countCases(), 0);

        page.changes = { c1, c2 };
        QVERIFY(local().applyPull(page));
        QCOMPARE(*local().cursor(), 12);
        QCOMPARE(local().repository().getCase(value.id)->toJson(), value.toJson());
        QCOMPARE(local().repository().getRecord(record.id)->toJson(), record.toJson());
        QCOMPARE(*local().journalNumber(record.id), QStringLiteral("2026/1"));
        QCOMPARE(local().outbox()->size(), 0); // pulled changes are not pushed back

        // A local edit is never overwritten by a pull; the server's copy is kept next to it.
        m_device->edit(record.id, QStringLiteral("contentText"), QStringLiteral("моя"));
        records::Record newer = record;
        newer.revision = 4;
        newer.body.insert(QStringLiteral("contentText"), QStringLiteral("їхня"));
        Change c4 = c2;
        c4.cursor = 13;
        c4.record = newer;
        page.changes = { c4 };
        page.nextCursor = 13;
        QVERIFY(local().applyPull(page));
        QCOMPARE(local().repository().getRecord(record.id)->body.value(QStringLiteral("contentText")).toString(),
            QStringLiteral("моя"));

        // The case leaves the caseload: everything of it goes, final records included.
        QVERIFY(local().discardRejected(record.id).error().code == QStringLiteral("sync.not_rejected"));
        Change removed;
        removed.cursor = 14;
        removed.kind = Change::Kind::CaseRemoved;
        removed.caseId = value.id;
        page.changes = { removed };
        page.nextCursor = 14;
        QVERIFY(local().applyPull(page));
        QVERIFY(!local().repository().getCase(value.id));
        QVERIFY(!local().repository().getRecord(record.id));
        QCOMPARE(*local().cursor(), 14);
        // Outside a purge, final records stay immutable.
        const QString caseId = m_device->newCase(QStringLiteral("Лисенко")).id;
        const records::Record act = m_device->newNotice(caseId, false);
        QVERIFY(local().finalize(act.id));
        QCOMPARE(
            m_device->db->exec(QStringLiteral("DELETE FROM records")).error().code, QStringLiteral("store.immutable"));
    }

    void enrollmentLivesInTheStore()
    {
        QVERIFY(!*local().enrollment());
        client::Enrollment e;
        e.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:8443"));
        e.deviceId = QStringLiteral("dev");
        e.token = QStringLiteral("secret-token");
        e.tokenExpiresAt = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        e.certificatePem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\n");
        e.userId = QStringLiteral("u-1");
        QVERIFY(local().saveEnrollment(e));
        m_device->close();
        QVERIFY(m_device->open(false));
        const auto stored = *local().enrollment();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->token, e.token);
        QCOMPARE(stored->tokenExpiresAt, e.tokenExpiresAt);
        QCOMPARE(stored->certificatePem, e.certificatePem);
        // Nothing of it is readable in the files.
        m_device->close();
        for (const QString& suffix : { QString(), QStringLiteral("-wal") }) {
            QFile file(m_device->dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                QVERIFY(!file.readAll().contains("secret-token"));
        }
    }

    void backoffDoublesToFiveMinutesWithJitter()
    {
        double jitter = 0.5;
        client::Backoff backoff(2000, 300000, [&] { return jitter; });
        const QList<int> expected { 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000 };
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(backoff.nextDelayMs(), expected.at(i));
        backoff.reset();
        jitter = 0.0;
        QCOMPARE(backoff.nextDelayMs(), 1600);
        jitter = 0.999999;
        QVERIFY(qAbs(backoff.nextDelayMs() - 4800) <= 1);
    }
};

QTEST_GUILESS_MAIN(TestLocalSyncStore)
#include "tst_localsyncstore.moc"
