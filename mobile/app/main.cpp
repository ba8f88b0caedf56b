// poruch: the tablet app. Everything it runs lives in poruch_mobile (C++) and poruch_ui (QML).
#include "appoptions.h"
#include "appsession.h"
#include "autotype.h"
#include "core/jsonlogging.h"
#include "core/version.h"
#include "demodata.h"
#include "pagescreenshotter.h"
#include "qmlselftest.h"
#include "records/recordrepository.h"
#include "serverconnection.h"
#include "syncstatus.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <QTranslator>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(Poruch_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Poruch_UiPlugin)

namespace {

using poruch::app::AppOptions;

const QUrl mainQmlUrl(QStringLiteral("qrc:/Poruch/Ui/Main.qml"));

bool headless()
{
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

int dumpRecord(poruch::app::AppSession& session, const AppOptions& options)
{
    if (!session.unlock(options.testPin) || !session.repository()) {
        std::fprintf(stderr, "poruch: cannot unlock the store\n");
        return 1;
    }
    auto record = session.repository()->getRecord(options.testRecordId);
    if (!record) {
        std::fprintf(stderr, "poruch: %s\n", qPrintable(record.error().code));
        return 1;
    }
    std::printf("%s\n", QJsonDocument(record->body).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const AppOptions options = poruch::app::parseAppOptions(arguments);

    // Self-test, screenshots and test hooks never need a screen; neither does a machine without one.
    if (options.mode != AppOptions::Mode::Interactive || headless())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen")
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Poruch"));
    QGuiApplication::setOrganizationName(QStringLiteral("Poruch"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(poruch::versionString));
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "poruch: %s\n", qPrintable(options.error));
        return 2;
    }
    if (options.mode == AppOptions::Mode::Interactive && headless())
        std::fprintf(stderr, "poruch: no display; running offscreen (use --screenshots DIR to see the pages)\n");

    const QLocale locale(options.language == QLatin1String("en") ? QLocale::English : QLocale::Ukrainian,
        options.language == QLatin1String("en") ? QLocale::UnitedKingdom : QLocale::Ukraine);
    QLocale::setDefault(locale);
    QTranslator translator;
    if (options.language == QLatin1String("uk")) {
        if (!translator.load(locale, QStringLiteral("poruch"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            std::fprintf(stderr, "poruch: Ukrainian translation missing from the build\n");
            return 1;
        }
        QGuiApplication::installTranslator(&translator);
    }
    QQuickStyle::setStyle(QStringLiteral("Material"));

    // The store lives in the platform's app data folder; the self-test and the screenshot tool use a
    // throw-away folder with fictional households, never a real store.
    const bool demo = options.mode == AppOptions::Mode::SelfTest || options.mode == AppOptions::Mode::Screenshots;
    std::unique_ptr<QTemporaryDir> demoDir;
    poruch::app::AppSession::Config config;
    config.dataDir = options.dataDir;
    if (config.dataDir.isEmpty() && demo) {
        demoDir = std::make_unique<QTemporaryDir>();
        config.dataDir = demoDir->path();
    }
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    config.maxFailures = options.maxPinFailures;
    config.autoLockSeconds = options.autoLockMinutes * 60;
    config.fixedNow = options.fixedNow;
    poruch::app::AppSession session(config);
    poruch::app::SyncStatus syncStatus(nullptr);
    syncStatus.setSuggestedServer(options.serverUrl.toString());

    if (options.mode == AppOptions::Mode::TestAutotype)
        return poruch::app::autotype::run(session, options.testPin);
    if (options.mode == AppOptions::Mode::TestDumpRecord)
        return dumpRecord(session, options);

    if (demo) {
        if (!session.prepareDemo()) {
            std::fprintf(stderr, "poruch: demo data could not be prepared\n");
            return 1;
        }
    }

    QList<QSslCertificate> trusted;
    if (!options.caCertificate.isEmpty()) {
        trusted = QSslCertificate::fromPath(options.caCertificate);
        if (trusted.isEmpty()) {
            std::fprintf(stderr, "poruch: no PEM certificate in %s\n", qPrintable(options.caCertificate));
            return 2;
        }
    }
    poruch::app::ServerConnection serverConnection(options.serverUrl, trusted);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));

    if (options.mode == AppOptions::Mode::SelfTest)
        return poruch::app::runQmlSelfTest(engine, mainQmlUrl, QStringLiteral(":/Poruch/Ui"));

    engine.load(mainQmlUrl);
    if (engine.rootObjects().isEmpty())
        return 1;

    if (options.mode == AppOptions::Mode::Screenshots) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        // Give the health check a moment so the screenshots show the live server state.
        if (serverConnection.configured()) {
            QEventLoop wait;
            QObject::connect(&serverConnection, &poruch::app::ServerConnection::stateChanged, &wait, [&] {
                if (serverConnection.state() != poruch::app::ServerConnection::State::Checking)
                    wait.quit();
            });
            QTimer::singleShot(5000, &wait, &QEventLoop::quit);
            if (serverConnection.state() == poruch::app::ServerConnection::State::Checking)
                wait.exec();
        }
        const int written = poruch::app::writePageScreenshots(window, options.screenshotDir);
        if (written <= 0) {
            std::fprintf(stderr, "poruch: could not write screenshots to %s\n", qPrintable(options.screenshotDir));
            return 1;
        }
        std::printf("poruch: wrote %d screenshots to %s\n", written, qPrintable(options.screenshotDir));
        return 0;
    }
    return app.exec();
}
