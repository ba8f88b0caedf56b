#include "casecontroller.h"

#include "appsession.h"
#include "recorddrafts.h"
#include "records/casecategories.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"
#include "syncstatus.h"

#include <QLocale>

namespace poruch::app {

CaseController::CaseController(QObject* parent)
    : QObject(parent)
{
    if (auto* session = AppSession::instance())
        connect(session, &AppSession::dataChanged, this, &CaseController::reload);
}

void CaseController::setCaseId(const QString& caseId)
{
    if (m_caseId == caseId)
        return;
    m_caseId = caseId;
    Q_EMIT caseIdChanged();
    reload();
}

QVariantList CaseController::recordTypes() const
{
    QVariantList list;
    for (const QString& type : records::recordTypeIds())
        list << QVariantMap { { QStringLiteral("type"), type },
            { QStringLiteral("label"), RecordDrafts::typeLabel(type) } };
    return list;
}

QVariantList CaseController::relations() const
{
    QVariantList list;
    for (const records::MemberRelation& relation : records::memberRelations())
        list << QVariantMap { { QStringLiteral("code"), relation.code }, { QStringLiteral("label"), relation.label } };
    return list;
}

void CaseController::reload()
{
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    m_members.clear();
    m_records.clear();
    m_error.clear();
    if (!repo || m_caseId.isEmpty()) {
        Q_EMIT loaded();
        return;
    }
    auto file = repo->openCase(m_caseId);
    if (!file) {
        m_error = file.error().code;
        Q_EMIT loaded();
        return;
    }
    const records::Case& c = file->caseData;
    m_title = c.title().isEmpty() ? tr("New household (no members yet)") : c.title();
    m_address = c.address;
    m_phone = c.phone;
    m_displaced = c.internallyDisplaced;
    QStringList categories;
    for (const QString& code : c.categories)
        categories << records::caseCategoryLabel(code);
    m_categoriesText = categories.join(QStringLiteral("; "));
    QHash<QString, QString> relationLabels;
    for (const records::MemberRelation& relation : records::memberRelations())
        relationLabels.insert(relation.code, relation.label);
    for (const records::Member& m : c.members) {
        m_members << QVariantMap {
            { QStringLiteral("id"), m.id },
            { QStringLiteral("fullName"), m.fullName },
            { QStringLiteral("child"), m.role == records::Member::Role::Child },
            { QStringLiteral("birthDate"),
                m.birthDate.isValid() ? QLocale().toString(m.birthDate, QStringLiteral("dd.MM.yyyy")) : QString() },
            { QStringLiteral("relation"), relationLabels.value(m.relation, m.relation) },
        };
    }
    SyncStatus* sync = SyncStatus::instance();
    for (const records::RecordSummary& r : file->records) {
        const QString type = records::recordTypeId(r.type);
        const bool final = r.status == records::RecordStatus::Final;
        m_records << QVariantMap {
            { QStringLiteral("id"), r.id },
            { QStringLiteral("type"), type },
            { QStringLiteral("typeLabel"), RecordDrafts::typeLabel(type) },
            { QStringLiteral("final"), final },
            { QStringLiteral("amendment"), !r.amends.isEmpty() },
            { QStringLiteral("when"),
                QLocale().toString(final ? r.finalizedAt : r.updatedAt, QStringLiteral("dd.MM.yyyy HH:mm")) },
            { QStringLiteral("syncState"), sync ? sync->recordState(r.id) : QString() },
        };
    }
    Q_EMIT loaded();
}

QString CaseController::createRecord(const QString& typeId)
{
    auto* session = AppSession::instance();
    if (!session)
        return {};
    auto record = RecordDrafts::create(*session, m_caseId, typeId);
    if (!record) {
        m_error = record.error().code;
        Q_EMIT loaded();
        return {};
    }
    return record->id;
}

bool CaseController::addMember(const QString& fullName, bool child, const QString& birthDate, const QString& relation)
{
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    client::LocalSyncStore* writer = session ? session->syncStore() : nullptr;
    if (!repo || !writer || fullName.trimmed().isEmpty())
        return false;
    auto c = repo->getCase(m_caseId);
    if (!c)
        return false;
    records::Member m;
    m.fullName = fullName.trimmed();
    m.role = child ? records::Member::Role::Child : records::Member::Role::Adult;
    m.birthDate = QDate::fromString(birthDate.trimmed(), Qt::ISODate);
    m.relation = records::memberRelationCodes().contains(relation) ? relation
        : c->members.isEmpty()                                     ? QStringLiteral("applicant")
                                                                   : QStringLiteral("other");
    c->members << m;
    if (!writer->saveCase(c.value()))
        return false;
    session->localChangesSaved();
    return true;
}

bool CaseController::updateContacts(const QString& address, const QString& phone, bool displaced)
{
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    client::LocalSyncStore* writer = session ? session->syncStore() : nullptr;
    if (!repo || !writer)
        return false;
    auto c = repo->getCase(m_caseId);
    if (!c)
        return false;
    c->address = address.trimmed();
    c->phone = phone.trimmed();
    c->internallyDisplaced = displaced;
    if (!writer->saveCase(c.value()))
        return false;
    session->localChangesSaved();
    return true;
}

QVariantMap CaseController::createCaseWithNotice()
{
    auto* session = AppSession::instance();
    if (!session)
        return {};
    auto c = RecordDrafts::createCase(*session);
    if (!c)
        return {};
    auto notice = RecordDrafts::create(*session, c->id, QStringLiteral("notice"));
    if (!notice)
        return {};
    return { { QStringLiteral("caseId"), c->id }, { QStringLiteral("recordId"), notice->id } };
}

} // namespace poruch::app
