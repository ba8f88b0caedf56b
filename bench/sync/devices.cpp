// bench_sync_devices: P4, many tablets syncing at once (bench/README.md). One real poruch-server on the
// embedded store, pre-seeded with 500 enrolled tablets (one user and one case of 20 draft records each).
// Steady run: the tablets arrive evenly over 10 s (≈ 50 per second), at most 64 connections open at once
// (a tablet that finds 64 open waits, and the wait counts in its latency). Each opens its own TLS
// connection, pushes 20 changed records (a new revision of each) and pulls from its cursor on the same
// connection. Burst run: all 500 at once, no connection cap. Latency = the tablet's whole cycle, from its
// arrival to the last byte of the pull reply. Every reply is checked afterwards (20 applied; the pull
// leaves the tablet's own records out and moves its cursor past the push); anything else counts as an
// error, and so does a request without a complete answer within 30 s (what a tablet waits). Server peak RSS is VmHWM of
// the server process. Prints:
//   P4 steady p99 <ms> ms (p50 <ms> ms, push p99 .., pull p99 .., errors <e> of <n>, server peak RSS <MB> MB, ..)
//   P4 burst p99 <ms> ms (...)
// --quick: 40 tablets over 1 s, 1 repetition (ctest smoke run); --plain: HTTP instead of TLS.
#include "benchoptions.h"
#include "benchsupport.h"
#include "storage/embeddedstore.h"
#include "sync/syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <deque>
#include <memory>

using namespace poruch;

