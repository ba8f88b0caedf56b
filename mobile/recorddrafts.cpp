#include "recorddrafts.h"

#include "appsession.h"
#include "forms/formregistry.h"
#include "isotime.h"
#include "records/recordmoment.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"

namespace poruch::app {

QString RecordDrafts::typeLabel(const QString& typeId)
{
    static const QHash<QString, const char*> labels = {
        { QStringLiteral("notice"), QT_TR_NOOP("Notice") },
        { QStringLiteral("home_visit"), QT_TR_NOOP("Home visit") },
        { QStringLiteral("safety_assessment"), QT_TR_NOOP("Child safety assessment") },
        { QStringLiteral("needs_assessment"), QT_TR_NOOP("Needs assessment") },
        { QStringLiteral("crisis_intervention"), QT_TR_NOOP("Crisis intervention") },
        { QStringLiteral("services_decision"), QT_TR_NOOP("Decision on services") },
        { QStringLiteral("services_contract"), QT_TR_NOOP("Services contract") },
        { QStringLiteral("individual_plan"), QT_TR_NOOP("Individual plan") },
        { QStringLiteral("mdt_meeting"), QT_TR_NOOP("Multidisciplinary team meeting") },
        { QStringLiteral("refusal_questionnaire"), QT_TR_NOOP("Refusal questionnaire") },
        { QStringLiteral("action"), QT_TR_NOOP("Statutory step done") },
    };
    const char* label = labels.value(typeId);
    return label ? tr(label) : typeId;
}

Result<records::Record> RecordDrafts::create(
    AppSession& session, const QString& caseId, const QString& typeId, QJsonObject initial)
{
    client::LocalSyncStore* writer = session.syncStore();
    if (!writer)
        return Error { QStringLiteral("app.locked"), QStringLiteral("The store is locked") };
    const auto type = records::recordTypeFromId(typeId);
    const forms::FormDefinition* form = session.forms().latest(typeId);
    if (!type || !form)
        return Error { QStringLiteral("app.unknown_type"), QStringLiteral("No form for this record type") };
    const QString moment = records::momentField(typeId);
    if (!moment.isEmpty() && !initial.contains(moment)) {
        const forms::FieldDef* field = form->field(moment);
        if (field && field->type == forms::FieldType::Date)
            initial.insert(moment, session.now().date().toString(Qt::ISODate));
        else if (field)
            initial.insert(moment, isoDateTime(session.now()));
    }
    if (typeId == QLatin1String("notice")) {
        // A worker records what reached them now: identified when received (editable), received by
        // the enrolled worker.
        if (!initial.contains(QStringLiteral("identifiedAt")) && initial.contains(moment))
            initial.insert(QStringLiteral("identifiedAt"), initial.value(moment));
        if (!initial.contains(QStringLiteral("receivedByName")) && !session.userName().isEmpty())
            initial.insert(QStringLiteral("receivedByName"), session.userName());
    }
    records::Record record;
    record.type = *type;
    record.formId = form->id();
    record.formVersion = form->version();
    record.caseId = caseId;
    record.body = initial;
    record.authorUserId = session.userId();
    record.authorDeviceId = session.deviceId();
    auto saved = writer->saveDraft(record);
    if (saved)
        session.localChangesSaved();
    return saved;
}

Result<records::Record> RecordDrafts::createStep(
    AppSession& session, const QString& caseId, const workflow::TaskCompletion& completion)
{
    if (!completion.onTablet)
        return Error { QStringLiteral("app.not_on_tablet"), QStringLiteral("This step is not recorded on the tablet") };
    // A second tap on the same step reopens its draft instead of leaving a pile of identical drafts.
    if (records::RecordRepository* repo = session.repository()) {
        if (auto file = repo->openCase(caseId)) {
            for (const records::RecordSummary& r : file->records) {
                if (r.status != records::RecordStatus::Draft || records::recordTypeId(r.type) != completion.recordType)
                    continue;
                auto draft = repo->getRecord(r.id);
                if (!draft)
                    continue;
                bool same = true;
                for (auto it = completion.overlay.begin(); it != completion.overlay.end() && same; ++it)
                    same = draft->body.value(it.key()) == it.value();
                if (same)
                    return draft;
            }
        }
    }
    QJsonObject initial = completion.overlay;
    const forms::FormDefinition* form = session.forms().latest(completion.recordType);
    const forms::FieldDef* field = form ? form->field(completion.doneAtField) : nullptr;
    if (field && !initial.contains(completion.doneAtField))
        initial.insert(completion.doneAtField,
            field->type == forms::FieldType::Date ? session.now().date().toString(Qt::ISODate)
                                                  : isoDateTime(session.now()));
    return create(session, caseId, completion.recordType, initial);
}

Result<records::Case> RecordDrafts::createCase(AppSession& session)
{
    client::LocalSyncStore* writer = session.syncStore();
    if (!writer)
        return Error { QStringLiteral("app.locked"), QStringLiteral("The store is locked") };
    records::Case value;
    value.assignedWorkers = { session.userId() };
    // A household may be opened before anyone's name is known (a crisis call); members follow.
    auto saved = writer->saveCase(value);
    if (saved)
        session.localChangesSaved();
    return saved;
}

} // namespace poruch::app
