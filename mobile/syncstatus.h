#pragma once

#include "records/record.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

#include <functional>

class QJSEngine;
class QQmlEngine;

namespace poruch::app {

// The seam between the UI and the sync client (mobile/sync). The UI only reads these properties and
// calls syncNow() / enroll(); SyncBridge (created by AppSession for the unlocked session) calls the
// setters from the SyncClient and the LocalSyncStore and listens to the request signals. Nothing here
// talks to the network, so the sync page, record badges and the conflicts page also render without a
// server.
// Honesty rule: upToDate is true only when nothing is pending, conflicting or rejected and the last
// run finished; the sync page never says "done" otherwise.
class SyncStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    Q_PROPERTY(int pending READ pending NOTIFY changed)
    Q_PROPERTY(int sent READ sent NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY conflictsChanged)
    Q_PROPERTY(int rejected READ rejected NOTIFY changed)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(bool upToDate READ upToDate NOTIFY changed)
    Q_PROPERTY(QVariantList conflicts READ conflictList NOTIFY conflictsChanged)
    Q_PROPERTY(bool enrolling READ enrolling NOTIFY enrollChanged)
    Q_PROPERTY(QString enrollMessage READ enrollMessage NOTIFY enrollChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY enrollChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY enrollChanged)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
public:
    enum class State { Idle, Syncing, Failed };
    Q_ENUM(State)

    // One record the server and the tablet both changed: the tablet's revision and the server's.
    struct Conflict {
        records::Record local;
        records::Record remote; // only meaningful when remoteKnown
        bool remoteKnown = true; // false until the server's revision was pulled
        QString caseTitle;
    };

    // No default argument on purpose: a default-constructible class would make QML (Qt 6.4) build
    // its own instance instead of calling create().
    explicit SyncStatus(QObject* parent);
    ~SyncStatus() override;
    static SyncStatus* instance();
    static SyncStatus* create(QQmlEngine*, QJSEngine*);

    State state() const { return m_state; }
    bool enrolled() const { return m_enrolled; }
    int pending() const { return m_pending; }
    int sent() const { return m_sent; }
    int total() const { return m_total; }
    int conflictCount() const { return int(m_conflicts.size()); }
    int rejected() const { return m_rejected; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    QString lastError() const { return m_lastError; }
    bool upToDate() const;
    QVariantList conflictList() const;
    const QList<Conflict>& conflicts() const { return m_conflicts; }
    bool enrolling() const { return m_enrolling; }
    QString enrollMessage() const { return m_enrollMessage; }
    QString serverUrl() const { return m_serverUrl; }
    QString userName() const { return m_userName; }
    int revision() const { return m_revision; }

    // --- called by the sync client ---
    void setEnrolled(bool enrolled);
    void setState(State state);
    void setProgress(int sent, int total); // during a run: items sent of items to send
    void setCounts(int pending, int rejected);
    void setLastSync(const QDateTime& at);
    void setLastError(const QString& error); // a short, translated, non-personal message
    // "pending", "sent", "conflict", "rejected" ("" = nothing to show).
    void setRecordState(const QString& recordId, const QString& state);
    void setConflicts(const QList<Conflict>& conflicts);
    // True only when the client finished a round that pushed everything and pulled to the end, with
    // nothing saved since (SyncClient::isUpToDate()); part of upToDate.
    void setRoundComplete(bool complete);
    // Where per-record states come from (the LocalSyncStore while unlocked); the map of
    // setRecordState() answers when no source is set.
    void setRecordStateSource(std::function<QString(const QString&)> source);
    void setEnrolling(bool enrolling, const QString& message = {});
    void setServer(const QString& url, const QString& userName);
    // The server address the app was started with (--server): prefills the enrollment form.
    void setSuggestedServer(const QString& url);
    // On lock: nothing personal (conflicting records) stays behind the lock.
    void clearSession();

    // --- called by the UI ---
    Q_INVOKABLE QString recordState(const QString& recordId) const;
    Q_INVOKABLE void syncNow();
    // fingerprint: the SHA-256 of the server certificate the office prints beside the code.
    Q_INVOKABLE void enroll(const QString& serverUrl, const QString& code, const QString& fingerprint);
    // The office's QR text "poruch://enroll?server=…&code=…&sha256=…" split into server, code and
    // sha256 (empty map when the text is not such a link).
    Q_INVOKABLE QVariantMap parseEnrollLink(const QString& text) const;
    Q_INVOKABLE QString suggestedServer() const { return m_suggestedServer; }

Q_SIGNALS:
    void changed();
    void conflictsChanged();
    void enrollChanged();
    void syncRequested();
    void enrollRequested(const QString& serverUrl, const QString& code, const QString& fingerprint);

private:
    State m_state = State::Idle;
    bool m_enrolled = false;
    int m_pending = 0;
    int m_sent = 0;
    int m_total = 0;
    int m_rejected = 0;
    QDateTime m_lastSyncAt;
    QString m_lastError;
    QHash<QString, QString> m_recordStates;
    QList<Conflict> m_conflicts;
    std::function<QString(const QString&)> m_stateSource;
    bool m_roundComplete = false;
    bool m_enrolling = false;
    QString m_enrollMessage;
    QString m_serverUrl;
    QString m_userName;
    QString m_suggestedServer;
    int m_revision = 0;
};

} // namespace poruch::app
