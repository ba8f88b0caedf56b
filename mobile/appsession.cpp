#include "appsession.h"

#include "applogging.h"
#include "demodata.h"
#include "forms/formregistry.h"
#include "records/recordrepository.h"
#include "records/recordschema.h"
#include "store/database.h"
#include "store/devicesecretstorage.h"
#include "store/migration.h"
#include "sync/localsyncstore.h"
#include "syncbridge.h"
#include "syncstatus.h"
#include "workflow/ruleset.h"
#include "workflow/workingcalendar.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QJSEngine>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>

#include <utility>

namespace poruch::app {

namespace {
AppSession* s_instance = nullptr;
const QString demoPin = QStringLiteral("204817");

QString storePath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("store.db"));
}
} // namespace

AppSession::AppSession(Config config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_forms(std::make_unique<forms::FormRegistry>())
    , m_guard(m_config.dataDir, m_config.maxFailures)
    , m_idleTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_syncDebounce = new QTimer(this);
    s_instance = this;
    QDir().mkpath(m_config.dataDir);
    m_deviceSecret = std::make_unique<store::FileDeviceSecretStorage>(m_config.dataDir);
    m_vault = std::make_unique<store::KeyVault>(m_config.dataDir, *m_deviceSecret);
    m_state = m_vault->exists() ? State::Locked : State::Setup;

    if (auto loaded = m_forms->loadBuiltIn(); !loaded)
        qCCritical(lcApp) << "built-in forms failed to load:" << loaded.error().code;
    if (auto rules = workflow::RuleSet::builtIn())
        m_rules = std::make_unique<workflow::RuleSet>(std::move(rules).value());
    else
        qCCritical(lcApp) << "built-in deadline rules failed to load:" << rules.error().code;
    if (auto calendar = workflow::WorkingCalendar::builtIn())
        m_calendar = std::make_unique<workflow::WorkingCalendar>(std::move(calendar).value());
    else
        qCCritical(lcApp) << "built-in calendar failed to load:" << calendar.error().code;
    loadIdentity();

    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(qMax(1, m_config.autoLockSeconds) * 1000);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcApp) << "auto-lock after inactivity";
        lock();
    });
    m_syncDebounce->setSingleShot(true);
    m_syncDebounce->setInterval(qMax(0, m_config.syncDebounceMs));
    connect(m_syncDebounce, &QTimer::timeout, this, [this] {
        if (m_syncClient)
            m_syncClient->localChangesSaved();
    });
    m_retryTimer->setInterval(1000);
    connect(m_retryTimer, &QTimer::timeout, this, &AppSession::updateRetry);
    updateRetry();

    if (qGuiApp) {
        qGuiApp->installEventFilter(this);
        connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState appState) {
            // Going to the background (another app, screen off) locks at once.
            if (appState == Qt::ApplicationSuspended || appState == Qt::ApplicationHidden)
                lock();
        });
    }
}

AppSession::~AppSession()
{
    stopSync();
    m_syncStore.reset();
    m_db.reset();
    if (s_instance == this)
        s_instance = nullptr;
}

records::RecordRepository* AppSession::repository() const
{
    return m_syncStore ? &m_syncStore->repository() : nullptr;
}

AppSession* AppSession::instance()
{
    return s_instance;
}

AppSession* AppSession::create(QQmlEngine*, QJSEngine*)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QDateTime AppSession::now() const
{
    return m_config.fixedNow.isValid() ? m_config.fixedNow : QDateTime::currentDateTime();
}

void AppSession::loadIdentity()
{
    m_userId = QStringLiteral("local");
    m_userName.clear();
    const QString path = QDir(m_config.dataDir).filePath(QStringLiteral("device.id"));
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromLatin1(file.readAll()).trimmed();
        if (!QUuid::fromString(id).isNull()) {
            m_deviceId = id;
            return;
        }
    }
    m_deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(m_deviceId.toLatin1());
        out.commit();
    }
}

void AppSession::setIdentity(const QString& userId, const QString& deviceId, const QString& userName)
{
    if (!userId.isEmpty())
        m_userId = userId;
    if (!deviceId.isEmpty())
        m_deviceId = deviceId;
    if (!userName.isEmpty())
        m_userName = userName;
}

QString AppSession::pinProblem(const QString& pin) const
{
    bool digitsOnly = !pin.isEmpty();
    for (const QChar c : pin)
        digitsOnly = digitsOnly && c.isDigit();
    if (digitsOnly) {
        if (pin.size() < minPinLength())
            return tr("A PIN needs at least %1 digits.").arg(minPinLength());
        bool same = true, up = true, down = true;
        for (qsizetype i = 1; i < pin.size(); ++i) {
            same = same && pin[i] == pin[0];
            up = up && pin[i].unicode() == pin[i - 1].unicode() + 1;
            down = down && pin[i].unicode() + 1 == pin[i - 1].unicode();
        }
        if (same || up || down)
            return tr("This PIN is too easy to guess.");
        return {};
    }
    if (pin.trimmed().size() < 10)
        return tr("A passphrase needs at least 10 characters.");
    return {};
}

