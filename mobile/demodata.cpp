#include "demodata.h"

#include "isotime.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"

#include <QJsonArray>

namespace poruch::app {

using records::Case;
using records::Member;
using records::Record;
using records::RecordType;

namespace {

Member member(const QString& name, Member::Role role, const QDate& birth, Member::Sex sex, const QString& relation)
{
    Member m;
    m.fullName = name;
    m.role = role;
    m.birthDate = birth;
    m.sex = sex;
    m.relation = relation;
    return m;
}

Result<Record> addRecord(client::LocalSyncStore& repo, const QString& caseId, RecordType type, const QString& formId,
    const QJsonObject& body, bool final, const QString& user, const QString& device)
{
    Record r;
    r.type = type;
    r.formId = formId;
    r.formVersion = 1;
    r.caseId = caseId;
    r.body = body;
    r.authorUserId = user;
    r.authorDeviceId = device;
    auto saved = repo.saveDraft(r);
    if (!saved || !final)
        return saved;
    return repo.finalize(saved->id);
}

} // namespace

Result<DemoIds> seedDemoData(
    client::LocalSyncStore& repo, const QString& user, const QString& device, const QDateTime& now)
{
    DemoIds ids;
    struct Household {
        QList<Member> members;
        QString address;
        QString phone;
        QStringList categories;
        bool displaced;
    };
    const QList<Household> households = {
        { { member(QStringLiteral("Коваленко Олена Петрівна"), Member::Role::Adult, QDate(1989, 4, 2),
                Member::Sex::Female, QStringLiteral("applicant")),
              member(QStringLiteral("Коваленко Марія Андріївна"), Member::Role::Child, QDate(2015, 9, 14),
                  Member::Sex::Female, QStringLiteral("child")),
              member(QStringLiteral("Коваленко Андрій Іванович"), Member::Role::Adult, QDate(1986, 1, 20),
                  Member::Sex::Male, QStringLiteral("partner")) },
            QStringLiteral("м. Баштанка, вул. Шевченка, 12"), QStringLiteral("050 123 45 67"),
            { QStringLiteral("child_abuse_or_threat") }, true },
        { { member(QStringLiteral("Петренко Ірина Василівна"), Member::Role::Adult, QDate(1978, 11, 3),
                Member::Sex::Female, QStringLiteral("applicant")),
              member(QStringLiteral("Петренко Богдан Олегович"), Member::Role::Child, QDate(2012, 2, 8),
                  Member::Sex::Male, QStringLiteral("child")) },
            QStringLiteral("с. Новоєгорівка, вул. Миру, 5"), QStringLiteral("067 555 12 34"),
            { QStringLiteral("low_income"), QStringLiteral("vulnerable_or_difficult") }, false },
        { { member(QStringLiteral("Мельник Сергій Миколайович"), Member::Role::Adult, QDate(1959, 6, 30),
              Member::Sex::Male, QStringLiteral("applicant")) },
            QStringLiteral("м. Баштанка, вул. Героїв, 44, кв. 7"), QStringLiteral("066 987 65 43"),
            { QStringLiteral("disability") }, false },
        { { member(QStringLiteral("Бондар Наталія Юріївна"), Member::Role::Adult, QDate(1995, 3, 12),
                Member::Sex::Female, QStringLiteral("mother")),
              member(QStringLiteral("Бондар Софія"), Member::Role::Child, QDate(2025, 12, 1), Member::Sex::Female,
                  QStringLiteral("child")) },
            QStringLiteral("с. Християнівка, вул. Садова, 3"), QStringLiteral("093 222 33 44"),
            { QStringLiteral("newborn_abandonment_intent") }, true },
        { { member(QStringLiteral("Ткаченко Віктор Петрович"), Member::Role::Adult, QDate(1970, 8, 9),
              Member::Sex::Male, QStringLiteral("applicant")) },
            QStringLiteral("м. Баштанка, пров. Лесі Українки, 2"), QStringLiteral("095 100 20 30"),
            { QStringLiteral("labour_migrant_parents") }, false },
    };
    QStringList caseIds;
    for (const Household& h : households) {
        Case c;
        c.members = h.members;
        c.address = h.address;
        c.phone = h.phone;
        c.categories = h.categories;
        c.internallyDisplaced = h.displaced;
        auto saved = repo.saveCase(c);
        if (!saved)
            return saved.error();
        caseIds << saved->id;
    }
    ids.caseId = caseIds.first();

    const QJsonObject notice {
        { QStringLiteral("channel"), QStringLiteral("phone") },
        { QStringLiteral("receivedAt"), isoDateTime(now.addSecs(-4 * 3600)) },
        { QStringLiteral("identifiedAt"), isoDateTime(now.addSecs(-5 * 3600)) },
        { QStringLiteral("origin"), QStringLiteral("report") },
        { QStringLiteral("subjectKind"), QStringLiteral("child") },
        { QStringLiteral("subjectName"), QStringLiteral("Коваленко Марія Андріївна") },
        { QStringLiteral("subjectAge"), 10 },
        { QStringLiteral("concernsChild"), true },
        { QStringLiteral("address"), QStringLiteral("м. Баштанка, вул. Шевченка, 12") },
        { QStringLiteral("indicatorsAbuse"),
            QJsonArray { QStringLiteral("abuse.01"), QStringLiteral("abuse.03"), QStringLiteral("abuse.07") } },
        { QStringLiteral("crisis"), true },
        { QStringLiteral("pregnancyRisk"), false },
        { QStringLiteral("newbornAbandonmentIntent"), false },
        { QStringLiteral("reporterSource"), QStringLiteral("neighbours") },
        { QStringLiteral("receivedByName"), QStringLiteral("Шевчук Оксана") },
    };
    auto final = addRecord(repo, ids.caseId, RecordType::Notice, QStringLiteral("notice"), notice, true, user, device);
    if (!final)
        return final.error();
    ids.finalRecordId = final->id;

    const QJsonObject visit {
        { QStringLiteral("visitedAt"), isoDateTime(now.addSecs(-3600)) },
        { QStringLiteral("address"), QStringLiteral("м. Баштанка, вул. Шевченка, 12") },
        { QStringLiteral("purpose"), QStringLiteral("Спільний візит зі службою у справах дітей") },
        { QStringLiteral("childSeen"), true },
    };
    auto draft
        = addRecord(repo, ids.caseId, RecordType::HomeVisit, QStringLiteral("home_visit"), visit, false, user, device);
    if (!draft)
        return draft.error();
    ids.draftRecordId = draft->id;

    // The brigade's intervention under way (crisis page): started an hour after identification.
    const QJsonObject intervention {
        { QStringLiteral("startedAt"), isoDateTime(now.addSecs(-4 * 3600)) },
        { QStringLiteral("threatToLife"), true },
        { QStringLiteral("activities"),
            QJsonArray { QJsonObject { { QStringLiteral("activity"),
                now.addSecs(-3 * 3600).toString(QStringLiteral("dd.MM.yyyy HH:mm"))
                    + QStringLiteral(" — Викликано поліцію (102)") } } } },
    };
    auto crisis = addRecord(repo, ids.caseId, RecordType::CrisisIntervention, QStringLiteral("crisis_intervention"),
        intervention, false, user, device);
    if (!crisis)
        return crisis.error();

    // A second household with a services decision: contract and plan fall due in 7 working days.
    const QJsonObject decision {
        { QStringLiteral("decisionDate"), now.addDays(-3).date().toString(Qt::ISODate) },
        { QStringLiteral("provideServices"), true },
        { QStringLiteral("services"), QJsonArray { QStringLiteral("social_accompaniment") } },
    };
    auto d = addRecord(repo, caseIds.at(1), RecordType::ServicesDecision, QStringLiteral("services_decision"), decision,
        true, user, device);
    if (!d)
        return d.error();

    // A draft visit of that household that another tablet also changed (makeDemoConflict).
    const QJsonObject planned {
        { QStringLiteral("visitedAt"), isoDateTime(now.addSecs(-2 * 3600)) },
        { QStringLiteral("address"), QStringLiteral("с. Новоєгорівка, вул. Миру, 5") },
        { QStringLiteral("purpose"), QStringLiteral("Плановий візит") },
        { QStringLiteral("childSeen"), true },
    };
    auto other = addRecord(
        repo, caseIds.at(1), RecordType::HomeVisit, QStringLiteral("home_visit"), planned, false, user, device);
    if (!other)
        return other.error();
    ids.conflictRecordId = other->id;
    return ids;
}

Result<void> makeDemoConflict(client::LocalSyncStore& store, const DemoIds& ids)
{
    auto local = store.repository().getRecord(ids.conflictRecordId);
    if (!local)
        return local.error();
    auto outbox = store.outbox();
    if (!outbox)
        return outbox.error();
    QList<client::OutboxEntry> sent;
    for (const client::OutboxEntry& entry : *outbox) {
        if (entry.entityId == ids.conflictRecordId)
            sent << entry;
    }
    if (sent.isEmpty())
        return Error { QStringLiteral("app.demo_conflict"), QStringLiteral("The demo draft has no outbox entry") };
    // The server already had revision 3 of this draft from another tablet.
    Record theirs = local.value();
    theirs.revision = local->revision + 2;
    theirs.updatedAt = local->updatedAt.addSecs(600);
    theirs.body.insert(QStringLiteral("purpose"), QStringLiteral("Повторний візит після повідомлення сусідів"));
    theirs.body.insert(QStringLiteral("childSeen"), false);
    sync::PushResponse answer;
    sync::PushResult result;
    result.seq = sent.first().seq;
    result.status = sync::PushResult::Status::Conflict;
    result.serverRevision = theirs.revision;
    answer.results << result;
    if (auto marked = store.markAttempted(sent); !marked)
        return marked;
    if (auto applied = store.applyPushResults(sent, answer); !applied)
        return applied.error();
    sync::PullResponse page;
    sync::Change change;
    change.cursor = 1;
    change.kind = sync::Change::Kind::Record;
    change.record = theirs;
    page.changes << change;
    page.nextCursor = 1;
    return store.applyPull(page);
}

} // namespace poruch::app