namespace {

struct Outcome {
    std::vector<double> cycleMs, pushMs, pullMs;
    int errors = 0;
    QString firstError;
    int maxOpen = 0;
    double seconds = 0;
};

struct Cycle {
    QByteArray push, pull;
    QByteArray pushReply, pullReply;
    int pushStatus = 0, pullStatus = 0;
    qint64 arrivedNs = 0, pushedNs = 0, doneNs = 0, startedNs = 0;
    bool finished = false;
    QString transportError;
};

// One load run: device i arrives at i × spacingMs; at most cap connections open at once.
Outcome runLoad(QList<bench::BenchDevice>& devices, const bench::BenchServer& server, double spacingMs, int cap,
    int stamp, bool tls)
{
    const quint16 port = const_cast<bench::BenchServer&>(server).port();
    std::vector<Cycle> cycles(size_t(devices.size()));
    for (qsizetype i = 0; i < devices.size(); ++i) {
        bench::BenchDevice& device = devices[i];
        QList<sync::PushItem> items;
        for (records::Record& record : device.records) {
            sync::PushItem item;
            item.seq = device.nextSeq++;
            item.baseRevision = record.revision;
            record = bench::changed(record, stamp);
            item.record = record;
            items << item;
        }
        cycles[size_t(i)].push = bench::pushRequestBytes(device, items, port);
        cycles[size_t(i)].pull = bench::pullRequestBytes(device, device.cursor, port);
    }

    Outcome outcome;
    QEventLoop loop;
    QElapsedTimer clock;
    std::deque<size_t> waiting;
    int open = 0;
    size_t finished = 0;
    const QList<QSslCertificate> trusted = server.trusted();
    std::function<void()> launchWaiting;
    std::vector<QPointer<bench::HttpConnection>> connections;

    const auto finish = [&](size_t i, bench::HttpConnection* connection) {
        cycles[i].doneNs = clock.nsecsElapsed();
        cycles[i].transportError = connection->lastError();
        cycles[i].finished = true;
        connection->close();
        connection->deleteLater();
        --open;
        if (++finished == cycles.size())
            loop.quit();
        launchWaiting();
    };
    const auto launch = [&](size_t i) {
        ++open;
        outcome.maxOpen = std::max(outcome.maxOpen, open);
        cycles[i].startedNs = clock.nsecsElapsed();
        auto* connection = new bench::HttpConnection(port, tls, trusted);
        connections.emplace_back(connection);
        connection->exchange(cycles[i].push, [&, i, connection](int status, const QByteArray& body) {
            cycles[i].pushStatus = status;
            cycles[i].pushReply = body;
            cycles[i].pushedNs = clock.nsecsElapsed();
            if (status != 200) {
                finish(i, connection);
                return;
            }
            connection->exchange(cycles[i].pull, [&, i, connection](int pullStatus, const QByteArray& pullBody) {
                cycles[i].pullStatus = pullStatus;
                cycles[i].pullReply = pullBody;
                finish(i, connection);
            });
        });
    };
    launchWaiting = [&] {
        while (!waiting.empty() && open < cap) {
            const size_t i = waiting.front();
            waiting.pop_front();
            launch(i);
        }
    };

    clock.start();
    for (size_t i = 0; i < cycles.size(); ++i) {
        QTimer::singleShot(int(double(i) * spacingMs), Qt::PreciseTimer, &loop, [&, i] {
            cycles[i].arrivedNs = clock.nsecsElapsed();
            waiting.push_back(i);
            launchWaiting();
        });
    }
    QTimer::singleShot(180000, &loop, &QEventLoop::quit); // a hung run ends as errors, not as a hang
    loop.exec();
    outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
    // A run cut short by the time limit: no callback may outlive this function's state.
    for (const auto& connection : connections)
        delete connection.data();

    // Check every reply, untimed.
    for (size_t i = 0; i < cycles.size(); ++i) {
        const Cycle& cycle = cycles[i];
        bench::BenchDevice& device = devices[qsizetype(i)];
        QString error;
        if (!cycle.finished)
            error = QStringLiteral("did not finish within 180 s");
        else if (cycle.pushStatus == 0 || (cycle.pushStatus == 200 && cycle.pullStatus == 0))
            error = QStringLiteral("connection failed: %1").arg(cycle.transportError);
        else if (cycle.pushStatus != 200)
            error = QStringLiteral("push status %1 %2")
                        .arg(cycle.pushStatus)
                        .arg(QString::fromUtf8(cycle.pushReply.left(120)));
        else if (cycle.pullStatus != 200)
            error = QStringLiteral("pull status %1 %2")
                        .arg(cycle.pullStatus)
                        .arg(QString::fromUtf8(cycle.pullReply.left(120)));
        if (error.isEmpty()) {
            const auto pushed = sync::PushResponse::fromJson(cycle.pushReply);
            int applied = 0;
            if (pushed) {
                for (const auto& result : pushed->results)
                    applied += result.status == sync::PushResult::Status::Applied ? 1 : 0;
            }
            if (applied != device.records.size())
                error = QStringLiteral("%1 of %2 records applied").arg(applied).arg(device.records.size());
        }
        if (error.isEmpty()) {
            // The pull leaves the tablet's own pushes out (it has them) and moves its cursor past them.
            const auto pushed = sync::PushResponse::fromJson(cycle.pushReply);
            const auto pulled = sync::PullResponse::fromJson(cycle.pullReply);
            int echoed = 0;
            if (pulled) {
                for (const auto& change : pulled->changes)
                    echoed
                        += change.kind == sync::Change::Kind::Record && change.record.caseId == device.caseId ? 1 : 0;
                device.cursor = pulled->nextCursor;
            }
            if (!pulled || pulled->hasMore)
                error = QStringLiteral("pull reply unreadable or incomplete");
            else if (echoed != 0)
                error = QStringLiteral("pull echoed %1 of the tablet's own records").arg(echoed);
            else if (!pushed || pulled->nextCursor < pushed->cursor)
                error = QStringLiteral("pull cursor %1 stayed before the push's %2")
                            .arg(pulled->nextCursor)
                            .arg(pushed ? pushed->cursor : -1);
        }
        if (!error.isEmpty()) {
            if (outcome.errors++ == 0)
                outcome.firstError = error;
            continue;
        }
        outcome.cycleMs.push_back(double(cycle.doneNs - cycle.arrivedNs) / 1e6);
        outcome.pushMs.push_back(double(cycle.pushedNs - cycle.startedNs) / 1e6);
        outcome.pullMs.push_back(double(cycle.doneNs - cycle.pushedNs) / 1e6);
    }
    return outcome;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P4: many tablets syncing at once"),
        bench::BenchOptions::PlainOption | bench::BenchOptions::MaxBodyOption);
    options.process(app);
    const bool isQuick = options.quick();
    const int repetitions = options.repetitions();
    const bool tls = options.tls();
    const int deviceCount = isQuick ? 40 : 500;
    const double windowSeconds = isQuick ? 1.0 : 10.0;
    const int cap = 64;
    const int recordsPerDevice = 20;

    // Seed once into a template store; every repetition starts a server on a fresh copy.
    bench::BenchServer seeded;
    QList<bench::BenchDevice> templateDevices;
    QElapsedTimer seedClock;
    seedClock.start();
    if (!seeded.seed([&](server::EmbeddedStore& store, server::SyncService& service) {
            return bench::seedDevices(store, service, deviceCount, recordsPerDevice, templateDevices, 7);
        })) {
        std::fprintf(stderr, "bench_sync_devices: seeding failed\n");
        return 2;
    }
    std::printf("P4 setup: %d tablets enrolled, %d records each, seeded in %.1f s (untimed)\n", deviceCount,
        recordsPerDevice, double(seedClock.elapsed()) / 1000);
    std::fflush(stdout);

