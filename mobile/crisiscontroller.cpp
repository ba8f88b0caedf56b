#include "crisiscontroller.h"

#include "appsession.h"
#include "deadlinemodel.h"
#include "fieldformat.h"
#include "forms/formregistry.h"
#include "isotime.h"
#include "recorddrafts.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"

#include <QJsonArray>
#include <QTimer>

namespace poruch::app {

CrisisController::CrisisController(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &CrisisController::tick);
    m_timer->start();
}

void CrisisController::setCaseId(const QString& caseId)
{
    if (m_caseId == caseId)
        return;
    m_caseId = caseId;
    load();
}

qint64 CrisisController::elapsedSeconds() const
{
    auto* session = AppSession::instance();
    if (!m_identifiedAt.isValid() || !session)
        return 0;
    return qMax<qint64>(0, m_identifiedAt.secsTo(session->now()));
}

QString CrisisController::elapsedText() const
{
    const qint64 s = elapsedSeconds();
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString CrisisController::remainingText() const
{
    if (!active())
        return {};
    const qint64 left = limitSeconds - elapsedSeconds();
    if (left < 0)
        return tr("24 hours passed %1 ago").arg(DeadlineModel::formatDuration(-left));
    return tr("%1 left of the 24 hours").arg(DeadlineModel::formatDuration(left));
}

double CrisisController::progress() const
{
    return qBound(0.0, double(elapsedSeconds()) / limitSeconds, 1.0);
}

bool CrisisController::overdue() const
{
    return active() && elapsedSeconds() > limitSeconds;
}

QString CrisisController::consentText() const
{
    if (m_consent.isEmpty())
        return tr("Consent to inform the police not recorded yet.");
    QString text = FieldFormat::consentDecisionLabel(consentDecision());
    if (const QString reason = m_consent.value(QStringLiteral("refusalReason")).toString(); !reason.isEmpty())
        text += QStringLiteral(": ") + reason;
    return text;
}

void CrisisController::load()
{
    m_noticeId.clear();
    m_interventionId.clear();
    m_identifiedAt = {};
    m_entries.clear();
    m_consent = {};
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    if (repo && !m_caseId.isEmpty()) {
        auto list = repo->listRecords(m_caseId);
        if (list) {
            for (const records::RecordSummary& r : list.value()) {
                if (r.type == records::RecordType::CrisisIntervention)
                    m_interventionId = r.id;
                if (r.type == records::RecordType::Notice) {
                    auto notice = repo->getRecord(r.id);
                    if (notice && notice->body.value(QStringLiteral("crisis")).toBool()) {
                        m_noticeId = r.id;
                        m_identifiedAt
                            = parseIsoDateTime(notice->body.value(QStringLiteral("identifiedAt")).toString());
                        m_consent = notice->body.value(QStringLiteral("policeConsent")).toObject();
                    }
                }
            }
        }
        if (!m_interventionId.isEmpty()) {
            if (auto intervention = repo->getRecord(m_interventionId)) {
                if (!m_identifiedAt.isValid())
                    m_identifiedAt = parseIsoDateTime(intervention->body.value(QStringLiteral("startedAt")).toString());
                for (const QJsonValue& row : intervention->body.value(QStringLiteral("activities")).toArray())
                    m_entries << row.toObject().value(QStringLiteral("activity")).toString();
            }
        }
    }
    Q_EMIT changed();
    Q_EMIT tick();
}

bool CrisisController::start()
{
    auto* session = AppSession::instance();
    if (!session || !session->repository())
        return false;
    auto c = RecordDrafts::createCase(*session);
    if (!c) {
        m_error = c.error().code;
        Q_EMIT changed();
        return false;
    }
    const QString now = isoDateTime(session->now());
    auto notice = RecordDrafts::create(*session, c->id, QStringLiteral("notice"),
        QJsonObject { { QStringLiteral("crisis"), true }, { QStringLiteral("identifiedAt"), now },
            { QStringLiteral("receivedAt"), now }, { QStringLiteral("origin"), QStringLiteral("report") } });
    auto intervention = RecordDrafts::create(*session, c->id, QStringLiteral("crisis_intervention"),
        QJsonObject { { QStringLiteral("startedAt"), now }, { QStringLiteral("threatToLife"), true } });
    if (!notice || !intervention) {
        m_error = !notice ? notice.error().code : intervention.error().code;
        Q_EMIT changed();
        return false;
    }
    m_caseId = c->id;
    load();
    return true;
}

bool CrisisController::update(const QString& recordId, const std::function<void(QJsonObject&)>& edit)
{
    auto* session = AppSession::instance();
    records::RecordRepository* repo = session ? session->repository() : nullptr;
    client::LocalSyncStore* writer = session ? session->syncStore() : nullptr;
    if (!repo || !writer || recordId.isEmpty())
        return false;
    auto record = repo->getRecord(recordId);
    if (!record || record->isFinal())
        return false;
    edit(record->body);
    auto saved = writer->saveDraft(record.value());
    if (!saved) {
        m_error = saved.error().code;
        Q_EMIT changed();
        return false;
    }
    session->localChangesSaved();
    load();
    return true;
}

bool CrisisController::quickEntry(const QString& kind)
{
    // Entries are part of the act, so they are written in Ukrainian like the rest of the form data.
    static const QHash<QString, QString> texts = {
        { QStringLiteral("police"), QStringLiteral("Викликано поліцію (102)") },
        { QStringLiteral("ambulance"), QStringLiteral("Викликано швидку медичну допомогу (103)") },
        { QStringLiteral("shelter"), QStringLiteral("Влаштовано до притулку / кризової кімнати") },
        { QStringLiteral("medical"), QStringLiteral("Направлено до закладу охорони здоров'я") },
    };
    if (!texts.contains(kind))
        return false;
    auto* session = AppSession::instance();
    if (!session)
        return false;
    const QString time = session->now().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
    return update(m_interventionId, [&](QJsonObject& body) {
        QJsonArray rows = body.value(QStringLiteral("activities")).toArray();
        rows << QJsonObject { { QStringLiteral("activity"), time + QStringLiteral(" — ") + texts.value(kind) } };
        body.insert(QStringLiteral("activities"), rows);
        if (kind == QLatin1String("shelter"))
            body.insert(QStringLiteral("needShelter"), true);
        if (kind == QLatin1String("medical") || kind == QLatin1String("ambulance"))
            body.insert(QStringLiteral("needMedical"), true);
    });
}

bool CrisisController::recordConsent(const QString& decision, const QString& by, const QString& refusalReason)
{
    if (decision != QLatin1String("given") && decision != QLatin1String("refused")
        && decision != QLatin1String("not_asked"))
        return false;
    if (decision == QLatin1String("refused") && refusalReason.trimmed().isEmpty()) {
        m_error = QStringLiteral("app.refusal_reason_missing");
        Q_EMIT changed();
        return false;
    }
    auto* session = AppSession::instance();
    if (!session)
        return false;
    m_error.clear();
    return update(m_noticeId, [&](QJsonObject& body) {
        QJsonObject consent { { QStringLiteral("decision"), decision } };
        // The purpose text is the form's own (data), not the UI's.
        const forms::FormDefinition* form = session->forms().latest(QStringLiteral("notice"));
        const forms::FieldDef* field = form ? form->field(QStringLiteral("policeConsent")) : nullptr;
        if (field && !field->purpose.isEmpty())
            consent.insert(QStringLiteral("purpose"), field->purpose);
        if (decision != QLatin1String("not_asked"))
            consent.insert(QStringLiteral("at"), isoDateTime(session->now()));
        if (!by.trimmed().isEmpty())
            consent.insert(QStringLiteral("by"), by.trimmed());
        if (decision == QLatin1String("refused"))
            consent.insert(QStringLiteral("refusalReason"), refusalReason.trimmed());
        body.insert(QStringLiteral("policeConsent"), consent);
    });
}

} // namespace poruch::app
