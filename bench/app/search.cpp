// bench_app_search: P6, caseload search over 20,000 cases through the real CaseloadModel (searchText →
// RecordRepository::searchCases on the encrypted store, FTS5), a realistic query mix: surname prefixes in
// any case (e.g. «ШЕВ»), full names, first names, streets and villages, phone digits with and without
// spaces. Timed: setting the model's searchText until its rows are there. Prints:
//   P6 search p95 <ms> ms (p50 <ms> ms, <n> queries over <cases> cases, median of <reps>)
// --quick: 300 cases, 1 repetition; --reps N; --cases N; --dir PATH. Exits non-zero if a query does not
// find exactly the households that match it (counted independently, up to the model's limit of 200).
#include "appbench.h"
#include "benchoptions.h"

#include "appsession.h"
#include "caseloadmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace poruch;

namespace {

QString normalised(const QString& text)
{
    QString out = text.toLower();
    for (QChar apostrophe : { QChar(0x0027), QChar(0x2019), QChar(0x02BC) })
        out.remove(apostrophe);
    return out;
}

QStringList words(const QString& text)
{
    QStringList out;
    QString word;
    for (QChar c : normalised(text)) {
        if (c.isLetterOrNumber()) {
            word += c;
        } else if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        out << word;
    return out;
}

QString digits(const QString& text)
{
    QString out;
    for (QChar c : text) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

bool phoneLike(const QString& text)
{
    for (QChar c : text) {
        if (!c.isDigit() && !c.isSpace() && c != QLatin1Char('+') && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

// Independent of the search code: what the worker expects a hit to contain.
bool matches(const records::Case& household, const QString& query)
{
    if (phoneLike(query))
        return digits(household.phone).contains(digits(query));
    QStringList haystack = words(household.address);
    for (const records::Member& member : household.members)
        haystack += words(member.fullName);
    for (const QString& term : words(query)) {
        if (std::none_of(haystack.cbegin(), haystack.cend(), [&](const QString& w) { return w.startsWith(term); }))
            return false;
    }
    return true;
}

const QStringList kTypedQueries { QStringLiteral("ШЕВ"), QStringLiteral("шевч"), QStringLiteral("КОВАЛ"),
    QStringLiteral("Олійник"), QStringLiteral("Ґонта"), QStringLiteral("їжак"), QStringLiteral("Єрем"),
    QStringLiteral("Іван"), QStringLiteral("Марʼяна"), QStringLiteral("Садова"), QStringLiteral("Героїв"),
    QStringLiteral("Новоєгорівка"), QStringLiteral("Баштанка Соборна"), QStringLiteral("067"),
    QStringLiteral("+380 93"), QStringLiteral("45 6"), QStringLiteral("50 12"), QStringLiteral("Тихий"),
    QStringLiteral("дяч"), QStringLiteral("Романюк Олена"), QStringLiteral("мор"), QStringLiteral("ПОЛІЩУК ТАРАС") };

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P6: caseload search over 20,000 cases"));
    QCommandLineParser& parser = options.parser();
    const QCommandLineOption casesOption(
        QStringLiteral("cases"), QStringLiteral("Cases on the tablet."), QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption dir(
        QStringLiteral("dir"), QStringLiteral("Folder for the data folder."), QStringLiteral("path"));
    const QCommandLineOption slowest(
        QStringLiteral("slowest"), QStringLiteral("Also print the slowest queries of each repetition."));
    parser.addOptions({ casesOption, dir, slowest });
    options.process(app);
    const int cases = options.quick() ? 300 : qMax(1, parser.value(casesOption).toInt());
    const int repetitions = options.repetitions();

    QTemporaryDir temp(
        (parser.isSet(dir) ? parser.value(dir) : QDir::currentPath()) + QStringLiteral("/bench_app_search-XXXXXX"));
    if (!temp.isValid())
        return 1;
    const bench::Households households = bench::makeHouseholds(cases, 6);
    // The search needs no particular KDF strength; the store is the same either way.
    if (!bench::prepareDevice(temp.path(), households.cases, store::KdfParams::insecureForTests()))
        return 1;
    QHash<QString, const records::Case*> byId;
    for (const records::Case& household : households.cases)
        byId.insert(household.id, &household);

    // The mix: what workers typed for generated households (surname prefixes in capitals, full names, the
    // last phone digits, surname + street), interleaved with the typed list above.
    QStringList queries;
    for (qsizetype i = 0; i < qMin<qsizetype>(households.queries.size(), 200); ++i) {
        queries << households.queries.at(i);
        if (i % 4 == 0)
            queries << kTypedQueries.at((i / 4) % kTypedQueries.size());
    }
    queries += kTypedQueries;
    // What each query must find, counted without the search code; a typed query no household matches (in a
    // small --quick run) is dropped, every other one must find exactly its households (up to the limit).
    QHash<QString, int> expected;
    for (const QString& query : std::as_const(queries)) {
        expected[query] = int(std::count_if(households.cases.cbegin(), households.cases.cend(),
            [&](const records::Case& household) { return matches(household, query); }));
    }
    queries.removeIf([&](const QString& query) { return expected.value(query) == 0; });

    app::AppSession::Config config;
    config.dataDir = temp.path();
    config.kdf = store::KdfParams::insecureForTests();
    app::AppSession session(config);
    if (!session.unlock(bench::benchPin()))
        return 1;
    app::CaseloadModel model;
    if (model.rowCount() != cases) {
        std::fprintf(stderr, "P6: the caseload shows %d of %d cases\n", model.rowCount(), cases);
        return 1;
    }

    std::vector<double> p95s;
    std::vector<double> p50s;
    for (int rep = 1; rep <= repetitions; ++rep) {
        std::vector<double> ms;
        int rows = 0;
        for (const QString& query : std::as_const(queries)) {
            QElapsedTimer timer;
            timer.start();
            model.setSearchText(query);
            const int found = model.rowCount();
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            rows += found;
            if (found != qMin(expected.value(query), int(app::CaseloadModel::searchLimit))) {
                std::fprintf(stderr, "P6: query %lld found %d households, expected %d\n",
                    static_cast<long long>(queries.indexOf(query)), found, expected.value(query));
                return 1;
            }
            for (int row = 0; row < found; ++row) {
                const auto* household = byId.value(model.caseIdAt(row));
                if (!household || !matches(*household, query)) {
                    std::fprintf(stderr, "P6: a row does not match its query (query %lld, row %d)\n",
                        static_cast<long long>(queries.indexOf(query)), row);
                    return 1;
                }
            }
        }
        if (parser.isSet(slowest)) {
            // Where the time goes: the slowest queries of this repetition (the queries are generated).
            std::vector<std::pair<double, QString>> ranked;
            for (size_t i = 0; i < ms.size(); ++i)
                ranked.emplace_back(ms[i], queries.at(qsizetype(i)));
            std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
            for (size_t i = 0; i < std::min<size_t>(ranked.size(), 15); ++i)
                std::printf("  %.2f ms  %d expected  %s\n", ranked[i].first, expected.value(ranked[i].second),
                    qPrintable(ranked[i].second));
        }
        const double p50 = bench::percentile(ms, 50);
        const double p95 = bench::percentile(ms, 95);
        std::printf("rep %d: %lld queries, %d rows, p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", rep,
            static_cast<long long>(queries.size()), rows, p50, p95, *std::max_element(ms.begin(), ms.end()));
        std::fflush(stdout);
        p50s.push_back(p50);
        p95s.push_back(p95);
        model.setSearchText(QString()); // back to the whole list between repetitions (untimed)
    }
    std::printf("P6 search p95 %.1f ms (p50 %.1f ms, %lld queries over %d cases, median of %d)\n", bench::median(p95s),
        bench::median(p50s), static_cast<long long>(queries.size()), cases, repetitions);
    return 0;
}
