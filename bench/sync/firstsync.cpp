// bench_sync_firstsync: P2, first sync of 10,000 realistic records to an EMPTY device (bench/README.md).
// One real poruch-server (TLS, embedded store) holds 2,000 cases with 5 records each (the bench/store
// dataset as form-valid notices and home visits, two thirds of them final acts) in one worker's caseload,
// seeded untimed in-process through the server's own SyncService. Each repetition:
//   sync          a new tablet of that worker (fresh SQLCipher store opened exactly as the app opens it,
//                 LocalSyncStore + the real SyncClient over QNetworkAccessManager with the pinned
//                 certificate) syncs once, syncNow() → syncFinished. Then, untimed, the device's records
//                 and cases are compared with the server's store (count and content digests).
//   raw transfer  the same pull requests (the URLs the client sent, same token, asking for gzip as the
//                 tablet's network stack does) replayed over one plain kept-alive TLS socket, bodies kept
//                 as they came (compressed), nothing parsed.
//   raw insert    the same rows (one per pulled case/record: id, case id, compact JSON) into a fresh
//                 SQLCipher store opened with the same settings and a key: one transaction, one prepared
//                 statement, no app logic.
// Ratio = sync / (raw transfer + raw insert). Prints
//   P2 first sync ratio <r> (sync <s> s, raw transfer <s> s + raw insert <s> s, <n> records, median of <reps>)
// --quick: 200 records, 1 repetition (ctest smoke run). Exits non-zero when a device did not end with
// every record, a content digest differs or any request failed.
#include "benchoptions.h"
#include "benchsupport.h"
#include "records/canonicalform.h"
#include "server/bodydecoder.h"
#include "storage/embeddedstore.h"
#include "store/database.h"
#include "sync/localsyncstore.h"
#include "sync/syncclient.h"
#include "sync/syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <memory>

#include <time.h>

using namespace poruch;

