#include "demodata.h"

#include "auth/passwordhash.h"
#include "auth/secrets.h"
#include "records/canonicalform.h"
#include "storage/serverstore.h"
#include "sync/syncservice.h"

#include <QJsonArray>
#include <QUuid>

namespace poruch::server {

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct DemoFamily {
    const char* adult;
    const char* child;
    int childBirthYear;
    const char* address;
    const char* phone;
    bool displaced;
    bool concernsChild;
};

// Invented people and places only.
constexpr DemoFamily families[] = {
    { "Приклад Олена Іванівна", "Приклад Марія Олегівна", 2016, "с. Тестове, вул. Садова, 4", "+380 50 000 00 01", true,
        true },
    { "Зразок Петро Миколайович", "Зразок Андрій Петрович", 2012, "с. Демівка, вул. Шкільна, 11", "+380 67 000 00 02",
        false, true },
    { "Умовна Галина Степанівна", nullptr, 0, "м. Баштанка (демо), вул. Миру, 7, кв. 2", "+380 93 000 00 03", false,
        false },
};

// A complete notice (appendix 4 of 001) about an invented family, as a worker would finalize it.
QJsonObject demoNoticeBody(const DemoFamily& family, const QDateTime& now)
{
    const QString at = now.toOffsetFromUtc(2 * 3600).toString(Qt::ISODate);
    const QString earlier = now.addSecs(-3600).toOffsetFromUtc(2 * 3600).toString(Qt::ISODate);
    QJsonObject body {
        { QStringLiteral("senderOrganisation"), QStringLiteral("Демо-ліцей") },
        { QStringLiteral("recipientOrganisation"), QStringLiteral("Відділ з соціальних питань (демо)") },
        { QStringLiteral("channel"), QStringLiteral("phone") },
        { QStringLiteral("receivedAt"), at },
        { QStringLiteral("identifiedAt"), earlier },
        { QStringLiteral("origin"), QStringLiteral("report") },
        { QStringLiteral("subjectKind"), family.child ? QStringLiteral("child") : QStringLiteral("person") },
        { QStringLiteral("subjectName"), QString::fromUtf8(family.child ? family.child : family.adult) },
        { QStringLiteral("concernsChild"), family.concernsChild },
        { QStringLiteral("address"), QString::fromUtf8(family.address) },
        { QStringLiteral("phone"), QString::fromUtf8(family.phone) },
        { QStringLiteral("indicatorsGeneral"), QJsonArray { QStringLiteral("general.08") } },
        { QStringLiteral("indicatorsAbuse"), QJsonArray {} },
        { QStringLiteral("indicatorsAbandonment"), QJsonArray {} },
        { QStringLiteral("indicatorsHealth"), QJsonArray {} },
        { QStringLiteral("contentText"), QStringLiteral("Демонстраційний запис: вигадана сім'я.") },
        { QStringLiteral("crisis"), false },
        { QStringLiteral("pregnancyRisk"), false },
        { QStringLiteral("newbornAbandonmentIntent"), false },
        { QStringLiteral("policeConsent"),
            QJsonObject { { QStringLiteral("decision"), QStringLiteral("not_asked") },
                { QStringLiteral("by"), QString() }, { QStringLiteral("at"), QJsonValue() },
                { QStringLiteral("refusalReason"), QString() } } },
        { QStringLiteral("reporterName"), QStringLiteral("Демо-вчителька") },
        { QStringLiteral("reporterInfo"), QStringLiteral("класний керівник") },
        { QStringLiteral("reporterSource"), QStringLiteral("social_work_subject") },
        { QStringLiteral("reporterOrganisation"), QStringLiteral("education") },
        { QStringLiteral("receivedByName"), QStringLiteral("Демо Фахівчиня") },
        { QStringLiteral("receivedByPosition"), QStringLiteral("фахівчиня із соціальної роботи") },
    };
    if (family.child)
        body.insert(QStringLiteral("subjectAge"), now.date().year() - family.childBirthYear);
    return body;
}

// A final action (form version 2) recording an outcome fact for one child, relating to the family's notice.
records::Record demoOutcome(
    const records::Record& notice, const QString& childId, const QString& code, const QDateTime& now)
{
    records::Record action;
    action.id = uuid();
    action.type = records::RecordType::Action;
    action.formId = QStringLiteral("action");
    action.formVersion = 2;
    action.caseId = notice.caseId;
    action.body = QJsonObject {
        { QStringLiteral("action"), code },
        { QStringLiteral("at"), now.addSecs(-60).toOffsetFromUtc(2 * 3600).toString(Qt::ISODate) },
        { QStringLiteral("relatesTo"), notice.id },
        { QStringLiteral("childMembers"), QJsonArray { childId } },
        { QStringLiteral("note"), QStringLiteral("Демонстраційний запис.") },
    };
    action.authorUserId = notice.authorUserId;
    action.authorDeviceId = notice.authorDeviceId;
    action.createdAt = now;
    action.updatedAt = now;
    action.status = records::RecordStatus::Final;
    action.finalizedAt = now;
    action.contentHash = records::contentHash(action);
    return action;
}

} // namespace

