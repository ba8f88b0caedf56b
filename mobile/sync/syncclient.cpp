#include "sync/syncclient.h"

#include "core/gzip.h"
#include "store/database.h"
#include "store/devicesecretstorage.h"
#include "sync/certificatefetcher.h"
#include "sync/synclog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace poruch::client {

namespace {

QString normaliseFingerprint(QString text)
{
    text.remove(QLatin1Char(':'));
    text.remove(QLatin1Char(' '));
    return text.trimmed().toLower();
}

bool isRevocation(const QString& code)
{
    return code == QLatin1String("device_revoked") || code == QLatin1String("user_revoked");
}

// A gzip body answered like this was not understood as gzip (a server without "Compression" reads it as
// broken JSON): the same items go again as plain JSON.
bool refusedEncoding(int status, const QString& code)
{
    return status == 415
        || (status == 400 && (code == QLatin1String("bad_encoding") || code == QLatin1String("invalid_json")));
}

} // namespace

EncodedBody encodePushBody(const QByteArray& json)
{
    const QByteArray compressed = gzipCompress(json, -1);
    if (compressed.isEmpty() || compressed.size() >= json.size())
        return EncodedBody { json, QByteArray() };
    return EncodedBody { compressed, QByteArrayLiteral("gzip") };
}

Result<void> wipeStoreFiles(const QString& databasePath)
{
    for (const QString& suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") }) {
        const QString path = databasePath + suffix;
        if (!QFile::exists(path))
            continue;
        // The file is encrypted, but overwrite anyway: the key may be recoverable elsewhere.
        if (auto r = store::detail::overwriteAndRemove(path); !r)
            return r;
    }
    return {};
}

SyncClient::SyncClient(LocalSyncStore& store, SyncClientOptions options, QObject* parent)
    : QObject(parent)
    , m_store(&store)
    , m_options(std::move(options))
    , m_backoff(m_options.initialBackoffMs, m_options.maxBackoffMs)
{
    m_options.batchSize = qBound(1, m_options.batchSize, sync::maxPushItems);
    m_options.pullLimit = qBound(1, m_options.pullLimit, sync::maxPullLimit);
    m_network = m_options.networkFactory ? m_options.networkFactory(this) : new QNetworkAccessManager(this);
    m_network->setParent(this);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &SyncClient::syncNow);
    m_probeTimer = new QTimer(this);
    connect(m_probeTimer, &QTimer::timeout, this, &SyncClient::probe);
    m_autoTimer = new QTimer(this);
    connect(m_autoTimer, &QTimer::timeout, this, &SyncClient::syncNow);

    const auto enrollment = m_store->enrollment();
    if (enrollment && *enrollment) {
        m_enrollment = *enrollment;
        m_baseUrl = m_enrollment->serverUrl;
        m_pin = CertificatePin::fromPem(m_enrollment->certificatePem);
        m_state = State::Idle;
    } else if (!enrollment) {
        m_state = State::Error;
        m_error = enrollment.error();
    }
    refreshCounts();
}

SyncClient::~SyncClient() = default;

QString SyncClient::stateId(State state)
{
    switch (state) {
    case State::NotEnrolled:
        return QStringLiteral("not_enrolled");
    case State::Idle:
        return QStringLiteral("idle");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Error:
        return QStringLiteral("error");
    case State::Wiped:
        return QStringLiteral("wiped");
    }
    return QString();
}

bool SyncClient::isUpToDate() const
{
    return m_state == State::Idle && m_upToDate && !m_dirty && m_counts.outbox == 0;
}

int SyncClient::nextRetryMs() const
{
    return m_retryTimer->isActive() ? m_retryTimer->remainingTime() : -1;
}

void SyncClient::setState(State state, const Error& error)
{
    m_error = error;
    if (state == m_state)
        return;
    m_state = state;
    qCInfo(lcSyncClient) << "state" << stateId(state) << error.code;
    Q_EMIT stateChanged(state);
}

void SyncClient::refreshCounts()
{
    if (!m_store)
        return;
    const auto counts = m_store->counts();
    if (!counts)
        return;
    const bool changed = counts->outbox != m_counts.outbox || counts->conflicts != m_counts.conflicts
        || counts->rejected != m_counts.rejected || counts->pendingEntities != m_counts.pendingEntities;
    m_counts = *counts;
    if (changed)
        Q_EMIT countsChanged();
}