bool AppSession::createPin(const QString& pin, const QString& confirmation)
{
    if (m_state != State::Setup)
        return false;
    if (const QString problem = pinProblem(pin); !problem.isEmpty()) {
        setMessage(problem);
        return false;
    }
    if (pin != confirmation) {
        setMessage(tr("The two entries differ."));
        return false;
    }
    // A half-made store from an interrupted setup (no key file) is useless: start clean.
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(storePath(m_config.dataDir) + suffix);
    auto key = m_vault->create(pin, m_config.kdf);
    if (!key) {
        qCWarning(lcApp) << "key vault creation failed:" << key.error().code;
        setMessage(tr("The encrypted store could not be created (%1).").arg(key.error().code));
        return false;
    }
    if (!openStore(key.value(), true))
        return false;
    m_guard.reset();
    m_wiped = false;
    setMessage({});
    setState(State::Unlocked);
    return true;
}

bool AppSession::unlock(const QString& pin)
{
    if (m_state != State::Locked)
        return false;
    updateRetry();
    if (m_retryIn > 0) {
        setMessage(tr("Wait %1 s before the next try.").arg(m_retryIn));
        return false;
    }
    auto key = m_vault->unlock(pin);
    if (!key) {
        if (key.error().code != QLatin1String("store.wrong_pin")) {
            qCWarning(lcApp) << "unlock failed:" << key.error().code;
            setMessage(tr("The store cannot be opened (%1).").arg(key.error().code));
            return false;
        }
        m_guard.recordFailure(QDateTime::currentDateTimeUtc());
        qCInfo(lcApp) << "wrong PIN, failures:" << m_guard.failures();
        Q_EMIT guardChanged();
        if (m_guard.exhausted()) {
            wipe();
            return false;
        }
        setMessage(tr("Wrong PIN."));
        updateRetry();
        return false;
    }
    if (!openStore(key.value(), false))
        return false;
    m_guard.reset();
    Q_EMIT guardChanged();
    setMessage({});
    setState(State::Unlocked);
    return true;
}

bool AppSession::openStore(const store::SecretBytes& key, bool create)
{
    store::OpenOptions options;
    options.create = create;
    auto db = store::Database::open(storePath(m_config.dataDir), key, options);
    if (!db) {
        qCWarning(lcApp) << "store open failed:" << db.error().code;
        setMessage(tr("The store cannot be opened (%1).").arg(db.error().code));
        return false;
    }
    // One user_version for the records and the client's sync tables (records migration 3).
    if (auto migrated = client::LocalSyncStore::migrate(*db.value()); !migrated) {
        qCWarning(lcApp) << "store migration failed:" << migrated.error().code;
        setMessage(tr("The store cannot be opened (%1).").arg(migrated.error().code));
        return false;
    }
    m_db = std::move(db).value();
    m_syncStore = std::make_unique<client::LocalSyncStore>(*m_db, [this] { return now(); });
    if (auto enrollment = m_syncStore->enrollment(); enrollment && *enrollment)
        setIdentity((*enrollment)->userId, (*enrollment)->deviceId, (*enrollment)->userDisplayName);
    loadSyncedDefinitions();
    return true;
}

void AppSession::loadSyncedDefinitions()
{
    if (!m_syncStore)
        return;
    const auto keys = m_syncStore->definitionKeys();
    if (!keys) {
        qCWarning(lcApp) << "synced definitions unreadable:" << keys.error().code;
        return;
    }
    // Only versions the registry lacks are read and parsed (this runs after every sync round); a version it
    // has (built in, or loaded before) stays as it is. One by one: a document this build cannot take is
    // skipped, the others still load.
    for (const client::LocalSyncStore::DefinitionKey& key : *keys) {
        const bool known = key.kind == QLatin1String("form") ? m_forms->definition(key.id, key.version) != nullptr
                                                             : m_forms->catalog(key.id, key.version) != nullptr;
        if (known)
            continue;
        const auto json = m_syncStore->definitionJson(key);
        const auto loaded = json ? m_forms->loadJson(*json, QStringLiteral("synced")) : Result<void>(json.error());
        if (!loaded)
            qCWarning(lcApp) << "synced definition not loaded:" << loaded.error().code;
    }
}

void AppSession::startSync()
{
    if (!m_syncStore || m_syncClient)
        return;
    client::SyncClientOptions options = m_config.sync;
    // Revocation: the client has closed the database; erase it and the key material.
    options.wipe = [this](const QString& path) -> Result<void> {
        if (auto erased = client::wipeStoreFiles(path); !erased)
            return erased;
        return m_vault->wipe();
    };
    m_syncClient = new client::SyncClient(*m_syncStore, std::move(options), this);
    connect(m_syncClient, &client::SyncClient::wiped, this, &AppSession::onRevoked);
    if (SyncStatus* status = SyncStatus::instance())
        m_syncBridge = std::make_unique<SyncBridge>(*this, *m_syncStore, *m_syncClient, *status);
    m_syncClient->start();
}

