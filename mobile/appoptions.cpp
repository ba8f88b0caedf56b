#include "appoptions.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace poruch::app {

AppOptions parseAppOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Poruch tablet app"));
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("Sync server URL."), QStringLiteral("url"));
    const QCommandLineOption caCert(QStringLiteral("ca-cert"),
        QStringLiteral("PEM certificate to trust for the server (demo only; enrollment pins it)."),
        QStringLiteral("file"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
        QStringLiteral("Load every QML file offscreen; exit non-zero on any QML warning or error."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
        QStringLiteral("Render the main pages to PNG files in this folder and exit."), QStringLiteral("dir"));
    const QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("UI language: uk (default) or en."),
        QStringLiteral("code"), QStringLiteral("uk"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Folder of the encrypted store (default: the platform's app data folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption maxFailures(QStringLiteral("max-pin-failures"),
        QStringLiteral("Wrong PINs before the store is wiped (default 10)."), QStringLiteral("n"),
        QStringLiteral("10"));
    const QCommandLineOption autoLock(QStringLiteral("auto-lock-minutes"),
        QStringLiteral("Lock after this many minutes without input (default 5)."), QStringLiteral("n"),
        QStringLiteral("5"));
    const QCommandLineOption now(QStringLiteral("now"),
        QStringLiteral("Freeze the clock at this ISO 8601 moment (tests)."), QStringLiteral("iso"));
    const QCommandLineOption autotype(QStringLiteral("test-autotype"),
        QStringLiteral("Test hook: set up or unlock with this PIN and type into a notice draft until killed."),
        QStringLiteral("pin"));
    const QCommandLineOption dump(QStringLiteral("test-dump-record"),
        QStringLiteral("Test hook: unlock with --test-pin and print the record's body as JSON."), QStringLiteral("id"));
    const QCommandLineOption testPin(
        QStringLiteral("test-pin"), QStringLiteral("PIN for --test-dump-record."), QStringLiteral("pin"));
    parser.addOptions({ server, caCert, selfTest, screenshots, language, dataDir, maxFailures, autoLock, now, autotype,
        dump, testPin });
    parser.addHelpOption();

    AppOptions options;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(server)) {
        options.serverUrl = QUrl(parser.value(server), QUrl::StrictMode);
        const QString scheme = options.serverUrl.scheme();
        if (!options.serverUrl.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
            || options.serverUrl.host().isEmpty())
            options.error = QStringLiteral("--server must be an http(s) URL");
    }
    options.caCertificate = parser.value(caCert);
    options.language = parser.value(language);
    if (options.language != QLatin1String("uk") && options.language != QLatin1String("en"))
        options.error = QStringLiteral("--lang must be uk or en");
    options.dataDir = parser.value(dataDir);
    bool numberOk = false;
    options.maxPinFailures = parser.value(maxFailures).toInt(&numberOk);
    if (!numberOk || options.maxPinFailures < 1 || options.maxPinFailures > 100)
        options.error = QStringLiteral("--max-pin-failures must be 1..100");
    options.autoLockMinutes = parser.value(autoLock).toInt(&numberOk);
    if (!numberOk || options.autoLockMinutes < 1 || options.autoLockMinutes > 60)
        options.error = QStringLiteral("--auto-lock-minutes must be 1..60");
    if (parser.isSet(now)) {
        options.fixedNow = QDateTime::fromString(parser.value(now), Qt::ISODate);
        if (!options.fixedNow.isValid())
            options.error = QStringLiteral("--now must be an ISO 8601 date-time");
    }
    if (parser.isSet(autotype)) {
        options.mode = AppOptions::Mode::TestAutotype;
        options.testPin = parser.value(autotype);
    }
    if (parser.isSet(dump)) {
        options.mode = AppOptions::Mode::TestDumpRecord;
        options.testRecordId = parser.value(dump);
        options.testPin = parser.value(testPin);
    }
    if ((options.mode == AppOptions::Mode::TestAutotype || options.mode == AppOptions::Mode::TestDumpRecord)
        && options.dataDir.isEmpty())
        options.error = QStringLiteral("test hooks need --data-dir");
    if (parser.isSet(selfTest))
        options.mode = AppOptions::Mode::SelfTest;
    if (parser.isSet(screenshots)) {
        options.mode = AppOptions::Mode::Screenshots;
        options.screenshotDir = parser.value(screenshots);
    }
    return options;
}

} // namespace poruch::app