void SyncClient::send(const QByteArray& method, const QString& path, const QByteArray& body, Handler handler,
    bool authenticated, const QByteArray& contentEncoding)
{
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    request.setRawHeader(sync::protocolHeader, QByteArray::number(sync::protocolVersion));
    if (authenticated && m_enrollment)
        request.setRawHeader("Authorization", "Bearer " + m_enrollment->token.toLatin1());
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    if (!contentEncoding.isEmpty())
        request.setRawHeader("Content-Encoding", contentEncoding);
    // The pinned certificate is the only CA; nothing else is trusted and no TLS error is ever ignored.
    request.setSslConfiguration(m_pin.sslConfiguration());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    auto sslFailure = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::sslErrors, this, [sslFailure](const QList<QSslError>&) { *sslFailure = true; });
    connect(reply, &QNetworkReply::finished, this, [reply, sslFailure, handler = std::move(handler)] {
        reply->deleteLater();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.networkError = reply->error();
        answer.sslFailure = *sslFailure;
        if (answer.status >= 400) {
            const QJsonObject error
                = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("error")).toObject();
            answer.errorCode = error.value(QStringLiteral("code")).toString();
            answer.errorMessage = error.value(QStringLiteral("message")).toString();
            answer.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        }
        handler(answer);
    });
}

// ---- enrollment -----------------------------------------------------------------------------------

void SyncClient::enroll(const QUrl& serverUrl, const QString& code, const QString& expectedFingerprint)
{
    const auto fail = [this](const QString& errorCode, const QString& message) {
        qCWarning(lcSyncClient) << "enrollment refused" << errorCode;
        Q_EMIT enrollFinished(false, errorCode, message);
    };
    if (!m_store)
        return fail(QStringLiteral("sync.wiped"), QStringLiteral("The local store was wiped"));
    if (serverUrl.scheme() != QLatin1String("https") || serverUrl.host().isEmpty())
        return fail(QStringLiteral("sync.https_required"), QStringLiteral("The server address must be https://"));
    if (m_running)
        return fail(QStringLiteral("sync.busy"), QStringLiteral("A sync is running; try again in a moment"));
    auto* fetcher = new CertificateFetcher(this);
    connect(fetcher, &CertificateFetcher::finished, this,
        [this, fetcher, serverUrl, code, expected = normaliseFingerprint(expectedFingerprint), fail](
            const QSslCertificate& certificate, const QString& error) {
            fetcher->deleteLater();
            if (certificate.isNull())
                return fail(QStringLiteral("sync.offline"),
                    QStringLiteral("Could not reach the server to read its certificate: %1").arg(error));
            if (CertificatePin::fingerprint(certificate) != expected)
                return fail(QStringLiteral("sync.certificate_mismatch"),
                    QStringLiteral("The server's certificate is not the one the office printed; not enrolling"));
            postEnroll(serverUrl, code, certificate);
        });
    fetcher->fetch(serverUrl.host(), quint16(serverUrl.port(443)), m_options.transferTimeoutMs);
}

void SyncClient::postEnroll(const QUrl& serverUrl, const QString& code, const QSslCertificate& certificate)
{
    m_pin = CertificatePin(certificate);
    m_baseUrl = serverUrl;
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("deviceLabel"), m_options.deviceLabel } })
                                .toJson(QJsonDocument::Compact);
    send(
        "POST", QStringLiteral("/api/v1/enroll"), body,
        [this, serverUrl, certificate](const HttpAnswer& answer) {
            const auto restore = [this] {
                m_pin = m_enrollment ? CertificatePin::fromPem(m_enrollment->certificatePem) : CertificatePin();
                m_baseUrl = m_enrollment ? m_enrollment->serverUrl : QUrl();
            };
            if (answer.status != 201) {
                restore();
                const QString errorCode = answer.status == 0
                    ? (answer.sslFailure ? QStringLiteral("sync.certificate_mismatch") : QStringLiteral("sync.offline"))
                    : answer.errorCode;
                Q_EMIT enrollFinished(false, errorCode,
                    answer.errorMessage.isEmpty() ? QStringLiteral("Enrollment failed") : answer.errorMessage);
                return;
            }
            const QJsonObject reply = QJsonDocument::fromJson(answer.body).object();
            const QString announced = reply.value(QStringLiteral("serverCertificateSha256")).toString();
            if (!announced.isEmpty() && normaliseFingerprint(announced) != CertificatePin::fingerprint(certificate)) {
                restore();
                Q_EMIT enrollFinished(false, QStringLiteral("sync.certificate_mismatch"),
                    QStringLiteral("The server announces another certificate than it presented"));
                return;
            }
            Enrollment e;
            e.serverUrl = serverUrl;
            e.deviceId = reply.value(QStringLiteral("deviceId")).toString();
            e.token = reply.value(QStringLiteral("token")).toString();
            e.tokenExpiresAt
                = QDateTime::fromString(reply.value(QStringLiteral("tokenExpiresAt")).toString(), Qt::ISODate);
            e.certificatePem = certificate.toPem();
            const QJsonObject user = reply.value(QStringLiteral("user")).toObject();
            e.userId = user.value(QStringLiteral("id")).toString();
            e.userDisplayName = user.value(QStringLiteral("displayName")).toString();
            e.userRole = user.value(QStringLiteral("role")).toString();
            if (!e.isValid()) {
                restore();
                Q_EMIT enrollFinished(false, QStringLiteral("sync.bad_reply"),
                    QStringLiteral("The server's enrollment reply is incomplete"));
                return;
            }
            if (auto saved = m_store->saveEnrollment(e); !saved) {
                restore();
                Q_EMIT enrollFinished(false, saved.error().code, saved.error().message);
                return;
            }
            m_enrollment = e;
            m_backoff.reset();
            setState(State::Idle);
            qCInfo(lcSyncClient) << "enrolled as device" << e.deviceId;
            Q_EMIT enrollFinished(true, QString(), QString());
            if (m_started)
                syncNow();
        },
        false);
}

