// bench_app_unlock: P5, unlock until the caseload is visible with 10,000 cases on the tablet, against the
// KDF alone in the same run (definition in bench/README.md). The real app: AppSession::unlock (Argon2id at
// the production strength, store open, migrations) → the real Main.qml offscreen, its home page's ListView
// showing the first delegates of the real CaseloadModel, one frame rendered. Prints:
//   P5 unlock <s> s (KDF alone <s> s, <n> cases, caseload visible, median of <reps>)
// --quick: 200 cases, 1 repetition (smoke run); --reps N; --cases N; --dir PATH (default: the working
// directory). Exits non-zero if the caseload did not show every case.
#include "appbench.h"
#include "benchoptions.h"

#include "appsession.h"
#include "store/secretbytes.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQuickItem>
#include <QTemporaryDir>

#include <openssl/rand.h>

#include <cstdio>

using namespace poruch;

int main(int argc, char** argv)
{
    bench::useOffscreenRendering();
    QGuiApplication app(argc, argv);
    bench::BenchOptions options(QStringLiteral("P5: unlock until the caseload is visible vs the KDF alone"));
    QCommandLineParser& parser = options.parser();
    const QCommandLineOption casesOption(
        QStringLiteral("cases"), QStringLiteral("Cases on the tablet."), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption dir(
        QStringLiteral("dir"), QStringLiteral("Folder for the data folder."), QStringLiteral("path"));
    parser.addOptions({ casesOption, dir });
    options.process(app);
    const int cases = options.quick() ? 200 : qMax(1, parser.value(casesOption).toInt());
    const int repetitions = options.repetitions();

    QTemporaryDir temp(
        (parser.isSet(dir) ? parser.value(dir) : QDir::currentPath()) + QStringLiteral("/bench_app_unlock-XXXXXX"));
    if (!temp.isValid())
        return 1;
    const bench::Households households = bench::makeHouseholds(cases, 5);
    if (!bench::prepareDevice(temp.path(), households.cases, store::KdfParams {}))
        return 1;

    bench::AppUnderTest tablet(temp.path());
    if (!tablet.load()) {
        std::fprintf(stderr, "P5: Main.qml did not load\n");
        return 1;
    }
    tablet.renderFrame(); // the unlock page, as the user sees it before typing the PIN

    std::vector<double> unlockSeconds;
    std::vector<double> kdfSeconds;
    for (int rep = 1; rep <= repetitions; ++rep) {
        // The KDF alone: the same Argon2id parameters, a salt and a device secret of the same sizes.
        QByteArray salt(store::KeyVault::SaltSize, '\0');
        QByteArray secret(32, '\0');
        RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), int(salt.size()));
        RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), int(secret.size()));
        QElapsedTimer kdfTimer;
        kdfTimer.start();
        auto kek = store::KeyVault::deriveKek(bench::benchPin(), salt, store::SecretBytes(secret), store::KdfParams {});
        const double kdf = double(kdfTimer.nsecsElapsed()) / 1e9;
        if (!kek) {
            std::fprintf(stderr, "P5: KDF failed\n");
            return 1;
        }

        QElapsedTimer timer;
        timer.start();
        if (!tablet.session().unlock(bench::benchPin())) {
            std::fprintf(stderr, "P5: unlock failed\n");
            return 1;
        }
        if (!tablet.waitForCaseload(cases)) {
            std::fprintf(stderr, "P5: the caseload did not show %d cases (it shows %d)\n", cases,
                tablet.caseList()->property("count").toInt());
            return 1;
        }
        const double unlock = double(timer.nsecsElapsed()) / 1e9;
        std::printf("rep %d: unlock until the caseload is visible %.3f s, KDF alone %.3f s\n", rep, unlock, kdf);
        std::fflush(stdout);
        unlockSeconds.push_back(unlock);
        kdfSeconds.push_back(kdf);
        tablet.session().lock();
        QCoreApplication::processEvents();
    }
    std::printf("P5 unlock %.2f s (KDF alone %.2f s, %d cases, caseload visible, median of %d)\n",
        bench::median(unlockSeconds), bench::median(kdfSeconds), cases, repetitions);
    return 0;
}
