// Integration: real tablets (encrypted stores, LocalSyncStore, SyncClient) against the real poruch-server
// over TLS with the certificate pinned, through a TCP fault proxy. Two workers, an office that assigns
// caseloads with the real poruch-admin.
#include "clientdevice.h"
#include "serverpeek.h"
#include "serverprocess.h"
#include "tcpfaultproxy.h"

#include <QBuffer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <zlib.h>

using namespace clienttest;
using client::EntityState;
using client::SyncClient;
using poruch::test::ServerProcess;
using poruch::test::TcpFaultProxy;

namespace {

// The tablet's real network stack, with a record of every push as it leaves the client (headers and body
// bytes). `rewriteEncoding` changes a gzip push's Content-Encoding on the way out (empty: drops the header),
// so the real server meets what an unaware server or proxy would make of it.
class PushRecorder : public QNetworkAccessManager {
public:
    struct Push {
        QByteArray contentEncoding;
        QByteArray body;
    };
    QList<Push> pushes;
    std::optional<QByteArray> rewriteEncoding;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& original, QIODevice* outgoing) override
    {
        QNetworkRequest request = original;
        if (request.url().path() == QLatin1String("/api/v1/sync/push") && outgoing) {
            const QByteArray encoding = request.rawHeader("Content-Encoding");
            pushes.append(Push { encoding, outgoing->peek(outgoing->size()) });
            if (rewriteEncoding && encoding == "gzip")
                request.setRawHeader("Content-Encoding", *rewriteEncoding);
        }
        return QNetworkAccessManager::createRequest(op, request, outgoing);
    }
};

QByteArray gunzip(const QByteArray& gz)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return {};
    QByteArray out(8 << 20, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.constData()));
    stream.avail_in = uInt(gz.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const bool ok = inflate(&stream, Z_FINISH) == Z_STREAM_END && stream.avail_in == 0;
    out.truncate(qsizetype(stream.total_out));
    inflateEnd(&stream);
    return ok ? out : QByteArray();
}

} // namespace