// ---- automatic operation --------------------------------------------------------------------------

void SyncClient::start()
{
    m_started = true;
    if (m_options.autoSyncIntervalMs > 0)
        m_autoTimer->start(m_options.autoSyncIntervalMs);
    // After a restart the outbox and cursor are where the last run left them: just sync.
    if (m_enrollment)
        syncNow();
}

void SyncClient::stop()
{
    m_started = false;
    m_autoTimer->stop();
    m_retryTimer->stop();
    m_probeTimer->stop();
}

void SyncClient::localChangesSaved()
{
    m_dirty = true;
    m_upToDate = false;
    refreshCounts();
    if (m_started && m_enrollment && m_state == State::Idle)
        QTimer::singleShot(1000, this, &SyncClient::syncNow);
}

void SyncClient::syncNow()
{
    if (!m_store || m_state == State::Wiped)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    if (!m_enrollment) {
        setState(State::NotEnrolled);
        Q_EMIT syncFinished(false);
        return;
    }
    beginRound();
}

void SyncClient::scheduleRetry(int delayMs)
{
    if (!m_started)
        return;
    m_retryTimer->start(delayMs);
    qCInfo(lcSyncClient) << "retry in ms" << delayMs;
}

void SyncClient::probe()
{
    if (m_running || !m_enrollment || m_state != State::Offline)
        return m_probeTimer->stop();
    send(
        "GET", QStringLiteral("/api/v1/health"), QByteArray(),
        [this](const HttpAnswer& answer) {
            if (answer.status == 200 && m_state == State::Offline && !m_running) {
                // The network is back: do not wait for the back-off.
                m_probeTimer->stop();
                m_retryTimer->stop();
                m_backoff.reset();
                syncNow();
            }
        },
        false);
}

// ---- a sync round ---------------------------------------------------------------------------------

void SyncClient::beginRound()
{
    ++m_round;
    m_running = true;
    m_again = false;
    m_dirty = false;
    m_upToDate = false;
    m_retryTimer->stop();
    m_batchLimit = m_options.batchSize;
    m_pushDone = 0;
    m_pulled = 0;
    refreshCounts();
    m_pushTotal = m_counts.outbox;
    setState(State::Syncing);
    Q_EMIT progress(QStringLiteral("push"), 0, m_pushTotal);
    maybeRefreshToken();
}

void SyncClient::maybeRefreshToken()
{
    const QDateTime expires = m_enrollment->tokenExpiresAt;
    if (!expires.isValid()
        || QDateTime::currentDateTimeUtc().addDays(m_options.refreshTokenDaysBefore) < expires.toUTC())
        return pushNext();
    send("POST", QStringLiteral("/api/v1/token/refresh"), QByteArray(), [this](const HttpAnswer& answer) {
        if (answer.status != 200)
            return answer.status == 401 || answer.status == 403 || answer.status == 0 ? failRound(answer, "refresh")
                                                                                      : pushNext();
        const QJsonObject reply = QJsonDocument::fromJson(answer.body).object();
        const QString token = reply.value(QStringLiteral("token")).toString();
        const QDateTime expiresAt
            = QDateTime::fromString(reply.value(QStringLiteral("tokenExpiresAt")).toString(), Qt::ISODate);
        if (token.isEmpty() || !expiresAt.isValid())
            return pushNext();
        if (auto saved = m_store->updateToken(token, expiresAt); !saved)
            return storeFailure(saved.error());
        m_enrollment->token = token;
        m_enrollment->tokenExpiresAt = expiresAt;
        qCInfo(lcSyncClient) << "token renewed";
        pushNext();
    });
}