    std::vector<double> steadyP99, steadyP50, steadyPush, steadyPull, burstP99, burstP50;
    int steadyErrors = 0, burstErrors = 0;
    qint64 steadyRss = 0, burstRss = 0;
    int steadyMaxOpen = 0;
    for (int rep = 0; rep < repetitions; ++rep) {
        bench::BenchServer server;
        if (!server.copyFrom(seeded) || !server.start(tls, bench::faultConfig(options.maxBodyBytes()))) {
            std::fprintf(stderr, "bench_sync_devices: server did not start: %s\n", qPrintable(server.error()));
            return 2;
        }
        QList<bench::BenchDevice> devices = templateDevices;
        const auto cpu0 = server.cpuSeconds();
        const double wait0 = server.runQueueSeconds();
        const Outcome steady = runLoad(devices, server, windowSeconds * 1000 / deviceCount, cap, 2 * rep + 1, tls);
        const qint64 rssAfterSteady = server.peakRssKiB();
        const auto cpu1 = server.cpuSeconds();
        const double wait1 = server.runQueueSeconds();
        const Outcome burst = runLoad(devices, server, 0, deviceCount, 2 * rep + 2, tls);
        const qint64 rssAfterBurst = server.peakRssKiB();
        const auto cpu2 = server.cpuSeconds();
        const double wait2 = server.runQueueSeconds();
        server.stop();

        steadyP99.push_back(bench::percentile(steady.cycleMs, 99));
        steadyP50.push_back(bench::percentile(steady.cycleMs, 50));
        steadyPush.push_back(bench::percentile(steady.pushMs, 99));
        steadyPull.push_back(bench::percentile(steady.pullMs, 99));
        burstP99.push_back(bench::percentile(burst.cycleMs, 99));
        burstP50.push_back(bench::percentile(burst.cycleMs, 50));
        steadyErrors += steady.errors;
        burstErrors += burst.errors;
        steadyRss = std::max(steadyRss, rssAfterSteady);
        burstRss = std::max(burstRss, rssAfterBurst);
        steadyMaxOpen = std::max(steadyMaxOpen, steady.maxOpen);
        std::printf("  rep %d steady: p50 %.0f ms, p99 %.0f ms (push p99 %.0f, pull p99 %.0f), %d errors%s%s, "
                    "%.1f s, max %d open, RSS %lld MB, server CPU %.1f s (sys %.1f), waited for a CPU %.1f s\n",
            rep + 1, steadyP50.back(), steadyP99.back(), steadyPush.back(), steadyPull.back(), steady.errors,
            steady.errors ? ": " : "", qPrintable(steady.firstError), steady.seconds, steady.maxOpen,
            rssAfterSteady / 1024, cpu1.first + cpu1.second - cpu0.first - cpu0.second, cpu1.second - cpu0.second,
            wait1 - wait0);
        std::printf(
            "  rep %d burst:  p50 %.0f ms, p99 %.0f ms, %d errors%s%s, %.1f s, max %d open, RSS %lld MB, server "
            "CPU %.1f s (sys %.1f), waited for a CPU %.1f s\n",
            rep + 1, burstP50.back(), burstP99.back(), burst.errors, burst.errors ? ": " : "",
            qPrintable(burst.firstError), burst.seconds, burst.maxOpen, rssAfterBurst / 1024,
            cpu2.first + cpu2.second - cpu1.first - cpu1.second, cpu2.second - cpu1.second, wait2 - wait1);
        std::fflush(stdout);
    }
    const char* transport = tls ? "TLS" : "HTTP";
    std::printf("P4 steady p99 %.0f ms (p50 %.0f ms, push p99 %.0f ms, pull p99 %.0f ms, errors %d of %d, server "
                "peak RSS %lld MB, %d tablets over %.0f s, max %d connections, %s, median of %d)\n",
        bench::median(steadyP99), bench::median(steadyP50), bench::median(steadyPush), bench::median(steadyPull),
        steadyErrors, deviceCount * repetitions, steadyRss / 1024, deviceCount, windowSeconds, steadyMaxOpen, transport,
        repetitions);
    std::printf("P4 burst p99 %.0f ms (p50 %.0f ms, errors %d of %d, server peak RSS %lld MB, %d tablets at once, %s, "
                "median of %d)\n",
        bench::median(burstP99), bench::median(burstP50), burstErrors, deviceCount * repetitions, burstRss / 1024,
        deviceCount, transport, repetitions);
    return steadyErrors + burstErrors == 0 ? 0 : 1;
}
