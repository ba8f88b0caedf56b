// SyncService on a real encrypted EmbeddedStore with an injected clock: expiry of tokens and enrollment
// codes, token refresh, journal numbering per unit and Kyiv year, audit of reads and writes.
#include "records/canonicalform.h"
#include "storage/embeddedstore.h"
#include "store/database.h"
#include "store/secretbytes.h"
#include "sync/syncservice.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace poruch::server;
namespace records = poruch::records;
namespace wire = poruch::sync;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool writeKey(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(QByteArray(32, '\x5a').toHex()) == 64;
}

} // namespace

class TestSyncService : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedStore> m_store;
    QDateTime m_now = QDateTime(QDate(2026, 12, 31), QTime(20, 0), Qt::UTC); // 22:00 in Kyiv
    std::unique_ptr<SyncService> m_service;

    User addUser(const QString& name, const QString& unit)
    {
        User user { uuid(), name, QStringLiteral("U"), Role::SocialWorker, unit, QString(), false, m_now };
        [&] { QVERIFY(m_store->insertUser(user).ok()); }();
        return user;
    }

    wire::PushItem noticeAbout(const QString& caseId, qint64 seq)
    {
        records::Record record;
        record.id = uuid();
        record.type = records::RecordType::Notice;
        record.formId = QStringLiteral("notice");
        record.caseId = caseId;
        record.body = QJsonObject { { QStringLiteral("concernsChild"), true } };
        record.createdAt = m_now;
        record.updatedAt = m_now;
        wire::PushItem item;
        item.seq = seq;
        item.record = record;
        return item;
    }

    static wire::PushItem caseItem(const QString& caseId, qint64 seq, const QDateTime& at)
    {
        wire::PushItem item;
        item.seq = seq;
        item.kind = wire::PushItem::Kind::Case;
        item.caseData.id = caseId;
        item.caseData.createdAt = at;
        item.caseData.updatedAt = at;
        return item;
    }

    // A draft action (form version 3) whose relatesTo names a record: drafts check only what is present.
    wire::PushItem actionAbout(const QString& caseId, const QString& relatesTo, qint64 seq)
    {
        wire::PushItem item = noticeAbout(caseId, seq);
        item.record.type = records::RecordType::Action;
        item.record.formId = QStringLiteral("action");
        item.record.formVersion = 3;
        item.record.body = QJsonObject { { QStringLiteral("relatesTo"), relatesTo } };
        return item;
    }

    Session enrolledSession(const QString& name)
    {
        const User user = addUser(name, QStringLiteral("default"));
        const auto code = m_service->createEnrollmentCode(user.id, QStringLiteral("test"));
        const auto enrolled = m_service->enroll(*code, QStringLiteral("t"));
        const auto session = m_service->authenticate(enrolled->token);
        return *session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(writeKey(m_dir.filePath(QStringLiteral("key"))));
        auto store = EmbeddedStore::open(m_dir.path(), m_dir.filePath(QStringLiteral("key")));
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
        m_store = std::move(store).value();
        m_service = std::make_unique<SyncService>(*m_store, [this] { return m_now; });
    }

    void enrollmentCodesExpireAfter24Hours()
    {
        const User user = addUser(QStringLiteral("expiry"), QStringLiteral("default"));
        const auto code = m_service->createEnrollmentCode(user.id, QStringLiteral("test"));
        QVERIFY(code.ok());
        m_now = m_now.addSecs(24 * 3600 + 1);
        const auto late = m_service->enroll(*code, QStringLiteral("t"));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, QStringLiteral("enrollment_code_invalid"));
        const auto fresh = m_service->createEnrollmentCode(user.id, QStringLiteral("test"));
        QVERIFY(m_service->enroll(*fresh, QStringLiteral("t")).ok());
        m_now = m_now.addSecs(-(24 * 3600 + 1));
    }

    void tokensExpireAndRefreshReplacesThem()
    {
        const User user = addUser(QStringLiteral("tokens"), QStringLiteral("default"));
        const auto code = m_service->createEnrollmentCode(user.id, QStringLiteral("test"));
        const auto enrolled = m_service->enroll(*code, QStringLiteral("t"));
        QVERIFY(enrolled.ok());
        QVERIFY(m_service->authenticate(enrolled->token).ok());

        const auto session = m_service->authenticate(enrolled->token);
        const auto refreshed = m_service->refreshToken(*session);
        QVERIFY(refreshed.ok());
        QCOMPARE(m_service->authenticate(enrolled->token).error().code, QStringLiteral("unauthorized"));
        QVERIFY(m_service->authenticate(refreshed->token).ok());

        const QDateTime saved = m_now;
        m_now = refreshed->tokenExpiresAt.addSecs(1);
        QCOMPARE(m_service->authenticate(refreshed->token).error().code, QStringLiteral("token_expired"));
        // Revocation is reported even past expiry, so the tablet learns to wipe itself.
        QVERIFY(m_service->revokeDevice(refreshed->deviceId, QStringLiteral("test")).ok());
        QCOMPARE(m_service->authenticate(refreshed->token).error().code, QStringLiteral("device_revoked"));
        m_now = saved;
    }

    void journalNumbersArePerUnitAndKyivYear()
    {
        const User north = addUser(QStringLiteral("north"), QStringLiteral("north"));
        const User south = addUser(QStringLiteral("south"), QStringLiteral("south"));
        const auto northSession = m_service->authenticate(
            m_service->enroll(*m_service->createEnrollmentCode(north.id, QStringLiteral("t")), QStringLiteral("n"))
                ->token);
        const auto southSession = m_service->authenticate(
            m_service->enroll(*m_service->createEnrollmentCode(south.id, QStringLiteral("t")), QStringLiteral("s"))
                ->token);
        QVERIFY(northSession.ok() && southSession.ok());

        auto pushNotices = [&](const Session& session, qint64 firstSeq, int count) {
            const QString caseId = uuid();
            wire::PushRequest request { session.device.id, {} };
            wire::PushItem caseItem;
            caseItem.seq = firstSeq;
            caseItem.kind = wire::PushItem::Kind::Case;
            caseItem.caseData.id = caseId;
            caseItem.caseData.createdAt = m_now;
            caseItem.caseData.updatedAt = m_now;
            request.items.append(caseItem);
            for (int i = 0; i < count; ++i)
                request.items.append(noticeAbout(caseId, firstSeq + 1 + i));
            QStringList numbers;
            const auto response = m_service->push(session, request);
            if (response)
                for (const auto& result : response->results.mid(1))
                    numbers << result.journalNumber;
            return numbers;
        };
        // 31 Dec 22:00 in Kyiv (20:00 UTC): still 2026 there.
        QCOMPARE(
            pushNotices(*northSession, 1, 2), (QStringList { QStringLiteral("2026/1"), QStringLiteral("2026/2") }));
        QCOMPARE(pushNotices(*southSession, 1, 1), (QStringList { QStringLiteral("2026/1") }));
        // 22:30 UTC is already 00:30 on 1 January in Kyiv: a new year starts at 1.
        m_now = QDateTime(QDate(2026, 12, 31), QTime(22, 30), Qt::UTC);
        QCOMPARE(
            pushNotices(*northSession, 10, 2), (QStringList { QStringLiteral("2027/1"), QStringLiteral("2027/2") }));
        QCOMPARE(pushNotices(*northSession, 20, 1), (QStringList { QStringLiteral("2027/3") }));
    }

    void recordReferencesMustNameARecordOfTheSameCase_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("same case, earlier batch") << QStringLiteral("same case") << true;
        QTest::newRow("same batch, earlier item") << QStringLiteral("earlier in batch") << true;
        QTest::newRow("same batch, later item") << QStringLiteral("later in batch") << false;
        QTest::newRow("another case of the caseload") << QStringLiteral("other case") << false;
        QTest::newRow("unknown id") << QStringLiteral("unknown") << false;
        QTest::newRow("a case of another caseload") << QStringLiteral("other caseload") << false;
        QTest::newRow("the record itself") << QStringLiteral("itself") << false;
    }

    void recordReferencesMustNameARecordOfTheSameCase()
    {
        QFETCH(QString, target);
        QFETCH(bool, accepted);
        const Session worker = enrolledSession(QStringLiteral("refs-") + uuid());
        const Session stranger = enrolledSession(QStringLiteral("refs-") + uuid());
        // On the server already: the worker's cases A and B and the stranger's case C, one notice each.
        const QString caseA = uuid();
        const QString caseB = uuid();
        const QString caseC = uuid();
        const wire::PushItem noticeA = noticeAbout(caseA, 3);
        const wire::PushItem noticeB = noticeAbout(caseB, 4);
        const wire::PushItem noticeC = noticeAbout(caseC, 2);
        const auto seeded = m_service->push(worker,
            wire::PushRequest {
                worker.device.id, { caseItem(caseA, 1, m_now), caseItem(caseB, 2, m_now), noticeA, noticeB } });
        const auto strangers = m_service->push(
            stranger, wire::PushRequest { stranger.device.id, { caseItem(caseC, 1, m_now), noticeC } });
        QVERIFY(seeded.ok() && strangers.ok());
        for (const auto& result : seeded->results + strangers->results)
            QCOMPARE(result.status, wire::PushResult::Status::Applied);

        // The next batch: the action about case A, with a new notice of case A before or after it.
        const wire::PushItem newNotice = noticeAbout(caseA, 0);
        QString relatesTo;
        if (target == QLatin1String("same case"))
            relatesTo = noticeA.record.id;
        else if (target.endsWith(QLatin1String("in batch")))
            relatesTo = newNotice.record.id;
        else if (target == QLatin1String("other case"))
            relatesTo = noticeB.record.id;
        else if (target == QLatin1String("other caseload"))
            relatesTo = noticeC.record.id;
        else
            relatesTo = uuid();
        wire::PushItem action = actionAbout(caseA, relatesTo, 0);
        if (target == QLatin1String("itself")) {
            // Revision 2 of an action the server has: its own id is a record of case A, yet not "another record".
            const wire::PushItem first = actionAbout(caseA, noticeA.record.id, 5);
            const auto applied = m_service->push(worker, wire::PushRequest { worker.device.id, { first } });
            QVERIFY(applied.ok());
            QCOMPARE(applied->results.at(0).status, wire::PushResult::Status::Applied);
            action = first;
            action.record.revision = 2;
            action.baseRevision = 1;
            action.record.body.insert(QStringLiteral("relatesTo"), first.record.id);
        }
        // First in the batch a valid action about case A, so the server has read case A's records before the
        // new notice arrives: the notice must still count for the action after it.
        const wire::PushItem primer = actionAbout(caseA, noticeA.record.id, 10);
        QList<wire::PushItem> items { primer, action, newNotice };
        if (target != QLatin1String("later in batch"))
            std::swap(items[1], items[2]);
        items[1].seq = 11;
        items[2].seq = 12;
        const auto response = m_service->push(worker, wire::PushRequest { worker.device.id, items });
        QVERIFY(response.ok());
        const int actionAt = items[1].record.id == action.record.id ? 1 : 2;
        QCOMPARE(response->results.at(0).status, wire::PushResult::Status::Applied);
        QCOMPARE(response->results.at(3 - actionAt).status, wire::PushResult::Status::Applied); // the new notice
        const auto& result = response->results.at(actionAt);
        if (accepted) {
            QCOMPARE(result.status, wire::PushResult::Status::Applied);
            return;
        }
        QCOMPARE(result.status, wire::PushResult::Status::Rejected);
        QCOMPARE(result.reason.code, QStringLiteral("invalid_field"));
        // The same words whatever the id names: an outsider cannot learn that a record exists elsewhere.
        QCOMPARE(result.reason.message, QStringLiteral("the body does not match form action v3: relatesTo (record)"));
        const auto stored = m_store->findRecord(action.record.id);
        QVERIFY(stored.ok());
        QVERIFY(!*stored || (*stored)->revision == 1);
    }

    void readsAndWritesAreAudited()
    {
        AuditFilter filter;
        filter.limit = 1000;
        const auto entries = m_store->auditEntries(filter);
        QVERIFY(entries.ok());
        QStringList actions;
        for (const AuditEntry& entry : *entries)
            actions << entry.action;
        QVERIFY(actions.contains(QStringLiteral("record.write")));
        QVERIFY(actions.contains(QStringLiteral("device.enroll")));
        QVERIFY(actions.contains(QStringLiteral("device.revoke")));
        QVERIFY(actions.contains(QStringLiteral("enrollment_code.create")));

        // Append-only and immutable whatever code runs: direct SQL is refused by the triggers.
        auto db = poruch::store::Database::open(
            m_dir.filePath(QStringLiteral("server.db")), poruch::store::SecretBytes(QByteArray(32, '\x5a')));
        QVERIFY(db.ok());
        const auto deleted = (*db)->exec(QStringLiteral("DELETE FROM audit_log"));
        QVERIFY(!deleted.ok());
        QCOMPARE(deleted.error().code, QStringLiteral("store.audit_append_only"));
        const auto edited = (*db)->exec(QStringLiteral("UPDATE audit_log SET user_id = 'someone else'"));
        QCOMPARE(edited.error().code, QStringLiteral("store.audit_append_only"));
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
