// Integration: the sync API of the real poruch-server binary, administered with the real poruch-admin.
// Enrollment, idempotent push, journal numbers, immutability, conflicts that keep both revisions,
// caseload scoping, revocation.
#include "forms/formregistry.h"
#include "records/canonicalform.h"
#include "serverprocess.h"
#include "sync/syncmessages.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QUuid>

using poruch::test::apiRequest;
using poruch::test::ServerProcess;
namespace records = poruch::records;
namespace wire = poruch::sync;
namespace forms = poruch::forms;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject jsonOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

QString errorCode(const poruch::test::HttpResult& reply)
{
    return jsonOf(reply.body).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

records::Case makeCase(const QString& id)
{
    records::Case value;
    value.id = id;
    records::Member child;
    child.id = uuid();
    child.role = records::Member::Role::Child;
    child.fullName = QStringLiteral("Коваленко Дарина");
    child.birthDate = QDate(2016, 5, 3);
    child.relation = QStringLiteral("child");
    value.members = { child };
    value.address = QStringLiteral("с. Тестове, вул. Садова, 1");
    value.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    value.updatedAt = value.createdAt;
    return value;
}

records::Record makeNotice(const QString& caseId, bool concernsChild)
{
    records::Record record;
    record.id = uuid();
    record.type = records::RecordType::Notice;
    record.formId = QStringLiteral("notice");
    record.formVersion = 1;
    record.caseId = caseId;
    record.body = QJsonObject { { QStringLiteral("concernsChild"), concernsChild },
        { QStringLiteral("receivedAt"), QStringLiteral("2026-03-02T09:00:00+02:00") } };
    record.authorUserId = QStringLiteral("worker");
    record.authorDeviceId = uuid();
    record.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    record.updatedAt = record.createdAt;
    return record;
}

// A complete notice as the forms tests keep it: what a finalized act must contain.
QJsonObject completeNoticeBody()
{
    QFile file(QDir::cleanPath(QStringLiteral(PORUCH_TEST_DATA_DIR "/../../forms/data/bodies/notice.final.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing tests/forms/data/bodies/notice.final.json");
    return QJsonDocument::fromJson(file.readAll()).object();
}

records::Record finalized(records::Record record)
{
    const bool concernsChild = record.body.value(QStringLiteral("concernsChild")).toBool();
    record.body = completeNoticeBody();
    record.body.insert(QStringLiteral("concernsChild"), concernsChild);
    record.status = records::RecordStatus::Final;
    record.finalizedAt = record.updatedAt;
    record.contentHash = records::contentHash(record);
    return record;
}

// A draft action (form version 3) about what relatesTo names.
records::Record makeAction(const QString& caseId, const QString& relatesTo)
{
    records::Record record = makeNotice(caseId, false);
    record.type = records::RecordType::Action;
    record.formId = QStringLiteral("action");
    record.formVersion = 3;
    record.body = QJsonObject { { QStringLiteral("relatesTo"), relatesTo } };
    return record;
}

struct Tablet {
    QString deviceId;
    QString token;
    qint64 nextSeq = 1;
};

wire::PushItem caseItem(Tablet& tablet, const records::Case& value)
{
    wire::PushItem item;
    item.seq = tablet.nextSeq++;
    item.kind = wire::PushItem::Kind::Case;
    item.caseData = value;
    return item;
}

wire::PushItem recordItem(Tablet& tablet, const records::Record& record, int baseRevision)
{
    wire::PushItem item;
    item.seq = tablet.nextSeq++;
    item.kind = wire::PushItem::Kind::Record;
    item.record = record;
    item.baseRevision = baseRevision;
    return item;
}

} // namespace

class TestSyncApi : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    QString m_workerA;
    QString m_workerB;

    QUrl url(const QString& path) const { return m_server.baseUrl().resolved(QUrl(path)); }

    QString createUser(const QString& name, const QString& role)
    {
        QByteArray out, err;
        const int rc = m_server.admin({ QStringLiteral("create-user"), name, QStringLiteral("--role"), role,
                                          QStringLiteral("--name"), QStringLiteral("Тестовий Користувач") },
            &out, &err);
        if (rc != 0)
            qWarning() << "create-user failed" << err;
        return QString::fromUtf8(out).trimmed();
    }

    QString enrollmentCode(const QString& user)
    {
        QByteArray out;
        m_server.admin({ QStringLiteral("enroll-code"), user }, &out);
        return QString::fromUtf8(out).trimmed();
    }

    Tablet enroll(const QString& user)
    {
        const auto reply = apiRequest("POST", url(QStringLiteral("/api/v1/enroll")),
            QJsonDocument(QJsonObject { { QStringLiteral("code"), enrollmentCode(user) },
                              { QStringLiteral("deviceLabel"), QStringLiteral("tablet") } })
                .toJson());
        const QJsonObject body = jsonOf(reply.body);
        return Tablet { body.value(QStringLiteral("deviceId")).toString(),
            body.value(QStringLiteral("token")).toString() };
    }

    wire::PushResponse push(const Tablet& tablet, const QList<wire::PushItem>& items, int expectedStatus = 200)
    {
        wire::PushRequest request { tablet.deviceId, items };
        const auto reply = apiRequest("POST", url(QStringLiteral("/api/v1/sync/push")), request.toJson(), tablet.token);
        if (reply.status != expectedStatus)
            qWarning() << "push answered" << reply.status << reply.body.left(300);
        auto parsed = wire::PushResponse::fromJson(reply.body);
        return parsed ? *parsed : wire::PushResponse {};
    }

    wire::PullResponse pull(const Tablet& tablet, qint64 cursor)
    {
        const auto reply = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=1000").arg(cursor)),
            QByteArray(), tablet.token);
        auto parsed = wire::PullResponse::fromJson(reply.body);
        return parsed ? *parsed : wire::PullResponse {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_workerA = createUser(QStringLiteral("worker-a"), QStringLiteral("social_worker"));
        m_workerB = createUser(QStringLiteral("worker-b"), QStringLiteral("mobile_brigade"));
        QVERIFY(!m_workerA.isEmpty());
        QVERIFY(!m_workerB.isEmpty());
    }

    void enrollmentCodeWorksOnce()
    {
        const QString code = enrollmentCode(QStringLiteral("worker-a"));
        QVERIFY(!code.isEmpty());
        const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("code"), code.toLower() },
                                                  { QStringLiteral("deviceLabel"), QStringLiteral("t1") } })
                                    .toJson();
        const auto first = apiRequest("POST", url(QStringLiteral("/api/v1/enroll")), body);
        QCOMPARE(first.status, 201);
        const QJsonObject reply = jsonOf(first.body);
        QVERIFY(!reply.value(QStringLiteral("token")).toString().isEmpty());
        QCOMPARE(reply.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
            QStringLiteral("social_worker"));
        const auto second = apiRequest("POST", url(QStringLiteral("/api/v1/enroll")), body);
        QCOMPARE(second.status, 410);
        QCOMPARE(errorCode(second), QStringLiteral("enrollment_code_invalid"));
    }

    void protocolVersionIsRequired()
    {
        const auto reply
            = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull")), QByteArray(), QString(), {}, {}, false);
        QCOMPARE(reply.status, 426);
        QCOMPARE(errorCode(reply), QStringLiteral("protocol_unsupported"));
    }

    void pushIsIdempotentAndJournalNumbersAreGapFree()
    {
        Tablet tablet = enroll(QStringLiteral("worker-a"));
        QVERIFY(!tablet.token.isEmpty());
        const QString caseId = uuid();
        const records::Record first = makeNotice(caseId, true);
        const records::Record adultOnly = makeNotice(caseId, false);
        const records::Record second = makeNotice(caseId, true);
        const QList<wire::PushItem> batch { caseItem(tablet, makeCase(caseId)), recordItem(tablet, first, 0),
            recordItem(tablet, adultOnly, 0), recordItem(tablet, second, 0) };
        const auto response = push(tablet, batch);
        QCOMPARE(response.results.size(), 4);
        for (const auto& result : response.results)
            QCOMPARE(wire::pushStatusId(result.status), QStringLiteral("applied"));
        const QString year = QString::number(QDate::currentDate().year());
        const QString firstNumber = response.results.at(1).journalNumber;
        QVERIFY2(firstNumber.startsWith(year + QLatin1Char('/')), qPrintable(firstNumber));
        QVERIFY(response.results.at(2).journalNumber.isEmpty()); // not about a child: no journal entry
        const int n1 = firstNumber.section(QLatin1Char('/'), 1).toInt();
        QCOMPARE(response.results.at(3).journalNumber, QStringLiteral("%1/%2").arg(year).arg(n1 + 1));

        // The same batch again (a lost reply): nothing new, same answers.
        const auto again = push(tablet, batch);
        QCOMPARE(again.results.size(), 4);
        for (const auto& result : again.results)
            QCOMPARE(wire::pushStatusId(result.status), QStringLiteral("duplicate"));
        QCOMPARE(again.results.at(1).journalNumber, firstNumber);
        QCOMPARE(again.cursor, response.cursor);

        // The same sequence number with another body is a protocol violation, and nothing is applied.
        wire::PushItem reused = recordItem(tablet, makeNotice(caseId, true), 0);
        reused.seq = batch.at(3).seq;
        wire::PushRequest request { tablet.deviceId, { reused } };
        const auto conflict
            = apiRequest("POST", url(QStringLiteral("/api/v1/sync/push")), request.toJson(), tablet.token);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(errorCode(conflict), QStringLiteral("sequence_reused"));

        // The pushing tablet's pull leaves its own pushes out, but its cursor moves past them.
        const auto own = pull(tablet, 0);
        for (const auto& change : own.changes)
            QVERIFY(change.record.caseId != caseId && change.caseData.id != caseId);
        QVERIFY(!own.hasMore);
        QVERIFY(own.nextCursor >= response.cursor);
        // Another tablet of the same worker gets all three records, with the journal numbers.
        Tablet sameWorker = enroll(QStringLiteral("worker-a"));
        const auto pulled = pull(sameWorker, 0);
        int records = 0;
        for (const auto& change : pulled.changes) {
            if (change.kind == wire::Change::Kind::Record && change.record.caseId == caseId) {
                ++records;
                if (change.record.id == batch.at(1).record.id)
                    QCOMPARE(change.journalNumber, firstNumber);
            }
        }
        QCOMPARE(records, 3);
    }

    void journalNumbersStayGapFreeUnderConcurrentPushes()
    {
        constexpr int tablets = 6;
        constexpr int noticesEach = 15;
        QList<Tablet> devices;
        QList<QByteArray> bodies;
        for (int t = 0; t < tablets; ++t) {
            Tablet tablet = enroll(QStringLiteral("worker-a"));
            const QString caseId = uuid();
            QList<wire::PushItem> items { caseItem(tablet, makeCase(caseId)) };
            for (int i = 0; i < noticesEach; ++i)
                items.append(recordItem(tablet, makeNotice(caseId, true), 0));
            bodies.append(wire::PushRequest { tablet.deviceId, items }.toJson());
            devices.append(tablet);
        }
        // All requests in flight at once, each on its own connection.
        QNetworkAccessManager network;
        QList<QNetworkReply*> replies;
        for (int t = 0; t < tablets; ++t) {
            QNetworkRequest request(url(QStringLiteral("/api/v1/sync/push")));
            request.setRawHeader("Poruch-Protocol", "1");
            request.setRawHeader("Authorization", "Bearer " + devices.at(t).token.toLatin1());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies.append(network.post(request, bodies.at(t)));
        }
        QStringList numbers;
        for (QNetworkReply* reply : replies) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                loop.exec();
            }
            const auto response = wire::PushResponse::fromJson(reply->readAll());
            QVERIFY(response.ok());
            for (const auto& result : response->results.mid(1))
                numbers << result.journalNumber;
            reply->deleteLater();
        }
        QCOMPARE(numbers.size(), tablets * noticesEach);
        QList<int> sequence;
        for (const QString& number : numbers)
            sequence << number.section(QLatin1Char('/'), 1).toInt();
        std::sort(sequence.begin(), sequence.end());
        for (qsizetype i = 1; i < sequence.size(); ++i)
            QCOMPARE(sequence.at(i), sequence.at(i - 1) + 1); // no gap, no duplicate
    }

    void finalActsAreImmutable()
    {
        Tablet tablet = enroll(QStringLiteral("worker-a"));
        const QString caseId = uuid();
        const records::Record act = finalized(makeNotice(caseId, false));
        auto response = push(tablet, { caseItem(tablet, makeCase(caseId)), recordItem(tablet, act, 0) });
        QCOMPARE(wire::pushStatusId(response.results.at(1).status), QStringLiteral("applied"));

        records::Record changed = act;
        changed.body.insert(QStringLiteral("concernsChild"), true);
        changed.revision = 2;
        changed.contentHash = records::contentHash(changed);
        response = push(tablet, { recordItem(tablet, changed, 1) });
        QCOMPARE(wire::pushStatusId(response.results.at(0).status), QStringLiteral("rejected"));
        QCOMPARE(response.results.at(0).reason.code, QStringLiteral("immutable"));

        // A final act whose hash does not match its content is refused outright.
        records::Record forged = finalized(makeNotice(caseId, false));
        forged.body.insert(QStringLiteral("receivedAt"), QStringLiteral("2026-03-03T09:00:00+02:00"));
        response = push(tablet, { recordItem(tablet, forged, 0) });
        QCOMPARE(response.results.at(0).reason.code, QStringLiteral("invalid_field"));
    }

    void bodiesMustMatchTheirFormVersion()
    {
        Tablet tablet = enroll(QStringLiteral("worker-a"));
        const QString caseId = uuid();
        records::Record wrongType = makeNotice(caseId, false);
        wrongType.body.insert(QStringLiteral("concernsChild"), QStringLiteral("yes"));
        records::Record unknownField = makeNotice(caseId, false);
        unknownField.body.insert(QStringLiteral("favouriteColour"), QStringLiteral("blue"));
        records::Record incompleteFinal = makeNotice(caseId, true);
        incompleteFinal.status = records::RecordStatus::Final;
        incompleteFinal.finalizedAt = incompleteFinal.updatedAt;
        incompleteFinal.contentHash = records::contentHash(incompleteFinal);
        records::Record unknownVersion = makeNotice(caseId, false);
        unknownVersion.formVersion = 99;
        records::Record otherForm = makeNotice(caseId, false);
        otherForm.formId = QStringLiteral("home_visit");
        const auto response = push(tablet,
            { caseItem(tablet, makeCase(caseId)), recordItem(tablet, wrongType, 0), recordItem(tablet, unknownField, 0),
                recordItem(tablet, incompleteFinal, 0), recordItem(tablet, unknownVersion, 0),
                recordItem(tablet, otherForm, 0), recordItem(tablet, finalized(makeNotice(caseId, false)), 0) });
        QCOMPARE(response.results.size(), 7);
        const QStringList expected { QString(), QStringLiteral("invalid_field"), QStringLiteral("invalid_field"),
            QStringLiteral("invalid_field"), QStringLiteral("unknown_form"), QStringLiteral("invalid_field"),
            QString() };
        for (int i = 0; i < expected.size(); ++i) {
            const auto& result = response.results.at(i);
            QCOMPARE(result.reason.code, expected.at(i));
            if (!expected.at(i).isEmpty()) {
                QCOMPARE(wire::pushStatusId(result.status), QStringLiteral("rejected"));
                QVERIFY(!result.reason.message.contains(QStringLiteral("blue"))); // names fields, never values
            }
        }
        QVERIFY(response.results.at(1).reason.message.contains(QStringLiteral("concernsChild")));
        QVERIFY(response.results.at(3).reason.message.contains(QStringLiteral("required")));
    }

    void actionsReferToRecordsOfTheirOwnCase()
    {
        // Another worker's case with a notice: a record outside worker A's caseload.
        Tablet other = enroll(QStringLiteral("worker-b"));
        const QString foreignCase = uuid();
        const records::Record foreign = makeNotice(foreignCase, false);
        auto response = push(other, { caseItem(other, makeCase(foreignCase)), recordItem(other, foreign, 0) });
        QCOMPARE(wire::pushStatusId(response.results.at(1).status), QStringLiteral("applied"));

        // Made offline and pushed together: two cases, a notice, actions about it and about what is not case X's.
        Tablet tablet = enroll(QStringLiteral("worker-a"));
        const QString caseX = uuid();
        const QString caseY = uuid();
        const records::Record notice = makeNotice(caseX, false);
        const records::Record noticeOfY = makeNotice(caseY, false);
        const records::Record later = makeNotice(caseX, false);
        const QList<wire::PushItem> batch { caseItem(tablet, makeCase(caseX)), caseItem(tablet, makeCase(caseY)),
            recordItem(tablet, noticeOfY, 0), recordItem(tablet, notice, 0),
            recordItem(tablet, makeAction(caseX, notice.id), 0), recordItem(tablet, makeAction(caseX, noticeOfY.id), 0),
            recordItem(tablet, makeAction(caseX, foreign.id), 0), recordItem(tablet, makeAction(caseX, uuid()), 0),
            recordItem(tablet, makeAction(caseX, later.id), 0), recordItem(tablet, later, 0) };
        response = push(tablet, batch);
        QCOMPARE(response.results.size(), batch.size());
        const QStringList expected { QStringLiteral("applied"), QStringLiteral("applied"), QStringLiteral("applied"),
            QStringLiteral("applied"), QStringLiteral("applied"), QStringLiteral("rejected"),
            QStringLiteral("rejected"), QStringLiteral("rejected"), QStringLiteral("rejected"),
            QStringLiteral("applied") };
        QStringList messages;
        for (int i = 0; i < expected.size(); ++i) {
            const auto& result = response.results.at(i);
            QCOMPARE(wire::pushStatusId(result.status), expected.at(i));
            if (expected.at(i) == QLatin1String("rejected")) {
                QCOMPARE(result.reason.code, QStringLiteral("invalid_field"));
                QVERIFY(result.reason.message.contains(QStringLiteral("relatesTo")));
                messages << result.reason.message;
            }
        }
        // Another case, another caseload, unknown, later: one and the same answer, no id in it.
        QCOMPARE(messages.size(), 4);
        for (const QString& message : messages) {
            QCOMPARE(message, messages.first());
            QVERIFY(!message.contains(foreign.id) && !message.contains(noticeOfY.id));
        }
    }

    void correctionsKeepTheNoticeNumberAndNameAFinalActOfTheirCase()
    {
        Tablet tablet = enroll(QStringLiteral("worker-a"));
        const QString caseX = uuid();
        const QString caseY = uuid();
        const records::Record original = finalized(makeNotice(caseX, true));
        const records::Record draft = makeNotice(caseX, true);
        const records::Record ofY = finalized(makeNotice(caseY, true));
        auto response = push(tablet,
            { caseItem(tablet, makeCase(caseX)), caseItem(tablet, makeCase(caseY)), recordItem(tablet, original, 0),
                recordItem(tablet, draft, 0), recordItem(tablet, ofY, 0) });
        QCOMPARE(response.results.size(), 5);
        const QString number = response.results.at(2).journalNumber;
        const QString draftNumber = response.results.at(3).journalNumber;
        const QString numberOfY = response.results.at(4).journalNumber;
        QVERIFY(!number.isEmpty() && !draftNumber.isEmpty() && !numberOfY.isEmpty());

        const auto correction = [&](const QString& amends, const QString& caseId) {
            records::Record amendment = makeNotice(caseId, true);
            amendment.amends = amends;
            return finalized(amendment);
        };
        const records::Record first = correction(original.id, caseX);
        const records::Record second = correction(first.id, caseX); // a correction of the correction
        const QList<wire::PushItem> batch { recordItem(tablet, first, 0), recordItem(tablet, second, 0),
            recordItem(tablet, correction(draft.id, caseX), 0), recordItem(tablet, correction(ofY.id, caseX), 0),
            recordItem(tablet, correction(uuid(), caseX), 0),
            recordItem(tablet, finalized(makeNotice(caseX, true)), 0) };
        response = push(tablet, batch);
        QCOMPARE(response.results.size(), batch.size());
        // One registration per notice: corrections carry the original's number and take none of their own.
        for (int i : { 0, 1 }) {
            QCOMPARE(wire::pushStatusId(response.results.at(i).status), QStringLiteral("applied"));
            QCOMPARE(response.results.at(i).journalNumber, number);
        }
        // Not final, another case, unknown: one and the same answer, no id in it.
        for (int i : { 2, 3, 4 }) {
            QCOMPARE(wire::pushStatusId(response.results.at(i).status), QStringLiteral("rejected"));
            QCOMPARE(response.results.at(i).reason.code, QStringLiteral("invalid_field"));
            QCOMPARE(response.results.at(i).reason.message, response.results.at(2).reason.message);
            QVERIFY(!response.results.at(i).reason.message.contains(ofY.id));
        }
        // The next notice follows the last number given out: no number was used up by a correction.
        const QString next = response.results.at(5).journalNumber;
        QCOMPARE(next.section(QLatin1Char('/'), 1).toInt(), numberOfY.section(QLatin1Char('/'), 1).toInt() + 1);
    }

    void formDefinitionsTravelByPull()
    {
        // A new tablet's first pull brings every built-in catalog and form version once, catalogs first
        // (forms refer to them), loadable as they are; the next pull brings none again.
        forms::FormRegistry builtIn;
        QVERIFY(builtIn.loadBuiltIn());
        QSet<QString> expected;
        for (const QString& id : builtIn.catalogIds())
            for (int version : builtIn.catalogVersions(id))
                expected.insert(QStringLiteral("catalog:%1@%2").arg(id).arg(version));
        for (const QString& id : builtIn.formIds())
            for (int version : builtIn.versions(id))
                expected.insert(QStringLiteral("form:%1@%2").arg(id).arg(version));
        QVERIFY(expected.size() > 10);

        createUser(QStringLiteral("worker-defs"), QStringLiteral("social_worker"));
        Tablet tablet = enroll(QStringLiteral("worker-defs"));
        const wire::PullResponse first = pull(tablet, 0);
        QSet<QString> seen;
        QJsonArray documents;
        bool formSeen = false;
        for (const wire::Change& change : first.changes) {
            const bool form = change.kind == wire::Change::Kind::Form;
            if (!form && change.kind != wire::Change::Kind::Catalog)
                continue;
            QVERIFY2(form || !formSeen, "a catalog came after a form");
            formSeen |= form;
            const QString key
                = QStringLiteral("%1:%2@%3")
                      .arg(wire::changeKindId(change.kind), change.definition.value(QStringLiteral("id")).toString())
                      .arg(change.definition.value(QStringLiteral("version")).toInt());
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
            documents.append(change.definition);
        }
        QCOMPARE(seen, expected);
        forms::FormRegistry received;
        QVERIFY(received.loadJson(QJsonDocument(documents).toJson(QJsonDocument::Compact), QStringLiteral("pull")));
        QCOMPARE(received.formIds(), builtIn.formIds());
        QVERIFY(!first.hasMore);
        for (const wire::Change& change : pull(tablet, first.nextCursor).changes)
            QVERIFY(change.kind != wire::Change::Kind::Form && change.kind != wire::Change::Kind::Catalog);
    }

    void concurrentDraftEditsKeepBothRevisions()
    {
        Tablet a = enroll(QStringLiteral("worker-a"));
        Tablet b = enroll(QStringLiteral("worker-b"));
        const QString caseId = uuid();
        records::Record draft = makeNotice(caseId, false);
        auto response = push(a, { caseItem(a, makeCase(caseId)), recordItem(a, draft, 0) });
        QCOMPARE(wire::pushStatusId(response.results.at(1).status), QStringLiteral("applied"));

        // Worker B may not touch the case until it is in their caseload.
        records::Record fromB = draft;
        fromB.revision = 2;
        fromB.body.insert(QStringLiteral("contentText"), QStringLiteral("B"));
        response = push(b, { recordItem(b, fromB, 1) });
        QCOMPARE(response.results.at(0).reason.code, QStringLiteral("forbidden_case"));
        const auto nothing = pull(b, 0);
        for (const auto& change : nothing.changes)
            QVERIFY(change.record.caseId != caseId && change.caseData.id != caseId);

        QCOMPARE(m_server.admin({ QStringLiteral("assign"), QStringLiteral("worker-b"), caseId }), 0);
        const auto visible = pull(b, nothing.nextCursor);
        bool sawRecord = false;
        for (const auto& change : visible.changes)
            sawRecord |= change.kind == wire::Change::Kind::Record && change.record.id == draft.id;
        QVERIFY(sawRecord);

        // Both edit revision 1 offline; A syncs first, B's edit becomes a kept conflict.
        records::Record fromA = draft;
        fromA.revision = 2;
        fromA.body.insert(QStringLiteral("contentText"), QStringLiteral("A"));
        response = push(a, { recordItem(a, fromA, 1) });
        QCOMPARE(wire::pushStatusId(response.results.at(0).status), QStringLiteral("applied"));
        response = push(b, { recordItem(b, fromB, 1) });
        QCOMPARE(wire::pushStatusId(response.results.at(0).status), QStringLiteral("conflict"));
        QCOMPARE(response.results.at(0).serverRevision, 2);

        const auto changes = pull(a, visible.nextCursor);
        bool sawConflict = false;
        for (const auto& change : changes.changes) {
            if (change.kind == wire::Change::Kind::Conflict && change.record.id == draft.id) {
                sawConflict = true;
                QCOMPARE(change.record.body.value(QStringLiteral("contentText")).toString(), QStringLiteral("B"));
            }
        }
        QVERIFY(sawConflict);

        // Resolution: a new revision on top of the server's; it applies.
        records::Record merged = fromA;
        merged.revision = 3;
        merged.body.insert(QStringLiteral("contentText"), QStringLiteral("A+B"));
        response = push(b, { recordItem(b, merged, 2) });
        QCOMPARE(wire::pushStatusId(response.results.at(0).status), QStringLiteral("applied"));
    }

    void tokensAreCheckedAndRevocationIsAnnounced()
    {
        Tablet tablet = enroll(QStringLiteral("worker-a"));
        auto reply = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull")), QByteArray(), QStringLiteral("bogus"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(errorCode(reply), QStringLiteral("unauthorized"));
        reply = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull")), QByteArray());
        QCOMPARE(reply.status, 401);

        QCOMPARE(m_server.admin({ QStringLiteral("revoke-device"), tablet.deviceId }), 0);
        reply = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull")), QByteArray(), tablet.token);
        QCOMPARE(reply.status, 403);
        QCOMPARE(errorCode(reply), QStringLiteral("device_revoked"));

        QCOMPARE(m_server.admin({ QStringLiteral("create-user"), QStringLiteral("worker-c"), QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("C") }),
            0);
        Tablet other = enroll(QStringLiteral("worker-c"));
        QCOMPARE(m_server.admin({ QStringLiteral("revoke-user"), QStringLiteral("worker-c") }), 0);
        reply = apiRequest("GET", url(QStringLiteral("/api/v1/sync/pull")), QByteArray(), other.token);
        QCOMPARE(reply.status, 403);
        QCOMPARE(errorCode(reply), QStringLiteral("user_revoked"));
    }

    void auditRecordsWhoWroteAndRead()
    {
        QByteArray out;
        QCOMPARE(m_server.admin({ QStringLiteral("counts") }, &out), 0);
        const QJsonObject counts = jsonOf(out);
        QVERIFY(counts.value(QStringLiteral("audit_log")).toInt() > 10);
        QVERIFY(counts.value(QStringLiteral("records")).toInt() >= 5);
        QCOMPARE(counts.value(QStringLiteral("record_conflicts")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncApi)
#include "tst_syncapi.moc"