namespace {

constexpr int RecordsPerCase = 5;

struct Tablet {
    QString deviceId;
    QString token;
    QDateTime expiresAt;
};

struct Seeded {
    QString userId;
    QList<Tablet> tablets; // one fresh tablet per repetition
    QHash<QString, QByteArray> records; // id → digest of the server's record
    QHash<QString, QByteArray> cases; // id → digest of the server's case
};

QByteArray digest(const QJsonObject& json)
{
    return QCryptographicHash::hash(QJsonDocument(json).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
}

store::SecretBytes randomKey()
{
    QByteArray key(32, '\0');
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return store::SecretBytes(key);
}

// The worker, one tablet that pushed the caseload, and `tablets` more enrolled for the repetitions.
bool seed(server::EmbeddedStore& store, server::SyncService& service, int recordCount, int tablets, Seeded& out)
{
    server::User user;
    user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    user.username = QStringLiteral("worker-p2");
    user.displayName = QStringLiteral("Bench P2");
    user.unit = QStringLiteral("bench");
    user.createdAt = QDateTime::currentDateTimeUtc();
    if (auto inserted = store.insertUser(user); !inserted) {
        std::fprintf(stderr, "bench_sync_firstsync: insertUser: %s\n", qPrintable(inserted.error().message));
        return false;
    }
    out.userId = user.id;
    QList<server::EnrollmentReply> enrolled;
    for (int i = 0; i <= tablets; ++i) {
        const auto code = service.createEnrollmentCode(user.id, QStringLiteral("bench"));
        const auto reply = code ? service.enroll(*code, QStringLiteral("bench tablet"))
                                : Result<server::EnrollmentReply>(code.error());
        if (!reply) {
            std::fprintf(stderr, "bench_sync_firstsync: enroll: %s\n", qPrintable(reply.error().message));
            return false;
        }
        enrolled << *reply;
        if (i > 0)
            out.tablets << Tablet { reply->deviceId, reply->token, reply->tokenExpiresAt };
    }
    const auto session = service.authenticate(enrolled.first().token);
    if (!session)
        return false;

    // Cases first, then their records, in protocol-sized batches (the seeding tablet's pushes).
    QList<sync::PushItem> items;
    qint64 seq = 1;
    const int caseCount = (recordCount + RecordsPerCase - 1) / RecordsPerCase;
    for (int c = 0; c < caseCount; ++c) {
        const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        sync::PushItem caseItem;
        caseItem.seq = seq++;
        caseItem.kind = sync::PushItem::Kind::Case;
        caseItem.caseData = bench::realisticCase(caseId, quint32(1000 + c));
        items << caseItem;
        const int n = std::min(RecordsPerCase, recordCount - c * RecordsPerCase);
        int index = 0;
        for (records::Record record :
            bench::realisticRecords(caseId, enrolled.first().deviceId, n, quint32(50000 + c))) {
            record.authorUserId = user.id;
            sync::PushItem item;
            item.seq = seq++;
            // Two thirds are final acts (what a caseload mostly holds), the rest drafts.
            item.record = index++ % 3 == 2 ? record : bench::finalized(record);
            items << item;
        }
    }
    for (qsizetype from = 0; from < items.size(); from += sync::maxPushItems) {
        sync::PushRequest request;
        request.deviceId = enrolled.first().deviceId;
        request.items = items.mid(from, sync::maxPushItems);
        const auto pushed = service.push(*session, request);
        if (!pushed) {
            std::fprintf(stderr, "bench_sync_firstsync: seed push: %s\n", qPrintable(pushed.error().message));
            return false;
        }
        for (const sync::PushResult& result : pushed->results) {
            if (result.status != sync::PushResult::Status::Applied) {
                std::fprintf(stderr, "bench_sync_firstsync: seed item %lld: %s %s\n", result.seq,
                    qPrintable(sync::pushStatusId(result.status)), qPrintable(result.reason.code));
                return false;
            }
        }
    }
    return true;
}

// What the server holds, read from its store file (the server is not running yet).
bool readServerTruth(const bench::BenchServer& server, Seeded& out)
{
    QFile keyFile(server.keyFile());
    if (!keyFile.open(QIODevice::ReadOnly))
        return false;
    const store::SecretBytes key(QByteArray::fromHex(keyFile.readAll().trimmed()));
    store::OpenOptions options;
    options.create = false;
    auto db = store::Database::open(QDir(server.dataDir()).filePath(QStringLiteral("server.db")), key, options);
    if (!db)
        return false;
    for (const bool isCase : { true, false }) {
        auto st = (*db)->prepare(
            isCase ? QStringLiteral("SELECT id, json FROM cases") : QStringLiteral("SELECT id, json FROM records"));
        if (!st)
            return false;
        while (true) {
            const auto row = st->step();
            if (!row)
                return false;
            if (!*row)
                break;
            const QJsonObject json = QJsonDocument::fromJson(st->text(1).toUtf8()).object();
            if (isCase) {
                const auto value = records::Case::fromJson(json);
                if (!value)
                    return false;
                out.cases.insert(st->text(0), digest(value->toJson()));
            } else {
                const auto value = records::Record::fromJson(json);
                if (!value)
                    return false;
                out.records.insert(st->text(0), digest(value->toJson()));
            }
        }
    }
    return true;
}

// --template DIR: the seeded data folder, key and tablets are kept in DIR and reused by later runs with
// the same number of records (seeding 10,000 records through the server's push takes minutes here).
bool saveTemplate(const bench::BenchServer& server, const Seeded& seeded, int recordCount, const QString& dir)
{
    QDir().mkpath(dir);
    QJsonArray tablets;
    for (const Tablet& tablet : seeded.tablets)
        tablets << QJsonObject { { QStringLiteral("deviceId"), tablet.deviceId },
            { QStringLiteral("token"), tablet.token },
            { QStringLiteral("expiresAt"), tablet.expiresAt.toString(Qt::ISODate) } };
    QFile meta(QDir(dir).filePath(QStringLiteral("seed.json")));
    if (!meta.open(QIODevice::WriteOnly))
        return false;
    meta.write(QJsonDocument(QJsonObject { { QStringLiteral("records"), recordCount },
                                 { QStringLiteral("userId"), seeded.userId }, { QStringLiteral("tablets"), tablets } })
                   .toJson());
    QFile::remove(QDir(dir).filePath(QStringLiteral("store.key")));
    if (!QFile::copy(server.keyFile(), QDir(dir).filePath(QStringLiteral("store.key"))))
        return false;
    const QDir source(server.dataDir());
    for (const QString& name : source.entryList(QDir::Files)) {
        QFile::remove(QDir(dir).filePath(name));
        if (!QFile::copy(source.filePath(name), QDir(dir).filePath(name)))
            return false;
    }
    return true;
}

bool loadTemplate(const bench::BenchServer& server, Seeded& seeded, int recordCount, int tablets, const QString& dir)
{
    QFile meta(QDir(dir).filePath(QStringLiteral("seed.json")));
    if (!meta.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject json = QJsonDocument::fromJson(meta.readAll()).object();
    if (json.value(QStringLiteral("records")).toInt() != recordCount
        || json.value(QStringLiteral("tablets")).toArray().size() < tablets)
        return false;
    seeded.userId = json.value(QStringLiteral("userId")).toString();
    for (const QJsonValue& value : json.value(QStringLiteral("tablets")).toArray()) {
        const QJsonObject tablet = value.toObject();
        seeded.tablets << Tablet { tablet.value(QStringLiteral("deviceId")).toString(),
            tablet.value(QStringLiteral("token")).toString(),
            QDateTime::fromString(tablet.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate) };
    }
    QDir().mkpath(server.dataDir());
    QFile::remove(server.keyFile());
    if (!QFile::copy(QDir(dir).filePath(QStringLiteral("store.key")), server.keyFile()))
        return false;
    QFile::setPermissions(server.keyFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QDir source(dir);
    for (const QString& name : source.entryList(QDir::Files)) {
        if (name == QLatin1String("seed.json") || name == QLatin1String("store.key"))
            continue;
        QFile::remove(QDir(server.dataDir()).filePath(name));
        if (!QFile::copy(source.filePath(name), QDir(server.dataDir()).filePath(name)))
            return false;
    }
    return true;
}

// QNetworkAccessManager as the tablet uses it, remembering every request and failing answer.
class RecordingNetwork : public QNetworkAccessManager {
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    QList<QByteArray> pullTargets;
    QStringList failures;
    qint64 bytesDown = 0;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override
    {
        const QByteArray target = request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        if (target.startsWith("/api/v1/sync/pull"))
            pullTargets << target;
        QNetworkReply* reply = QNetworkAccessManager::createRequest(op, request, data);
        connect(reply, &QNetworkReply::finished, this, [this, reply, target] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            bytesDown += reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (status != 200)
                failures << QStringLiteral("%1 answered %2 (%3)")
                                .arg(QString::fromLatin1(target.left(40)))
                                .arg(status)
                                .arg(reply->errorString());
        });
        return reply;
    }
};

// CPU time this process (the tablet side) has used so far, in seconds.
double processCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

struct SyncRun {
    double seconds = 0;
    double cpuSeconds = 0; // the tablet's CPU (this process) during the sync
    QList<QByteArray> pullTargets;
    qint64 bytesDown = 0;
    bool ok = false;
};

// The measured first sync: a fresh device store, the real client, one syncNow() until syncFinished.
SyncRun firstSync(const bench::BenchServer& server, const Tablet& tablet, const QString& userId, const Seeded& truth)
{
    SyncRun run;
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("poruch.db"));
    auto opened = store::Database::open(path, randomKey()); // the app's OpenOptions: defaults
    if (!opened || !client::LocalSyncStore::migrate(**opened)) {
        std::fprintf(stderr, "bench_sync_firstsync: device store cannot be opened\n");
        return run;
    }
    std::unique_ptr<store::Database> db = std::move(opened).value();
    client::LocalSyncStore local(*db);
    client::Enrollment enrollment;
    enrollment.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    enrollment.deviceId = tablet.deviceId;
    enrollment.token = tablet.token;
    enrollment.tokenExpiresAt = tablet.expiresAt;
    enrollment.certificatePem = server.trusted().first().toPem();
    enrollment.userId = userId;
    enrollment.userDisplayName = QStringLiteral("Bench P2");
    enrollment.userRole = QStringLiteral("social_worker");
    if (auto saved = local.saveEnrollment(enrollment); !saved)
        return run;

    RecordingNetwork* network = nullptr;
    client::SyncClientOptions options;
    options.autoSyncIntervalMs = 0;
    options.networkFactory = [&network](QObject* parent) {
        network = new RecordingNetwork(parent);
        return network;
    };
    client::SyncClient syncClient(local, options);
    QEventLoop loop;
    bool complete = false;
    QObject::connect(&syncClient, &client::SyncClient::syncFinished, &loop, [&](bool done) {
        complete = done;
        loop.quit();
    });
    QObject::connect(&syncClient, &client::SyncClient::stateChanged, &loop, [&](client::SyncClient::State state) {
        if (state == client::SyncClient::State::Error || state == client::SyncClient::State::Offline)
            loop.quit();
    });
    QElapsedTimer clock;
    const double cpuBefore = processCpuSeconds();
    clock.start();
    syncClient.syncNow();
    loop.exec();
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.cpuSeconds = processCpuSeconds() - cpuBefore;
    run.pullTargets = network->pullTargets;
    run.bytesDown = network->bytesDown;
    if (!complete || !network->failures.isEmpty()) {
        std::fprintf(stderr, "bench_sync_firstsync: sync did not complete (state %s, %s): %s\n",
            qPrintable(client::SyncClient::stateId(syncClient.state())), qPrintable(syncClient.errorCode()),
            qPrintable(network->failures.join(QStringLiteral("; "))));
        return run;
    }

    // Untimed: the device must hold exactly what the server holds.
    int mismatches = 0;
    for (auto it = truth.records.begin(); it != truth.records.end(); ++it) {
        const auto record = local.repository().getRecord(it.key());
        if (!record || digest(record->toJson()) != it.value())
            ++mismatches;
    }
    for (auto it = truth.cases.begin(); it != truth.cases.end(); ++it) {
        const auto value = local.repository().getCase(it.key());
        if (!value || digest(value->toJson()) != it.value())
            ++mismatches;
    }
    qint64 localRecords = -1;
    if (auto st = db->prepare(QStringLiteral("SELECT count(*) FROM records")); st) {
        if (const auto row = st->step(); row && *row)
            localRecords = st->int64(0);
    }
    const auto localCases = local.repository().countCases();
    const auto counts = local.counts();
    if (mismatches || localRecords != truth.records.size() || !localCases || *localCases != truth.cases.size()
        || !counts || counts->outbox != 0 || counts->conflicts != 0 || counts->rejected != 0) {
        std::fprintf(stderr,
            "bench_sync_firstsync: device differs from the server: %d digests differ, records %lld of %lld, "
            "cases %d of %lld\n",
            mismatches, localRecords, qlonglong(truth.records.size()), localCases ? *localCases : -1,
            qlonglong(truth.cases.size()));
        return run;
    }
    run.ok = true;
    return run;
}

// Baseline (a): the same pull requests over one kept-alive TLS socket, bodies kept, nothing parsed.
double rawTransfer(const bench::BenchServer& server, const Tablet& tablet, const QList<QByteArray>& targets,
    QList<QByteArray>& bodies, bool* ok)
{
    *ok = true;
    bench::HttpConnection connection(server.port(), true, server.trusted());
    QList<QByteArray> requests;
    for (const QByteArray& target : targets) {
        // The tablet's network stack asks for gzip replies (and inflates them); the same bytes cross here.
        QByteArray request = bench::httpRequest("GET", target, server.port(), tablet.token);
        request.insert(request.size() - 2, "Accept-Encoding: gzip, deflate\r\n");
        requests << request;
    }
    QElapsedTimer clock;
    clock.start();
    for (const QByteArray& request : requests) {
        QByteArray body;
        if (bench::exchangeSync(connection, request, &body) != 200) {
            std::fprintf(stderr, "bench_sync_firstsync: raw transfer failed: %s\n", qPrintable(connection.lastError()));
            *ok = false;
        }
        bodies << body;
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    connection.close();
    return seconds;
}

struct RawRow {
    QString id, caseId, kind;
    QByteArray json;
};

// The rows a raw insert writes: one per pulled case or record, as compact JSON (parsed untimed).
QList<RawRow> rowsOf(const QList<QByteArray>& bodies)
{
    QList<RawRow> rows;
    const server::BodyDecoder inflater(qint64(1) << 30);
    for (const QByteArray& wire : bodies) {
        const bool gzipped = wire.startsWith("\x1f\x8b");
        const auto body = gzipped ? inflater.gunzip(wire) : Result<QByteArray>(wire);
        if (!body)
            continue;
        const auto page = sync::PullResponse::fromJson(*body);
        if (!page)
            continue;
        for (const sync::Change& change : page->changes) {
            if (change.kind == sync::Change::Kind::Case)
                rows << RawRow { change.caseData.id, change.caseData.id, QStringLiteral("case"),
                    QJsonDocument(change.caseData.toJson()).toJson(QJsonDocument::Compact) };
            else if (change.kind == sync::Change::Kind::Record)
                rows << RawRow { change.record.id, change.record.caseId, QStringLiteral("record"),
                    QJsonDocument(change.record.toJson()).toJson(QJsonDocument::Compact) };
        }
    }
    return rows;
}

// Baseline (b): the same rows into a fresh SQLCipher store (same open settings, a key), one transaction.
double rawInsert(const QList<RawRow>& rows, bool* ok, double* cpuSeconds)
{
    *ok = false;
    QTemporaryDir dir;
    auto db = store::Database::open(QDir(dir.path()).filePath(QStringLiteral("raw.db")), randomKey());
    if (!db
        || !(*db)->exec(QStringLiteral(
            "CREATE TABLE raw (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, json BLOB NOT NULL)")))
        return 0;
    QElapsedTimer clock;
    const double cpuBefore = processCpuSeconds();
    clock.start();
    const auto done = (*db)->transaction([&]() -> Result<void> {
        auto st = (*db)->prepare(QStringLiteral("INSERT INTO raw (id, case_id, kind, json) VALUES (?1, ?2, ?3, ?4)"));
        if (!st)
            return st.error();
        for (const RawRow& row : rows) {
            if (auto r = st->bind(1, row.id).bind(2, row.caseId).bind(3, row.kind).bind(4, row.json).run(); !r)
                return r;
        }
        return {};
    });
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    *cpuSeconds = processCpuSeconds() - cpuBefore;
    *ok = done.ok();
    return seconds;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P2: first sync of 10,000 records to an empty device"));
    QCommandLineParser& parser = options.parser();
    const QCommandLineOption count(QStringLiteral("records"), QStringLiteral("Records on the server."),
        QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption templateDir(QStringLiteral("template"),
        QStringLiteral("Keep the seeded server in this folder and reuse it in later runs."), QStringLiteral("dir"));
    parser.addOptions({ count, templateDir });
    options.process(app);
    const int repetitions = options.repetitions();
    const int recordCount = options.quick() ? 200 : std::max(1, parser.value(count).toInt());

    bench::BenchServer server;
    Seeded seeded;
    QElapsedTimer setup;
    setup.start();
    const QString keep = parser.value(templateDir);
    const bool reused = !keep.isEmpty() && loadTemplate(server, seeded, recordCount, repetitions, keep);
    if (!reused) {
        seeded = {};
        if (!server.seed([&](server::EmbeddedStore& store, server::SyncService& service) {
                return seed(store, service, recordCount, std::max(repetitions, 10), seeded);
            })) {
            std::fprintf(stderr, "bench_sync_firstsync: seeding failed\n");
            return 2;
        }
        if (!keep.isEmpty() && !saveTemplate(server, seeded, recordCount, keep))
            std::fprintf(stderr, "bench_sync_firstsync: cannot keep the template in %s\n", qPrintable(keep));
    }
    if (!readServerTruth(server, seeded) || seeded.records.size() != recordCount) {
        std::fprintf(stderr, "bench_sync_firstsync: the server's store does not hold the seeded records\n");
        return 2;
    }
    if (!server.start(true)) {
        std::fprintf(stderr, "bench_sync_firstsync: server did not start: %s\n", qPrintable(server.error()));
        return 2;
    }
    std::printf("P2 setup: %lld records in %lld cases %s in %.1f s (untimed)\n", qlonglong(seeded.records.size()),
        qlonglong(seeded.cases.size()), reused ? "copied from the template" : "seeded", double(setup.elapsed()) / 1000);
    std::fflush(stdout);

    std::vector<double> ratios, syncs, transfers, inserts;
    for (int rep = 0; rep < repetitions; ++rep) {
        const Tablet& tablet = seeded.tablets.at(rep);
        const double serverCpuBefore = server.cpuSeconds().first + server.cpuSeconds().second;
        const SyncRun run = firstSync(server, tablet, seeded.userId, seeded);
        const double serverCpu = server.cpuSeconds().first + server.cpuSeconds().second - serverCpuBefore;
        if (!run.ok)
            return 1;
        QList<QByteArray> bodies;
        bool transferOk = false;
        const double transfer = rawTransfer(server, tablet, run.pullTargets, bodies, &transferOk);
        const QList<RawRow> rows = rowsOf(bodies);
        bool insertOk = false;
        double insertCpu = 0;
        const double insert = rawInsert(rows, &insertOk, &insertCpu);
        if (!transferOk || !insertOk || rows.size() != seeded.records.size() + seeded.cases.size()) {
            std::fprintf(stderr, "bench_sync_firstsync: baseline failed (%lld rows)\n", qlonglong(rows.size()));
            return 1;
        }
        qint64 bytes = 0;
        for (const QByteArray& body : std::as_const(bodies))
            bytes += body.size();
        syncs.push_back(run.seconds);
        transfers.push_back(transfer);
        inserts.push_back(insert);
        ratios.push_back(run.seconds / (transfer + insert));
        std::printf("  rep %d: sync %.2f s (%lld pull pages, %lld KB; CPU tablet %.2f s, server %.2f s), raw transfer "
                    "%.2f s, raw insert %.2f s (%lld rows, CPU %.2f s), ratio %.2f\n",
            rep + 1, run.seconds, qlonglong(run.pullTargets.size()), bytes / 1024, run.cpuSeconds, serverCpu, transfer,
            insert, qlonglong(rows.size()), insertCpu, ratios.back());
        std::fflush(stdout);
    }
    server.stop();
    std::printf("P2 first sync ratio %.2f (sync %.1f s, raw transfer %.1f s + raw insert %.1f s, %d records, "
                "median of %d)\n",
        bench::median(ratios), bench::median(syncs), bench::median(transfers), bench::median(inserts), recordCount,
        repetitions);
    return 0;
}
