#include "syncbridge.h"

#include "applogging.h"
#include "appsession.h"
#include "sync/localsyncstore.h"
#include "sync/syncclient.h"
#include "syncstatus.h"

#include <QDateTime>
#include <QUrl>

namespace poruch::app {

SyncBridge::SyncBridge(
    AppSession& session, client::LocalSyncStore& store, client::SyncClient& client, SyncStatus& status)
    : m_session(session)
    , m_store(store)
    , m_client(client)
    , m_status(&status)
{
    using client::SyncClient;
    connect(&m_client, &SyncClient::stateChanged, this, &SyncBridge::updateState);
    connect(&m_client, &SyncClient::countsChanged, this, &SyncBridge::refresh);
    connect(&m_client, &SyncClient::progress, this, [this](const QString&, int done, int total) {
        if (m_status)
            m_status->setProgress(done, total);
    });
    connect(&m_client, &SyncClient::syncFinished, this, &SyncBridge::onSyncFinished);
    connect(&m_client, &SyncClient::enrollFinished, this,
        [this](bool ok, const QString& code, const QString&) { onEnrollFinished(ok, code); });
    connect(m_status, &SyncStatus::syncRequested, &m_client, &SyncClient::syncNow);
    connect(m_status, &SyncStatus::enrollRequested, this, &SyncBridge::enroll);

    // Badges: the store is the truth (one indexed lookup per record shown).
    m_status->setRecordStateSource([store = &m_store](const QString& id) -> QString {
        const auto state = store->stateOf(id);
        return state && *state ? client::entityStateId((*state)->state) : QString();
    });
    updateEnrollment();
    updateState();
    refresh();
}

SyncBridge::~SyncBridge()
{
    if (m_status)
        m_status->clearSession();
}

QString SyncBridge::syncErrorText(const QString& code)
{
    if (code == QLatin1String("sync.offline"))
        return tr("No connection to the server; retrying by itself. Everything stays saved on this tablet.");
    if (code == QLatin1String("sync.certificate_mismatch"))
        return tr("The server presented an unknown certificate; nothing was sent. Enroll the tablet again "
                  "with the details from the office.");
    if (code == QLatin1String("unauthorized") || code == QLatin1String("token_expired"))
        return tr("The server no longer accepts this tablet's access. Enroll the tablet again; your records stay "
                  "on it.");
    if (code == QLatin1String("protocol_unsupported"))
        return tr("This version of the app is too old for the server. Update the app.");
    if (code == QLatin1String("rate_limited"))
        return tr("The server is busy; retrying shortly.");
    if (code.startsWith(QLatin1String("store.")))
        return tr("The tablet's store could not be read or written (%1); retrying.").arg(code);
    return tr("The server could not complete the synchronisation (%1); retrying.").arg(code);
}

QString SyncBridge::enrollErrorText(const QString& code)
{
    if (code == QLatin1String("sync.https_required"))
        return tr("The server address must start with https://.");
    if (code == QLatin1String("sync.certificate_mismatch"))
        return tr("The server's certificate does not match the fingerprint from the office. The tablet was not "
                  "enrolled; check the address and the fingerprint.");
    if (code == QLatin1String("sync.offline"))
        return tr("The server cannot be reached. Check the address and the network.");
    if (code == QLatin1String("enrollment_code_invalid"))
        return tr("The code is wrong, expired or already used. Ask the office for a new one.");
    if (code == QLatin1String("rate_limited"))
        return tr("Too many attempts. Wait a few minutes and try again.");
    if (code == QLatin1String("sync.busy"))
        return tr("A synchronisation is running; try again in a moment.");
    return tr("Enrollment failed (%1).").arg(code);
}

void SyncBridge::updateEnrollment()
{
    if (!m_status)
        return;
    const auto enrollment = m_store.enrollment();
    const bool enrolled = enrollment && *enrollment;
    m_status->setEnrolled(enrolled);
    if (enrolled)
        m_status->setServer((*enrollment)->serverUrl.toString(), (*enrollment)->userDisplayName);
    else
        m_status->setServer({}, {});
}

void SyncBridge::updateState()
{
    if (!m_status)
        return;
    using State = client::SyncClient::State;
    switch (m_client.state()) {
    case State::Syncing:
        m_status->setState(SyncStatus::State::Syncing);
        break;
    case State::Offline:
    case State::Error:
        m_status->setState(SyncStatus::State::Failed);
        m_status->setLastError(syncErrorText(m_client.errorCode()));
        break;
    case State::NotEnrolled:
    case State::Idle:
    case State::Wiped:
        m_status->setState(SyncStatus::State::Idle);
        break;
    }
    m_status->setRoundComplete(m_client.isUpToDate());
}

void SyncBridge::refresh()
{
    if (!m_status)
        return;
    if (const auto counts = m_store.counts())
        m_status->setCounts(qMax(counts->pendingEntities, counts->outbox), counts->rejected);
    m_status->setRoundComplete(m_client.isUpToDate());
    updateConflicts();
}

void SyncBridge::updateConflicts()
{
    if (!m_status)
        return;
    const auto kept = m_store.conflicts();
    if (!kept) {
        qCWarning(lcApp) << "conflicts cannot be read:" << kept.error().code;
        return;
    }
    QString key;
    for (const client::KeptConflict& c : *kept) {
        key += QStringLiteral("%1:%2:%3:%4;")
                   .arg(c.recordId)
                   .arg(c.mine.revision)
                   .arg(c.serverRevision)
                   .arg(c.theirs ? c.theirs->revision : 0);
    }
    if (key == m_conflictKey)
        return;
    m_conflictKey = key;
    QList<SyncStatus::Conflict> list;
    for (const client::KeptConflict& c : *kept) {
        SyncStatus::Conflict conflict;
        conflict.local = c.mine;
        conflict.remoteKnown = c.theirs.has_value();
        conflict.remote = c.theirs ? *c.theirs : c.mine;
        if (!c.theirs)
            conflict.remote.body = {};
        if (auto household = m_store.repository().getCase(c.caseId.isEmpty() ? c.mine.caseId : c.caseId))
            conflict.caseTitle = household->title();
        list << conflict;
    }
    m_status->setConflicts(list);
}

void SyncBridge::enroll(const QString& serverUrl, const QString& code, const QString& fingerprint)
{
    if (!m_status)
        return;
    const QUrl url = QUrl::fromUserInput(serverUrl);
    if (code.isEmpty() || fingerprint.isEmpty()) {
        m_status->setEnrolling(false, tr("Enter the code and the certificate fingerprint from the office."));
        return;
    }
    m_status->setEnrolling(true, tr("Enrolling…"));
    m_client.enroll(url, code, fingerprint);
}

void SyncBridge::onEnrollFinished(bool ok, const QString& code)
{
    if (!m_status)
        return;
    if (!ok) {
        m_status->setEnrolling(false, enrollErrorText(code));
        return;
    }
    const auto enrollment = m_store.enrollment();
    if (enrollment && *enrollment)
        m_session.setIdentity((*enrollment)->userId, (*enrollment)->deviceId, (*enrollment)->userDisplayName);
    m_status->setEnrolling(false, tr("This tablet is enrolled. Synchronising…"));
    m_status->setLastError({});
    updateEnrollment();
    refresh();
}

void SyncBridge::onSyncFinished(bool complete)
{
    // Wiped: the database is closed and gone; AppSession::onRevoked takes over.
    if (!m_status || m_client.state() == client::SyncClient::State::Wiped)
        return;
    if (m_client.state() == client::SyncClient::State::Idle) {
        // A round that ended normally: the server was reached (complete or not, see upToDate).
        Q_UNUSED(complete);
        m_status->setLastError({});
        m_status->setLastSync(QDateTime::currentDateTime());
    }
    updateState();
    refresh();
    m_session.loadSyncedDefinitions();
    // Pulled changes and new states: lists and badges refresh.
    m_session.notifyDataChanged();
}

} // namespace poruch::app