void SyncClient::pushNext()
{
    auto batch = m_store->nextBatch(m_batchLimit);
    if (!batch)
        return storeFailure(batch.error());
    if (batch->isEmpty())
        return pullNext();
    sync::PushRequest request;
    request.deviceId = m_enrollment->deviceId;
    QList<OutboxEntry> sendable;
    for (const OutboxEntry& entry : *batch) {
        auto item = entry.toPushItem();
        if (!item) {
            // An unreadable entry can never be sent as it is: show it as rejected, keep going.
            if (auto r = m_store->rejectEntries({ entry }, item.error()); !r)
                return storeFailure(r.error());
            continue;
        }
        request.items.append(std::move(item).value());
        sendable.append(entry);
    }
    if (sendable.isEmpty())
        return pushNext();
    if (auto marked = m_store->markAttempted(sendable); !marked)
        return storeFailure(marked.error());
    m_inFlight = sendable;
    const QByteArray json = request.toJson();
    const EncodedBody body = m_plainPushes ? EncodedBody { json, QByteArray() } : encodePushBody(json);
    const bool compressed = !body.contentEncoding.isEmpty();
    const auto onAnswer = [this, compressed](const HttpAnswer& answer) {
        const QList<OutboxEntry> sent = std::exchange(m_inFlight, {});
        if (compressed && refusedEncoding(answer.status, answer.errorCode)) {
            qCWarning(lcSyncClient) << "the server refused a gzip push body:" << answer.status << answer.errorCode
                                    << "- sending plain JSON";
            m_plainPushes = true;
            return pushNext();
        }
        if (answer.status == 200) {
            const auto response = sync::PushResponse::fromJson(answer.body);
            if (!response) {
                HttpAnswer bad = answer;
                bad.status = 502;
                bad.errorCode = QStringLiteral("sync.bad_reply");
                bad.errorMessage = QStringLiteral("The server's push reply cannot be read");
                return failRound(bad, "push");
            }
            const auto outcome = m_store->applyPushResults(sent, *response);
            if (!outcome)
                return storeFailure(outcome.error());
            if (outcome->answered() == 0) {
                HttpAnswer bad = answer;
                bad.status = 502;
                bad.errorCode = QStringLiteral("sync.bad_reply");
                bad.errorMessage = QStringLiteral("The server answered none of the pushed items");
                return failRound(bad, "push");
            }
            m_pushDone += outcome->answered();
            m_pushTotal = qMax(m_pushTotal, m_pushDone);
            qCInfo(lcSyncClient) << "pushed" << sent.size() << "applied" << outcome->applied << "duplicate"
                                 << outcome->duplicate << "conflict" << outcome->conflict << "rejected"
                                 << outcome->rejected;
            refreshCounts();
            Q_EMIT progress(QStringLiteral("push"), m_pushDone, qMax(m_pushTotal, m_pushDone + m_counts.outbox));
            return pushNext();
        }
        const bool malformed = answer.status == 400 || answer.status == 409;
        const bool tooLarge = answer.status == 411 || answer.status == 413 || answer.status == 431;
        if ((malformed || tooLarge) && sent.size() > 1) {
            // Find the item the server objects to: smaller batches, down to one item.
            m_batchLimit = malformed ? 1 : qMax(1, int(sent.size()) / 2);
            return pushNext();
        }
        if (malformed || tooLarge) {
            const Error reason { answer.errorCode.isEmpty() ? QStringLiteral("bad_request") : answer.errorCode,
                answer.errorMessage };
            if (auto r = m_store->rejectEntries(sent, reason); !r)
                return storeFailure(r.error());
            refreshCounts();
            return pushNext();
        }
        failRound(answer, "push");
    };
    send("POST", QStringLiteral("/api/v1/sync/push"), body.bytes, onAnswer, true, body.contentEncoding);
}

void SyncClient::pullNext()
{
    const auto cursor = m_store->cursor();
    if (!cursor)
        return storeFailure(cursor.error());
    requestPull(*cursor);
}

// Asks for the page after `from`. An answer that arrives after its round ended (a page that failed to
// apply, a wipe, a failed push round) is dropped: only the stored cursor decides what is pulled next.
void SyncClient::requestPull(qint64 from)
{
    const QString path = QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=%2").arg(from).arg(m_options.pullLimit);
    send("GET", path, QByteArray(), [this, from, round = m_round](const HttpAnswer& answer) {
        if (!m_running || round != m_round)
            return;
        applyPullAnswer(from, answer);
    });
}

