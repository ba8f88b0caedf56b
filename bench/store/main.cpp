// bench_store: P1, the interactive store workload on an encrypted store vs the same build with an
// unkeyed store (definition in bench/README.md). Prints:
//   P1 interactive ratio <enc/plain> (enc <s> s, plain <s> s, median of <n>)
//   P1 bulk ratio <enc/plain> (enc <s> s, plain <s> s, median of <n>)
// --quick: a small smoke run; --reps N: repetitions (at least 5 for reported figures); --dir PATH: where
// the stores are written (default: a temporary folder on the same disk as the working directory).

#include "benchoptions.h"
#include "benchstats.h"
#include "workload.h"

#include "store/database.h"
#include "store/secretbytes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace poruch;
using poruch::bench::median;

namespace {
void removeStore(const QString& path)
{
    for (const char* suffix : { "", "-wal", "-shm" })
        QFile::remove(path + QLatin1String(suffix));
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P1: interactive store workload, encrypted vs plain"));
    QCommandLineParser& parser = options.parser();
    const QCommandLineOption dir(
        QStringLiteral("dir"), QStringLiteral("Folder for the store files."), QStringLiteral("path"));
    parser.addOptions({ dir });
    options.process(app);

    const bench::WorkloadSize size = options.quick() ? bench::WorkloadSize::quick() : bench::WorkloadSize {};
    const int repetitions = options.repetitions();
    QTemporaryDir temp(parser.isSet(dir) ? parser.value(dir) + QStringLiteral("/bench_store-XXXXXX")
                                         : QDir::currentPath() + QStringLiteral("/bench_store-XXXXXX"));
    if (!temp.isValid()) {
        std::fprintf(stderr, "bench_store: cannot create a folder for the stores\n");
        return 2;
    }

    constexpr quint32 seed = 20260327;
    const bench::Dataset data = bench::makeDataset(size, seed);
    std::printf(
        "P1 workload: %lld cases, %lld records, mix %d openings / %d reads / %d autosaves / %d searches, %d reps\n",
        qint64(data.cases.size()), qint64(data.records.size()), size.caseOpenings, size.recordReads, size.autosaves,
        size.searches, repetitions);
    std::fflush(stdout);

    std::vector<double> encBulk, plainBulk, encMix, plainMix;
    for (int rep = 0; rep < repetitions; ++rep) {
        // Alternate which kind runs first so drift on a shared machine hits both alike.
        for (int k = 0; k < 2; ++k) {
            const bool encrypted = (rep + k) % 2 == 0;
            const QString path = temp.filePath(QStringLiteral("p1-%1-%2.db").arg(rep).arg(encrypted ? "enc" : "plain"));
            const store::SecretBytes key = encrypted ? store::SecretBytes::random(32) : store::SecretBytes();
            const auto open = [&]() -> std::unique_ptr<store::Database> {
                auto db = store::Database::open(path, key);
                if (!db) {
                    std::fprintf(stderr, "bench_store: open failed: %s\n", qPrintable(db.error().code));
                    std::exit(2);
                }
                return std::move(db).value();
            };
            const bench::Timings t = bench::runWorkload(open, data, size, seed + quint32(rep));
            if (t.searchHits == 0) {
                std::fprintf(stderr, "bench_store: searches found nothing\n");
                return 2;
            }
            (encrypted ? encBulk : plainBulk).push_back(t.bulkSeconds);
            (encrypted ? encMix : plainMix).push_back(t.interactiveSeconds);
            std::printf("  rep %d %-5s bulk %.3f s, interactive %.3f s (%d/%d searches found cases)\n", rep + 1,
                encrypted ? "enc" : "plain", t.bulkSeconds, t.interactiveSeconds, t.searchHits, size.searches);
            std::fflush(stdout);
            removeStore(path);
        }
    }

    // The ratio is the median of the per-repetition ratios (enc and plain ran back to back), which
    // survives load changes on a shared machine better than a ratio of two separate medians.
    std::vector<double> mixRatios, bulkRatios;
    for (size_t i = 0; i < encMix.size(); ++i) {
        mixRatios.push_back(encMix[i] / plainMix[i]);
        bulkRatios.push_back(encBulk[i] / plainBulk[i]);
    }
    std::printf("P1 interactive ratio %.2f (enc %.2f s, plain %.2f s, median of %d)\n", median(mixRatios),
        median(encMix), median(plainMix), repetitions);
    std::printf("P1 bulk ratio %.2f (enc %.2f s, plain %.2f s, median of %d)\n", median(bulkRatios), median(encBulk),
        median(plainBulk), repetitions);
    return 0;
}
