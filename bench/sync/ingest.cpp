// bench_sync_ingest: P3, server ingest of finalized acts (bench/README.md). A fresh real poruch-server on
// the embedded (SQLCipher) store per repetition; one enrolled tablet uploads 1,000 finalized acts of
// realistic size in batches of 200 over one kept-alive TLS connection. Timed: the wall time of the push
// requests only (request sent → whole reply read), so the figure is the server's ingest rate including
// parsing, hashing checks, journal, audit and the fsync'd commit of each batch. Prints:
//   P3 ingest <records/s> records/s (<n> finalized acts in batches of 200, push wall <s> s, median of <reps>)
// --quick: 100 acts, 1 repetition (ctest smoke run); --plain: HTTP instead of TLS.
#include "../store/workload.h"
#include "benchoptions.h"
#include "benchsupport.h"
#include "storage/embeddedstore.h"
#include "sync/syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace poruch;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P3: server ingest of finalized acts"),
        bench::BenchOptions::PlainOption | bench::BenchOptions::MaxBodyOption);
    options.process(app);
    const bool isQuick = options.quick();
    const int repetitions = options.repetitions();
    const bool tls = options.tls();

    bench::WorkloadSize size;
    size.cases = isQuick ? 20 : 200;
    size.recordsPerCase = 5;
    const bench::Dataset data = bench::makeDataset(size, 20260327);
    const int batch = sync::maxPushItems;

    std::vector<double> rates, walls, cpuRates;
    for (int rep = 0; rep < repetitions; ++rep) {
        bench::BenchServer server;
        QList<bench::BenchDevice> devices;
        if (!server.seed([&](server::EmbeddedStore& store, server::SyncService& service) {
                return bench::seedDevices(store, service, 1, -1, devices, 1);
            })
            || !server.start(tls, bench::faultConfig(options.maxBodyBytes()))) {
            std::fprintf(stderr, "bench_sync_ingest: server did not start: %s\n", qPrintable(server.error()));
            return 2;
        }
        bench::BenchDevice& device = devices.first();
        bench::HttpConnection connection(server.port(), tls, server.trusted());

        // Untimed: the cases the acts belong to (they join the tablet user's caseload).
        QList<sync::PushItem> caseItems;
        for (records::Case value : data.cases) {
            value.createdAt = QDateTime(QDate(2025, 1, 10), QTime(9, 0), Qt::UTC); // the wire format needs them
            value.updatedAt = value.createdAt;
            sync::PushItem item;
            item.seq = device.nextSeq++;
            item.kind = sync::PushItem::Kind::Case;
            item.caseData = value;
            caseItems << item;
        }
        for (qsizetype i = 0; i < caseItems.size(); i += batch) {
            QByteArray body;
            const int status = bench::exchangeSync(
                connection, bench::pushRequestBytes(device, caseItems.mid(i, batch), server.port()), &body);
            if (status != 200) {
                std::fprintf(stderr, "bench_sync_ingest: case push answered %d %s\n", status, body.left(200).data());
                return 2;
            }
        }

        // Untimed: the request bytes, as the tablet's outbox would hold them.
        QList<QByteArray> requests;
        QList<sync::PushItem> items;
        int index = 0;
        for (records::Record record : data.records) {
            record = bench::withFormBody(record, index++);
            record.authorDeviceId = device.deviceId;
            record.revision = 1;
            sync::PushItem item;
            item.seq = device.nextSeq++;
            item.record = bench::finalized(record);
            items << item;
        }
        qint64 requestBytes = 0;
        for (qsizetype i = 0; i < items.size(); i += batch) {
            requests << bench::pushRequestBytes(device, items.mid(i, batch), server.port());
            requestBytes += requests.last().size();
        }

        double wall = 0;
        const auto cpuBefore = server.cpuSeconds();
        const double waitBefore = server.runQueueSeconds();
        for (const QByteArray& request : std::as_const(requests)) {
            QElapsedTimer clock;
            clock.start();
            QByteArray body;
            const int status = bench::exchangeSync(connection, request, &body);
            wall += double(clock.nsecsElapsed()) / 1e9;
            const auto response = sync::PushResponse::fromJson(body);
            if (status != 200 || !response) {
                std::fprintf(stderr, "bench_sync_ingest: push answered %d %s\n", status, body.left(200).data());
                return 2;
            }
            for (const sync::PushResult& result : response->results) {
                if (result.status != sync::PushResult::Status::Applied) {
                    std::fprintf(stderr, "bench_sync_ingest: an act was not applied (%s %s)\n",
                        qPrintable(sync::pushStatusId(result.status)), qPrintable(result.reason.code));
                    return 2;
                }
            }
        }
        const auto cpuAfter = server.cpuSeconds();
        const double waited = server.runQueueSeconds() - waitBefore;
        const double cpuUser = cpuAfter.first - cpuBefore.first;
        const double cpuSystem = cpuAfter.second - cpuBefore.second;
        cpuRates.push_back(double(items.size()) / std::max(0.01, cpuUser + cpuSystem));
        const double rate = double(items.size()) / wall;
        rates.push_back(rate);
        walls.push_back(wall);
        std::printf(
            "  rep %d: %lld acts (%lld KB of requests) in %.3f s of push wall time = %.0f records/s; server CPU "
            "%.2f s (user %.2f, system %.2f), server waited %.2f s for a CPU, peak RSS %lld MB\n",
            rep + 1, qint64(items.size()), requestBytes / 1024, wall, rate, cpuUser + cpuSystem, cpuUser, cpuSystem,
            waited, server.peakRssKiB() / 1024);
        std::fflush(stdout);
        connection.close();
        server.stop();
    }
    std::printf("P3 server CPU %.0f records per CPU-second (informational: ingest capacity without the other load "
                "on this machine, median of %d)\n",
        bench::median(cpuRates), repetitions);
    std::printf("P3 ingest %.0f records/s (%lld finalized acts in batches of %d over %s, push wall %.2f s, median "
                "of %d)\n",
        bench::median(rates), qint64(data.records.size()), batch, tls ? "TLS" : "HTTP", bench::median(walls),
        repetitions);
    return 0;
}
