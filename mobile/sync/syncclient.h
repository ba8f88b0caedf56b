#pragma once

#include "core/result.h"
#include "sync/backoff.h"
#include "sync/certificatepin.h"
#include "sync/localsyncstore.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace poruch::client {

struct SyncClientOptions {
    int batchSize = sync::maxPushItems; // ≤ 200 by protocol
    int pullLimit = sync::maxPullLimit; // changes per pull page (one transaction each): fewer, larger commits
    int transferTimeoutMs = 30000; // a stalled request fails after this long without progress
    int initialBackoffMs = 2000;
    int maxBackoffMs = 5 * 60 * 1000;
    int probeIntervalMs = 15000; // while offline: GET /api/v1/health this often, sync when it answers
    int autoSyncIntervalMs = 5 * 60 * 1000; // while idle and enrolled; 0 = only on demand / after changes
    int refreshTokenDaysBefore = 7; // renew the token when it expires sooner than this
    QString deviceLabel = QStringLiteral("tablet");
    // Makes the QNetworkAccessManager (tests inject their own); default: a plain one.
    std::function<QNetworkAccessManager*(QObject* parent)> networkFactory;
    // Called after the database was closed when the server says the device or user was revoked.
    // Must delete the database files and the key material (see wipeStoreFiles()).
    std::function<Result<void>(const QString& databasePath)> wipe;
};

// Deletes <path>, <path>-wal, <path>-shm and <path>-journal (overwritten first). Callers add
// KeyVault::wipe() for the key file and device secret.
Result<void> wipeStoreFiles(const QString& databasePath);

// A request body as it goes on the wire (docs/sync-protocol.md, "Compression").
struct EncodedBody {
    QByteArray bytes;
    QByteArray contentEncoding; // "gzip", or empty: the bytes are the JSON itself
};

// The push body as SyncClient sends it: gzip (RFC 1952, zlib's default level) when that is smaller than the
// JSON, otherwise the JSON unchanged. bench/sync/wire.cpp sends its pushes through this too, so P8 measures
// the tablet's bytes.
EncodedBody encodePushBody(const QByteArray& json);

// The tablet's sync client: enrollment with certificate pinning, then rounds of push (outbox, batches of
// ≤ 200) and pull (until hasMore is false), with retry and automatic resume. The UI reads state(),
// counts and progress, and calls syncNow() / enroll() / the conflict API of LocalSyncStore.
class SyncClient : public QObject {
    Q_OBJECT
public:
    enum class State {
        NotEnrolled, // no enrollment in the store: show the enrollment screen
        Idle, // nothing running; isUpToDate() says whether everything is synced
        Syncing,
        Offline, // the server cannot be reached; retrying with back-off and health probes
        Error, // the server refused (see errorCode()); some errors need the user (enroll again, update)
        Wiped, // revoked: the local store and keys are gone; show the first-run screen
    };
    Q_ENUM(State)

    SyncClient(LocalSyncStore& store, SyncClientOptions options = {}, QObject* parent = nullptr);
    ~SyncClient() override;

    State state() const { return m_state; }
    static QString stateId(State state);
    QString errorCode() const { return m_error.code; }
    QString errorMessage() const { return m_error.message; }
    // True only when the last round pushed the whole outbox and the last pull had hasMore == false, and
    // nothing was saved since. Conflicts and rejections do not block it but are counted separately.
    bool isUpToDate() const;
    SyncCounts counts() const { return m_counts; }
    int nextRetryMs() const;

    // Enrollment: reads the server's certificate, refuses unless its SHA-256 equals expectedFingerprint
    // (hex, case and ':' ignored; printed by the office with the code), then POSTs /api/v1/enroll with
    // that certificate pinned and stores the reply. Emits enrollFinished.
    void enroll(const QUrl& serverUrl, const QString& code, const QString& expectedFingerprint);

    // Starts automatic operation: syncs now if enrolled, then on a timer, after failures with back-off,
    // and as soon as a health probe answers while offline.
    void start();
    void stop();
    // One sync round now (or right after the running one). Emits syncFinished.
    void syncNow();
    // Tell the client something was saved (the UI calls this after LocalSyncStore writes).
    void localChangesSaved();

Q_SIGNALS:
    void stateChanged(poruch::client::SyncClient::State state);
    // phase: "push" (done/total outbox entries of this round) or "pull" (changes applied so far).
    void progress(const QString& phase, int done, int total);
    void countsChanged();
    void enrollFinished(bool ok, const QString& errorCode, const QString& errorMessage);
    // complete: outbox empty and pull finished (see isUpToDate()).
    void syncFinished(bool complete);
    // The office revoked this device or its user; local data and keys were wiped.
    void wiped(const QString& reasonCode);

private:
    struct HttpAnswer {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        bool sslFailure = false;
        QString errorCode; // JSON error code
        QString errorMessage;
        int retryAfterSeconds = 0;
    };
    using Handler = std::function<void(const HttpAnswer&)>;

    void setState(State state, const Error& error = {});
    void refreshCounts();
    void send(const QByteArray& method, const QString& path, const QByteArray& body, Handler handler,
        bool authenticated = true, const QByteArray& contentEncoding = {});
    void beginRound();
    void maybeRefreshToken();
    void pushNext();
    void pullNext();
    void requestPull(qint64 from);
    void applyPullAnswer(qint64 from, const HttpAnswer& answer);
    void finishRound(bool complete);
    void failRound(const HttpAnswer& answer, const char* during);
    void storeFailure(const Error& error);
    void scheduleRetry(int delayMs);
    void probe();
    void wipeNow(const QString& code);
    void postEnroll(const QUrl& serverUrl, const QString& code, const QSslCertificate& certificate);

    LocalSyncStore* m_store;
    SyncClientOptions m_options;
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_retryTimer = nullptr;
    QTimer* m_probeTimer = nullptr;
    QTimer* m_autoTimer = nullptr;
    Backoff m_backoff;
    State m_state = State::NotEnrolled;
    Error m_error;
    SyncCounts m_counts;
    std::optional<Enrollment> m_enrollment;
    CertificatePin m_pin;
    QUrl m_baseUrl;
    bool m_running = false;
    quint64 m_round = 0; // answers of an earlier round are dropped
    bool m_again = false;
    bool m_started = false;
    bool m_upToDate = false;
    bool m_dirty = false; // saved since the round started
    int m_batchLimit = 0; // shrinks after 413 / isolates items after 400
    bool m_plainPushes = false; // the server refused a gzip body: send JSON as it is from now on
    QList<OutboxEntry> m_inFlight;
    int m_pushTotal = 0;
    int m_pushDone = 0;
    int m_pulled = 0;
};

} // namespace poruch::client