Result<DemoAccounts> seedDemoData(ServerStore& store)
{
    const auto existing = store.listUsers();
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return Error { QStringLiteral("demo.not_empty"),
            QStringLiteral("the store already has users; demo data goes only into a new store") };

    DemoAccounts accounts;
    accounts.officePassword = newToken().left(16);
    accounts.workerUsername = QStringLiteral("demo-worker");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    User office { uuid(), QStringLiteral("demo-office"), QStringLiteral("Демо Офіс"), Role::Office,
        QStringLiteral("default"), hashPassword(accounts.officePassword), false, now };
    User worker { uuid(), accounts.workerUsername, QStringLiteral("Демо Фахівчиня"), Role::SocialWorker,
        QStringLiteral("default"), QString(), false, now };
    const QString deviceId = uuid();

    SyncService service(store);
    auto done = store.transaction([&]() -> Result<void> {
        for (const User& user : { office, worker }) {
            if (auto inserted = store.insertUser(user); !inserted)
                return inserted;
        }
        // Demo data arrives the way real data does: pushed by a (demo) device of the worker.
        if (auto device = store.insertDevice(Device { deviceId, worker.id, QStringLiteral("demo seed"), now, now });
            !device)
            return device;
        Session session { worker, Device { deviceId, worker.id, QStringLiteral("demo seed"), now, QDateTime() },
            QString(), now.addDays(1) };
        sync::PushRequest request { deviceId, {} };
        qint64 seq = 1;
        for (const DemoFamily& family : families) {
            records::Case value;
            value.id = uuid();
            records::Member adult;
            adult.id = uuid();
            adult.fullName = QString::fromUtf8(family.adult);
            adult.relation = QStringLiteral("applicant");
            value.members.append(adult);
            if (family.child) {
                records::Member child;
                child.id = uuid();
                child.role = records::Member::Role::Child;
                child.fullName = QString::fromUtf8(family.child);
                child.birthDate = QDate(family.childBirthYear, 3, 1);
                child.relation = QStringLiteral("child");
                value.members.append(child);
            }
            value.address = QString::fromUtf8(family.address);
            value.phone = QString::fromUtf8(family.phone);
            value.internallyDisplaced = family.displaced;
            value.assignedWorkers = { worker.id };
            value.createdAt = now;
            value.updatedAt = now;
            sync::PushItem caseItem;
            caseItem.seq = seq++;
            caseItem.kind = sync::PushItem::Kind::Case;
            caseItem.caseData = value;
            request.items.append(caseItem);

            records::Record notice;
            notice.id = uuid();
            notice.type = records::RecordType::Notice;
            notice.formId = QStringLiteral("notice");
            notice.caseId = value.id;
            notice.body = demoNoticeBody(family, now);
            notice.authorUserId = worker.id;
            notice.authorDeviceId = deviceId;
            notice.createdAt = now;
            notice.updatedAt = now;
            notice.status = records::RecordStatus::Final;
            notice.finalizedAt = now;
            notice.contentHash = records::contentHash(notice);
            sync::PushItem recordItem;
            recordItem.seq = seq++;
            recordItem.kind = sync::PushItem::Kind::Record;
            recordItem.record = notice;
            request.items.append(recordItem);

            // An outcome of resolution 817 §9 for each family with a child, so the monitoring report shows it.
            if (family.child) {
                sync::PushItem outcomeItem;
                outcomeItem.seq = seq++;
                outcomeItem.kind = sync::PushItem::Kind::Record;
                outcomeItem.record = demoOutcome(notice, value.members.last().id,
                    family.displaced ? QStringLiteral("child_stayed_in_family")
                                     : QStringLiteral("child_returned_to_family"),
                    now);
                request.items.append(outcomeItem);
            }
        }
        const auto pushed = service.push(session, request);
        if (!pushed)
            return pushed.error();
        for (const auto& result : pushed->results) {
            if (result.status != sync::PushResult::Status::Applied)
                return Error { QStringLiteral("demo.rejected"),
                    QStringLiteral("demo item %1 was not applied: %2").arg(result.seq).arg(result.reason.message) };
        }
        // The seeding device is not a real tablet: revoke it at once.
        return store.revokeDevice(deviceId, now);
    });
    if (!done)
        return done.error();
    return accounts;
}

} // namespace poruch::server
