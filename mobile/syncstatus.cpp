#include "syncstatus.h"

#include "recorddrafts.h"

#include <QJSEngine>
#include <QLocale>
#include <QUrlQuery>

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
        && m_lastSyncAt.isValid() && m_roundComplete;
}

QVariantList SyncStatus::conflictList() const
{
    QVariantList list;
    for (const Conflict& c : m_conflicts) {
        list << QVariantMap {
            { QStringLiteral("recordId"), c.local.id },
            { QStringLiteral("typeLabel"), RecordDrafts::typeLabel(records::recordTypeId(c.local.type)) },
            { QStringLiteral("caseTitle"), c.caseTitle },
            { QStringLiteral("remoteAt"),
                c.remoteKnown ? QLocale().toString(c.remote.updatedAt, QStringLiteral("dd.MM.yyyy HH:mm"))
                              : QString() },
        };
    }
    return list;
}

void SyncStatus::setEnrolled(bool enrolled)
{
    m_enrolled = enrolled;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setState(State state)
{
    m_state = state;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setProgress(int sent, int total)
{
    m_sent = sent;
    m_total = total;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setCounts(int pending, int rejected)
{
    m_pending = pending;
    m_rejected = rejected;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setLastSync(const QDateTime& at)
{
    m_lastSyncAt = at;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setLastError(const QString& error)
{
    m_lastError = error;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setRecordState(const QString& recordId, const QString& state)
{
    if (state.isEmpty())
        m_recordStates.remove(recordId);
    else
        m_recordStates.insert(recordId, state);
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setConflicts(const QList<Conflict>& conflicts)
{
    m_conflicts = conflicts;
    for (const Conflict& c : conflicts)
        m_recordStates.insert(c.local.id, QStringLiteral("conflict"));
    Q_EMIT conflictsChanged();
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setRoundComplete(bool complete)
{
    if (m_roundComplete == complete)
        return;
    m_roundComplete = complete;
    ++m_revision;
    Q_EMIT changed();
}

void SyncStatus::setRecordStateSource(std::function<QString(const QString&)> source)
{
    m_stateSource = std::move(source);
    ++m_revision;
    Q_EMIT changed();
}

QString SyncStatus::recordState(const QString& recordId) const
{
    if (m_stateSource)
        return m_stateSource(recordId);
    return m_recordStates.value(recordId);
}

void SyncStatus::setEnrolling(bool enrolling, const QString& message)
{
    m_enrolling = enrolling;
    m_enrollMessage = message;
    Q_EMIT enrollChanged();
}

void SyncStatus::setServer(const QString& url, const QString& userName)
{
    m_serverUrl = url;
    m_userName = userName;
    Q_EMIT enrollChanged();
}

void SyncStatus::setSuggestedServer(const QString& url)
{
    m_suggestedServer = url;
}

void SyncStatus::clearSession()
{
    m_stateSource = {};
    m_recordStates.clear();
    m_conflicts.clear();
    m_state = State::Idle;
    m_sent = m_total = m_pending = m_rejected = 0;
    m_roundComplete = false;
    m_enrolling = false;
    m_enrollMessage.clear();
    ++m_revision;
    Q_EMIT conflictsChanged();
    Q_EMIT enrollChanged();
    Q_EMIT changed();
}

void SyncStatus::syncNow()
{
    Q_EMIT syncRequested();
}

void SyncStatus::enroll(const QString& serverUrl, const QString& code, const QString& fingerprint)
{
    if (m_enrolling)
        return;
    Q_EMIT enrollRequested(serverUrl.trimmed(), code.trimmed(), fingerprint.trimmed());
}

QVariantMap SyncStatus::parseEnrollLink(const QString& text) const
{
    const QUrl url(text.trimmed());
    if (url.scheme() != QLatin1String("poruch") || url.host() != QLatin1String("enroll"))
        return {};
    const QUrlQuery query(url);
    return QVariantMap {
        { QStringLiteral("server"), query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded) },
        { QStringLiteral("code"), query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded) },
        { QStringLiteral("sha256"), query.queryItemValue(QStringLiteral("sha256"), QUrl::FullyDecoded) },
    };
}

} // namespace poruch::app
