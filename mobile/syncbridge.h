#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace poruch::client {
class LocalSyncStore;
class SyncClient;
} // namespace poruch::client

namespace poruch::app {

class AppSession;
class SyncStatus;

// Drives SyncStatus (what the UI shows) from the SyncClient and the LocalSyncStore of the unlocked
// session, and carries the UI's requests (sync now, enroll) to the client. Lives exactly as long as
// the client: AppSession creates it after unlock and deletes it before the store closes; on deletion
// it clears SyncStatus so nothing personal (conflicting records) outlives the lock.
class SyncBridge : public QObject {
    Q_OBJECT
public:
    SyncBridge(AppSession& session, client::LocalSyncStore& store, client::SyncClient& client, SyncStatus& status);
    ~SyncBridge() override;

    // Counts, conflicts and the "up to date" flag from the store and the client (cheap: call after saves).
    void refresh();

    // Short, translated, non-personal texts for the client's error codes.
    static QString syncErrorText(const QString& code);
    static QString enrollErrorText(const QString& code);

private:
    void updateState();
    void updateConflicts();
    void updateEnrollment();
    void enroll(const QString& serverUrl, const QString& code, const QString& fingerprint);
    void onEnrollFinished(bool ok, const QString& code);
    void onSyncFinished(bool complete);

    AppSession& m_session;
    client::LocalSyncStore& m_store;
    client::SyncClient& m_client;
    QPointer<SyncStatus> m_status; // main() may destroy it before the session
    QString m_conflictKey; // ids and revisions of the conflicts shown, to skip rebuilding identical lists
};

} // namespace poruch::app