void SyncClient::applyPullAnswer(qint64 from, const HttpAnswer& answer)
{
    if (answer.status != 200)
        return failRound(answer, "pull");
    const auto page = sync::PullResponse::fromJson(answer.body);
    if (!page || (page->hasMore && page->nextCursor <= from)) {
        HttpAnswer bad = answer;
        bad.status = 502;
        bad.errorCode = QStringLiteral("sync.bad_reply");
        bad.errorMessage = QStringLiteral("The server's pull reply cannot be used");
        return failRound(bad, "pull");
    }
    // The next page is asked for before this one is written: the server prepares it and it crosses the
    // network (in Qt's HTTP thread) while this thread applies, instead of after.
    if (page->hasMore)
        requestPull(page->nextCursor);
    if (auto applied = m_store->applyPull(*page); !applied)
        return storeFailure(applied.error());
    m_pulled += int(page->changes.size());
    Q_EMIT progress(QStringLiteral("pull"), m_pulled, m_pulled + (page->hasMore ? 1 : 0));
    if (!page->hasMore)
        finishRound(true);
}

void SyncClient::finishRound(bool complete)
{
    m_running = false;
    m_backoff.reset();
    m_probeTimer->stop();
    refreshCounts();
    m_upToDate = complete && m_counts.outbox == 0 && !m_dirty;
    setState(State::Idle);
    qCInfo(lcSyncClient) << "round finished; outbox" << m_counts.outbox << "conflicts" << m_counts.conflicts
                         << "rejected" << m_counts.rejected;
    Q_EMIT syncFinished(m_upToDate);
    if (m_again || m_counts.outbox > 0) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncClient::syncNow);
    }
}

void SyncClient::storeFailure(const Error& error)
{
    m_running = false;
    m_inFlight.clear();
    m_upToDate = false;
    qCWarning(lcSyncClient) << "local store error" << error.code;
    setState(State::Error, error);
    Q_EMIT syncFinished(false);
    scheduleRetry(m_backoff.nextDelayMs());
}

void SyncClient::failRound(const HttpAnswer& answer, const char* during)
{
    m_running = false;
    m_upToDate = false;
    refreshCounts();
    qCInfo(lcSyncClient) << during << "failed; status" << answer.status << answer.errorCode << "network"
                         << answer.networkError;
    if (answer.status == 403 && isRevocation(answer.errorCode))
        return wipeNow(answer.errorCode);
    if (answer.status == 0) {
        if (answer.sslFailure) {
            // Another certificate than the pinned one: a hard error, never a prompt. Only a new
            // enrollment (with the office's fingerprint) changes the pin.
            setState(State::Error,
                Error { QStringLiteral("sync.certificate_mismatch"),
                    QStringLiteral("The server presented another certificate than the pinned one") });
            Q_EMIT syncFinished(false);
            return;
        }
        setState(State::Offline,
            Error { QStringLiteral("sync.offline"), QStringLiteral("The server cannot be reached right now") });
        Q_EMIT syncFinished(false);
        scheduleRetry(m_backoff.nextDelayMs());
        if (m_started && m_options.probeIntervalMs > 0)
            m_probeTimer->start(m_options.probeIntervalMs);
        return;
    }
    const Error error { answer.errorCode.isEmpty() ? QStringLiteral("http_%1").arg(answer.status) : answer.errorCode,
        answer.errorMessage.isEmpty() ? QStringLiteral("The server answered %1").arg(answer.status)
                                      : answer.errorMessage };
    setState(State::Error, error);
    Q_EMIT syncFinished(false);
    if (answer.status == 401 || answer.status == 426)
        return; // needs the user: enroll again / update the app; local data stays as it is
    if (answer.status == 429 && answer.retryAfterSeconds > 0)
        return scheduleRetry(answer.retryAfterSeconds * 1000);
    scheduleRetry(m_backoff.nextDelayMs());
}

void SyncClient::wipeNow(const QString& code)
{
    qCWarning(lcSyncClient) << "revoked by the server:" << code << "- wiping the local store";
    stop();
    store::Database& db = m_store->database();
    const QString path = db.path();
    db.close();
    m_store = nullptr;
    m_enrollment.reset();
    const auto erased = m_options.wipe ? m_options.wipe(path) : wipeStoreFiles(path);
    if (!erased)
        qCCritical(lcSyncClient) << "wipe failed" << erased.error().code;
    m_counts = {};
    setState(State::Wiped, Error { code, QStringLiteral("This tablet's access was revoked; local data was wiped") });
    Q_EMIT syncFinished(false);
    Q_EMIT wiped(code);
}

} // namespace poruch::client