void AppSession::stopSync()
{
    m_syncDebounce->stop();
    m_syncBridge.reset();
    if (m_syncClient) {
        // Deleted before the store: no request or timer may touch a closed database.
        m_syncClient->stop();
        delete std::exchange(m_syncClient, nullptr);
    }
}

void AppSession::localChangesSaved()
{
    notifyDataChanged();
    if (m_syncBridge)
        m_syncBridge->refresh();
    if (m_syncClient)
        m_syncDebounce->start();
}

void AppSession::lock()
{
    if (m_state != State::Unlocked)
        return;
    Q_EMIT aboutToLock();
    m_idleTimer->stop();
    stopSync();
    m_syncStore.reset();
    m_db.reset(); // closes the store; SQLCipher wipes its key schedule
    setState(State::Locked);
    qCInfo(lcApp) << "locked";
}

void AppSession::eraseFiles()
{
    if (auto erased = client::wipeStoreFiles(storePath(m_config.dataDir)); !erased)
        qCWarning(lcApp) << "store files could not be erased:" << erased.error().code;
}

bool AppSession::wipe()
{
    Q_EMIT aboutToLock();
    stopSync();
    m_syncStore.reset();
    m_db.reset();
    auto wiped = m_vault->wipe();
    eraseFiles();
    m_guard.reset();
    loadIdentity();
    qCWarning(lcApp) << "store wiped after" << m_config.maxFailures << "wrong PINs or on request";
    m_wiped = true;
    setMessage(tr("Too many wrong PINs: the data on this tablet was erased. Set a new PIN; your cases "
                  "come back from the server with the next synchronisation."));
    Q_EMIT guardChanged();
    setState(State::Setup);
    return wiped.ok();
}

void AppSession::onRevoked(const QString& code)
{
    // The client already closed the database and erased it and the keys (options.wipe). We are inside
    // its signal: drop it later, drop the store objects now so nothing reads a closed database.
    m_syncDebounce->stop();
    m_syncBridge.reset();
    if (m_syncClient) {
        m_syncClient->disconnect(this);
        std::exchange(m_syncClient, nullptr)->deleteLater();
    }
    m_syncStore.reset();
    m_db.reset();
    Q_EMIT aboutToLock();
    m_idleTimer->stop();
    eraseFiles(); // nothing left if the client's wipe succeeded; a second pass costs nothing
    if (m_vault->exists())
        m_vault->wipe();
    m_guard.reset();
    loadIdentity();
    qCWarning(lcApp) << "tablet revoked by the office:" << code << "- local data erased";
    m_wiped = true;
    setMessage(tr("The office revoked this tablet's access: the data on this tablet was erased. To use it again, "
                  "set a new PIN and enroll it with a new code."));
    if (SyncStatus* status = SyncStatus::instance()) {
        status->clearSession();
        status->setEnrolled(false);
        status->setServer({}, {});
    }
    Q_EMIT guardChanged();
    setState(State::Setup);
    Q_EMIT revoked();
}

void AppSession::userActivity()
{
    if (m_state == State::Unlocked)
        m_idleTimer->start();
}

bool AppSession::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        userActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AppSession::setState(State state)
{
    if (state == State::Unlocked)
        m_idleTimer->start();
    if (m_state == state)
        return;
    m_state = state;
    if (state == State::Unlocked)
        startSync();
    Q_EMIT stateChanged();
    if (state == State::Unlocked)
        notifyDataChanged();
}

void AppSession::setMessage(const QString& message)
{
    if (m_message == message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

void AppSession::updateRetry()
{
    const int left = m_guard.secondsUntilNextAttempt(QDateTime::currentDateTimeUtc());
    if (left > 0 && !m_retryTimer->isActive())
        m_retryTimer->start();
    if (left == 0)
        m_retryTimer->stop();
    if (left != m_retryIn) {
        m_retryIn = left;
        Q_EMIT retryChanged();
    }
}

void AppSession::notifyDataChanged()
{
    ++m_dataVersion;
    Q_EMIT dataChanged();
}

bool AppSession::prepareDemo()
{
    m_demo = true;
    if (m_state == State::Setup && !createPin(demoPin, demoPin))
        return false;
    if (m_state == State::Locked && !unlock(demoPin))
        return false;
    auto ids = seedDemoData(*m_syncStore, m_userId, m_deviceId, now());
    if (!ids) {
        qCWarning(lcApp) << "demo data failed:" << ids.error().code << ids.error().message;
        return false;
    }
    m_demoCaseId = ids->caseId;
    m_demoRecordId = ids->draftRecordId;
    // The conflicts page needs a conflict: a real kept conflict in the local store, as a sync round
    // would leave it.
    if (auto conflict = makeDemoConflict(*m_syncStore, *ids); !conflict)
        qCWarning(lcApp) << "demo conflict failed:" << conflict.error().code << conflict.error().message;
    Q_EMIT demoChanged();
    localChangesSaved();
    return true;
}

void AppSession::unlockDemo()
{
    if (m_demo && m_state == State::Locked)
        unlock(demoPin);
}

} // namespace poruch::app
