#include "officedata.h"

#include "html.h"

#include "records/canonicalform.h"
#include "records/recordmoment.h"
#include "storage/serverstore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace poruch::server::office {

Result<OfficeData> OfficeData::load(ServerStore& store, const QString& unit)
{
    OfficeData data;
    data.unit = unit;
    const auto users = store.listUsers();
    if (!users)
        return users.error();
    for (const User& user : *users)
        data.users.insert(user.id, user);
    const auto ingests = store.recordIngests();
    if (!ingests)
        return ingests.error();
    QHash<QString, RecordIngest> ingestOf;
    QHash<QString, int> orderOf;
    int order = 0;
    for (const RecordIngest& ingest : *ingests) {
        ingestOf.insert(ingest.recordId, ingest);
        orderOf.insert(ingest.recordId, order++);
    }
    const auto marks = store.recordMarks();
    if (!marks)
        return marks.error();
    QHash<QString, RecordMark> markOf;
    for (const RecordMark& mark : *marks)
        markOf.insert(mark.recordId, mark);

    const auto unitOfUser = [&](const QString& userId) { return data.users.value(userId).unit; };
    QSet<QString> unitCases;
    const auto cases = store.listCases();
    if (!cases)
        return cases.error();
    QHash<QString, records::Case> allCases;
    for (const QJsonObject& json : *cases) {
        auto parsed = records::Case::fromJson(json);
        if (!parsed)
            continue; // stored by the sync service after validation; skip anything unreadable
        for (const QString& worker : parsed->assignedWorkers) {
            if (unitOfUser(worker) == unit)
                unitCases.insert(parsed->id);
        }
        allCases.insert(parsed->id, *parsed);
    }
    const auto stored = store.listRecords();
    if (!stored)
        return stored.error();
    QList<OfficeRecord> all;
    for (const StoredRecord& row : *stored) {
        auto parsed = records::Record::fromJson(QJsonDocument::fromJson(row.json.toUtf8()).object());
        if (!parsed)
            continue;
        OfficeRecord item { row, *parsed, ingestOf.value(row.id), std::nullopt, orderOf.value(row.id, -1) };
        if (markOf.contains(row.id))
            item.mark = markOf.value(row.id);
        // A case belongs to the unit of whoever sent its records.
        if (unitOfUser(item.ingest.firstUserId) == unit)
            unitCases.insert(row.caseId);
        all.append(item);
    }
    std::stable_sort(all.begin(), all.end(),
        [](const OfficeRecord& a, const OfficeRecord& b) { return a.ingestOrder < b.ingestOrder; });
    for (const OfficeRecord& item : all) {
        if (unitCases.contains(item.stored.caseId))
            data.records.append(item);
    }
    for (const QString& caseId : unitCases) {
        if (allCases.contains(caseId))
            data.cases.insert(caseId, allCases.value(caseId));
    }
    return data;
}

const OfficeRecord* OfficeData::record(const QString& id) const
{
    for (const OfficeRecord& item : records) {
        if (item.stored.id == id)
            return &item;
    }
    return nullptr;
}

QList<const OfficeRecord*> OfficeData::recordsOfCase(const QString& caseId) const
{
    QList<const OfficeRecord*> result;
    for (const OfficeRecord& item : records) {
        if (item.stored.caseId == caseId)
            result.append(&item);
    }
    return result;
}

QString OfficeData::userName(const QString& userId) const
{
    const auto it = users.constFind(userId);
    if (it == users.constEnd())
        return userId.isEmpty() ? QStringLiteral("—") : userId;
    return QStringLiteral("%1 (%2)").arg(it->displayName, it->username);
}

ChainCheck verifyChain(const QList<const OfficeRecord*>& recordsInIngestOrder)
{
    ChainCheck check;
    QString previous;
    for (const OfficeRecord* item : recordsInIngestOrder) {
        if (!item->stored.final)
            continue;
        check.finals += 1;
        const auto fail = [&](const QString& problem) {
            check.ok = false;
            check.firstBadRecordId = item->stored.id;
            check.problem = problem;
        };
        if (!records::verifyContentHash(item->record) || item->record.contentHash != item->stored.contentHash) {
            fail(QStringLiteral("вміст акта не відповідає його хешу"));
            return check;
        }
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash((previous + item->stored.contentHash).toLatin1(), QCryptographicHash::Sha256)
                .toHex());
        if (expected != item->stored.chainHash) {
            fail(QStringLiteral("ланцюжок хешів розірвано"));
            return check;
        }
        previous = item->stored.chainHash;
    }
    return check;
}

