// bench_app_scroll: P7, the app's memory after scrolling the whole caseload list of 10,000 cases
// offscreen (the real Main.qml, home page ListView, scrolled to the end a page at a time with a frame
// rendered per page), against the same app with an empty caseload. Each measurement is a fresh child
// process (this program with --child), so the two figures are independent; each child reads VmRSS and
// VmHWM from /proc/self/status after the scroll. Prints:
//   P7 RSS <MB> MB after scrolling <n> cases (empty caseload <MB> MB, peak <MB> MB, median of <reps>)
// --quick: 300 cases, 1 repetition; --reps N; --cases N; --dir PATH. Exits non-zero if the list did not
// reach its last case.
#include "appbench.h"
#include "benchoptions.h"

#include "appsession.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QQuickItem>
#include <QTemporaryDir>

#include <cstdio>

using namespace poruch;

namespace {

struct Memory {
    double rssMB = 0;
    double hwmMB = 0;
    int pages = 0;
};

// The child: open the app on `dir`, unlock, scroll to the end, report.
int runChild(const QString& dir, int expected)
{
    bench::AppUnderTest tablet(dir);
    if (!tablet.load() || !tablet.session().unlock(bench::benchPin()) || !tablet.waitForCaseload(expected)) {
        std::fprintf(stderr, "P7: the caseload did not show %d cases\n", expected);
        return 1;
    }
    QQuickItem* list = tablet.caseList();
    int pages = 0;
    while (!list->property("atYEnd").toBool()) {
        const qreal next = list->property("contentY").toReal() + list->height();
        list->setProperty("contentY", next);
        QCoreApplication::processEvents();
        if (!tablet.renderFrame())
            return 1;
        ++pages;
    }
    if (expected > 0 && !tablet.itemAtIndex(expected - 1)) {
        std::fprintf(stderr, "P7: the list ended before its last case\n");
        return 1;
    }
    std::printf("memory %lld %lld %d\n", static_cast<long long>(bench::procStatusKiB("VmRSS")),
        static_cast<long long>(bench::procStatusKiB("VmHWM")), pages);
    return 0;
}

bool measure(const QString& program, const QString& dir, int expected, Memory* memory)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, { QStringLiteral("--child"), dir, QStringLiteral("--cases"), QString::number(expected) });
    if (!child.waitForFinished(30 * 60 * 1000) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return false;
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 4 || fields.first() != "memory")
        return false;
    memory->rssMB = fields.at(1).toDouble() / 1024;
    memory->hwmMB = fields.at(2).toDouble() / 1024;
    memory->pages = fields.at(3).toInt();
    return memory->rssMB > 0;
}

} // namespace

int main(int argc, char** argv)
{
    bench::useOffscreenRendering();
    QGuiApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P7: app memory after scrolling the whole caseload"));
    QCommandLineParser& parser = options.parser();
    const QCommandLineOption casesOption(
        QStringLiteral("cases"), QStringLiteral("Cases on the tablet."), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption dir(
        QStringLiteral("dir"), QStringLiteral("Folder for the data folders."), QStringLiteral("path"));
    const QCommandLineOption child(
        QStringLiteral("child"), QStringLiteral("Internal: measure one app on DIR."), QStringLiteral("dir"));
    parser.addOptions({ casesOption, dir, child });
    options.process(app, QStringLiteral("\nqt.*.warning=false"));
    const int cases = options.quick() ? 300 : qMax(1, parser.value(casesOption).toInt());
    if (parser.isSet(child))
        return runChild(parser.value(child), parser.value(casesOption).toInt());
    const int repetitions = options.repetitions();

    QTemporaryDir temp(
        (parser.isSet(dir) ? parser.value(dir) : QDir::currentPath()) + QStringLiteral("/bench_app_scroll-XXXXXX"));
    if (!temp.isValid())
        return 1;
    const QString full = temp.filePath(QStringLiteral("full"));
    const QString empty = temp.filePath(QStringLiteral("empty"));
    // The production KDF: its 64 MiB are part of what the app's peak holds at unlock.
    if (!bench::prepareDevice(full, bench::makeHouseholds(cases, 7).cases, store::KdfParams {})
        || !bench::prepareDevice(empty, {}, store::KdfParams {}))
        return 1;

    std::vector<double> fullRss, emptyRss, fullPeak;
    for (int rep = 1; rep <= repetitions; ++rep) {
        Memory withCases;
        Memory without;
        if (!measure(QCoreApplication::applicationFilePath(), full, cases, &withCases)
            || !measure(QCoreApplication::applicationFilePath(), empty, 0, &without)) {
            std::fprintf(stderr, "P7: a measuring child failed\n");
            return 1;
        }
        std::printf("rep %d: %d cases scrolled in %d pages: RSS %.1f MB (peak %.1f MB); empty caseload: RSS %.1f MB "
                    "(peak %.1f MB)\n",
            rep, cases, withCases.pages, withCases.rssMB, withCases.hwmMB, without.rssMB, without.hwmMB);
        std::fflush(stdout);
        fullRss.push_back(withCases.rssMB);
        emptyRss.push_back(without.rssMB);
        fullPeak.push_back(withCases.hwmMB);
    }
    std::printf("P7 RSS %.0f MB after scrolling %d cases (empty caseload %.0f MB, peak %.0f MB, median of %d)\n",
        bench::median(fullRss), cases, bench::median(emptyRss), bench::median(fullPeak), repetitions);
    return 0;
}
