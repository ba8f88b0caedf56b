#pragma once

#include "store/keyvault.h"
#include "sync/syncclient.h"
#include "unlockguard.h"

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QJSEngine;
class QQmlEngine;
class QTimer;

namespace poruch::store {
class Database;
class FileDeviceSecretStorage;
} // namespace poruch::store
namespace poruch::records {
class RecordRepository;
}
namespace poruch::client {
class LocalSyncStore;
}
namespace poruch::forms {
class FormRegistry;
}
namespace poruch::workflow {
class RuleSet;
class WorkingCalendar;
} // namespace poruch::workflow

namespace poruch::app {

class SyncBridge;

// The unlocked state of the tablet: the key vault, the open encrypted store and what reads it (records,
// forms, deadline rules). Owned by main(); QML sees the same instance as the singleton AppSession.
// Locking stops the sync client, closes the store and drops the data key; controllers fetch
// repository() / syncStore() on every call and get nullptr while locked, so nothing keeps using a
// closed store. Reads go through repository(); every write goes through syncStore() (the save and its
// outbox entry in one transaction), followed by localChangesSaved().
class AppSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY guardChanged)
    Q_PROPERTY(int failures READ failures NOTIFY guardChanged)
    Q_PROPERTY(bool wipeWarning READ wipeWarning NOTIFY guardChanged)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY retryChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool wiped READ wiped NOTIFY stateChanged)
    Q_PROPERTY(int minPinLength READ minPinLength CONSTANT)
    Q_PROPERTY(int autoLockSeconds READ autoLockSeconds CONSTANT)
    Q_PROPERTY(int dataVersion READ dataVersion NOTIFY dataChanged)
    Q_PROPERTY(QString demoCaseId READ demoCaseId NOTIFY demoChanged)
    Q_PROPERTY(QString demoRecordId READ demoRecordId NOTIFY demoChanged)
public:
    enum class State { Setup, Locked, Unlocked };
    Q_ENUM(State)

    struct Config {
        QString dataDir;
        int maxFailures = UnlockGuard::defaultMaxFailures;
        int autoLockSeconds = 5 * 60;
        store::KdfParams kdf; // production strength (docs/security.md) unless a test says otherwise
        QDateTime fixedNow; // tests and screenshots: a frozen clock; invalid = system clock
        client::SyncClientOptions sync; // timings of the sync client (tests shorten them); wipe is set here
        int syncDebounceMs = 1500; // typing saves every keystroke; the client hears of it after a pause
    };

    explicit AppSession(Config config, QObject* parent = nullptr);
    ~AppSession() override;

    static AppSession* instance();
    static AppSession* create(QQmlEngine*, QJSEngine*);

    State state() const { return m_state; }
    int attemptsLeft() const { return m_guard.attemptsLeft(); }
    int failures() const { return m_guard.failures(); }
    bool wipeWarning() const { return m_guard.warn(); }
    int retryInSeconds() const { return m_retryIn; }
    QString message() const { return m_message; }
    bool wiped() const { return m_wiped; }
    int minPinLength() const { return 6; }
    int autoLockSeconds() const { return m_config.autoLockSeconds; }
    int dataVersion() const { return m_dataVersion; }
    QString demoCaseId() const { return m_demoCaseId; }
    QString demoRecordId() const { return m_demoRecordId; }
    QString dataDir() const { return m_config.dataDir; }

    // nullptr while locked. Reads only: a write here would never reach the outbox.
    records::RecordRepository* repository() const;
    // The write API while unlocked (saveCase / saveDraft / finalize / createAmendment / resolve*).
    client::LocalSyncStore* syncStore() const { return m_syncStore.get(); }
    client::SyncClient* syncClient() const { return m_syncClient; }
    store::Database* database() const { return m_db.get(); }
    const forms::FormRegistry& forms() const { return *m_forms; }
    // Adds the form and catalog versions the server sent by pull (kept in the store) to forms(): new
    // versions of the community's forms without an app release. Run at unlock and after each sync round.
    void loadSyncedDefinitions();
    const workflow::RuleSet* rules() const { return m_rules.get(); }
    const workflow::WorkingCalendar* calendar() const { return m_calendar.get(); }
    QDateTime now() const;
    void setFixedNow(const QDateTime& now) { m_config.fixedNow = now; }

    // Who writes records. Until the sync client enrolls the tablet the user is "local" and the device
    // id is a UUID kept in <dataDir>/device.id; enrollment calls setIdentity (see docs/tablet-app.md).
    QString userId() const { return m_userId; }
    QString deviceId() const { return m_deviceId; }
    QString userName() const { return m_userName; } // the enrolled user's display name, or empty
    void setIdentity(const QString& userId, const QString& deviceId, const QString& userName = {});

    // A PIN is >= 6 digits, not one repeated digit nor a run (123456); a passphrase is >= 10 characters.
    Q_INVOKABLE QString pinProblem(const QString& pin) const;
    Q_INVOKABLE bool createPin(const QString& pin, const QString& confirmation);
    Q_INVOKABLE bool unlock(const QString& pin);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void userActivity();
    // Screenshots and the self-test only: fictional households, unlocked with a throw-away PIN.
    bool prepareDemo();
    Q_INVOKABLE void unlockDemo();

    // Crypto-erase of the store (key file + device secret + database files); back to Setup.
    bool wipe();
    // Lists refresh (after pulls and local saves).
    void notifyDataChanged();
    // Controllers call this after every write through syncStore(): lists refresh, the sync counts and
    // badges update at once, and the sync client hears of it (after a short pause while typing).
    void localChangesSaved();

Q_SIGNALS:
    void stateChanged();
    void guardChanged();
    void retryChanged();
    void messageChanged();
    void dataChanged();
    void demoChanged();
    void aboutToLock();
    // The office revoked this tablet: the client erased the store; the session is back at Setup.
    void revoked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool openStore(const store::SecretBytes& key, bool create);
    void setState(State state);
    void setMessage(const QString& message);
    void updateRetry();
    void loadIdentity();
    void startSync();
    void stopSync();
    void onRevoked(const QString& code);
    void eraseFiles();

    Config m_config;
    std::unique_ptr<store::FileDeviceSecretStorage> m_deviceSecret;
    std::unique_ptr<store::KeyVault> m_vault;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<client::LocalSyncStore> m_syncStore;
    client::SyncClient* m_syncClient = nullptr; // child; exists only while unlocked
    std::unique_ptr<SyncBridge> m_syncBridge;
    QTimer* m_syncDebounce = nullptr;
    std::unique_ptr<forms::FormRegistry> m_forms;
    std::unique_ptr<workflow::RuleSet> m_rules;
    std::unique_ptr<workflow::WorkingCalendar> m_calendar;
    UnlockGuard m_guard;
    QTimer* m_idleTimer = nullptr;
    QTimer* m_retryTimer = nullptr;
    State m_state = State::Setup;
    QString m_message;
    bool m_wiped = false;
    int m_retryIn = 0;
    int m_dataVersion = 0;
    QString m_userId;
    QString m_deviceId;
    QString m_userName;
    QString m_demoCaseId;
    QString m_demoRecordId;
    bool m_demo = false;
};

} // namespace poruch::app