class TestSyncClient : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    TcpFaultProxy m_proxy;
    Device m_a; // worker-a
    Device m_b; // worker-b
    QString m_caseShared; // created on A, assigned to B by the office
    QString m_caseOnlyA;
    QString m_draftShared;

    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())); }
    QString fingerprint() const { return client::CertificatePin::fingerprint(m_server.tls().certificate); }

    QString code(const QString& user)
    {
        QByteArray out;
        m_server.admin({ QStringLiteral("enroll-code"), user }, &out);
        return QString::fromUtf8(out).trimmed();
    }

    void createUser(const QString& name)
    {
        QCOMPARE(m_server.admin({ QStringLiteral("create-user"), name, QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("Тест") }),
            0);
    }

    records::Record local(Device& device, const QString& id)
    {
        auto record = device.local->repository().getRecord(id);
        return record ? *record : records::Record {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start({}, true), qPrintable(m_server.error()));
        QVERIFY(m_proxy.listen(quint16(m_server.baseUrl().port())));
        createUser(QStringLiteral("worker-a"));
        createUser(QStringLiteral("worker-b"));
        createUser(QStringLiteral("worker-c"));
        QVERIFY(m_a.open(true));
        QVERIFY(m_b.open(true));
    }

    void enrollmentRefusesAnotherCertificate()
    {
        const QString wrong = QString(64, QLatin1Char('a'));
        QCOMPARE(
            m_a.enroll(url(), code(QStringLiteral("worker-a")), wrong), QStringLiteral("sync.certificate_mismatch"));
        QVERIFY(!*m_a.local->enrollment());
        QCOMPARE(m_a.client->state(), SyncClient::State::NotEnrolled);
        QVERIFY(!m_a.sync(5000));
    }

    void recordsCreatedOfflineSyncUpAndReachOnlyTheCaseload()
    {
        // Offline work first: nothing is enrolled yet.
        m_a.userId = QStringLiteral("u-a");
        m_caseShared = m_a.newCase(QStringLiteral("Шевченко")).id;
        m_caseOnlyA = m_a.newCase(QStringLiteral("Коваленко")).id;
        const records::Record notice = m_a.newNotice(m_caseShared, true);
        m_draftShared = m_a.newNotice(m_caseShared, false).id;
        const records::Record other = m_a.newNotice(m_caseOnlyA, true);
        QVERIFY(!notice.id.isEmpty() && !other.id.isEmpty());
        QCOMPARE(m_a.stateOf(notice.id), EntityState::Pending);
        QCOMPARE(m_a.local->counts()->outbox, 5);

        QCOMPARE(m_a.enroll(url(), code(QStringLiteral("worker-a")), fingerprint()), QString());
        QCOMPARE(m_b.enroll(url(), code(QStringLiteral("worker-b")), fingerprint().toUpper()), QString());
        QSignalSpy progress(m_a.client.get(), &SyncClient::progress);
        QVERIFY(m_a.sync());
        QVERIFY(m_a.client->isUpToDate());
        QCOMPARE(m_a.local->counts()->outbox, 0);
        QCOMPARE(m_a.stateOf(notice.id), EntityState::Sent);
        QCOMPARE(m_a.stateOf(m_caseShared), EntityState::Sent);
        bool sawPushTotal = false;
        for (const auto& signal : progress)
            sawPushTotal |= signal.at(0).toString() == QLatin1String("push") && signal.at(1).toInt() == 5
                && signal.at(2).toInt() == 5;
        QVERIFY(sawPushTotal);
        // The server registered the notices about children and told the tablet the journal numbers.
        const QString n1 = *m_a.local->journalNumber(notice.id);
        const QString n2 = *m_a.local->journalNumber(other.id);
        QVERIFY2(n1.contains(QLatin1Char('/')), qPrintable(n1));
        QCOMPARE(n2.section(QLatin1Char('/'), 1).toInt(), n1.section(QLatin1Char('/'), 1).toInt() + 1);
        QVERIFY(m_a.local->journalNumber(m_draftShared)->isEmpty());

        const auto onServer = serverRecords(m_server);
        QCOMPARE(onServer.size(), 3);
        QCOMPARE(recordDigest(onServer.value(notice.id).record), recordDigest(local(m_a, notice.id)));

        // B sees nothing until the office assigns the case.
        QVERIFY(m_b.sync());
        QCOMPARE(*m_b.local->repository().countCases(), 0);
        QCOMPARE(m_server.admin({ QStringLiteral("assign"), QStringLiteral("worker-b"), m_caseShared }), 0);
        QVERIFY(m_b.sync());
        QCOMPARE(*m_b.local->repository().countCases(), 1);
        QCOMPARE(m_b.local->repository().getCase(m_caseShared)->toJson(),
            m_a.local->repository().getCase(m_caseShared)->toJson());
        QCOMPARE(recordDigest(local(m_b, notice.id)), recordDigest(local(m_a, notice.id)));
        QCOMPARE(*m_b.local->journalNumber(notice.id), n1);
        QVERIFY(!m_b.local->repository().getCase(m_caseOnlyA));
        QVERIFY(!m_b.local->repository().getRecord(other.id));

        // A case made on B is B's; it never reaches A.
        const QString caseOfB = m_b.newCase(QStringLiteral("Бондар")).id;
        m_b.newNotice(caseOfB, false);
        QVERIFY(m_b.sync());
        QVERIFY(m_a.sync());
        QVERIFY(!m_a.local->repository().getCase(caseOfB));
        QCOMPARE(*m_a.local->repository().countCases(), 2);
    }

    void draftEditedOnBothDevicesIsKeptThenResolved()
    {
        QVERIFY(m_b.local->repository().getRecord(m_draftShared));
        m_a.edit(m_draftShared, QStringLiteral("contentText"), QStringLiteral("версія A"));
        m_a.edit(m_draftShared, QStringLiteral("address"), QStringLiteral("вдома"));
        QVERIFY(m_a.sync());
        m_b.edit(m_draftShared, QStringLiteral("contentText"), QStringLiteral("версія B"));
        m_b.edit(m_draftShared, QStringLiteral("attachedDocuments"), QStringLiteral("B"));
        const QByteArray bodyOfB = QJsonDocument(local(m_b, m_draftShared).body).toJson();

        QVERIFY(m_b.sync());
        QCOMPARE(m_b.stateOf(m_draftShared), EntityState::Conflict);
        QCOMPARE(m_b.local->counts()->conflicts, 1);
        // Local work is untouched; both revisions are kept.
        QCOMPARE(QJsonDocument(local(m_b, m_draftShared).body).toJson(), bodyOfB);
        const auto kept = m_b.local->conflict(m_draftShared);
        QVERIFY(kept && *kept);
        QCOMPARE((*kept)->mine.body.value(QStringLiteral("contentText")).toString(), QStringLiteral("версія B"));
        QVERIFY((*kept)->theirs.has_value());
        QCOMPARE((*kept)->theirs->body.value(QStringLiteral("contentText")).toString(), QStringLiteral("версія A"));
        QCOMPARE((*kept)->serverRevision, local(m_a, m_draftShared).revision);
        QCOMPARE(serverCount(m_server, QStringLiteral("record_conflicts")), 1);

        // While unresolved, more edits go into "mine" and nothing is pushed; finalizing is refused.
        m_b.edit(m_draftShared, QStringLiteral("attachedDocuments"), QStringLiteral("B2"));
        QCOMPARE(m_b.local->counts()->outbox, 0);
        QCOMPARE(m_b.local->finalize(m_draftShared).error().code, QStringLiteral("sync.conflict_unresolved"));

        // The user keeps B's note and A's place (theirs), and B's extra field.
        const auto resolved = m_b.local->resolvePerField(m_draftShared,
            { { QStringLiteral("contentText"), client::FieldChoice::Mine },
                { QStringLiteral("attachedDocuments"), client::FieldChoice::Mine } });
        QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error().message));
        QCOMPARE(resolved->revision, (*kept)->serverRevision + 1);
        QCOMPARE(m_b.stateOf(m_draftShared), EntityState::Pending);
        QVERIFY(m_b.sync());
        QCOMPARE(m_b.stateOf(m_draftShared), EntityState::Sent);
        QCOMPARE(m_b.local->counts()->conflicts, 0);
        QVERIFY(m_a.sync());
        const records::Record merged = local(m_a, m_draftShared);
        QCOMPARE(merged.body.value(QStringLiteral("contentText")).toString(), QStringLiteral("версія B"));
        QCOMPARE(merged.body.value(QStringLiteral("address")).toString(), QStringLiteral("вдома"));
        QCOMPARE(merged.body.value(QStringLiteral("attachedDocuments")).toString(), QStringLiteral("B2"));
        QCOMPARE(recordDigest(merged), recordDigest(local(m_b, m_draftShared)));
        QCOMPARE(recordDigest(serverRecords(m_server).value(m_draftShared).record), recordDigest(merged));
    }

    void changingAFinalizedActIsRejectedWithTheReason()
    {
        const auto finalAct = m_a.local->finalize(m_draftShared);
        QVERIFY(finalAct);
        QVERIFY(m_a.sync());
        m_b.edit(m_draftShared, QStringLiteral("contentText"), QStringLiteral("пізня правка"));
        QVERIFY(m_b.sync()); // the round completes; the refusal is shown per record
        QCOMPARE(m_b.stateOf(m_draftShared), EntityState::Rejected);
        const auto state = *m_b.local->stateOf(m_draftShared);
        QCOMPARE(state->reason.code, QStringLiteral("immutable"));
        QVERIFY(!state->reason.message.isEmpty());
        QCOMPARE(m_b.local->counts()->rejected, 1);
        QCOMPARE(serverRecords(m_server).value(m_draftShared).record.contentHash, finalAct->contentHash);
        // Local edit stays until the user drops it; then the final act from the server replaces it.
        QCOMPARE(local(m_b, m_draftShared).body.value(QStringLiteral("contentText")).toString(),
            QStringLiteral("пізня правка"));
        QVERIFY(m_b.local->discardRejected(m_draftShared));
        QCOMPARE(local(m_b, m_draftShared).contentHash, finalAct->contentHash);
        QCOMPARE(m_b.local->counts()->rejected, 0);
    }

    void aDuplicatedBatchCreatesNoDuplicates()
    {
        // Snapshot A's store with 5 unsent records, sync, then restore the snapshot: the very same batch
        // (same sequence numbers, same bodies) goes up again.
        QList<QString> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(m_a.newNotice(m_caseShared, i % 2 == 0).id);
        QVERIFY(m_a.db->checkpoint());
        const QString snapshot = m_a.dbPath() + QStringLiteral(".snapshot");
        QVERIFY(QFile::copy(m_a.dbPath(), snapshot));
        QVERIFY(m_a.sync());
        int rowsBefore = 0;
        const auto before = serverRecords(m_server, &rowsBefore);
        const int receiptsBefore = serverCount(m_server, QStringLiteral("push_receipts"));

        m_a.close();
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(m_a.dbPath() + suffix);
        QVERIFY(QFile::rename(snapshot, m_a.dbPath()));
        QVERIFY(m_a.open(false));
        QCOMPARE(m_a.local->counts()->outbox, 5);
        QVERIFY(m_a.sync());
        int rowsAfter = 0;
        const auto after = serverRecords(m_server, &rowsAfter);
        QCOMPARE(rowsAfter, rowsBefore);
        QCOMPARE(serverCount(m_server, QStringLiteral("push_receipts")), receiptsBefore);
        for (const QString& id : ids) {
            QCOMPARE(m_a.stateOf(id), EntityState::Sent);
            QCOMPARE(after.value(id).journalNumber, before.value(id).journalNumber);
            QCOMPARE(*m_a.local->journalNumber(id), after.value(id).journalNumber);
        }
    }

    void networkFaultsAreRetriedWithoutDuplicates_data()
    {
        QTest::addColumn<TcpFaultProxy::Mode>("mode");
        QTest::newRow("lost reply") << TcpFaultProxy::Mode::LoseNextReply;
        QTest::newRow("refused") << TcpFaultProxy::Mode::Refuse;
        QTest::newRow("stalled") << TcpFaultProxy::Mode::Stall;
        QTest::newRow("duplicated chunks") << TcpFaultProxy::Mode::DuplicateChunks;
        QTest::newRow("reordered chunks") << TcpFaultProxy::Mode::ReorderChunks;
    }

    void networkFaultsAreRetriedWithoutDuplicates()
    {
        QFETCH(TcpFaultProxy::Mode, mode);
        QList<QString> ids;
        for (int i = 0; i < 4; ++i)
            ids.append(m_a.newNotice(m_caseShared, true).id);
        int rowsBefore = 0;
        serverRecords(m_server, &rowsBefore);
        m_proxy.setMode(mode);
        QSignalSpy finished(m_a.client.get(), &SyncClient::syncFinished);
        m_a.client->start(); // syncs at once, through the fault
        QVERIFY(finished.wait(15000));
        if (mode == TcpFaultProxy::Mode::LoseNextReply) {
            // The server applied the batch, its answer was lost; the same batch went up again (Qt's HTTP
            // layer re-sends at once on a dropped connection, else the client's retry does) and was
            // answered "duplicate".
            QCOMPARE(m_proxy.repliesLost(), 1);
        } else if (mode == TcpFaultProxy::Mode::Refuse || mode == TcpFaultProxy::Mode::Stall) {
            QCOMPARE(finished.first().at(0).toBool(), false); // never "done" while the fault lasts
            QVERIFY(m_a.client->state() == SyncClient::State::Offline);
            QVERIFY(!m_a.client->isUpToDate());
            QCOMPARE(m_a.client->errorCode(), QStringLiteral("sync.offline"));
        } // duplicated / reordered TLS chunks break the stream at a point that depends on timing
        m_proxy.setMode(TcpFaultProxy::Mode::Pass);
        // Resumes by itself (back-off / health probe) once the network is back.
        QTRY_VERIFY_WITH_TIMEOUT(m_a.client->isUpToDate(), 20000);
        m_a.client->stop();
        int rowsAfter = 0;
        const auto after = serverRecords(m_server, &rowsAfter);
        QCOMPARE(rowsAfter, rowsBefore + ids.size());
        QSet<QString> numbers;
        for (const QString& id : ids) {
            QCOMPARE(m_a.stateOf(id), EntityState::Sent);
            QCOMPARE(recordDigest(after.value(id).record), recordDigest(local(m_a, id)));
            numbers.insert(after.value(id).journalNumber);
            QCOMPARE(*m_a.local->journalNumber(id), after.value(id).journalNumber);
        }
        QCOMPARE(numbers.size(), ids.size());
    }

    void aPageThatFailsToApplyIsPulledAgainNotSkipped()
    {
        // The client asks for the next pull page while it applies the current one. When that page
        // cannot be written, the answer already on its way must be dropped: applying it would move the
        // cursor past the page that failed and lose its changes for good.
        const QString caseId = m_a.newCase(QStringLiteral("Мельник")).id;
        QList<QString> ids;
        for (int i = 0; i < 6; ++i)
            ids.append(m_a.newNotice(caseId, false).id);
        QVERIFY(m_a.sync());

        Device c; // a second tablet of worker-a, two changes per page
        auto options = testOptions();
        options.pullLimit = 2;
        QVERIFY(c.open(true, options));
        QCOMPARE(c.enroll(url(), code(QStringLiteral("worker-a")), fingerprint()), QString());
        // The oldest of the new records: pages with the later ones follow the one that holds it.
        QVERIFY(c.db->exec(QStringLiteral("CREATE TEMP TRIGGER fail_one BEFORE INSERT ON main.records "
                                          "WHEN NEW.id = '%1' BEGIN SELECT RAISE(ABORT, 'test.injected'); END")
                               .arg(ids.first())));
        QVERIFY(!c.sync());
        QCOMPARE(c.client->state(), SyncClient::State::Error);
        QTest::qWait(1000); // time for the answer that was already asked for to arrive (and be dropped)
        QVERIFY(!c.local->repository().getRecord(ids.first()));

        QVERIFY(c.db->exec(QStringLiteral("DROP TRIGGER temp.fail_one")));
        QVERIFY(c.sync());
        for (const QString& id : ids)
            QCOMPARE(recordDigest(local(c, id)), recordDigest(local(m_a, id)));
        QCOMPARE(*c.local->repository().countCases(), *m_a.local->repository().countCases());
        c.close();
    }

    void wrongAndExpiredTokensKeepLocalData()
    {
        Device c;
        QVERIFY(c.open(true));
        QCOMPARE(c.enroll(url(), code(QStringLiteral("worker-c")), fingerprint()), QString());
        const QString caseId = c.newCase(QStringLiteral("Мельник")).id;
        QVERIFY(c.sync());
        const auto enrollment = **c.local->enrollment();

        QVERIFY(c.local->updateToken(QStringLiteral("not-a-token"), enrollment.tokenExpiresAt));
        c.close();
        QVERIFY(c.open(false));
        c.newNotice(caseId, false);
        QVERIFY(!c.sync());
        QCOMPARE(c.client->state(), SyncClient::State::Error);
        QCOMPARE(c.client->errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(c.local->counts()->outbox, 1);

        QVERIFY(c.local->updateToken(enrollment.token, enrollment.tokenExpiresAt));
        c.close();
        QVERIFY(c.open(false));
        QVERIFY(serverExec(m_server,
            QStringLiteral("UPDATE tokens SET expires_at = '2001-01-01T00:00:00.000Z' WHERE device_id = '%1'")
                .arg(enrollment.deviceId)));
        QVERIFY(!c.sync());
        QCOMPARE(c.client->errorCode(), QStringLiteral("token_expired"));
        QVERIFY(QFile::exists(c.dbPath()));
        QCOMPARE(*c.local->repository().countCases(), 1);
        QCOMPARE(c.local->counts()->outbox, 1);
    }

    void tokenIsRenewedBeforeItExpires()
    {
        Device e;
        QVERIFY(e.open(true));
        QCOMPARE(e.enroll(url(), code(QStringLiteral("worker-c")), fingerprint()), QString());
        const auto old = **e.local->enrollment();
        // Pretend the token runs out tomorrow: the next round renews it first.
        QVERIFY(e.local->updateToken(old.token, QDateTime::currentDateTimeUtc().addDays(1)));
        e.close();
        QVERIFY(e.open(false));
        QVERIFY(e.sync());
        const auto renewed = **e.local->enrollment();
        QVERIFY(renewed.token != old.token);
        QVERIFY(renewed.tokenExpiresAt > QDateTime::currentDateTimeUtc().addDays(80));
        e.close();
        QVERIFY(e.open(false));
        QVERIFY(e.sync()); // the new token works; the old one is gone
        const auto oldToken
            = poruch::test::apiRequest("GET", m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/sync/pull"))),
                QByteArray(), old.token, { m_server.tls().certificate });
        QCOMPARE(oldToken.status, 401);
    }

    void revocationWipesTheDevice_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("device") << QStringLiteral("revoke-device");
        QTest::newRow("user") << QStringLiteral("revoke-user");
    }

    void revocationWipesTheDevice()
    {
        QFETCH(QString, what);
        const QString user
            = what == QLatin1String("revoke-user") ? QStringLiteral("worker-d") : QStringLiteral("worker-a");
        if (what == QLatin1String("revoke-user"))
            createUser(user);
        Device d;
        QVERIFY(d.open(true));
        QCOMPARE(d.enroll(url(), code(user), fingerprint()), QString());
        d.newCase(QStringLiteral("Ткаченко"));
        QVERIFY(d.sync());
        QVERIFY(QFile::exists(d.dbPath()));
        QVERIFY(d.vault->exists());
        QCOMPARE(m_server.admin({ what, what == QLatin1String("revoke-user") ? user : d.deviceId }), 0);

        QSignalSpy wiped(d.client.get(), &SyncClient::wiped);
        QVERIFY(!d.sync());
        QCOMPARE(wiped.size(), 1);
        QCOMPARE(wiped.first().at(0).toString(),
            what == QLatin1String("revoke-user") ? QStringLiteral("user_revoked") : QStringLiteral("device_revoked"));
        QCOMPARE(d.client->state(), SyncClient::State::Wiped);
        QVERIFY(d.wipedCallback);
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QVERIFY2(!QFile::exists(d.dbPath() + suffix), qPrintable(suffix));
        QVERIFY(!d.vault->exists());
        QVERIFY(!d.secret->exists());
        QVERIFY(!d.sync(2000)); // nothing left to sync with
    }

    void pushesGoOutGzipCompressedAndAreApplied()
    {
        createUser(QStringLiteral("worker-z"));
        PushRecorder* recorder = nullptr;
        client::SyncClientOptions options = testOptions();
        options.networkFactory = [&recorder](QObject*) { return recorder = new PushRecorder; };
        Device d;
        QVERIFY(d.open(true, options));
        QVERIFY(recorder);
        QCOMPARE(d.enroll(url(), code(QStringLiteral("worker-z")), fingerprint()), QString());
        const QString caseId = d.newCase(QStringLiteral("Гребінка")).id;
        const records::Record notice = d.newNotice(caseId, true);
        QVERIFY(d.sync());
        QCOMPARE(d.local->counts()->outbox, 0);

        QCOMPARE(recorder->pushes.size(), 1);
        const PushRecorder::Push& sent = recorder->pushes.first();
        QCOMPARE(sent.contentEncoding, QByteArray("gzip"));
        QVERIFY(sent.body.startsWith("\x1f\x8b"));
        const QByteArray json = gunzip(sent.body);
        QVERIFY2(sent.body.size() < json.size() / 2,
            qPrintable(QStringLiteral("%1 of %2 bytes").arg(sent.body.size()).arg(json.size())));
        const auto request = poruch::sync::PushRequest::fromJson(json);
        QVERIFY(request);
        QCOMPARE(request->deviceId, d.deviceId);
        QCOMPARE(request->items.size(), 2);
        // The real server applied it: the record is there, byte for byte the tablet's.
        const auto onServer = serverRecords(m_server);
        QVERIFY(onServer.contains(notice.id));
        QCOMPARE(recordDigest(onServer.value(notice.id).record), recordDigest(local(d, notice.id)));
        QVERIFY(!d.local->journalNumber(notice.id)->isEmpty());
    }

    void aRefusedGzipBodyIsSentAgainAsPlainJson_data()
    {
        QTest::addColumn<QByteArray>("rewrite");
        QTest::addColumn<QString>("user");
        QTest::newRow("415 unsupported_encoding") << QByteArray("br") << QStringLiteral("worker-y");
        // A server without gzip support parses the compressed bytes as JSON (400 invalid_json).
        QTest::newRow("400 invalid_json (unaware server)") << QByteArray() << QStringLiteral("worker-x");
    }
    void aRefusedGzipBodyIsSentAgainAsPlainJson()
    {
        QFETCH(QByteArray, rewrite);
        QFETCH(QString, user);
        createUser(user);
        PushRecorder* recorder = nullptr;
        client::SyncClientOptions options = testOptions();
        options.networkFactory = [&recorder](QObject*) { return recorder = new PushRecorder; };
        Device d;
        QVERIFY(d.open(true, options));
        recorder->rewriteEncoding = rewrite;
        QCOMPARE(d.enroll(url(), code(user), fingerprint()), QString());
        const QString caseId = d.newCase(QStringLiteral("Лисенко")).id;
        const records::Record notice = d.newNotice(caseId, false);
        QVERIFY(d.sync());
        QCOMPARE(d.local->counts()->outbox, 0);
        QCOMPARE(d.local->counts()->rejected, 0);
        QCOMPARE(recorder->pushes.size(), 2);
        QCOMPARE(recorder->pushes.at(0).contentEncoding, QByteArray("gzip"));
        QCOMPARE(recorder->pushes.at(1).contentEncoding, QByteArray());
        QCOMPARE(recorder->pushes.at(1).body, gunzip(recorder->pushes.at(0).body));
        QCOMPARE(recordDigest(serverRecords(m_server).value(notice.id).record), recordDigest(local(d, notice.id)));
        // Plain from then on: the next push is not tried as gzip first.
        d.edit(notice.id, QStringLiteral("contentText"), QStringLiteral("змінений текст"));
        QVERIFY(d.sync());
        QCOMPARE(recorder->pushes.size(), 3);
        QCOMPARE(recorder->pushes.at(2).contentEncoding, QByteArray());
    }

    void anotherServerCertificateIsRefused()
    {
        // The server restarts with a new certificate (same data); the pinned tablet refuses to talk.
        const int receiptsBefore = serverCount(m_server, QStringLiteral("push_receipts"));
        m_server.stop();
        QVERIFY2(m_server.start({}, true), qPrintable(m_server.error()));
        m_proxy.retarget(quint16(m_server.baseUrl().port()));
        m_a.newNotice(m_caseShared, false);
        QVERIFY(!m_a.sync());
        QCOMPARE(m_a.client->state(), SyncClient::State::Error);
        QCOMPARE(m_a.client->errorCode(), QStringLiteral("sync.certificate_mismatch"));
        QCOMPARE(m_a.local->counts()->outbox, 1);
        QCOMPARE(serverCount(m_server, QStringLiteral("push_receipts")), receiptsBefore);
        QVERIFY(m_a.client->nextRetryMs() < 0); // a hard error: no automatic retry
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