workflow::WorkflowRecord toWorkflowRecord(const StoredRecord& stored, const records::Record& record)
{
    QJsonObject body = record.body;
    if (record.type == records::RecordType::Notice && !stored.journalNumber.isEmpty())
        body.insert(QStringLiteral("journalNumber"), stored.journalNumber);
    return workflow::WorkflowRecord { record.id, records::recordTypeId(record.type), record.caseId, record.isFinal(),
        record.finalizedAt, body, record.amends };
}

QString recordTypeLabel(const QString& typeId)
{
    static const QHash<QString, QString> labels {
        { QStringLiteral("notice"), QStringLiteral("Повідомлення") },
        { QStringLiteral("home_visit"), QStringLiteral("Відвідування сім'ї") },
        { QStringLiteral("safety_assessment"), QStringLiteral("Акт оцінки безпеки дитини") },
        { QStringLiteral("needs_assessment"), QStringLiteral("Акт оцінювання потреб") },
        { QStringLiteral("crisis_intervention"), QStringLiteral("Кризове та екстрене втручання") },
        { QStringLiteral("services_decision"), QStringLiteral("Рішення про надання послуг") },
        { QStringLiteral("services_contract"), QStringLiteral("Договір про надання послуг") },
        { QStringLiteral("individual_plan"), QStringLiteral("Індивідуальний план") },
        { QStringLiteral("mdt_meeting"), QStringLiteral("Засідання міждисциплінарної команди") },
        { QStringLiteral("refusal_questionnaire"), QStringLiteral("Анкета сім'ї, яка відмовляється від співпраці") },
        { QStringLiteral("action"), QStringLiteral("Відмітка про виконаний крок") },
    };
    return labels.value(typeId, typeId);
}

QString recordTitle(const OfficeRecord& item)
{
    QString title = recordTypeLabel(item.stored.type);
    if (!item.stored.journalNumber.isEmpty())
        title += QStringLiteral(" № ") + item.stored.journalNumber;
    const QString moment = item.record.body.value(records::momentField(item.stored.type)).toString();
    // A moment is shown as its day in Kyiv; a date field is that day already (QDate would also read a moment's
    // UTC date, so the moment is tried first).
    const QDateTime at = QDateTime::fromString(moment, Qt::ISODateWithMs);
    const QDate day = QDate::fromString(moment, Qt::ISODate);
    QString when;
    if (at.isValid() && moment.size() > 10)
        when = kyivDate(at);
    else if (day.isValid())
        when = day.toString(QStringLiteral("dd.MM.yyyy"));
    else
        when = kyivDate(item.record.isFinal() ? item.record.finalizedAt : item.record.createdAt);
    return title + QStringLiteral(" від ") + when;
}

QString roleLabel(const QString& roleId)
{
    static const QHash<QString, QString> labels {
        { QStringLiteral("social_worker"), QStringLiteral("фахівець із соціальної роботи") },
        { QStringLiteral("mobile_brigade"), QStringLiteral("мобільна бригада") },
        { QStringLiteral("children_service"), QStringLiteral("служба у справах дітей") },
        { QStringLiteral("office"), QStringLiteral("працівник офісу") },
        { QStringLiteral("admin"), QStringLiteral("адміністратор") },
        { QStringLiteral("department"), QStringLiteral("відділ соціального захисту (ВСП)") },
        { QStringLiteral("centre"), QStringLiteral("центр соціальних служб") },
        { QStringLiteral("health_care"), QStringLiteral("заклад охорони здоров'я") },
    };
    return labels.value(roleId, roleId);
}

QString markLabel(const QString& state)
{
    if (state == QLatin1String("received"))
        return QStringLiteral("отримано");
    if (state == QLatin1String("registered"))
        return QStringLiteral("зареєстровано");
    return QStringLiteral("нове");
}

} // namespace poruch::server::office
