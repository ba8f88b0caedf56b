#include "syncstatus.h"

#include "recorddrafts.h"

#include <QJSEngine>
#include <QLocale>

namespace poruch::app {

namespace {
SyncStatus* s_instance = nullptr;
}

SyncStatus::SyncStatus(QObject* parent)
    : QObject(parent)
{
    s_instance = this;
}

SyncStatus::~SyncStatus()
{
    if (s_instance == this)
        s_instance = nullptr;
}

SyncStatus* SyncStatus::instance()
{
    return s_instance;
}

SyncStatus* SyncStatus::create(QQmlEngine*, QJSEngine*)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool SyncStatus::upToDate() const
{
    return m_enrolled && m_state == State::Idle && m_pending == 0 && m_rejected == 0 && m_conflicts.isEmpty()
        && m_lastSyncAt.isValid();
}

QVariantList SyncStatus::conflictList() const
{
    QVariantList list;
    for (const Conflict& c : m_conflicts) {
        list << QVariantMap {
            { QStringLiteral("recordId"), c.local.id },
            { QStringLiteral("typeLabel"), RecordDrafts::typeLabel(records::recordTypeId(c.local.type)) },
            { QStringLiteral("caseTitle"), c.caseTitle },
            { QStringLiteral("remoteAt"), QLocale().toString(c.remote.updatedAt, QStringLiteral("dd.MM.yyyy HH:mm")) },
        };
    }
    return list;
}

void SyncStatus::setEnrolled(bool enrolled)
{
    m_enrolled = enrolled;
    Q_EMIT changed();
}

void SyncStatus::setState(State state)
{
    m_state = state;
    Q_EMIT changed();
}

void SyncStatus::setProgress(int sent, int total)
{
    m_sent = sent;
    m_total = total;
    Q_EMIT changed();
}

void SyncStatus::setCounts(int pending, int rejected)
{
    m_pending = pending;
    m_rejected = rejected;
    Q_EMIT changed();
}

void SyncStatus::setLastSync(const QDateTime& at)
{
    m_lastSyncAt = at;
    Q_EMIT changed();
}

void SyncStatus::setLastError(const QString& error)
{
    m_lastError = error;
    Q_EMIT changed();
}

void SyncStatus::setRecordState(const QString& recordId, const QString& state)
{
    if (state.isEmpty())
        m_recordStates.remove(recordId);
    else
        m_recordStates.insert(recordId, state);
    Q_EMIT changed();
}

void SyncStatus::setConflicts(const QList<Conflict>& conflicts)
{
    m_conflicts = conflicts;
    for (const Conflict& c : conflicts)
        m_recordStates.insert(c.local.id, QStringLiteral("conflict"));
    Q_EMIT conflictsChanged();
    Q_EMIT changed();
}

void SyncStatus::syncNow()
{
    Q_EMIT syncRequested();
}

void SyncStatus::enroll(const QString& serverUrl, const QString& code)
{
    Q_EMIT enrollRequested(serverUrl.trimmed(), code.trimmed());
}

void SyncStatus::resolveConflict(const QString& recordId, const QJsonObject& mergedBody)
{
    for (qsizetype i = 0; i < m_conflicts.size(); ++i) {
        if (m_conflicts.at(i).local.id != recordId)
            continue;
        const int serverRevision = m_conflicts.at(i).remote.revision;
        m_conflicts.removeAt(i);
        m_recordStates.insert(recordId, QStringLiteral("pending"));
        Q_EMIT conflictsChanged();
        Q_EMIT changed();
        Q_EMIT conflictResolved(recordId, mergedBody, serverRevision);
        return;
    }
}

} // namespace poruch::app
