#pragma once

#include "records/record.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

class QJSEngine;
class QQmlEngine;

namespace poruch::app {

// The seam between the UI and the sync client (mobile/sync). The UI only reads these properties and
// calls syncNow() / enroll() / resolveConflict(); the sync client (wired in main.cpp by the lead) calls
// the setters and listens to the request signals. Nothing here talks to the network, so the sync page,
// record badges and the conflicts page work (and are tested) without a server.
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
public:
    enum class State { Idle, Syncing, Failed };
    Q_ENUM(State)

    // One record the server and the tablet both changed: the tablet's revision and the server's.
    struct Conflict {
        records::Record local;
        records::Record remote;
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

    // --- called by the UI ---
    Q_INVOKABLE QString recordState(const QString& recordId) const { return m_recordStates.value(recordId); }
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void enroll(const QString& serverUrl, const QString& code);
    // The user's merged body for a conflict; the sync client saves and pushes it on top of the
    // server's revision. The conflict leaves the list at once.
    void resolveConflict(const QString& recordId, const QJsonObject& mergedBody);

Q_SIGNALS:
    void changed();
    void conflictsChanged();
    void syncRequested();
    void enrollRequested(const QString& serverUrl, const QString& code);
    void conflictResolved(const QString& recordId, const QJsonObject& mergedBody, int serverRevision);

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
};

} // namespace poruch::app
