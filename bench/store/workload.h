#pragma once

#include "records/case.h"
#include "records/record.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <random>

namespace poruch::store {
class Database;
}

namespace poruch::bench {

// Sizes of one P1 run (bench/README.md). quick() is the smoke run for ctest.
struct WorkloadSize {
    int cases = 2000;
    int recordsPerCase = 5;
    int caseOpenings = 200;
    int recordReads = 1000;
    int autosaves = 2000;
    int searches = 200;
    int prefillBatch = 500; // records per transaction while pre-filling
    static WorkloadSize quick() { return { 100, 5, 20, 100, 100, 20, 100 }; }
};

// Deterministic, realistic data: Ukrainian names, addresses and ~1.1 KB act bodies. The same seed
// gives the same cases, records and operation order, so the encrypted and plain runs do equal work.
struct Dataset {
    QList<records::Case> cases;
    QList<records::Record> records;
    QStringList searchQueries;
};
Dataset makeDataset(const WorkloadSize& size, quint32 seed);

struct Timings {
    double bulkSeconds = 0; // pre-fill
    double interactiveSeconds = 0; // the mix
    int searchHits = 0; // sanity: searches must find something
};

// Pre-fills an open, migrated store with the dataset (timed as bulk), closes and reopens it (as the app
// does at unlock; untimed), then runs the interactive mix (timed). openStore() opens the same file again.
using StoreOpener = std::function<std::unique_ptr<store::Database>()>;
Timings runWorkload(const StoreOpener& openStore, const Dataset& data, const WorkloadSize& size, quint32 seed);

} // namespace poruch::bench
